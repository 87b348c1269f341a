import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconFromTranslations, wordLinks, wordTokens } from '../../../shared/alignment/word-links';
import { tempDirs } from '../test-support';
import { dictionaryHandlers } from './handlers';
import { createDictionaryService } from './service';

const temp = tempDirs('facing-wordlinks-');
const corpus = join(import.meta.dirname, '..', '..', '..', 'corpus');
const firstParagraph = (prefix: string) => readFileSync(join(corpus, readdirSync(corpus).find((f) => f.startsWith(prefix))!), 'utf8').split('\n')[0]!;

const freedict = '/usr/share/dictd/freedict-eng-deu.index';
describe.skipIf(!existsSync(freedict))('word links with FreeDict English-German from Debian (dict-freedict-eng-deu)', () => {
  it('in the seed pair, "event" lights "Veranstaltung" through the dictionary alone', async () => {
    const service = createDictionaryService({ dataDir: temp(), systemDirs: ['/usr/share/dictd'] });
    const translations = dictionaryHandlers(service)['dictionaries:translations'];
    const texts: [string, string] = [firstParagraph('000'), firstParagraph('001')];
    const words = wordTokens(texts[0]).map((t) => t.text);
    const forward = lexiconFromTranslations('en', 'de', await translations({ from: 'en', to: 'de', words }));
    const event = words.indexOf('event');
    const links = wordLinks(texts, ['en', 'de'], { side: 'a', index: event }, { forward });
    expect(links.map((l) => wordTokens(texts[1])[l.index]!.text)).toContain('Veranstaltung');
    expect(links[0]).toMatchObject({ reason: 'dictionary' });
    await service.close();
  }, 60_000);
});
