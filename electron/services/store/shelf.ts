import { isAscii } from 'node:buffer';
import { crc32 } from 'node:zlib';

/** One document's annotations as the snapshot holds them: read and checked only when first needed. */
export interface Block {
  document: string;
  count: number;
  bytes: Buffer;
  crc: number;
  /**
   * Other documents its entries name, when the snapshot's index could not be trusted to file each
   * entry under its own document (its checksum failed, or it has none) and the block was searched.
   */
  others?: readonly string[];
}

export interface DamagedBlock {
  document: string;
  count: number;
  reason: string;
}

type Entry = [key: string, raw: unknown];

/** More changed keys than this and compaction reads every block rather than search each for them. */
const MAX_KEYS_SCANNED = 64;

/** A key as the snapshot writes it: JSON with every character past ASCII escaped. */
export const asciiJson = (value: string) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const isCollection = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const decode = (bytes: Buffer) => bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');

/** The key a damaged block is kept under in the quarantine collection. */
export const damagedBlockKey = (document: string) => `annotations:block:${document}`;

/**
 * The annotations collection of a store, with the snapshot's per-document blocks parsed on first
 * use. Every change made since the snapshot was read is `touched`: a block read later never
 * overrides it, so a journal record or an edit always wins over the older snapshot.
 */
export class AnnotationShelf {
  private readonly unread: Map<string, Block>;
  private readonly read = new Map<string, string[]>();
  private readonly touched = new Set<string>();
  /** For a document, the blocks that hold entries of it filed under another document: read, or unread and searched. */
  private readonly strays = new Map<string, Set<string>>();
  /** Documents whose block was in the snapshot, in file order. */
  readonly documents: readonly string[];
  /** Told when a block read on first use turns out damaged (it is in quarantine by then). */
  onDamaged: (damaged: DamagedBlock) => void = () => {};

  constructor(
    /** The collection: what has been read, and every change since. */
    readonly parsed: Record<string, unknown>,
    blocks: Block[],
    private readonly quarantine: () => Record<string, unknown>,
  ) {
    this.unread = new Map(blocks.map((b) => [b.document, b]));
    this.documents = blocks.map((b) => b.document);
    for (const block of blocks) for (const other of block.others ?? []) this.stray(other, block.document);
  }

  private stray(owner: string, block: string): void {
    const blocks = this.strays.get(owner);
    if (blocks) blocks.add(block);
    else this.strays.set(owner, new Set([block]));
  }

  get complete(): boolean {
    return this.unread.size === 0;
  }

  set(key: string, value: unknown): void {
    if (this.unread.size) this.touched.add(key);
    if (value === null) delete this.parsed[key];
    else this.parsed[key] = value;
  }

  /**
   * Reads a document's block if it is still unread, and returns what it added when asked to; a block
   * that fails its checksum or JSON is moved to quarantine, whole.
   */
  private readBlock(document: string, collect = false): Entry[] | null {
    const block = this.unread.get(document);
    if (!block) return null;
    // Read before the block leaves `unread`: a block that cannot be read from disk stays as it is, never dropped.
    const bytes = block.bytes;
    this.unread.delete(document);
    const text = decode(bytes);
    let entries: unknown = null;
    let reason: string | null = null;
    if (crc32(bytes) !== block.crc) reason = 'checksum';
    else {
      try {
        entries = JSON.parse(text);
      } catch (error) {
        reason = (error as Error).message;
      }
      if (!reason && !isCollection(entries)) reason = 'not an object';
    }
    if (reason || !isCollection(entries)) {
      this.quarantine()[damagedBlockKey(document)] = text;
      this.read.set(document, []);
      this.onDamaged({ document, count: block.count, reason: reason ?? '' });
      return [];
    }
    const keys: string[] = [];
    const added: Entry[] = [];
    const touched = this.touched.size > 0;
    for (const key in entries) {
      if (touched && this.touched.has(key)) continue;
      const value = entries[key];
      this.parsed[key] = value;
      keys.push(key);
      if (collect) added.push([key, value]);
      const owner = isCollection(value) && typeof value.documentId === 'string' ? value.documentId : document;
      if (owner !== document) this.stray(owner, document);
    }
    this.read.set(document, keys);
    return added;
  }

