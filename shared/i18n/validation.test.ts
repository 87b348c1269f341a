import { afterEach, describe, expect, it } from 'vitest';
import { CorpusFileNameSchema } from '../corpus/manifest';
import { dispatch } from '../ipc/dispatch';
import { NoteSchema, ReplyDraftSchema, TagSchema } from '../model/annotation';
import { DatabaseNameSchema, DisplayNameSchema, SyncConfigSchema } from '../sync/model';
import { setLocale } from './current';

afterEach(() => void setLocale('en'));

const problem = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues[0]?.message;
const config = { url: 'https://couch.example.org:6984', database: 'group', username: '', displayName: 'Ana', enabled: true };

describe('validation messages follow the interface language', () => {
  it('a reply, a note and a tag', () => {
    const to = '0b8f4f5e-3c1a-4d1e-9a37-1f2b3c4d5e6f';
    setLocale('de');
    expect(problem(ReplyDraftSchema.safeParse({ to, note: '   ' }))).toBe('eine Antwort braucht etwas Text');
    expect(problem(NoteSchema.safeParse('x'.repeat(100_001)))).toBe('eine Notiz hat höchstens 100.000 Zeichen');
    expect(problem(TagSchema.safeParse('  '))).toBe('ein Schlagwort darf nicht leer sein');
    expect(problem(TagSchema.safeParse('x'.repeat(65)))).toBe('ein Schlagwort hat höchstens 64 Zeichen');
    setLocale('en');
    expect(problem(ReplyDraftSchema.safeParse({ to, note: '   ' }))).toBe('a reply needs some text');
  });

  it('the sync server address, database and the corpus file name', () => {
    setLocale('de');
    expect(problem(SyncConfigSchema.safeParse({ ...config, url: 'couch.example.org' }))).toBe('die Serveradresse ist eine Webadresse wie https://couch.example.org:6984');
    expect(problem(SyncConfigSchema.safeParse({ ...config, url: 'http://127.0.0.1:99999' }))).toBe('die Serveradresse ist eine Webadresse wie https://couch.example.org:6984');
    expect(problem(DatabaseNameSchema.safeParse('Group'))).toBe('ein Datenbankname beginnt mit einem Kleinbuchstaben und enthält a-z, 0-9 und _$()+-/');
    expect(problem(CorpusFileNameSchema.safeParse('../secret.txt'))).toBe('eine Korpusdatei ist ein einfacher Dateiname im Ordner corpus/');
  });

  it('a refused sync:set names its field in German too', async () => {
    setLocale('de');
    const handlers = { 'sync:set': async () => { throw new Error('not reached'); } } as never;
    const result = await dispatch(handlers, 'sync:set', { ...config, database: 'Group' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: 'Datenbank: ein Datenbankname beginnt mit einem Kleinbuchstaben und enthält a-z, 0-9 und _$()+-/.' } });
  });
});

describe('the name others see', () => {
  it('is trimmed, and may be left empty', () => {
    expect(DisplayNameSchema.parse('  Ana  ')).toBe('Ana');
    expect(DisplayNameSchema.parse('   ')).toBe('');
  });

  it('refuses direction overrides, other bidi controls and control characters, in the interface language', () => {
    for (const name of ['Ana\u202Egnp.exe', '\u2067Ana', 'Ana\u200F', 'A\u0007na', 'Ana\u061C']) {
      expect(DisplayNameSchema.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
    setLocale('de');
    expect(problem(DisplayNameSchema.safeParse('Ana\u202Egnp.exe'))).toBe('ein Name für andere darf keine Steuerzeichen und keine Zeichen enthalten, die die Schreibrichtung umkehren');
  });

  it('refuses a name of invisible characters only', () => {
    expect(problem(DisplayNameSchema.safeParse('\u200B\u200B'))).toBe('a name for others needs at least one visible character (or leave it empty)');
    expect(DisplayNameSchema.parse('Zoë')).toBe('Zoë');
    expect(DisplayNameSchema.parse('سارا')).toBe('سارا');
  });
});
