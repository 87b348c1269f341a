import type { Handlers } from '../../shared/ipc/contract';
import type { AppInfo } from '../../shared/model/app';
import { SettingsSchema } from '../../shared/model/settings';
import { setLocale } from '../../shared/i18n/current';
import { resolveLocale } from '../../shared/i18n/locale';
import { createAlignmentService } from './alignment';
import { createAnnotationService } from './annotations';
import { createDictionaryService } from './dictionaries/service';
import { dictionaryHandlers } from './dictionaries/handlers';
import { systemDictionaryDirs } from './dictionaries/locations';
import { openCorpus } from './corpus';
import { createChecksService } from './exchange/checks';
import { exchangeHandlers } from './exchange/handlers';
import { createExchangeService } from './exchange/index';
import { createUploads, type Uploads } from './exchange/uploads';
import { createPages } from './document-pages';
import { openLibrary } from './library';
import { fromBase64 } from './library/slices';
import { createSearch } from './search';
import { openStore } from './store';
import { createQuiet, type Quiet } from './quiet';
import { createStartGate } from './start-gate';
import { openSync, type SecretBox } from './sync/index';

/** Annotations not used yet are read ahead this long after the first document list is answered. */
const READ_AHEAD_AFTER_LIST_MS = 500;
/** Known pairs are aligned and the search index loaded this long after it (by default). */
const WARM_AFTER_LIST_MS = 1000;
/** When no document list is asked for (a window that never opens), the background work starts anyway. */
const WARM_FALLBACK_MS = 30_000;

export interface ServiceOptions {
  dataDir: string;
  corpusDir: string;
  shell: AppInfo['shell'];
  version: string;
  /** Folders searched for the system's dictionaries (tests set their own). */
  dictionaryDirs?: string[];
  /**
   * How long after the first document list is answered known pairs are aligned and the search index
   * loaded in the background (tests and benchmarks set it long to keep that out of their way). Without
   * a list it starts `startWorkFallbackMs` after the start, or this long if that is later.
   */
  warmAfterMs?: number;
  /** When the background work starts if no document list is asked for (WARM_FALLBACK_MS by default). */
  startWorkFallbackMs?: number;
  /** Told as each piece of background work after the start begins (tests and benchmarks). */
  onStartWork?: (work: 'read-ahead' | 'warm') => void;
  /** Seals the sync password on disk (Electron passes one built on safeStorage). */
  secretBox?: SecretBox;
  /** The system's language ("de-DE"): messages follow it while Settings → Language is "system". */
  locale?: string;
}

export interface Services {
  handlers: Handlers;
  /** Files handed over by path (Electron) or raw upload (the web host), for `pairs:import`. */
  uploads: Uploads;
  storePath: string;
  /** Flushes and closes the store; the next start then knows this run ended cleanly. */
  close(): Promise<void>;
  /** For tests and benchmarks: waits until sync has nothing queued locally. */
  syncIdle(): Promise<void>;
}