  /** Blocks filed under other documents that hold entries of this one: read ones, and unread ones searched at start. */
  filedElsewhere(document: string): string[] {
    return [...(this.strays.get(document) ?? [])];
  }

  /** What a document's block held and nothing has changed since (changed entries are in `loose()` or were seen as changes). */
  entriesOf(document: string): Entry[] {
    const added = this.readBlock(document, true);
    if (added) return added;
    const out: Entry[] = [];
    for (const key of this.read.get(document) ?? []) if (!this.touched.has(key) && key in this.parsed) out.push([key, this.parsed[key]]);
    return out;
  }

  /** Entries that came from no block: changes since the snapshot, or the whole collection of a store read at once. */
  loose(): Entry[] {
    const fromBlocks = new Set<string>();
    for (const keys of this.read.values()) for (const key of keys) if (!this.touched.has(key)) fromBlocks.add(key);
    const out: Entry[] = [];
    for (const key in this.parsed) if (!fromBlocks.has(key)) out.push([key, this.parsed[key]]);
    return out;
  }

  /** Documents whose block is still unread. */
  unreadDocuments(): string[] {
    return [...this.unread.keys()];
  }

  /** Parses a document's block ahead of its first use. */
  readAhead(document: string): void {
    this.readBlock(document);
  }

  /** The whole collection, every block read. */
  all(): Record<string, unknown> {
    for (const document of [...this.unread.keys()]) this.readBlock(document);
    return this.parsed;
  }

  count(): number {
    const unread = this.unchanged();
    let n = Object.keys(this.parsed).length;
    for (const block of unread) n += block.count;
    return n;
  }

  /**
   * Blocks that can be written again as they were read, because no changed key is in them: a block
   * whose bytes hold a changed key's `"key":` is read first (a key in a note is escaped, so this can
   * only read a block needlessly, never miss one). Past a few dozen changes every block is read.
   */
  unchanged(): Block[] {
    if (this.touched.size > MAX_KEYS_SCANNED) this.all();
    // A block holding other documents' entries is read, so that each is written under its own document.
    for (const block of [...this.unread.values()]) if (block.others?.length) this.readBlock(block.document);
    if (this.unread.size === 0) return [];
    const needles = [...this.touched].map((key) => Buffer.from(`${asciiJson(key)}:`, 'latin1'));
    for (const [document, block] of [...this.unread]) if (needles.some((needle) => block.bytes.includes(needle))) this.readBlock(document);
    return [...this.unread.values()];
  }

  /**
   * The unchanged blocks, each checked against its checksum before it is copied: one that fails is
   * read now, so it is quarantined whole and reported as on first use, never written with a new checksum.
   */
  copyable(): Block[] {
    for (const block of this.unchanged()) if (crc32(block.bytes) !== block.crc) this.readBlock(block.document);
    return [...this.unread.values()];
  }
}

const shelves = new WeakMap<object, AnnotationShelf>();

/** Makes `data.annotations` read every block when code outside the annotation service asks for the whole collection. */
export function attachShelf<T extends { annotations: Record<string, unknown> }>(data: T, shelf: AnnotationShelf): T {
  shelves.set(data, shelf);
  Object.defineProperty(data, 'annotations', { enumerable: true, configurable: true, get: () => shelf.all() });
  return data;
}

/** The shelf of a store's data; a store read at once gets one with nothing left to read. */
export function shelfOf(data: { annotations: Record<string, unknown>; quarantine: Record<string, unknown> }): AnnotationShelf {
  let shelf = shelves.get(data);
  if (!shelf) {
    shelf = new AnnotationShelf(data.annotations, [], () => data.quarantine);
    shelves.set(data, shelf);
  }
  return shelf;
}

export const hasShelf = (data: object) => shelves.has(data);
