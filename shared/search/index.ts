import SearchableMap from 'minisearch/SearchableMap';
import { foldVariants } from '../text/fold';

/** Bumped whenever the byte layout or the tokenisation changes: an older file is rebuilt. */
export const WORD_INDEX_VERSION = 1;
const MAGIC = [0x46, 0x49, 0x44, 0x58]; // "FIDX"

export class IndexFormatError extends Error {}

export interface IndexMatch {
  id: string;
  score: number;
  /** For each query term, the indexed words it matched (itself, its completions, its near misses). */
  matched: string[][];
}

/** Words in a text, folded, umlauts also spelt with an e (see foldVariants). */
export function indexWords(text: string): string[] {
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out: string[] = [];
  for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/^[\u0000-\u007f]+$/.test(word)) out.push(word.toLowerCase());
    else out.push(...foldVariants(word));
  }
  return out;
}

/** Longer words forgive a typo: one edit from six letters, two from twelve. */
export function typosAllowed(term: string): number {
  return term.length >= 12 ? 2 : term.length >= 6 ? 1 : 0;
}

/**
 * An inverted index of whole documents, small enough for thousands of books: each word keeps the
 * documents it occurs in as gaps between document numbers (variable-length bytes) with a capped
 * count, in one growing byte array. Removing a document leaves its postings behind, skipped when
 * read. Pure: no files here; `serialize` and `load` give and take bytes.
 */
export class WordIndex {
  private docs: Array<string | null> = [];
  private docNumber = new Map<string, number>();
  private lengths: number[] = [];
  private live = 0;
  private totalLength = 0;
  /** Word -> word number: a plain map for adding, a radix tree for completions and typos. */
  private lookup = new Map<string, number>();
  private vocabulary = new SearchableMap<number>();
  private terms: string[] = [];
  private postings: Uint8Array[] = [];
  private used: number[] = [];
  private counts: number[] = [];
  private last: number[] = [];

  has(id: string): boolean {
    return this.docNumber.has(id);
  }

  ids(): string[] {
    return [...this.docNumber.keys()];
  }

  get size(): number {
    return this.live;
  }

  /** Documents holding the word (removed ones still counted until the index is rebuilt). */
  documentFrequency(term: string): number {
    const t = this.lookup.get(term);
    return t === undefined ? 0 : this.counts[t]!;
  }

  add(id: string, text: string): void {
    if (this.docNumber.has(id)) this.remove(id);
    const n = this.docs.length;
    const words = indexWords(text);
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    this.docs.push(id);
    this.docNumber.set(id, n);
    this.lengths.push(words.length);
    this.live++;
    this.totalLength += words.length;
    for (const [word, count] of tf) this.append(this.termOf(word), n, count);
  }

  remove(id: string): void {
    const n = this.docNumber.get(id);
    if (n === undefined) return;
    this.docs[n] = null;
    this.docNumber.delete(id);
    this.live--;
    this.totalLength -= this.lengths[n]!;
  }

