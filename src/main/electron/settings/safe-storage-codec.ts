import { safeStorage } from 'electron';
import type { SecretCodec } from './llm-key';

/**
 * safeStorage behind the SecretCodec interface. Uses the async API: the synchronous one is
 * deprecated in Electron 45 and removed later. Call only after `app` is ready.
 */
export function safeStorageCodec(platform: NodeJS.Platform = process.platform): SecretCodec {
  return {
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    // getSelectedStorageBackend exists on Linux only.
    backend: () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null),
    encrypt: async (plain) => (await safeStorage.encryptStringAsync(plain)).toString('base64'),
    decrypt: async (base64) => (await safeStorage.decryptStringAsync(Buffer.from(base64, 'base64'))).result,
  };
}
