import type { SecretBox } from '../services/sync/config';

/** The part of Electron's `safeStorage` the sync password needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/**
 * The sync password sealed by the operating system's keychain (Keychain, DPAPI, libsecret/kwallet)
 * where Electron can reach one; where it cannot, the services fall back to a file only the user can read.
 */
export function secretBoxFrom(storage: SafeStorageLike | undefined): SecretBox | undefined {
  if (!storage?.isEncryptionAvailable()) return undefined;
  return { seal: (secret) => storage.encryptString(secret), open: (sealed) => storage.decryptString(sealed) };
}
