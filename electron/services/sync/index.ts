import { FacingError } from '../../../shared/ipc/errors';
import { t } from '../../../shared/i18n/current';
import { couchId, fromCouch, sameContent, settingsPerson, type SyncedRecord } from '../../../shared/sync/documents';
import { syncedSettingsOf, withSyncedSettings, type SyncedSettings } from '../../../shared/sync/settings';
import { SyncSetSchema, type SyncConfig, type SyncConflict, type SyncSet, type SyncSettings, type SyncStatus, type SyncTest } from '../../../shared/sync/model';
import type { Store } from '../store';
import { createApplier } from './apply-remote';
import { databaseUrl, insecureUrl, plainBox, syncFiles, type SecretBox } from './config';
import { createConflicts } from './conflicts';
import { createOutbox } from './outbox';
import { pouchDb, tolerateInfoFailures, type PouchDb } from './pouch';
import { startReplication } from './replicator';
import { loadMemory } from './state';
import { createStatus } from './status';
import { createDatabase, testConnection } from './test-connection';

export type { SecretBox } from './config';

export interface SyncOptions {
  dataDir: string;
  store: Store;
  secretBox?: SecretBox;
  /** After remote changes reach the store. */
  onApplied?(records: SyncedRecord[]): void;
}

export interface SyncService {
  settings(): Promise<SyncSettings>;
  set(input: SyncSet): Promise<SyncSettings>;
  /** Tests the given settings, or the saved ones; a missing password means the saved one. */
  test(input?: SyncSet): Promise<SyncTest>;
  status(): Promise<SyncStatus>;
  conflicts(): Promise<SyncConflict[]>;
  resolve(id: string, keep: 'winner' | 'other' | 'both'): Promise<void>;
  /** The name this person's annotations carry, or '' without sync. */
  displayName(): string;
  /** The name this person syncs under, kept while sync is off: the annotations under it are theirs. */
  ownName(): string;
  /** What the parallel view says while a pair's alignment has a version from another computer set aside. */
  alignmentNotice(left: string, right: string): string | undefined;
  /** Resolves when local changes are in the local database and arrived ones in the store. */
  idle(): Promise<void>;
  /** `flush: false` leaves queued writes unwritten, as a killed process would. */
  close(options?: { flush?: boolean }): Promise<void>;
}

interface Running {
  local: PouchDb;
  remote: PouchDb | null;
  stop(flush: boolean): Promise<void>;
  idle(): Promise<void>;
  conflicts: ReturnType<typeof createConflicts>;
  quarantine(): Array<{ id: string; reason: string }>;
  counts(): { quarantined: number; conflicts: number };
  conflictIds(): string[];
  pending(): Promise<number>;
}

/**
 * Sync through CouchDB replication, opt in: with no saved settings it opens nothing and sends
 * nothing. When on, a local PouchDB database in the data folder mirrors the synced part of the
 * store, PouchDB replicates it with the server, and what other computers wrote is applied back.
 */
