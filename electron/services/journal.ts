import { open, type FileHandle } from 'node:fs/promises';

/**
 * An append-only file of JSON lines with group commit: records appended while a write is in flight
 * go out together in the next write, and every caller learns when its records are on disk (fsync).
 */
export class Journal {
  private handle: FileHandle | null = null;
  private pending: Array<{ line: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;
  records = 0;
  bytes = 0;

  constructor(readonly path: string) {}

  append(records: readonly unknown[]): Promise<void> {
    const line = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    this.records += records.length;
    this.bytes += line.length;
    return new Promise((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Waits until everything appended so far is on disk. */
  async settle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length) {
        const batch = this.pending;
        this.pending = [];
        try {
          this.handle ??= await open(this.path, 'a', 0o600);
          await this.handle.write(batch.map((b) => b.line).join(''));
          await this.handle.sync();
          batch.forEach((b) => b.resolve());
        } catch (error) {
          batch.forEach((b) => b.reject(error));
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  async close(): Promise<void> {
    await this.settle();
    await this.handle?.close();
    this.handle = null;
  }
}

export interface Replay<T> {
  records: T[];
  /** Numbers (from 1) of whole lines that could not be read or are not records. */
  unreadable: number[];
  /** The file does not end with a newline: a write was cut short, and nothing may be appended after it. */
  unterminated: boolean;
  /** The unterminated last line could not be read (a record being written at a crash, or a journal cut short). */
  torn: boolean;
}

/** Reads a journal's lines; `validate` returns a record, or null for a line that is JSON but not a record. */
export function parseJournal<T>(text: string, validate: (value: unknown) => T | null): Replay<T> {
  const lines = text.split('\n');
  const last = lines.length - 1;
  const replay: Replay<T> = { records: [], unreadable: [], unterminated: lines[last] !== '', torn: false };
  for (let k = 0; k <= last; k++) {
    const line = lines[k]!;
    if (!line.trim()) continue;
    let record: T | null = null;
    try {
      record = validate(JSON.parse(line));
    } catch {
      record = null;
    }
    if (record !== null) replay.records.push(record);
    else if (k === last) replay.torn = true;
    else replay.unreadable.push(k + 1);
  }
  return replay;
}
