import type { LlmKeyStatus } from '@shared/ipc-contract';
import type { SettingsFile } from '@shared/config';
import { rawEnvValue } from '@shared/settings-descriptor';

/**
 * Encrypts secrets for the settings file. The desktop app backs it with Electron's safeStorage
 * (Keychain, DPAPI, libsecret/kwallet); tests use a fake. Ciphertext travels as base64.
 */
export interface SecretCodec {
  /** False when the OS offers no encryption at all (then the key is not stored). */
  isAvailable(): Promise<boolean>;
  /** Linux only: the password store in use (`basic_text` = no keyring, fixed password); null elsewhere. */
  backend(): string | null;
  encrypt(plain: string): Promise<string>;
  decrypt(base64: string): Promise<string>;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The key from the environment, which wins over the stored one (README.md "Configuration"). */
export function envLlmKey(env: Env): string | null {
  return rawEnvValue('llm_api_key', env)?.value ?? null;
}

/**
 * `basic_text` is Electron's fallback on Linux without a keyring: the "encryption" uses a hard-coded
 * password, so anyone who can read the settings file can recover the key. The UI must say so.
 */
export function isEncryptedAtRest(backend: string | null): boolean {
  return backend !== 'basic_text';
}

/** Decrypts the stored key; a key that cannot be decrypted (keyring changed) counts as absent. */
export async function readStoredLlmKey(
  settings: SettingsFile,
  codec: SecretCodec,
  onError: (error: unknown) => void,
): Promise<string | null> {
  const stored = settings.llm_api_key_encrypted;
  if (!stored) return null;
  try {
    const key = (await codec.decrypt(stored)).trim();
    return key || null;
  } catch (error) {
    onError(error);
    return null;
  }
}

/** What the Ajustes screen shows about the key: where it comes from and how it is kept — never the key. */
export function llmKeyStatus(env: Env, settings: SettingsFile, codec: SecretCodec): LlmKeyStatus {
  const backend = codec.backend();
  if (envLlmKey(env))
    return { configured: true, source: 'env', encrypted_at_rest: null, storage_backend: backend };
  if (settings.llm_api_key_encrypted) {
    return {
      configured: true,
      source: 'settings',
      encrypted_at_rest: isEncryptedAtRest(backend),
      storage_backend: backend,
    };
  }
  return { configured: false, source: null, encrypted_at_rest: null, storage_backend: backend };
}