export async function openSync(options: SyncOptions): Promise<SyncService> {
  const files = syncFiles(options.dataDir, options.secretBox ?? plainBox);
  const status = createStatus();
  let { config, computer, problem } = await files.readConfig();
  let running: Running | null = null;
  let starting: Promise<void> = Promise.resolve();
  if (problem) status.error(problem);

  async function start(): Promise<void> {
    if (!config?.enabled) return status.off();
    const insecure = insecureUrl(config.url);
    if (insecure) return status.error(insecure);
    status.serverIs(config.url);
    const PouchDB = await pouchDb();
    const local = new PouchDB(files.localDbPath);
    const memory = await loadMemory(local);
    const by = () => config?.displayName ?? '';
    const person = () => (config?.syncSettings ? settingsPerson(config) : null);
    const outbox = createOutbox(local, options.dataDir, computer, by, { settingsPerson: person });
    const applier = createApplier({
      local,
      store: options.store,
      memory,
      dataDir: options.dataDir,
      origin: computer,
      settingsPerson: person,
      onApplied: (records) => {
        status.remoteApplied();
        options.onApplied?.(records);
      },
    });
    const unhook = options.store.onCommit((records, source) => {
      if (source === 'local') outbox.add(records);
    });
    await applier.start();
    await outbox.reconcile(options.store.data, applier.kept());

    const password = await files.readPassword();
    const target = { ...config, password };
    let remote: PouchDb | null = null;
    let replication: ReturnType<typeof startReplication> | null = null;
    let checked = await testConnection(target);
    if (checked.kind === 'no-database' && checked.canCreate) checked = await createDatabase(target);
    if (checked.ok || checked.kind === 'unreachable') {
      remote = tolerateInfoFailures(new PouchDB(databaseUrl(config), { skip_setup: true, ...(config.username ? { auth: { username: config.username, password: password ?? '' } } : {}) }), config.database);
      if (person()) await adoptSettings(local, checked.ok ? remote : null, outbox, person()!);
      replication = startReplication(local, remote, status, memory);
      if (!checked.ok) status.offline(await replication.pending(), { message: checked.message });
    } else {
      status.error(checked.message);
      if (person()) await adoptSettings(local, null, outbox, person()!);
    }
    const conflicts = createConflicts(local, options.store, applier, computer, by);
    running = {
      local,
      remote,
      conflicts,
      quarantine: applier.quarantine,
      counts: () => ({ quarantined: applier.quarantine().length, conflicts: applier.conflictIds().length }),
      conflictIds: () => applier.conflictIds(),
      pending: async () => (replication ? replication.pending() : 0),
      idle: async () => {
        await outbox.idle();
        await applier.idle();
      },
      async stop(flush) {
        unhook();
        replication?.stop();
        await applier.stop();
        if (flush) {
          await outbox.flush();
          await memory.save();
        }
        await remote?.close().catch(() => {});
        await local.close();
      },
    };
  }

  /**
   * Turning "Also sync my settings" on: settings this person already synced from another computer
   * are taken; with none yet, this computer's go out.
   */
  async function adoptSettings(local: PouchDb, remote: PouchDb | null, outbox: ReturnType<typeof createOutbox>, who: string): Promise<void> {
    const id = couchId('settings', who)!;
    const store = options.store;
    const mine = { c: 'settings' as const, k: who, v: syncedSettingsOf(store.data.settings) };
    const here = await local.get(id).catch(() => null);
    const found = here && !here._deleted ? here : remote ? await remote.get(id).catch(() => null) : null;
    if (found && found.origin !== computer) {
      const incoming = fromCouch(found);
      if (incoming.kind === 'apply' && incoming.record.v !== null && !sameContent(mine, found)) {
        await store.commit([{ c: 'settings', v: withSyncedSettings(store.data.settings, incoming.record.v as SyncedSettings) }], 'sync');
        status.remoteApplied();
        options.onApplied?.([{ c: 'settings', k: who, v: incoming.record.v }]);
      }
      return;
    }
    if (!found || !sameContent(mine, found)) outbox.add([{ c: 'settings', v: store.data.settings }]);
  }

  async function restart(): Promise<void> {
    await starting;
    const before = running;
    running = null;
    await before?.stop(true);
    starting = start().catch((error: Error) => status.error(t('syncSvc.couldNotStart', { reason: error.message })));
    await starting;
  }

  async function settings(): Promise<SyncSettings> {
    return { config, hasPassword: (await files.readPassword()) !== null, status: await currentStatus(), quarantine: running?.quarantine() ?? [] };
  }

  async function currentStatus(): Promise<SyncStatus> {
    if (running) {
      const { quarantined, conflicts } = running.counts();
      status.counts(quarantined, conflicts);
      // Offline, the count of waiting changes moves with each edit.
      if (status.get().state === 'offline') status.pending(await running.pending().catch(() => status.get().pending));
    }
    return status.get();
  }

  function active(): Running {
    if (!running) throw new FacingError('invalid-request', t('syncSvc.off'));
    return running;
  }

  if (config?.enabled) starting = start().catch((error: Error) => status.error(t('syncSvc.couldNotStart', { reason: error.message })));

  return {
    settings,
    async set(input) {
      const parsed = SyncSetSchema.parse(input);
      const { password, ...next } = parsed;
      const insecure = insecureUrl(next.url);
      if (insecure) throw new FacingError('invalid-request', insecure);
      if (password !== undefined) await files.writePassword(password);
      config = next satisfies SyncConfig;
      await files.writeConfig(config, computer);
      await restart();
      return settings();
    },
    async test(input) {
      const target = input ? SyncSetSchema.parse(input) : config;
      if (!target) return { ok: false, kind: 'error', message: t('syncSvc.enterServer') };
      const password = input?.password !== undefined ? input.password : await files.readPassword();
      return testConnection({ ...target, password });
    },
    status: currentStatus,
    conflicts: async () => (running ? running.conflicts.list() : []),
    resolve: (id, keep) => active().conflicts.resolve(id, keep),
    displayName: () => (config?.enabled ? config.displayName : ''),
    ownName: () => config?.displayName ?? '',
    alignmentNotice(left, right) {
      const id = couchId('alignments', `${left}|${right}`);
      return id && running?.conflictIds().includes(id) ? t('syncSvc.alignmentConflict') : undefined;
    },
    async idle() {
      await starting;
      await running?.idle();
    },
    async close(closeOptions) {
      await starting;
      const before = running;
      running = null;
      await before?.stop(closeOptions?.flush ?? true);
    },
  };
}
