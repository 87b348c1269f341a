import type { Handlers } from '../../../shared/ipc/contract';
import type { Store } from '../store';
import type { ChecksService } from './checks';
import type { ExchangeService } from './index';

type ExchangeChannel = Extract<keyof Handlers, `pairs:${string}` | `checks:${string}` | `glossary:${string}`>;

/** The pair, check and glossary channels of the contract, bound to the services. */
export function exchangeHandlers(exchange: ExchangeService, checks: ChecksService, store: Store, refresh: (id: string) => Promise<void>): Pick<Handlers, ExchangeChannel> {
  return {
    'pairs:export': (request) => exchange.exportPair(request),
    'pairs:import': async ({ name, data, source, target }) => {
      const outcome = await exchange.importPair(name, Buffer.from(data, 'base64'), source && target ? { source, target } : undefined);
      // Indexed for search after the answer: two book-sized texts take seconds to index, and an index
      // missing a document is completed at the next start anyway.
      if ('left' in outcome) void refresh(outcome.left.id).then(() => refresh(outcome.right.id)).catch(() => {});
      return outcome;
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
