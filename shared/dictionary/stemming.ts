import snowball from 'snowball-stemmers';

/** Snowball algorithm names by the primary BCP 47 subtag of a language. */
const algorithms: Record<string, string> = {
  da: 'danish', de: 'german', en: 'english', es: 'spanish', fi: 'finnish', fr: 'french', hu: 'hungarian',
  it: 'italian', nl: 'dutch', no: 'norwegian', nb: 'norwegian', nn: 'norwegian', pt: 'portuguese',
  ro: 'romanian', ru: 'russian', sv: 'swedish', tr: 'turkish',
};

const stemmers = new Map<string, (word: string) => string>();
/** Stems remembered per language: lookups scan the same headwords again and again, and Snowball is slow in JavaScript. */
const REMEMBERED = 100_000;

/**
 * A stemmer for the language (Snowball), or the identity where Snowball has none. Words are stemmed
 * lower-cased; Snowball's German stemmer also maps ß to ss and umlauts to their base letters.
 */
export function stemmerFor(language: string): (word: string) => string {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  let stem = stemmers.get(primary);
  if (!stem) {
    const algorithm = algorithms[primary];
    if (algorithm) {
      const stemmer = snowball.newStemmer(algorithm);
      const known = new Map<string, string>();
      stem = (word) => {
        let out = known.get(word);
        if (out === undefined) {
          out = stemmer.stem(word.toLowerCase());
          if (known.size >= REMEMBERED) known.clear();
          known.set(word, out);
        }
        return out;
      };
    } else {
      stem = (word) => word.toLowerCase();
    }
    stemmers.set(primary, stem);
  }
  return stem;
}

/** Languages that write compounds as one word, whose parts a lookup should try. */
export function buildsCompounds(language: string): boolean {
  return ['de', 'nl', 'sv', 'da', 'no', 'nb', 'nn', 'fi', 'is'].includes(language.toLowerCase().split('-')[0] ?? '');
}
