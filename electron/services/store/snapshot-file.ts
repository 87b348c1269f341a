import type { Adapter } from 'lowdb';
import type { WriteFile } from './backups';
import { serializeSnapshot } from './snapshot';
import { readSnapshot } from './snapshot-read';
import type { StoreData } from './schema';

/**
 * lowdb's adapter for the snapshot: strict parsing (and migration) on read, a durable replace
 * (temporary file, fsync, rename) on write. It keeps the text it last wrote, which compaction
 * turns into a verified backup without serialising the store twice.
 */
export class SnapshotFile implements Adapter<StoreData> {
  written: string | null = null;

  constructor(
    private readonly path: string,
    private readonly writeFile: WriteFile,
    /** Runs once the text is made and before the file is replaced: closes a snapshot still open for its lines (see snapshot-read.ts). */
    private readonly beforeReplace: () => Promise<void> = async () => {},
  ) {}

  async read(): Promise<StoreData | null> {
    return (await readSnapshot(this.path))?.data ?? null;
  }

  async write(data: StoreData): Promise<void> {
    const text = serializeSnapshot(data);
    await this.beforeReplace();
    await this.writeFile(this.path, text);
    this.written = text;
  }
}
