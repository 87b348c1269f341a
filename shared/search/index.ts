import SearchableMap from 'minisearch/SearchableMap';
import { foldVariants } from '../text/fold';

/** Bumped whenever the byte layout or the tokenisation changes: an older file is rebuilt. */
export const WORD_INDEX_VERSION = 1;
const MAGIC = [0x46, 0x49, 0x44, 0x58]; // "FIDX"

export class IndexFormatError extends Error {}

export interface SearchOptions {
  /** The last term also stands for the words it begins. */
  prefixLast?: boolean;
  /** At most this many completions of the last term (the most frequent). */
  maxExpansions?: number;
}

export interface IndexMatch {
  id: string;
  score: number;
  /** For each query term, the indexed words that stand for it in this document (itself, its completions, its near misses). */
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

/** Adds a text's words (see indexWords) to `tf`, word -> occurrences; returns how many there were. */
export function countIndexWords(text: string, tf: Map<string, number>): number {
  const words = indexWords(text);
  for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
  return words.length;
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
  /** Filled on first need, or ahead of it a slice at a time (see fillVocabulary): a loaded index answers exact words at once. */
  private radix = new SearchableMap<number>();
  /** Words (by number) already in the radix tree: the first `filled`. */
  private filled = 0;
  private terms: string[] = [];
  /** A word's postings, once it has been read or added to since loading; until then they are in `loaded`. */
  private postings: Array<Uint8Array | undefined> = [];
  /** The loaded file's postings block and where each word's begin in it. */
  private loaded: { bytes: Uint8Array; starts: Float64Array } | null = null;
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
    const tf = new Map<string, number>();
    this.addCounted(id, countIndexWords(text, tf), tf);
  }

