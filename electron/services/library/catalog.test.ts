import { describe, expect, it } from 'vitest';
import { packProfile, profileOf } from '../../../shared/corpus/pairing';
import { openStore } from '../store';
import { tempDirs } from '../test-support';
import { createCatalog } from './catalog';
import { openProfileFile } from './profile-file';

const temp = tempDirs('facing-catalog-');
const profile = profileOf([{ kind: 'paragraph', text: 'Die Allianz traf sich am 12. Mai 2024 in Bonn mit 3.500 Gästen aus Berlin und Paris.' }]);
const record = (id: string, stored: unknown, title = 'Bericht') => ({
  meta: { id, title, language: 'de', origin: 'imported', added: '2026-01-01T00:00:00.000Z', originalName: `${id}.txt`, format: 'txt' },
  wordCount: 16,
  profile: stored,
});

describe('the catalog of imported documents', () => {
  it('reads a pairing profile stored packed or, as older imports stored it, as arrays', async () => {
    const store = await openStore(temp());
    await store.commit([
      { c: 'documents', k: 'packed', v: record('packed', packProfile(profile)) },
      { c: 'documents', k: 'arrays', v: record('arrays', profile) },
      { c: 'documents', k: 'broken', v: record('broken', { numbers: 12, names: 'bonn' }) },
    ]);
    const catalog = createCatalog(store);
    expect(catalog.profileOf('packed')).toEqual(profile);
    expect(catalog.profileOf('arrays')).toEqual(profile);
    expect(catalog.profileOf('broken')).toBeUndefined();
    await store.close();
  });

  it('moves the profiles that records hold into the profile file, keeping everything else of the records, and they survive a restart', async () => {
    const dir = temp();
    let store = await openStore(dir);
    const ids = Array.from({ length: 1203 }, (_, n) => `doc-${n}`);
    await store.commit(ids.map((id, n) => ({ c: 'documents' as const, k: id, v: { ...record(id, n % 2 ? profile : packProfile(profile), `Bericht ${id}`), hash: 'a'.repeat(64) } })));
    await store.commit([
      { c: 'documents', k: 'new', v: { meta: record('new', null).meta, wordCount: 3 } },
      { c: 'documents', k: 'invalid', v: { ...record('invalid', profile), wordCount: -1 } },
    ]);
    const catalog = createCatalog(store);
    const file = openProfileFile(dir);
    expect(await catalog.moveProfilesOut(file, () => false)).toBe(1203);
    expect(store.data.documents['doc-7']).toEqual({ meta: record('doc-7', null, 'Bericht doc-7').meta, wordCount: 16, hash: 'a'.repeat(64) });
    // A record that does not validate is left as it is.
    expect(store.data.documents.invalid).toHaveProperty('profile');
    expect(await catalog.moveProfilesOut(file, () => false)).toBe(0);
    await store.close();

    store = await openStore(dir);
    expect(store.data.documents['doc-1202']).not.toHaveProperty('profile');
    expect(await openProfileFile(dir).get('doc-1202')).toEqual(profile);
    expect(await openProfileFile(dir).get('doc-7')).toEqual(profile);
    expect(createCatalog(store).record('doc-1202')?.meta.title).toBe('Bericht doc-1202');
    await store.close();
  });

  it('stops moving when told to', async () => {
    const dir = temp();
    const store = await openStore(dir);
    await store.commit(Array.from({ length: 1200 }, (_, n) => ({ c: 'documents' as const, k: `d${n}`, v: record(`d${n}`, profile) })));
    let commits = 0;
    const sources = new Set<string>();
    store.onCommit((_, source) => {
      commits++;
      sources.add(source);
    });
    expect(await createCatalog(store).moveProfilesOut(openProfileFile(dir), () => commits > 0)).toBe(500);
    // The synced record is the same (profiles do not travel): sync leaves these commits alone.
    expect([...sources]).toEqual(['upgrade']);
    expect(store.data.documents.d1199).toHaveProperty('profile');
    await store.close();
  });
});
