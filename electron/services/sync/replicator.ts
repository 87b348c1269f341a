import type { Emitter, PouchDb } from './pouch';
import type { Memory } from './state';
import { lastingProblem, type StatusTracker } from './status';
import { t } from '../../../shared/i18n/current';

/**
 * PouchDB's own live, retrying two-way replication between the local database and the server;
 * this only turns its events into the status the header shows.
 */
export function startReplication(local: PouchDb, remote: PouchDb, status: StatusTracker, memory: Memory): { stop(): void; pending(): Promise<number> } {
  async function pending(): Promise<number> {
    const since = await local.changes({ since: memory.memory.pushedSeq, return_docs: true });
    return since.results.filter((r) => !r.id.startsWith('_local/')).length;
  }

  const sync: Emitter = local.sync(remote, {
    live: true,
    retry: true,
    batch_size: 500,
    batches_limit: 4,
    back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 60_000)),
  });
  status.syncing();
  sync.on('change', (info: { direction: 'push' | 'pull'; change: { docs_written: number; docs?: unknown[]; last_seq: number | string } }) => {
    const bytes = (info.change.docs ?? []).reduce<number>((sum, doc) => sum + JSON.stringify(doc).length, 0);
    status.progress(info.change.docs_written, bytes);
    if (info.direction === 'push') memory.memory.pushedSeq = info.change.last_seq;
  });
  sync.on('active', () => status.syncing());
  // The two-way handle drops the reason when it pauses: each direction's own handle keeps it.
  const failing = { push: null as unknown, pull: null as unknown };
  const paused = (direction: 'push' | 'pull') => (error?: unknown) => {
    failing[direction] = error ?? null;
    const problem = failing.push ?? failing.pull;
    if (!problem) {
      if (direction === 'pull' || !failing.pull) {
        status.upToDate();
        memory.memory.lastSynced = new Date().toISOString();
        void memory.save();
      }
      return;
    }
    const lasting = lastingProblem(problem);
    if (lasting) status.error(lasting);
    else void pending().then((count) => status.offline(count, problem));
  };
  const sides = sync as Emitter & { push: Emitter; pull: Emitter };
  sides.push.on('paused', paused('push'));
  sides.pull.on('paused', paused('pull'));
  sync.on('denied', (error: unknown) => status.error(t('syncSvc.denied', { reason: String((error as { message?: unknown })?.message ?? error) })));
  sync.on('error', (error: unknown) => status.error(lastingProblem(error) ?? t('syncSvc.stopped', { reason: String((error as { message?: unknown })?.message ?? error) })));
  return { stop: () => sync.cancel(), pending };
}
