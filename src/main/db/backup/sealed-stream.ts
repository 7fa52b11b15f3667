import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { z } from 'zod';

/*
 * Passphrase encryption of a backup's body (docs/ARCHITECTURE.md "Backups"): scrypt derives a key,
 * AES-256-GCM seals the body in chunks of 64 KiB so a 1 GB backup is encrypted and decrypted as a
 * stream, yet nothing unauthenticated is ever handed on. Each chunk's nonce is
 * `prefix (7 bytes) ‖ counter (4 bytes) ‖ last (1 byte)`, the chunked-AEAD ("STREAM") construction:
 * chunks cannot be reordered or dropped, and a file cut at a chunk boundary fails because its last
 * chunk was not sealed as last. The file's plaintext header is bound to every chunk as associated data.
 */

const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
/** scrypt cost: ~100 ms and 32 MiB on a laptop; stored in the file so it can be raised later. */
const SCRYPT = { N: 32_768, r: 8, p: 1 } as const;

export const SealSchema = z.strictObject({
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  N: z.number().int().min(1024).max(1_048_576),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.base64(),
  nonce_prefix: z.base64(),
  chunk_bytes: z
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024),
  /** A tag over nothing, sealed with the key: tells a wrong passphrase from a damaged file. */
  key_check: z.base64(),
});
export type Seal = z.infer<typeof SealSchema>;

export class WrongPassphraseError extends Error {
  readonly reason = 'backup_wrong_passphrase';
}
export class DamagedSealError extends Error {
  readonly reason = 'backup_unreadable';
}

function deriveKey(passphrase: string, seal: Pick<Seal, 'N' | 'r' | 'p' | 'salt'>): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(seal.salt, 'base64'),
      32,
      { N: seal.N, r: seal.r, p: seal.p, maxmem: 256 * seal.N * seal.r + 16 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 7);
  n.writeUInt32BE(counter, 7);
  n[11] = last ? 1 : 0;
  return n;
}

/** The key-check nonce uses the counter no chunk reaches. */
const KEY_CHECK_COUNTER = 0xffff_ffff;

function keyCheckTag(key: Buffer, prefix: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, KEY_CHECK_COUNTER, true));
  cipher.final();
  return cipher.getAuthTag();
}

export interface SealKeys {
  seal: Seal;
  key: Buffer;
}

/** A new key and its parameters for one file. */
export async function newSeal(passphrase: string): Promise<SealKeys> {
  const salt = randomBytes(16).toString('base64');
  const prefix = randomBytes(7);
  const key = await deriveKey(passphrase, { ...SCRYPT, salt });
  return {
    key,
    seal: {
      cipher: 'aes-256-gcm',
      kdf: 'scrypt',
      ...SCRYPT,
      salt,
      nonce_prefix: prefix.toString('base64'),
      chunk_bytes: CHUNK_BYTES,
      key_check: keyCheckTag(key, prefix).toString('base64'),
    },
  };
}

/** The key for a file's seal, or WrongPassphraseError. */
export async function openSeal(passphrase: string, seal: Seal): Promise<Buffer> {
  const key = await deriveKey(passphrase, seal);
  const expected = Buffer.from(seal.key_check, 'base64');
  const actual = keyCheckTag(key, Buffer.from(seal.nonce_prefix, 'base64'));
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    throw new WrongPassphraseError('La contraseña de la copia no es correcta.');
  return key;
}

abstract class ChunkedTransform extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  protected counter = 0;

  constructor(
    protected readonly key: Buffer,
    protected readonly prefix: Buffer,
    protected readonly aad: Buffer,
    /** Bytes of one whole unit (plaintext chunk, or sealed chunk with its tag). */
    private readonly unitBytes: number,
  ) {
    super();
  }

  protected abstract processUnit(unit: Buffer, last: boolean): Buffer;

  override _transform(data: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const all = this.pending.length > 0 ? Buffer.concat([this.pending, data]) : data;
    let offset = 0;
    try {
      // A unit is sealed as "not last" only when more bytes follow it, so the flush always has a last one.
      while (all.length - offset > this.unitBytes) {
        this.push(this.processUnit(all.subarray(offset, offset + this.unitBytes), false));
        offset += this.unitBytes;
      }
      this.pending = Buffer.from(all.subarray(offset));
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.push(this.processUnit(this.pending, true));
      done();
    } catch (error) {
      done(error as Error);
    }
  }
}

class SealTransform extends ChunkedTransform {
  protected processUnit(unit: Buffer, last: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.counter++, last));
    cipher.setAAD(this.aad);
    return Buffer.concat([cipher.update(unit), cipher.final(), cipher.getAuthTag()]);
  }
}

class UnsealTransform extends ChunkedTransform {
  protected processUnit(unit: Buffer, last: boolean): Buffer {
    if (unit.length < TAG_BYTES) throw new DamagedSealError('La copia está cortada: le falta el final.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.counter++, last));
    decipher.setAAD(this.aad);
    decipher.setAuthTag(unit.subarray(unit.length - TAG_BYTES));
    const body = decipher.update(unit.subarray(0, unit.length - TAG_BYTES));
    try {
      return Buffer.concat([body, decipher.final()]);
    } catch {
      throw new DamagedSealError(
        `La copia está dañada o cortada (bloque cifrado ${this.counter} no auténtico): no se puede restaurar.`,
      );
    }
  }
}

export function sealStream(keys: SealKeys, aad: Buffer): Transform {
  return new SealTransform(
    keys.key,
    Buffer.from(keys.seal.nonce_prefix, 'base64'),
    aad,
    keys.seal.chunk_bytes,
  );
}

export function unsealStream(key: Buffer, seal: Seal, aad: Buffer): Transform {
  return new UnsealTransform(
    key,
    Buffer.from(seal.nonce_prefix, 'base64'),
    aad,
    seal.chunk_bytes + TAG_BYTES,
  );
}