  /**
   * Documents holding every term (or a completion of the last one with `prefixLast`, or a near miss
   * of a long one), best first by BM25.
   */
  search(terms: readonly string[], options: { prefixLast?: boolean; maxExpansions?: number } = {}): IndexMatch[] {
    if (terms.length === 0 || this.live === 0) return [];
    const avg = this.totalLength / this.live;
    const perTerm: Array<Map<number, number>> = [];
    const matched: string[][] = [];
    for (const [k, term] of terms.entries()) {
      const expansions = this.expand(term, options.prefixLast === true && k === terms.length - 1, options.maxExpansions ?? 64);
      matched.push(expansions.map(([word]) => word));
      const scores = new Map<number, number>();
      for (const [word, weight] of expansions) {
        const t = this.lookup.get(word)!;
        const idf = Math.log(1 + (this.live - this.counts[t]! + 0.5) / (this.counts[t]! + 0.5));
        this.each(t, (doc, tf) => {
          const bm25 = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * this.lengths[doc]!) / avg));
          scores.set(doc, Math.max(scores.get(doc) ?? 0, weight * bm25));
        });
      }
      if (scores.size === 0) return [];
      perTerm.push(scores);
    }
    perTerm.sort((a, b) => a.size - b.size);
    const out: IndexMatch[] = [];
    for (const [doc, first] of perTerm[0]!) {
      let score = first;
      let all = true;
      for (let k = 1; k < perTerm.length && all; k++) {
        const s = perTerm[k]!.get(doc);
        if (s === undefined) all = false;
        else score += s;
      }
      if (all) out.push({ id: this.docs[doc]!, score, matched });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /**
   * The index as bytes: a lead (magic, version, header length), a header (ids, lengths, words,
   * sizes), then every word's postings. Views, not copies, taken at once: later additions do not
   * change what is written.
   */
  serialize(): Uint8Array[] {
    const used = this.used.slice();
    const header = asciiBytes(JSON.stringify({ docs: this.docs, lengths: this.lengths, terms: this.terms, used, counts: this.counts, last: this.last }));
    const lead = new Uint8Array(9);
    lead.set(MAGIC);
    lead[4] = WORD_INDEX_VERSION;
    new DataView(lead.buffer).setUint32(5, header.length, true);
    return [lead, header, ...this.postings.map((bytes, t) => bytes.subarray(0, used[t]))];
  }

  static load(bytes: Uint8Array): WordIndex {
    if (bytes.length < 9 || MAGIC.some((b, k) => bytes[k] !== b)) throw new IndexFormatError('not a Facing search index');
    if (bytes[4] !== WORD_INDEX_VERSION) throw new IndexFormatError(`search index version ${bytes[4]}, expected ${WORD_INDEX_VERSION}`);
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(5, true);
    let header: { docs: Array<string | null>; lengths: number[]; terms: string[]; used: number[]; counts: number[]; last: number[] };
    try {
      header = JSON.parse(asciiText(bytes.subarray(9, 9 + headerLength)));
    } catch {
      throw new IndexFormatError('the search index header is damaged');
    }
    const { docs, lengths, terms, used, counts, last } = header;
    const consistent =
      [docs, lengths, terms, used, counts, last].every(Array.isArray) &&
      docs.length === lengths.length &&
      terms.length === used.length &&
      terms.length === counts.length &&
      terms.length === last.length &&
      9 + headerLength + used.reduce((n, u) => n + u, 0) === bytes.length;
    if (!consistent) throw new IndexFormatError('the search index is truncated or damaged');
    const index = new WordIndex();
    index.docs = docs;
    index.lengths = lengths;
    index.terms = terms;
    index.used = used;
    index.counts = counts;
    index.last = last;
    let at = 9 + headerLength;
    for (const [t, term] of terms.entries()) {
      // Views into the loaded bytes: the first append to a word copies its postings out.
      index.postings.push(bytes.subarray(at, at + used[t]!));
      at += used[t]!;
      index.vocabulary.set(term, t);
      index.lookup.set(term, t);
    }
    for (const [n, id] of docs.entries()) {
      if (id === null) continue;
      index.docNumber.set(id, n);
      index.live++;
      index.totalLength += lengths[n]!;
    }
    return index;
  }

  private termOf(word: string): number {
    let t = this.lookup.get(word);
    if (t === undefined) {
      t = this.terms.length;
      this.vocabulary.set(word, t);
      this.lookup.set(word, t);
      this.terms.push(word);
      this.postings.push(new Uint8Array(8));
      this.used.push(0);
      this.counts.push(0);
      this.last.push(-1);
    }
    return t;
  }

  private append(t: number, doc: number, tf: number): void {
    let gap = doc - this.last[t]!;
    let bytes = this.postings[t]!;
    let used = this.used[t]!;
    if (used + 6 > bytes.length) {
      const grown = new Uint8Array(Math.max(16, bytes.length * 2));
      grown.set(bytes.subarray(0, used));
      this.postings[t] = bytes = grown;
    }
    while (gap >= 0x80) {
      bytes[used++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    bytes[used++] = gap;
    bytes[used++] = Math.min(255, tf);
    this.used[t] = used;
    this.counts[t]!++;
    this.last[t] = doc;
  }

  private each(t: number, visit: (doc: number, tf: number) => void): void {
    const bytes = this.postings[t]!;
    const end = this.used[t]!;
    let doc = -1;
    for (let at = 0; at < end; ) {
      let gap = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[at++]!;
        gap |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      doc += gap;
      const tf = bytes[at++]!;
      if (this.docs[doc] !== null) visit(doc, tf);
    }
  }

  /** The indexed words a query term stands for, with a weight: itself 1, a completion or near miss less. */
  private expand(term: string, prefix: boolean, max: number): Array<[string, number]> {
    const found = new Map<string, number>();
    if (this.lookup.has(term)) found.set(term, 1);
    if (prefix && term.length >= 3) {
      const completions = [...this.vocabulary.atPrefix(term).entries()].filter(([w]) => w !== term);
      completions.sort((a, b) => this.counts[b[1]]! - this.counts[a[1]]!);
      for (const [word] of completions.slice(0, max)) found.set(word, 0.7);
    }
    const typos = typosAllowed(term);
    if (typos > 0) for (const [word] of this.vocabulary.fuzzyGet(term, typos)) if (!found.has(word)) found.set(word, 0.5);
    return [...found];
  }
}

/** JSON with every non-ASCII character escaped, one byte a character (shared/ has no TextEncoder). */
function asciiBytes(json: string): Uint8Array {
  const ascii = json.replace(/[^\u0000-\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const out = new Uint8Array(ascii.length);
  for (let k = 0; k < ascii.length; k++) out[k] = ascii.charCodeAt(k);
  return out;
}

function asciiText(bytes: Uint8Array): string {
  let text = '';
  for (let k = 0; k < bytes.length; k += 0x8000) text += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return text;
}
