import type { Handlers } from '../../../shared/ipc/contract';
import type { Store } from '../store';
import type { ChecksService } from './checks';
import type { PairImport } from './import';
import type { ExchangeService } from './index';
import type { Uploads } from './uploads';

type ExchangeChannel = Extract<keyof Handlers, `pairs:${string}` | `checks:${string}` | `glossary:${string}`>;

/** The pair, check and glossary channels of the contract, bound to the services. */
export function exchangeHandlers(
  exchange: ExchangeService,
  checks: ChecksService,
  store: Store,
  refresh: (id: string) => Promise<void>,
  uploads: Uploads,
): Pick<Handlers, ExchangeChannel> {
  /** Imports of an upload under way: what each was asked, how far it is, and its answer to come. */
  const importing = new Map<string, { request: string; done: number; outcome: Promise<PairImport> }>();

  // Indexed for search after the answer: two book-sized texts take seconds to index, and an index
  // missing a document is completed at the next start anyway. The right side first: the library
  // still holds its blocks from the import, so it is not read back from disk.
  const indexLater = (outcome: PairImport) => {
    if ('left' in outcome) void refresh(outcome.right.id).then(() => refresh(outcome.left.id)).catch(() => {});
  };

  /**
   * One import of an upload at a time. The same request made again meanwhile (a double click) gets
   * the same answer; another waits, then finds the upload as that import left it: still there after a
   * question of languages, released after an import. Two imports of one file at once would otherwise
   * both make or relabel its documents, one's title over the other's name.
   */
  async function importUpload(upload: string, name: string, choice?: { source: string; target: string }): Promise<PairImport> {
    const request = JSON.stringify([name, choice?.source, choice?.target]);
    const under = importing.get(upload);
    if (under) {
      if (under.request === request) return under.outcome;
      await under.outcome.catch(() => {});
      return importUpload(upload, name, choice);
    }
    const { path } = uploads.get(upload);
    const state = { request, done: 0 };
    const outcome = (async () => {
      try {
        const made = await exchange.importPair(name, { path }, choice, (done) => (state.done = done));
        // Kept while the user is asked which two languages to take; otherwise done with.
        if (!('choose' in made)) await uploads.release(upload);
        indexLater(made);
        return made;
      } catch (error) {
        await uploads.release(upload);
        throw error;
      } finally {
        importing.delete(upload);
      }
    })();
    importing.set(upload, Object.assign(state, { outcome }));
    return outcome;
  }

  return {
    'pairs:export': (request) => exchange.exportPair(request),
    'pairs:import': async ({ name, data, upload, source, target }) => {
      const choice = source && target ? { source, target } : undefined;
      if (upload) return importUpload(upload, name, choice);
      const outcome = await exchange.importPair(name, Buffer.from(data!, 'base64'), choice);
      indexLater(outcome);
      return outcome;
    },
    'pairs:progress': async ({ upload }) => {
      const done = importing.get(upload)?.done;
      return done === undefined ? null : { done: Math.min(1, Math.max(0, done)) };
    },
    'checks:get': async ({ left, right }) => {
      const [a, b] = await Promise.all([exchange.language(left), exchange.language(right)]);
      const origin = store.data.alignments[`${left}|${right}|origin`] as { file?: unknown; imported?: unknown } | undefined;
      return {
        checks: checks.get(left, right),
        glossary: checks.glossary(a, b),
        ...(origin && typeof origin.file === 'string' && typeof origin.imported === 'string' ? { origin: { file: origin.file, imported: origin.imported } } : {}),
      };
    },
    'checks:set': ({ left, right, patch }) => checks.set(left, right, patch),
    'glossary:set': ({ glossary }) => checks.setGlossary(glossary),
    'glossary:import': ({ source, target, name, content }) => checks.importGlossary(source, target, name, content),
    'glossary:export': ({ source, target, format }) => Promise.resolve(checks.exportGlossary(source, target, format)),
  };
}
