/**
 * The encryption primitives shared by the vault and by export files, all through WebCrypto.
 *
 * A passphrase goes through PBKDF2-SHA-256 once (600,000 iterations by default) to a master
 * key; each record then gets its own AES-GCM 256 key from HKDF-SHA-256 with a fresh random
 * salt, and a fresh 96-bit IV. Running PBKDF2 once per record instead would make unlocking
 * 1,000 profiles take minutes; HKDF keeps a per-record salt at no cost.
 */
import type { SealedBox } from './schema';

export const DEFAULT_ITERATIONS = 600_000;
export const PASSPHRASE_MIN_LENGTH = 8;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const RECORD_INFO = new TextEncoder().encode('keycheck record key v1');

/** A derived master key: usable only to derive record keys, never exportable. */
export interface MasterKey {
  readonly key: CryptoKey;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes base64; throws on anything that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Null when the passphrase is acceptable, else a message for a person. */
export function passphraseProblem(passphrase: string): string | null {
  return [...passphrase].length < PASSPHRASE_MIN_LENGTH
    ? `Use a passphrase of at least ${PASSPHRASE_MIN_LENGTH} characters.`
    : null;
}

/**
 * PBKDF2-SHA-256 of the passphrase (NFC-normalized, so the same words typed on another
 * keyboard still match). `iterations` is stored beside the salt so it can go up later.
 */
export async function deriveMasterKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<MasterKey> {
  const material = await subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    256,
  );
  const key = await subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
  return { key };
}

function recordKey(
  master: MasterKey,
  salt: Uint8Array<ArrayBuffer>,
  subtle: SubtleCrypto,
): Promise<CryptoKey> {
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: RECORD_INFO },
    master.key,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts `plaintext` with a fresh salt and IV. `context` is bound as additional data (e.g.
 * the profile id), so a ciphertext moved to another record no longer opens.
 */
export async function seal(
  master: MasterKey,
  plaintext: string,
  context: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<SealedBox> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const key = await recordKey(master, salt, subtle);
  const data = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { salt: toBase64(salt), iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Decrypts a box; null when the key or context is wrong or the box was altered. */
export async function open(
  master: MasterKey,
  box: SealedBox,
  context: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<string | null> {
  try {
    const key = await recordKey(master, fromBase64(box.salt), subtle);
    const plain = await subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(box.iv),
        additionalData: new TextEncoder().encode(context),
      },
      key,
      fromBase64(box.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

const CHECK_TEXT = 'keycheck passphrase check';

/** A box that opens only with the right passphrase: how a wrong one is told apart. */
export function makeCheck(master: MasterKey, context: string): Promise<SealedBox> {
  return seal(master, CHECK_TEXT, `check:${context}`);
}

export async function verifyCheck(
  master: MasterKey,
  check: SealedBox,
  context: string,
): Promise<boolean> {
  return (await open(master, check, `check:${context}`)) === CHECK_TEXT;
}

/** Both keys as one sealed string. */
export function sealKeys(
  master: MasterKey,
  keys: { accountKey: string; userKey: string },
  context: string,
): Promise<SealedBox> {
  return seal(master, JSON.stringify([keys.accountKey, keys.userKey]), context);
}

export async function openKeys(
  master: MasterKey,
  box: SealedBox,
  context: string,
): Promise<{ accountKey: string; userKey: string } | null> {
  const plain = await open(master, box, context);
  if (plain === null) return null;
  try {
    const parsed: unknown = JSON.parse(plain);
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [accountKey, userKey] = parsed as unknown[];
      if (typeof accountKey === 'string' && typeof userKey === 'string') {
        return { accountKey, userKey };
      }
    }
  } catch {
    // Falls through: a box that decrypts to something else is as good as damaged.
  }
  return null;
}
