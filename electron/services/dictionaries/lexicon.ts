import { buildLexicon, wordsOf, type TranslationLexicon } from '../../../shared/alignment/lexicon';
import { lookupCandidates } from '../../../shared/dictionary/lookup';
import { translationsIn } from '../../../shared/dictionary/translations';
import type { DictionaryReader } from './reader';

/** What a dictionary says about the words of a text: a lexicon for the aligner and for word links. */
export async function lexiconFor(reader: DictionaryReader, from: string, to: string, texts: Iterable<string>): Promise<TranslationLexicon> {
  const words = new Set<string>();
  for (const text of texts) for (const word of wordsOf(text)) words.add(word.toLowerCase());
  // A compound's parts count too: "Bergsteiger" translates as what "Berg" and "Steiger" do, and
  // its French rendering is several words ("alpiniste en montagne").
  const candidates = [...words].map((word) => [word, lookupCandidates(word, from, reader.headwords).map((c) => c.key)] as const);
  const definitions = await reader.definitionsOf(candidates.flatMap(([, keys]) => keys));
  const entries: Array<[string, string[]]> = [];
  for (const [word, keys] of candidates) {
    const translations = keys.flatMap((key) => (definitions.get(key) ?? []).flatMap((d) => translationsIn(d.definition)));
    if (translations.length) entries.push([word, translations]);
  }
  return buildLexicon(from, to, entries);
}
