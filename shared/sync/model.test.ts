import { describe, expect, it } from 'vitest';
import { SyncConfigSchema } from './model';

describe('the sync server address', () => {
  it('refuses what the URL parser refuses, with the usual message, not an internal error later', () => {
    const base = { database: 'group', username: '', displayName: 'Ana', enabled: true };
    const bad = SyncConfigSchema.safeParse({ ...base, url: 'http://localhost:99999' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/web address such as/);
    expect(SyncConfigSchema.safeParse({ ...base, url: 'http://localhost:5984' }).success).toBe(true);
  });
});
