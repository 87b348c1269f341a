import type { Headwords } from '../../../shared/dictionary/lexicon';

export interface Definition {
  headword: string;
  definition: string;
  synonym: boolean;
}

/** One opened dictionary, whatever its format. */
export interface DictionaryReader {
  name: string;
  from?: string;
  to?: string;
  entries: number;
  headwords: Headwords;
  /** Definitions under a lower-cased key; a damaged definition is skipped and reported once through `onProblem`. */
  definitions(key: string): Promise<Definition[]>;
  close(): Promise<void>;
}
