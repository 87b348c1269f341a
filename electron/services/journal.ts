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
  /** Set when a line other than the last could not be read: the journal is damaged there. */
  damagedAt: number | null;
}

/** Reads a journal's lines. A torn last line (a crash mid-write, never acknowledged) is dropped silently. */
export function parseJournal<T>(text: string): Replay<T> {
  const lines = text.split('\n');
  const records: T[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      const isLast = lines.slice(k + 1).every((rest) => rest === '');
      return { records, damagedAt: isLast ? null : k + 1 };
    }
  }
  return { records, damagedAt: null };
}