/** Opens every service and binds them to the contract. Electron and the web host both call this. */
export async function openServices(options: ServiceOptions): Promise<Services> {
  // The store's own notices are written while it opens, before its settings can be read: in the system's language.
  setLocale(resolveLocale('system', options.locale ? [options.locale] : []));
  const store = await openStore(options.dataDir);
  const followLanguage = () => setLocale(resolveLocale(store.data.settings.language, options.locale ? [options.locale] : []));
  followLanguage();
  const corpus = await openCorpus(options.corpusDir);
  const library = openLibrary(corpus, store, options.dataDir);
  const pages = createPages(library);
  const dictionaries = createDictionaryService({ dataDir: options.dataDir, systemDirs: options.dictionaryDirs ?? systemDictionaryDirs() });
  const alignments = createAlignmentService(library, store, (left, right) =>
    dictionaries.lexiconBetween({ language: left.meta.language, texts: () => [left.text] }, { language: right.meta.language, texts: () => [right.text] }),
  );
  const annotationOptions = { creator: () => sync.displayName(), me: () => sync.ownName() };
  let annotations = await createAnnotationService(library, store, annotationOptions);
  const search = createSearch(library, { dataDir: options.dataDir });
  const checks = createChecksService(store);
  const sync = await openSync({
    dataDir: options.dataDir,
    store,
    ...(options.secretBox ? { secretBox: options.secretBox } : {}),
    onApplied: (records) => {
      for (const r of records) if (r.c === 'documents') void search.refresh(r.k);
      if (records.some((r) => r.c === 'settings')) followLanguage();
    },
  });
  const uploads = createUploads(options.dataDir);
  const exchange = createExchangeService({ library, alignments, annotations: { list: async (id) => (await annotations.list(id)).filter((a) => !a.replyTo) }, checks, store, version: options.version });

  // Align known translation pairs in the background after start, so the first "Read side by side"
  // opens at once; a pair made later is aligned when it is made.
  let closed = false;
  const quiet = createQuiet();
  const warm = async (pairs: Array<[string, string]>) => {
    for (const [left, right] of pairs) {
      if (closed) return;
      await quiet.wait();
      if (closed) return;
      await alignments.warm(left, right).catch(() => {});
    }
  };
  // Until the first library is painted, the start's work is answering the renderer.
  const gate = createStartGate();
  // The window is loading meanwhile (see shared/ipc/when-open.ts): the records its first list reads
  // are validated now, while nothing else is asked (at 10,000 documents, 110 ms then ~30 ms at the ask).
  setImmediate(() => void library.list().catch(() => {}));
  const knownPairs = async () => (await library.list()).filter((d) => d.translationOf && !d.problem).map((d): [string, string] => [d.translationOf!, d.id]);
  const warmAfterMs = options.warmAfterMs ?? WARM_AFTER_LIST_MS;
  const fallbackMs = options.startWorkFallbackMs ?? WARM_FALLBACK_MS;
  gate.after(READ_AHEAD_AFTER_LIST_MS, fallbackMs, () => {
    options.onStartWork?.('read-ahead');
    void store.readAhead(quiet.wait);
  });
  gate.after(warmAfterMs, Math.max(fallbackMs, warmAfterMs), () => {
    options.onStartWork?.('warm');
    void (async () => {
      await store.readAhead(quiet.wait);
      await library.tidyProfiles(() => closed);
      await warm(await knownPairs());
      if (!closed) await search.ready();
    })().catch(() => {});
  });
  const handlers: Handlers = {
    'app:info': async () => ({
      version: options.version,
      dataDir: options.dataDir,
      shell: options.shell,
      notices: [...store.notices, ...corpus.notices, ...annotations.notices],
    }),
    'documents:list': async () => {
      const list = await library.list();
      gate.open();
      return list;
    },
    'documents:get': async ({ id }) => {
      const doc = await library.get(id);
      void library.saveReading(id, { opened: new Date().toISOString() });
      return doc;
    },
    'documents:blocks': async ({ id, from, count }) => {
      const page = await pages.page(id, from, count);
      if (from === 0) void library.saveReading(id, { opened: new Date().toISOString() });
      return page;
    },
    'documents:import': async ({ name, data }) => {
      const outcome = await library.import(name, await fromBase64(data));
      await search.refresh(outcome.document.id);
      return outcome;
    },
    'documents:update': async ({ id, patch }) => {
      const summary = await library.update(id, patch);
      await search.refresh(id);
      if (summary.translationOf) void warm([[summary.translationOf, summary.id]]);
      return summary;
    },
    'documents:remove': async ({ id, annotations: choice }) => {
      const own = choice === 'delete' ? await annotations.list(id) : [];
      if (!own.length) await annotations.keepTitle(id);
      await library.remove(id);
      if (own.length) await annotations.remove(own.map((a) => a.id));
      await search.refresh(id);
      return { removedAnnotations: own.length };
    },
    'documents:suggestPairs': ({ id }) => library.suggestPairs(id),
    'reading:save': async ({ documentId, state }) => {
      await library.get(documentId);
      await library.saveReading(documentId, state);
      return {};
    },
    'search:query': ({ query, limit }) => search.query(query, limit),
    'settings:get': async () => store.data.settings,
    'settings:set': async ({ patch }) => {
      await store.commit([{ c: 'settings', v: SettingsSchema.parse({ ...store.data.settings, ...patch }) }]);
      followLanguage();
      return store.data.settings;
    },
    'backups:list': () => store.backups(),
    'backups:restore': async ({ id }) => {
      const outcome = await store.restoreBackup(id);
      // The annotation service indexes the store at start: index the restored one.
      annotations = await createAnnotationService(library, store, annotationOptions);
      return outcome;
    },
    'alignment:get': async ({ left, right }) => {
      const alignment = await alignments.get(left, right);
      const notice = alignment.notice ?? sync.alignmentNotice(left, right);
      return notice ? { ...alignment, notice } : alignment;
    },
    'alignment:save': ({ left, right, rows }) => alignments.save(left, right, rows),
    'alignment:reset': ({ left, right }) => alignments.reset(left, right),
    'annotations:list': ({ documentId }) => annotations.list(documentId),
    'annotations:create': (draft) => annotations.create(draft),
    'annotations:reply': (draft) => annotations.reply(draft),
    'annotations:update': ({ id, patch }) => annotations.update(id, patch),
    'annotations:delete': ({ ids }) => annotations.remove(ids),
    'annotations:restore': ({ annotations: list }) => annotations.restore(list),
    'annotations:export': ({ format, documentId }) => annotations.export(format, documentId),
    'annotations:import': ({ content }) => annotations.import(content),
    'tags:rename': ({ from, to }) => annotations.renameTag(from, to),
    'tags:delete': ({ tag }) => annotations.deleteTag(tag),
    'sync:get': () => sync.settings(),
    'sync:set': (input) => sync.set(input),
    'sync:test': ({ settings }) => sync.test(settings),
    'sync:status': () => sync.status(),
    'sync:conflicts': () => sync.conflicts(),
    'sync:resolve': async ({ id, keep }) => {
      await sync.resolve(id, keep);
      return {};
    },
    ...dictionaryHandlers(dictionaries),
    ...exchangeHandlers(exchange, checks, store, (id) => search.refresh(id), uploads),
  };
  let closing: Promise<void> | undefined;
  return {
    handlers: trackedBy(quiet, handlers),
    uploads,
    storePath: store.path,
    syncIdle: () => sync.idle(),
    // Once: a second call (a test's cleanup, a quit during a quit) waits for the first.
    close: () =>
      (closing ??= (async () => {
        closed = true;
        gate.close();
        await sync.close();
        await search.close();
        await uploads.close();
        await dictionaries.close();
        await store.close();
      })()),
  };
}

/** The same handlers, each request counted while it is answered (see quiet.ts). */
function trackedBy(quiet: Quiet, handlers: Handlers): Handlers {
  const tracked: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [channel, handle] of Object.entries(handlers) as Array<[string, (input: never) => Promise<unknown>]>) tracked[channel] = (input) => quiet.track(() => handle(input));
  return tracked as unknown as Handlers;
}
