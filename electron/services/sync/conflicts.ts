import { randomUUID } from 'node:crypto';
import { FacingError } from '../../../shared/ipc/errors';
import { fromCouch, type CouchDoc } from '../../../shared/sync/documents';
import type { SyncConflict } from '../../../shared/sync/model';
import type { Store, StoreRecord } from '../store';
import type { Applier } from './apply-remote';
import type { PouchDb } from './pouch';
import { t } from '../../../shared/i18n/current';

const kinds = { annotation: 'annotation', alignment: 'alignment', reading: 'reading', document: 'document' } as const;

/**
 * Entries changed on two computers while apart. CouchDB picks the same winner everywhere and that
 * version is the one applied; the other stays in the local database as a conflicting revision until
 * the user chooses.
 */
export function createConflicts(local: PouchDb, store: Store, applier: Applier, origin: string, by: () => string) {
  async function versions(id: string): Promise<{ winner: CouchDoc; others: CouchDoc[] } | null> {
    const winner = await local.get(id, { conflicts: true }).catch(() => null);
    if (!winner?._conflicts?.length) return null;
    const others = await Promise.all(winner._conflicts.map((rev) => local.get(id, { rev })));
    return { winner, others };
  }

  async function list(): Promise<SyncConflict[]> {
    const out: SyncConflict[] = [];
    for (const id of applier.conflictIds()) {
      const found = await versions(id);
      if (!found) {
        await applier.forgetConflict(id);
        continue;
      }
      const other = found.others[0]!;
      out.push({
        id,
        kind: kinds[(found.winner.type ?? id.split(':')[0]) as keyof typeof kinds] ?? 'annotation',
        winner: found.winner.body,
        other: other.body,
        winnerBy: found.winner.by || null,
        otherBy: other.by || null,
      });
    }
    return out;
  }

  async function resolve(id: string, keep: 'winner' | 'other' | 'both'): Promise<void> {
    const found = await versions(id);
    if (!found) {
      await applier.forgetConflict(id);
      throw new FacingError('not-found', t('syncSvc.conflictGone'));
    }
    const other = found.others[0]!;
    if (keep !== 'winner') {
      const incoming = fromCouch({ ...other, _deleted: false });
      if (incoming.kind !== 'apply') throw new FacingError('invalid-request', t('syncSvc.otherInvalid'));
      if (keep === 'both') {
        if (incoming.record.c !== 'annotations') throw new FacingError('invalid-request', t('syncSvc.keepBothOnlyNotes'));
        const copy = { ...(incoming.record.v as object), id: randomUUID(), modified: new Date().toISOString() };
        // A local change: the outbox sends it like any new annotation.
        await store.commit([{ c: 'annotations', k: copy.id, v: copy }]);
      } else {
        await local.put({ _id: id, _rev: found.winner._rev!, type: found.winner.type, origin, by: by(), body: other.body });
        await store.commit([incoming.record as StoreRecord], 'sync');
      }
    }
    for (const loser of found.others) await local.remove(id, loser._rev!);
    await applier.forgetConflict(id);
  }

  return { list, resolve };
}
