import type { PouchDb } from './pouch';

/** What sync remembers between runs, in a `_local` document (never replicated) of the local database. */
export interface SyncMemory {
  /** The local database's sequence up to which changes have reached the store. */
  appliedSeq: number | string;
  /** Up to which local changes have reached the server. */
  pushedSeq: number | string;
  lastSynced: string | null;
  conflicts: string[];
  quarantine: Array<{ id: string; reason: string }>;
  /** Documents that arrived before their files: applied once the files are here. */
  waiting: string[];
}

const ID = '_local/facing-sync';

export async function loadMemory(local: PouchDb) {
  const stored = (await local.get(ID).catch(() => null)) as (Partial<SyncMemory> & { _rev?: string }) | null;
  const memory: SyncMemory = {
    appliedSeq: stored?.appliedSeq ?? 0,
    pushedSeq: stored?.pushedSeq ?? 0,
    lastSynced: stored?.lastSynced ?? null,
    conflicts: stored?.conflicts ?? [],
    quarantine: stored?.quarantine ?? [],
    waiting: stored?.waiting ?? [],
  };
  let rev = stored?._rev;
  let writing: Promise<void> = Promise.resolve();

  /** Saves the memory as it is now; saves queue behind each other. */
  function save(): Promise<void> {
    writing = writing.then(async () => {
      const result = await local.put({ _id: ID, ...(rev ? { _rev: rev } : {}), ...structuredClone(memory) } as never).catch(() => null);
      if (result) rev = result.rev;
    });
    return writing;
  }

  return { memory, save };
}
export type Memory = Awaited<ReturnType<typeof loadMemory>>;
