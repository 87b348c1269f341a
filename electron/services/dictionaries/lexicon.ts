import { buildLexicon, wordsOf, type TranslationLexicon } from '../../../shared/alignment/lexicon';
import { lookupCandidates } from '../../../shared/dictionary/lookup';
import { translationsIn } from '../../../shared/dictionary/translations';
import type { DictionaryReader } from './reader';

/** What a dictionary says about the words of a text: a lexicon for the aligner and for word links. */
export async function lexiconFor(reader: DictionaryReader, from: string, to: string, texts: Iterable<string>): Promise<TranslationLexicon> {
  const words = new Set<string>();
  for (const text of texts) for (const word of wordsOf(text)) words.add(word.toLowerCase());
  const entries: Array<[string, string[]]> = [];
  for (const word of words) {
    const translations: string[] = [];
    // A compound's parts count too: "Bergsteiger" translates as what "Berg" and "Steiger" do, and
    // its French rendering is several words ("alpiniste en montagne").
    for (const candidate of lookupCandidates(word, from, reader.headwords)) {
      for (const d of await reader.definitions(candidate.key).catch(() => [])) translations.push(...translationsIn(d.definition));
    }
    if (translations.length) entries.push([word, translations]);
  }
  return buildLexicon(from, to, entries);
}
