import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, t } from '../../shared/i18n/current';
import { openCorpus } from './corpus';
import { openDictd } from './dictionaries/dictd';
import { readPairFile } from './exchange/read';
import { parseXml } from './import/xml';
import { readZip } from './import/zip';
import { openStore, STORE_FILE } from './store';
import { tempDirs } from './test-support';

const dataDir = tempDirs('facing-messages-de-');
const bundled = join(import.meta.dirname, '..', '..', 'corpus');

afterEach(() => void setLocale('en'));

describe('service messages in German', () => {
  it('a TMX without <body>, in German, and in English again after', async () => {
    const tmx = new TextEncoder().encode('<tmx version="1.4"><header srclang="en"/></tmx>');
    setLocale('de');
    await expect(readPairFile('memory.tmx', tmx)).rejects.toThrow('„memory.tmx“ hat kein <body>: Es gibt keine Übersetzungseinheiten zu lesen.');
    setLocale('en');
    await expect(readPairFile('memory.tmx', tmx)).rejects.toThrow('"memory.tmx" has no <body>: there are no translation units to read.');
  });

  it('an unknown document id', async () => {
    setLocale('de');
    const corpus = await openCorpus(bundled);
    await expect(corpus.get('999')).rejects.toMatchObject({ code: 'not-found', message: 'Es gibt kein Dokument mit der Kennung „999“.' });
  });

  it('a backup that cannot be read, with the reason in German too', async () => {
    const dir = dataDir();
    const store = await openStore(dir);
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'facing-store-2099-01-01.json'), '{ not json');
    setLocale('de');
    await expect(store.restoreBackup('facing-store-2099-01-01.json')).rejects.toMatchObject({
      code: 'unreadable',
      message: 'Die Sicherung facing-store-2099-01-01.json kann nicht gelesen werden: Die Datei ist kein gültiges JSON.',
    });
    await expect(store.restoreBackup('facing-store-1999-01-01.json')).rejects.toThrow('Es gibt keine Sicherung namens facing-store-1999-01-01.json.');
    await store.close();
  });

  it('the notice after a damaged store was rebuilt', async () => {
    const dir = dataDir();
    await (await openStore(dir)).close();
    writeFileSync(join(dir, STORE_FILE), '{ not json');
    setLocale('de');
    const reopened = await openStore(dir);
    expect(reopened.notices[0]?.message).toMatch(/^Ihr Speicher für Anmerkungen konnte nicht gelesen werden: Die Datei ist kein gültiges JSON\. Wiederhergestellt: 0 Anmerkungen aus der Sicherung von .+ und 0 seither vorgenommene Änderungen; die beschädigte Datei bleibt unter .+ erhalten\.$/);
    await reopened.close();
  });

  it('an EPUB that is no zip archive, and a package file with a DOCTYPE', async () => {
    setLocale('de');
    await expect(readZip(Buffer.from('not a zip'), t('zip.thisEpub'), () => true)).rejects.toThrow(/^Dieses EPUB ist kein lesbares ZIP-Archiv \(.+\)\.$/);
    expect(() => parseXml('<!DOCTYPE package><package/>', t('xml.opf'), () => {})).toThrow(/^Seine Paketdatei \(OPF\) deklariert einen DOCTYPE, den Facing nie liest/);
  });

  it('a damaged dictionary index, with its number in the sentence', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'broken.index'), 'Haus\tA\n');
    writeFileSync(join(dir, 'broken.dict'), 'Haus\n');
    setLocale('de');
    await expect(openDictd(join(dir, 'broken.index'))).rejects.toThrow('broken.index ist kein dictd-Index: Zeile 1 hat nicht die Form „Stichwort TAB Position TAB Länge“.');
  });
});
