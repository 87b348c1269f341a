import { describe, expect, it } from 'vitest';
import { secretBoxFrom } from './secrets';

describe('the sync password in Electron', () => {
  it('is sealed by safeStorage where the system offers encryption, and round-trips', () => {
    const storage = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
      decryptString: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
    };
    const box = secretBoxFrom(storage)!;
    const sealed = box.seal('hunter2');
    expect(sealed.toString()).not.toContain('hunter2');
    expect(box.open(sealed)).toBe('hunter2');
  });

  it('is left to the file box where no keychain is available', () => {
    expect(secretBoxFrom({ isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' })).toBeUndefined();
    expect(secretBoxFrom(undefined)).toBeUndefined();
  });
});
