import SearchableMap from 'minisearch/SearchableMap';
import { fold, foldVariants } from '../text/fold';
import { SortedWords } from './sorted-words';
import { packedWordCount, type PackedWordCounts } from './word-counts';
import { HASH_START, hashStep, hashWord, ownString, WordNumbers } from './word-numbers';
import { hasUnspaced, isUnspaced, queryGrams, runGrams, splitRuns } from './words';

/** Bumped whenever the byte layout or the tokenisation changes: an older file is rebuilt. */
export const WORD_INDEX_VERSION = 2;
const MAGIC = [0x46, 0x49, 0x44, 0x58]; // "FIDX"
/** Bytes of postings in each block `serialize` hands out. */
const POSTINGS_CHUNK = 4 << 20;

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

/** Words in a text, folded, umlauts also spelt with an e (see foldVariants); Chinese and Japanese as characters and pairs (see runGrams). */
export function indexWords(text: string): string[] {
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out: string[] = [];
  for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/^[\u0000-\u007f]+$/.test(word)) out.push(word.toLowerCase());
    else if (!hasUnspaced(word)) out.push(...foldVariants(word));
    else for (const run of splitRuns(word)) isUnspaced(run) ? runGrams(fold(run), out) : out.push(...foldVariants(run));
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
  /** The loaded file's words, sorted, numbered 0 to base.size - 1 (see SortedWords): nothing to decode at load. */
  private base = SortedWords.empty;
  /** Words added since (or all of them in an index built here), numbered on from base.size. */
  private added = new WordNumbers();
  /** The added words as a radix tree for completions and typos, filled on first need or a slice at a time ahead of it (see fillVocabulary). */
  private radix = new SearchableMap<number>();
  /** Added words (in order) already in the radix tree. */
  private filled = 0;
  /** How many words there are; the columns below have room for more. */
  private termCount = 0;
  /** A word's postings, once it has been read or added to since loading; until then they are in `loaded`. */
  private postings: Array<Uint8Array | undefined> = [];
  /** The loaded file's postings block and where each word's begin in it. */
  private loaded: { bytes: Uint8Array; starts: Float64Array } | null = null;
  /** Per word: bytes of postings, documents, the last document. */
  private used: Int32Array = new Int32Array(64);
  private counts: Int32Array = new Int32Array(64);
  private last: Int32Array = new Int32Array(64);
  /** False while the columns above are views into a loaded file. */
  private columnsOwned = true;
  /** Loaded from an older file: save it again in the current layout. */
  outdated = false;

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
    const t = this.termNumber(term);
    return t < 0 ? 0 : this.counts[t]!;
  }

  add(id: string, text: string): void {
    const tf = new Map<string, number>();
    this.addCounted(id, countIndexWords(text, tf), tf);
  }

  /** Adds a document whose words were counted beforehand (see countIndexWords), e.g. a long book a slice at a time. */
  addCounted(id: string, length: number, tf: ReadonlyMap<string, number>): void {
    const n = this.newDocument(id, length);
    for (const [word, count] of tf) this.append(this.termOf(word), n, count);
  }

  /**
   * Adds a document counted elsewhere (an import worker): the same index as addCounted with the counts
   * unpacked. Its words are read where they lie in the packed list, hashed as they are read: a string
   * is made only of a word new to the index (this runs for every document imported).
   */
  addPacked(id: string, packed: PackedWordCounts): void {
    const { words, counts } = packed;
    const count = packedWordCount(packed);
    const n = this.newDocument(id, packed.length);
    for (let k = 0, from = 0; k < count; k++) {
      let to = from;
      let hash = HASH_START;
      for (; to < words.length; to++) {
        const c = words.charCodeAt(to);
        if (c === 32) break;
        hash = hashStep(hash, c);
      }
      this.append(this.termAt(words, from, to, hash), n, counts[k]!);
      from = to + 1;
    }
  }

  private newDocument(id: string, length: number): number {
    if (this.docNumber.has(id)) this.remove(id);
    if (!this.columnsOwned) {
      this.used = withRoom(this.used, this.termCount);
      this.counts = withRoom(this.counts, this.termCount);
      this.last = withRoom(this.last, this.termCount);
      this.columnsOwned = true;
    }
    const n = this.docs.length;
    this.docs.push(id);
    this.docNumber.set(id, n);
    this.lengths.push(length);
    this.live++;
    this.totalLength += length;
    return n;
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
    // A step is one list of words of which a document must hold one: a term of a spaced script is one
    // step (itself, its completions, its near misses), a Chinese or Japanese run one a pair of characters.
    const steps: Step[] = [];
    for (const [n, term] of terms.entries()) {
      for (const piece of splitRuns(term)) {
        if (isUnspaced(piece))
          for (const gram of queryGrams(piece)) {
            const t = this.termNumber(gram);
            steps.push({ term: n, run: piece, words: t < 0 ? [] : [[t, 1]] });
          }
        else steps.push({ term: n, run: null, words: this.expand(piece, options.prefixLast === true && n === terms.length - 1, max) });
      }
    }
    if (steps.length === 0 || steps.some((step) => step.words.length === 0)) return none;
    const postingsOf = (step: Step) => step.words.reduce((n, [t]) => n + this.counts[t]!, 0);
    steps.sort((a, b) => postingsOf(a) - postingsOf(b));

    const size = this.docs.length;
    const { total, best, reached, norm, touched } = this.scratch(size);
    for (let doc = 0; doc < size; doc++) {
      norm[doc] = 1.2 * (0.25 + (0.75 * this.lengths[doc]!) / avg);
      reached[doc] = this.docs[doc] === null ? 0xffff : 0;
    }
    total.fill(0, 0, size);
    let candidates = new Int32Array(0);
    for (const [at, step] of steps.entries()) {
      let touchedCount = 0;
      for (const [t, weight] of step.words) {
        const df = this.counts[t]!;
        const idf = weight * Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
        // The postings decoded here, not through forEachPosting: this loop is most of a query's time.
        const bytes = this.bytesOf(t);
        const end = this.used[t]!;
        for (let p = 0, doc = -1; p < end; ) {
          let b = bytes[p++]!;
          let gap = b & 0x7f;
          for (let shift = 7; b & 0x80; shift += 7) (b = bytes[p++]!), (gap |= (b & 0x7f) << shift);
          doc += gap;
          const tf = bytes[p++]!;
          if (reached[doc] !== at) continue;
          const score = (idf * tf * 2.2) / (tf + norm[doc]!);
          if (best[doc] === 0) touched[touchedCount++] = doc;
          if (score > best[doc]!) best[doc] = score;
        }
      }
      if (touchedCount === 0) return none;
      for (let n = 0; n < touchedCount; n++) {
        const doc = touched[n]!;
        total[doc]! += best[doc]!;
        best[doc] = 0;
        reached[doc] = at + 1;
      }
      candidates = touched.slice(0, touchedCount);
    }

    const top = bestOf(candidates, total, k);
    // A completion of the last term is found by its beginning in the passages: no need to look which.
    const completes = options.prefixLast === true ? terms[terms.length - 1]! : null;
    const words = this.wordsIn(top, terms.length, steps, completes);
    const matches = top.map((doc, n) => ({ id: this.docs[doc]!, score: total[doc]!, matched: words[n]! }));
    return { matches, total: candidates.length };
  }

  /** Per-document arrays for `top`, kept between queries (only their first `size` entries are used, and set there). */
  private scratchArrays: { total: Float64Array; best: Float64Array; reached: Uint16Array; norm: Float64Array; touched: Int32Array } | null = null;

  private scratch(size: number) {
    if (!this.scratchArrays || this.scratchArrays.total.length < size) {
      const room = Math.max(64, Math.ceil(size * 1.25));
      // `best` is back to zeros after every step; the others are set before use.
      this.scratchArrays = { total: new Float64Array(room), best: new Float64Array(room), reached: new Uint16Array(room), norm: new Float64Array(room), touched: new Int32Array(room) };
    }
    return this.scratchArrays;
  }

  /**
   * For each of the given documents, which of each term's words it holds: a step of one word needs
   * no look, one with completions or near misses has its postings read again for just these. An
   * unspaced run stands for itself (every document here holds all its pairs; passages look for it whole).
   */
  private wordsIn(docs: number[], terms: number, steps: readonly Step[], completes: string | null): string[][][] {
    const place = new Int32Array(this.docs.length).fill(-1);
    for (const [n, doc] of docs.entries()) place[doc] = n;
    const out = docs.map(() => Array.from({ length: terms }, () => new Set<string>()));
    const all = (term: number, word: string) => {
      for (const words of out) words[term]!.add(word);
    };
    for (const { term, run, words: list } of steps) {
      if (run !== null) all(term, run);
      else if (list.length === 1) all(term, this.word(list[0]![0]));
      else
        for (const [t] of list) {
          const word = this.word(t);
          if (term === terms - 1 && completes !== null && completes.length >= 3 && word.startsWith(completes)) {
            all(term, word);
            continue;
          }
          forEachPosting(this.bytesOf(t), this.used[t]!, (doc) => {
            const n = place[doc]!;
            if (n >= 0) out[n]![term]!.add(word);
          });
        }
    }
    return out.map((words) => words.map((set) => [...set]));
  }

  /**
   * The index as bytes, laid out to be used as read (see load): a lead (magic, version, sizes), the
   * document ids (ASCII JSON), then columns of 32-bit numbers (document lengths; per word where it
   * starts among the word characters, its postings' size, documents, last document), the words
   * (sorted, UTF-16) and every word's postings. The postings come a few megabytes at a time as the
   * chunks are read, not as one copy of them all (a hundred megabytes at 10,000 books, on top of the
   * index itself), yet what is written is the index as it was when this was called: documents added
   * later only append after the lengths taken now.
   */
  serialize(chunkBytes = POSTINGS_CHUNK): Iterable<Uint8Array> {
    const added = this.added.words.map((word, k) => [word, this.base.size + k] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const { units, starts, from } = this.base.merged(added.map(([word]) => word));
    const order = Int32Array.from(from, (f) => (f >= 0 ? f : added[-1 - f]![1]));
    const docs = asciiBytes(JSON.stringify(this.docs));
    const docsPadded = new Uint8Array(align4(docs.length));
    docsPadded.set(docs);
    const column = (source: Int32Array) => Int32Array.from(order, (t) => source[t]!);
    const used = column(this.used);
    const postingsLength = used.reduce((n, u) => n + u, 0);
    const lead = new Uint32Array(LEAD_BYTES / 4);
    new Uint8Array(lead.buffer).set(MAGIC);
    lead[1] = WORD_INDEX_VERSION;
    lead[2] = docs.length;
    lead[3] = this.docs.length;
    lead[4] = order.length;
    lead[5] = units.length;
    lead[6] = postingsLength;
    const unitsPadded = new Uint16Array(align4(units.length * 2) / 2);
    unitsPadded.set(units);
    const head = [bytesOf(lead), docsPadded, bytesOf(Uint32Array.from(this.lengths)), bytesOf(starts), bytesOf(used), bytesOf(column(this.counts)), bytesOf(column(this.last)), bytesOf(unitsPadded)];
    const postings = this.postingsIn(order, used, chunkBytes);
    return (function* () {
      yield* head;
      yield* postings;
    })();
  }

  /**
   * Every word's postings in the given order, `used[n]` bytes of the nth, in blocks of about
   * `chunkBytes` (a file write per word costs more than the copy). Loaded words no document
   * was added to since lie in the loaded block in this order already: each run of them is one copy.
   */
  private *postingsIn(order: Int32Array, used: Int32Array, chunkBytes: number): Generator<Uint8Array> {
    const loaded = this.loaded;
    const untouched = (t: number) => loaded !== null && t < loaded.starts.length && (this.postings[t] === undefined || this.postings[t]!.buffer === loaded.bytes.buffer);
    let out = new Uint8Array(chunkBytes);
    let at = 0;
    for (let n = 0; n < order.length; ) {
      const t = order[n]!;
      let bytes: Uint8Array;
      if (untouched(t)) {
        let m = n + 1;
        while (m < order.length && order[m] === order[m - 1]! + 1 && untouched(order[m]!)) m++;
        bytes = loaded!.bytes.subarray(loaded!.starts[t]!, loaded!.starts[order[m - 1]!]! + used[m - 1]!);
        n = m;
      } else {
        bytes = this.postings[t]!.subarray(0, used[n]!);
        n++;
      }
      // A block full is handed out and a new one begun; a long run may fill several.
      for (let rest = bytes; rest.length > 0; ) {
        const room = out.length - at;
        out.set(rest.subarray(0, room), at);
        at += Math.min(room, rest.length);
        rest = rest.subarray(room);
        if (at === out.length) {
          yield out;
          out = new Uint8Array(chunkBytes);
          at = 0;
        }
      }
    }
    if (at > 0) yield out.subarray(0, at);
  }

  static load(bytes: Uint8Array): WordIndex {
    if (bytes.length < 9 || MAGIC.some((b, k) => bytes[k] !== b)) throw new IndexFormatError('not a Facing search index');
    if (bytes[4] === 1) return WordIndex.loadVersionOne(bytes);
    if (bytes[4] !== WORD_INDEX_VERSION) throw new IndexFormatError(`search index version ${bytes[4]}, expected ${WORD_INDEX_VERSION}`);
    if (bytes.length < LEAD_BYTES) throw new IndexFormatError('the search index is truncated or damaged');
    // Typed views need their offset aligned; a file read on its own is.
    if (bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(bytes);
    const lead = new Uint32Array(bytes.buffer, bytes.byteOffset, LEAD_BYTES / 4);
    const [, , docsBytes, docCount, termCount, unitCount, postingsLength] = lead as unknown as number[];
    let at = LEAD_BYTES;
    const take = (length: number) => {
      const start = at;
      at += align4(length);
      if (at > bytes.length) throw new IndexFormatError('the search index is truncated or damaged');
      return bytes.byteOffset + start;
    };
    const docsAt = take(docsBytes!);
    const lengths = new Uint32Array(bytes.buffer, take(docCount! * 4), docCount);
    const starts = new Uint32Array(bytes.buffer, take((termCount! + 1) * 4), termCount! + 1);
    const used = new Int32Array(bytes.buffer, take(termCount! * 4), termCount);
    const counts = new Int32Array(bytes.buffer, take(termCount! * 4), termCount);
    const last = new Int32Array(bytes.buffer, take(termCount! * 4), termCount);
    const units = new Uint16Array(bytes.buffer, take(unitCount! * 2), unitCount);
    const postingsAt = at;
    if (postingsAt + postingsLength! !== bytes.length || starts[termCount!] !== unitCount) throw new IndexFormatError('the search index is truncated or damaged');
    let docs: Array<string | null>;
    try {
      docs = JSON.parse(latin1(bytes.subarray(docsAt - bytes.byteOffset, docsAt - bytes.byteOffset + docsBytes!)));
    } catch {
      throw new IndexFormatError('the search index header is damaged');
    }
    if (!Array.isArray(docs) || docs.length !== docCount) throw new IndexFormatError('the search index is truncated or damaged');
    const index = new WordIndex();
    index.docs = docs;
    index.lengths = Array.from(lengths);
    index.base = new SortedWords(units, starts);
    index.termCount = termCount!;
    // Read where they lie until a document is added (see addCounted).
    index.used = used;
    index.counts = counts;
    index.last = last;
    index.columnsOwned = false;
    index.postings = new Array<Uint8Array | undefined>(termCount!);
    index.loaded = { bytes: bytes.subarray(postingsAt), starts: postingStarts(index.used, termCount!) };
    index.countDocuments();
    return index;
  }

  /** A file of version 1 (a JSON header, whole Chinese and Japanese runs as words): its documents with such words are dropped, to be indexed again. */
  private static loadVersionOne(bytes: Uint8Array): WordIndex {
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
    index.termCount = terms.length;
    index.used = withRoom(Int32Array.from(used), terms.length);
    index.counts = withRoom(Int32Array.from(counts), terms.length);
    index.last = withRoom(Int32Array.from(last), terms.length);
    for (const term of terms) index.added.add(term);
    if (index.added.size !== terms.length) throw new IndexFormatError('the search index holds a word twice');
    index.postings = new Array<Uint8Array | undefined>(terms.length);
    index.loaded = { bytes: bytes.subarray(9 + headerLength), starts: postingStarts(index.used, terms.length) };
    index.countDocuments();
    for (const [t, term] of terms.entries()) {
      if (hasUnspaced(term)) forEachPosting(index.bytesOf(t), index.used[t]!, (doc) => index.docs[doc] !== null && index.remove(index.docs[doc]!));
    }
    index.outdated = true;
    return index;
  }

  private countDocuments(): void {
    for (const [n, id] of this.docs.entries()) {
      if (id === null) continue;
      this.docNumber.set(id, n);
      this.live++;
      this.totalLength += this.lengths[n]!;
    }
  }

  /**
   * Puts up to `count` more added words into the radix tree that completions and typos use; true
   * once all are in. Callers with time to spare call it in slices. (A loaded file's words need none.)
   */
  fillVocabulary(count = Number.MAX_SAFE_INTEGER): boolean {
    const end = Math.min(this.added.size, this.filled + count);
    for (; this.filled < end; this.filled++) {
      const word = this.added.words[this.filled]!;
      // Chinese and Japanese characters and pairs are looked up whole, never completed nor forgiven a
      // typo: a long text of them would fill the tree with hundreds of thousands of pairs.
      if (!isUnspaced(word)) this.radix.set(word, this.base.size + this.filled);
    }
    return this.filled === this.added.size;
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

  private termNumber(word: string): number {
    const t = this.base.find(word);
    if (t >= 0) return t;
    const k = this.added.find(word);
    return k >= 0 ? this.base.size + k : -1;
  }

  private word(t: number): string {
    return t < this.base.size ? this.base.word(t) : this.added.words[t - this.base.size]!;
  }

  private termOf(word: string): number {
    return this.termAt(word, 0, word.length, hashWord(word));
  }

  /** The number of the word text[from, to) (whose hash is given), made for it if it is new to the index. */
  private termAt(text: string, from: number, to: number, hash: number): number {
    const t = this.base.size > 0 ? this.base.find(text, from, to) : -1;
    if (t >= 0) return t;
    const found = this.added.lookup(hash, text, from, to);
    return found >= 0 ? this.base.size + found : this.newTerm(found, text.slice(from, to), hash);
  }

  /** A word new to the index, where `added.lookup` did not find it (`missed`). */
  private newTerm(missed: number, word: string, hash: number): number {
    const t = this.termCount++;
    if (t === this.used.length) {
      this.used = withRoom(this.used, t);
      this.counts = withRoom(this.counts, t);
      this.last = withRoom(this.last, t);
    }
    this.added.insert(missed, ownString(word), hash);
    this.postings[t] = new Uint8Array(8);
    this.used[t] = 0;
    this.counts[t] = 0;
    this.last[t] = -1;
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

  /** The word numbers a query term stands for, with a weight: itself 1, a completion or near miss less. */
  private expand(term: string, prefix: boolean, max: number): Array<[number, number]> {
    const found = new Map<number, number>();
    const self = this.termNumber(term);
    if (self >= 0) found.set(self, 1);
    if (prefix && term.length >= 3) {
      const [from, to] = this.base.range(term);
      const completions: number[] = [];
      for (let t = from; t < to; t++) if (t !== self) completions.push(t);
      for (const [, t] of this.vocabulary().atPrefix(term)) if (t !== self) completions.push(t);
      completions.sort((a, b) => this.counts[b]! - this.counts[a]!);
      for (const t of completions.slice(0, max)) found.set(t, 0.7);
    }
    const typos = typosAllowed(term);
    if (typos > 0) {
      for (const [t] of this.base.near(term, typos)) if (!found.has(t)) found.set(t, 0.5);
      for (const [, [t]] of this.vocabulary().fuzzyGet(term, typos)) if (!found.has(t)) found.set(t, 0.5);
    }
    return [...found];
  }
}

/** Word numbers a document must hold one of (see WordIndex.top), with weights, for which query term, and the unspaced run they come from. */
interface Step {
  term: number;
  run: string | null;
  words: Array<[number, number]>;
}

const LEAD_BYTES = 32;

function align4(n: number): number {
  return (n + 3) & ~3;
}

function bytesOf(array: Uint32Array | Int32Array | Uint16Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A copy of the first `length` numbers with room for as many again. */
function withRoom(column: Int32Array, length: number): Int32Array {
  const out = new Int32Array(Math.max(64, length * 2));
  out.set(column.subarray(0, length));
  return out;
}

/** Where each word's postings start in the loaded block: they follow one another. */
function postingStarts(used: Int32Array, count: number): Float64Array {
  const starts = new Float64Array(count);
  let at = 0;
  for (let t = 0; t < count; t++) (starts[t] = at), (at += used[t]!);
  return starts;
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
