import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../model/settings';
import { fileHashOf, fileId, fileRevision, fromCouch, sameContent, settingsPerson, toCouch } from './documents';
import { SYNCED_SETTINGS, syncedSettingsOf, withSyncedSettings } from './settings';

const annotation = {
  id: '0b6f3c1e-8f4a-4c59-9a53-2f3d8f3f1a11',
  documentId: '000',
  target: { quote: { type: 'TextQuoteSelector', exact: 'word', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 4 } },
  colour: 'yellow',
  tags: ['a'],
  note: 'n',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
};
const hash = 'a'.repeat(64);
const record = { meta: { id: 'doc-1', title: 'T', language: 'en', origin: 'imported' }, wordCount: 3, profile: { big: true }, hash };

describe('store records and CouchDB documents', () => {
  it('names one document per annotation, pair, reading position and imported document', () => {
    expect(toCouch({ c: 'annotations', k: annotation.id, v: annotation }, 'pc1')?._id).toBe(`annotation:${annotation.id}`);
    expect(toCouch({ c: 'alignments', k: '000|001', v: {} }, 'pc1')?._id).toBe('alignment:000:001');
    expect(toCouch({ c: 'reading', k: '000', v: { paragraph: 3 } }, 'pc1')?._id).toBe('reading:000');
    expect(toCouch({ c: 'documents', k: 'doc-1', v: record }, 'pc1')?._id).toBe('document:doc-1');
  });

  it('keeps settings, set-aside alignments and the quarantine on this computer', () => {
    expect(toCouch({ c: 'settings', v: {} }, 'pc1')).toBeNull();
    expect(toCouch({ c: 'alignments', k: '000|001|stale-2026-01-01T00:00:00.000Z', v: {} }, 'pc1')).toBeNull();
    expect(toCouch({ c: 'quarantine', k: 'annotations:x', v: {} }, 'pc1')).toBeNull();
  });

  it('sends a deletion as a tombstone and reads it back as one', () => {
    const doc = toCouch({ c: 'annotations', k: annotation.id, v: null }, 'pc1')!;
    expect(doc._deleted).toBe(true);
    expect(fromCouch(doc)).toEqual({ kind: 'apply', record: { c: 'annotations', k: annotation.id, v: null } });
  });

  it('round-trips each kind, leaving the pairing profile behind', () => {
    for (const [c, k, v] of [
      ['annotations', annotation.id, annotation],
      ['alignments', '000|001', { left: '000', right: '001', leftFingerprint: 'x', rightFingerprint: 'y', rows: [], modified: '2026' }],
      ['reading', '000', { paragraph: 3, offset: -4 }],
    ] as const) {
      expect(fromCouch(toCouch({ c, k, v }, 'pc1')!)).toEqual({ kind: 'apply', record: { c, k, v } });
    }
    const doc = toCouch({ c: 'documents', k: 'doc-1', v: record }, 'pc1')!;
    expect(doc.body).toEqual({ meta: record.meta, wordCount: 3, hash });
    expect(sameContent({ c: 'documents', v: record }, doc)).toBe(true);
  });

  it('refuses what the IPC schemas refuse, naming the field', () => {
    const bad = fromCouch({ _id: `annotation:${annotation.id}`, body: { ...annotation, colour: 'chartreuse' } });
    expect(bad).toMatchObject({ kind: 'invalid', id: `annotation:${annotation.id}` });
    expect((bad as { reason: string }).reason).toMatch(/^colour/);
    expect(fromCouch({ _id: 'annotation:not-a-uuid', body: annotation }).kind).toBe('invalid');
    expect(fromCouch({ _id: `annotation:${annotation.id.replace('0b', '1b')}`, body: annotation }).kind).toBe('invalid');
    expect(fromCouch({ _id: 'alignment:000:001', body: { left: '000', right: '002', leftFingerprint: '', rightFingerprint: '', rows: [], modified: '' } }).kind).toBe('invalid');
    expect(fromCouch({ _id: 'reading:../etc', body: {} }).kind).toBe('invalid');
    expect(fromCouch({ _id: 'reading:000', body: { paragraph: -1 } }).kind).toBe('invalid');
    expect(fromCouch({ _id: 'document:doc-1', body: { ...record, meta: { ...record.meta, origin: 'bundled' } } }).kind).toBe('invalid');
    expect(fromCouch({ _id: 'something:else', body: {} }).kind).toBe('invalid');
    expect(fromCouch({ _id: '_design/app' })).toEqual({ kind: 'ignore' });
  });

  it('compares content regardless of key order', () => {
    const doc = toCouch({ c: 'reading', k: '000', v: { paragraph: 1, offset: 2 } }, 'pc1')!;
    expect(sameContent({ c: 'reading', v: { offset: 2, paragraph: 1 } }, doc)).toBe(true);
    expect(sameContent({ c: 'reading', v: { offset: 3, paragraph: 1 } }, doc)).toBe(false);
    expect(sameContent({ c: 'reading', v: null }, undefined)).toBe(true);
  });

  it('names a file by its content, with the same first revision wherever it is written', () => {
    const sha = 'ab'.repeat(32);
    expect(fileId(sha)).toBe(`file:${sha}`);
    expect(fileHashOf(fileId(sha))).toBe(sha);
    expect(fileHashOf('file:../x')).toBeNull();
    expect(fileRevision(sha)).toBe(`1-${'ab'.repeat(16)}`);
    // The document names its files; those are worked out when it is written, not kept in the store.
    const doc = toCouch({ c: 'documents', k: 'doc-1', v: record }, 'pc1')!;
    const named = { ...doc, body: { ...(doc.body as object), files: { original: sha, text: 'cd'.repeat(32) } } };
    expect(fromCouch(named)).toMatchObject({ kind: 'apply', record: { v: { files: { original: sha } } } });
    expect(sameContent({ c: 'documents', v: record }, named)).toBe(true);
    expect(fromCouch({ ...named, body: { ...named.body, files: { original: 'not a hash', text: sha } } }).kind).toBe('invalid');
  });

  it('carries only the language and reading preferences of one person as synced settings', () => {
    expect([...SYNCED_SETTINGS].sort()).toEqual(['fontFamily', 'fontSize', 'language', 'lineHeight', 'measure', 'parallelScrolling', 'theme']);
    const mine = { ...defaultSettings, fontSize: 24, language: 'de' as const, backupsHourly: 48 };
    const synced = syncedSettingsOf(mine);
    expect(synced).not.toHaveProperty('backupsHourly');
    expect(synced).not.toHaveProperty('backupsDaily');
    expect(settingsPerson({ username: 'ana', displayName: 'Ana' })).toBe('ana');
    expect(settingsPerson({ username: '', displayName: 'Ana' })).toBe('Ana');
    const doc = toCouch({ c: 'settings', k: 'ana', v: synced }, 'pc1')!;
    expect(doc._id).toBe('settings:ana');
    const back = fromCouch(doc);
    expect(back).toEqual({ kind: 'apply', record: { c: 'settings', k: 'ana', v: synced } });
    // Taken on another computer: the synced ones change, how many backups it keeps does not.
    expect(withSyncedSettings({ ...defaultSettings, backupsHourly: 12 }, synced)).toEqual({ ...defaultSettings, backupsHourly: 12, fontSize: 24, language: 'de' });
    expect(fromCouch({ _id: 'settings:ana', body: { ...synced, fontSize: 200 } }).kind).toBe('invalid');
  });
});
