import { fitsShape, lexiconKey, type HeadwordMatch, type Headwords, type KeyShape } from './lexicon';

const BUCKET = 3;

/**
 * Headwords of one dictionary, lower-cased, grouped by their first letters: loading adds each once
 * (no sort of hundreds of thousands of strings), and lookups scan one small group.
 */
export class HeadwordIndex implements Headwords {
  private readonly buckets = new Map<string, number[]>();
  private readonly keys: string[] = [];
  /** Which entry (record) each key points at: several keys may point at one entry (synonyms). */
  private records: Int32Array;
  /** Headwords as written, where that differs from the key (most dictd headwords are lower case already). */
  private readonly written = new Map<number, string>();
  private readonly synonyms = new Set<number>();
  private lastBucket: { name: string; slots: number[] } | undefined;

  /** `capacity`: how many headwords to expect (the index's line count), so loading does not grow arrays. */
  constructor(capacity = 1024) {
    this.records = new Int32Array(Math.max(16, capacity));
  }

  add(headword: string, record: number, isSynonym = false) {
    const key = headwordKey(headword);
    if (!key) return;
    const slot = this.keys.length;
    this.keys.push(key);
    if (slot >= this.records.length) {
      const grown = new Int32Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    this.records[slot] = record;
    if (key !== headword) this.written.set(slot, headword);
    if (isSynonym) this.synonyms.add(slot);
    // Dictionaries come sorted, so a headword nearly always shares the previous one's bucket.
    const last = this.lastBucket;
    if (last && key.startsWith(last.name) && (last.name.length === BUCKET || key === last.name)) {
      last.slots.push(slot);
      return;
    }
    const name = key.slice(0, BUCKET);
    let slots = this.buckets.get(name);
    if (slots) slots.push(slot);
    else this.buckets.set(name, (slots = [slot]));
    this.lastBucket = { name, slots };
  }

  get size() {
    return this.keys.length;
  }

  has(key: string): boolean {
    return this.slots(key).length > 0;
  }

  /** The entries a key names, as record numbers with the headword as written. */
  find(key: string): HeadwordMatch[] {
    return this.slots(key).map((slot) => ({ record: this.records[slot]!, headword: this.written.get(slot) ?? this.keys[slot]!, synonym: this.synonyms.has(slot) }));
  }

  withPrefix(prefix: string, limit: number, shape?: KeyShape): string[] {
    const out = new Set<string>();
    const scan = (slots: number[]) => {
      for (const slot of slots) {
        if (out.size >= limit) return;
        const key = this.keys[slot]!;
        if (key.startsWith(prefix) && fitsShape(key, shape)) out.add(key);
      }
    };
    if (prefix.length >= BUCKET) scan(this.buckets.get(prefix.slice(0, BUCKET)) ?? []);
    else for (const [bucket, slots] of this.buckets) if (bucket.startsWith(prefix)) scan(slots);
    return [...out];
  }

  private slots(key: string): number[] {
    const bucket = this.buckets.get(key.slice(0, BUCKET));
    return bucket ? bucket.filter((slot) => this.keys[slot] === key) : [];
  }
}

/** The key a headword is found under: lower case, NFC, no surrounding space. */
export function headwordKey(headword: string): string {
  return asciiLower.test(headword) ? headword : latinKey(headword);
}

/** Latin-1 text has no combining marks to compose: lower-casing is all it needs. */
function latinKey(headword: string): string {
  return /[^\u0000-\u00ff]/.test(headword) ? lexiconKey(headword) : headword.toLowerCase().trim();
}

/** Lower-case ASCII with no surrounding space is already a key: skip normalising it. */
const asciiLower = /^[a-z0-9](?:[a-z0-9 .'-]*[a-z0-9.])?$/;