  /** Adds a document whose words were counted beforehand (see countIndexWords), e.g. a long book a slice at a time. */
  addCounted(id: string, length: number, tf: ReadonlyMap<string, number>): void {
    if (this.docNumber.has(id)) this.remove(id);
    const n = this.docs.length;
    this.docs.push(id);
    this.docNumber.set(id, n);
    this.lengths.push(length);
    this.live++;
    this.totalLength += length;
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
  search(terms: readonly string[], options: SearchOptions = {}): IndexMatch[] {
    return this.top(terms, Number.MAX_SAFE_INTEGER, options).matches;
  }

  /**
   * The `k` best documents holding every term, best first, and how many hold them all. Scores add up
   * in arrays indexed by document number, rarest term first: later terms only touch the documents
   * still in the running, and only the best `k` are sorted.
   */
  top(terms: readonly string[], k: number, options: SearchOptions = {}): { matches: IndexMatch[]; total: number } {
    const none = { matches: [], total: 0 };
    if (terms.length === 0 || this.live === 0) return none;
    const avg = this.totalLength / this.live;
    const max = options.maxExpansions ?? 64;
    const expansions = terms.map((term, n) => this.expand(term, options.prefixLast === true && n === terms.length - 1, max));
    if (expansions.some((list) => list.length === 0)) return none;
    const postingsOf = (list: Array<[string, number]>) => list.reduce((n, [word]) => n + this.counts[this.lookup.get(word)!]!, 0);
    const order = terms.map((_, n) => n).sort((a, b) => postingsOf(expansions[a]!) - postingsOf(expansions[b]!));

    const size = this.docs.length;
    const total = new Float64Array(size);
    const best = new Float64Array(size);
    /** How many terms a document has matched so far: only those that matched all before go on. */
    const reached = new Uint8Array(size);
    const lengths = this.lengths;
    let candidates = new Int32Array(0);
    for (const [step, n] of order.entries()) {
      const touched: number[] = [];
      for (const [word, weight] of expansions[n]!) {
        const t = this.lookup.get(word)!;
        const df = this.counts[t]!;
        const idf = weight * Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
        forEachPosting(this.bytesOf(t), this.used[t]!, (doc, tf) => {
          if (reached[doc] !== step || this.docs[doc] === null) return;
          const score = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * lengths[doc]!) / avg));
          if (best[doc] === 0) touched.push(doc);
          if (score > best[doc]!) best[doc] = score;
        });
      }
      if (touched.length === 0) return none;
      for (const doc of touched) {
        total[doc]! += best[doc]!;
        best[doc] = 0;
        reached[doc] = step + 1;
      }
      candidates = Int32Array.from(touched);
    }

    const top = bestOf(candidates, total, k);
    // A completion of the last term is found by its beginning in the passages: no need to look which.
    const completes = options.prefixLast === true ? terms[terms.length - 1]! : null;
    const words = this.wordsIn(top, expansions, completes);
    const matches = top.map((doc, n) => ({ id: this.docs[doc]!, score: total[doc]!, matched: words[n]! }));
    return { matches, total: candidates.length };
  }

  /**
   * For each of the given documents, which of each term's words it holds: a term of one word needs
   * no look, one with completions or near misses has its postings read again for just these.
   */
  private wordsIn(docs: number[], expansions: Array<Array<[string, number]>>, completes: string | null): string[][][] {
    const place = new Map(docs.map((doc, n) => [doc, n]));
    const last = expansions.length - 1;
    const out = docs.map(() => expansions.map((list) => (list.length === 1 ? [list[0]![0]] : [])));
    for (const [term, list] of expansions.entries()) {
      if (list.length === 1) continue;
      for (const [word] of list) {
        if (term === last && completes !== null && completes.length >= 3 && word.startsWith(completes)) {
          for (const words of out) words[term]!.push(word);
          continue;
        }
        const t = this.lookup.get(word)!;
        forEachPosting(this.bytesOf(t), this.used[t]!, (doc) => {
          const n = place.get(doc);
          if (n !== undefined) out[n]![term]!.push(word);
        });
      }
    }
    return out;
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
    // One block of postings, not one chunk a word: a file write per chunk costs more than the copy.
    const postings = new Uint8Array(used.reduce((n, u) => n + u, 0));
    let at = 0;
    for (let t = 0; t < used.length; t++) {
      postings.set(this.bytesOf(t, false).subarray(0, used[t]), at);
      at += used[t]!;
    }
    return [lead, header, postings];
  }

  static load(bytes: Uint8Array): WordIndex {
    if (bytes.length < 9 || MAGIC.some((b, k) => bytes[k] !== b)) throw new IndexFormatError('not a Facing search index');
    if (bytes[4] !== WORD_INDEX_VERSION) throw new IndexFormatError(`search index version ${bytes[4]}, expected ${WORD_INDEX_VERSION}`);
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(5, true);
    let header: { docs: Array<string | null>; lengths: number[]; terms: string[]; used: number[]; counts: number[]; last: number[] };
    try {
      header = JSON.parse(latin1(bytes.subarray(9, 9 + headerLength)));
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
    // Each word's postings stay in the loaded bytes until read (a view) or added to (a copy).
    const starts = new Float64Array(terms.length);
    let at = 0;
    for (const [t, term] of terms.entries()) {
      starts[t] = at;
      at += used[t]!;
      index.lookup.set(term, t);
    }
    index.loaded = { bytes: bytes.subarray(9 + headerLength), starts };
    index.postings = new Array<Uint8Array | undefined>(terms.length);
    for (const [n, id] of docs.entries()) {
      if (id === null) continue;
      index.docNumber.set(id, n);
      index.live++;
      index.totalLength += lengths[n]!;
    }
    return index;
  }

  /**
   * Puts up to `count` more words into the radix tree that completions and typos use; true once all
   * are in. Callers with time to spare call it in slices after loading.
   */
  fillVocabulary(count = Number.MAX_SAFE_INTEGER): boolean {
    const end = Math.min(this.terms.length, this.filled + count);
    for (; this.filled < end; this.filled++) this.radix.set(this.terms[this.filled]!, this.filled);
    return this.filled === this.terms.length;
  }

  /** A word's postings: its own array, or a view into the loaded bytes (kept for next time unless `keep` is false). */
  private bytesOf(t: number, keep = true): Uint8Array {
    const own = this.postings[t];
    if (own) return own;
    const start = this.loaded!.starts[t]!;
    const view = this.loaded!.bytes.subarray(start, start + this.used[t]!);
    if (keep) this.postings[t] = view;
    return view;
  }

  private vocabulary(): SearchableMap<number> {
    this.fillVocabulary();
    return this.radix;
  }

  private termOf(word: string): number {
    let t = this.lookup.get(word);
    if (t === undefined) {
      t = this.terms.length;
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
    let bytes = this.bytesOf(t);
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

  /** The indexed words a query term stands for, with a weight: itself 1, a completion or near miss less. */
  private expand(term: string, prefix: boolean, max: number): Array<[string, number]> {
    const found = new Map<string, number>();
    if (this.lookup.has(term)) found.set(term, 1);
    if (prefix && term.length >= 3) {
      const completions = [...this.vocabulary().atPrefix(term).entries()].filter(([w]) => w !== term);
      completions.sort((a, b) => this.counts[b[1]]! - this.counts[a[1]]!);
      for (const [word] of completions.slice(0, max)) found.set(word, 0.7);
    }
    const typos = typosAllowed(term);
    if (typos > 0) for (const [word] of this.vocabulary().fuzzyGet(term, typos)) if (!found.has(word)) found.set(word, 0.5);
    return [...found];
  }
}

/** The `k` documents with the highest scores, best first (ties: lower number first); a heap keeps only those. */
function bestOf(docs: Int32Array, scores: Float64Array, k: number): number[] {
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  if (docs.length <= k) return [...docs].sort((a, b) => (better(a, b) ? -1 : 1));
  // A min-heap of the best k so far: its root is the worst of them.
  const heap: number[] = [];
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let worst = at;
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (const doc of docs) {
    if (heap.length < k) {
      heap.push(doc);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!better(heap[parent]!, heap[at]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (better(doc, heap[0]!)) {
      heap[0] = doc;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}

/** JSON with every non-ASCII character escaped, one byte a character (shared/ has no TextEncoder). */
function asciiBytes(json: string): Uint8Array {
  const ascii = json.replace(/[^\u0000-\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const out = new Uint8Array(ascii.length);
  for (let k = 0; k < ascii.length; k++) out[k] = ascii.charCodeAt(k);
  return out;
}

type Decoder = new (label: string) => { decode(bytes: Uint8Array): string };
const Latin1 = (globalThis as { TextDecoder?: Decoder }).TextDecoder;

/** Bytes of ASCII JSON as text: the platform's decoder where there is one (shared/ declares no DOM or Node). */
function latin1(bytes: Uint8Array): string {
  return Latin1 ? new Latin1('latin1').decode(bytes) : asciiText(bytes);
}

function asciiText(bytes: Uint8Array): string {
  let text = '';
  for (let k = 0; k < bytes.length; k += 0x8000) text += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return text;
}

/** A word's postings as the index writes them: the gap to the previous document (a varint), then the count. */
function forEachPosting(bytes: Uint8Array, end: number, visit: (doc: number, tf: number) => void): void {
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
    visit(doc, bytes[at++]!);
  }
}
