import type { Handlers } from '../../../shared/ipc/contract';
import type { Store } from '../store';
import type { ChecksService } from './checks';
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
  /** How far each running import of an upload is. */
  const running = new Map<string, number>();
  return {
    'pairs:export': (request) => exchange.exportPair(request),
    'pairs:import': async ({ name, data, upload, source, target }) => {
      const choice = source && target ? { source, target } : undefined;
      let outcome;
      if (upload) {
        const { path } = uploads.get(upload);
        running.set(upload, 0);
        try {
          outcome = await exchange.importPair(name, { path }, choice, (done) => running.set(upload, done));
        } catch (error) {
          await uploads.release(upload);
          throw error;
        } finally {
          running.delete(upload);
        }
        // Kept while the user is asked which two languages to take; otherwise done with.
        if (!('choose' in outcome)) await uploads.release(upload);
      } else {
        outcome = await exchange.importPair(name, Buffer.from(data!, 'base64'), choice);
      }
      // Indexed for search after the answer: two book-sized texts take seconds to index, and an index
      // missing a document is completed at the next start anyway. The right side first: the library
      // still holds its blocks from the import, so it is not read back from disk.
      if ('left' in outcome) {
        const { left, right } = outcome;
        void refresh(right.id).then(() => refresh(left.id)).catch(() => {});
      }
      return outcome;
    },
    'pairs:progress': async ({ upload }) => {
      const done = running.get(upload);
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
