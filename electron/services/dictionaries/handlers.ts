import { lookupCandidates } from '../../../shared/dictionary/lookup';
import { translationsIn } from '../../../shared/dictionary/translations';
import type { Handlers } from '../../../shared/ipc/contract';
import type { DictionaryService } from './service';

type DictionaryChannel = Extract<keyof Handlers, `dictionaries:${string}`>;

/** The dictionary channels of the contract, bound to the service. */
export function dictionaryHandlers(dictionaries: DictionaryService): Pick<Handlers, DictionaryChannel> {
  return {
    'dictionaries:list': () => dictionaries.list(),
    'dictionaries:lookup': ({ word, language }) => dictionaries.lookup(word, language),
    'dictionaries:add': ({ files }) => dictionaries.add(files.map((f) => ({ name: f.name, data: Buffer.from(f.data, 'base64') }))),
    'dictionaries:update': ({ id, patch }) => dictionaries.update(id, patch),
    'dictionaries:remove': async ({ id }) => {
      await dictionaries.remove(id);
      return {};
    },
    'dictionaries:translations': async ({ from, to, words }) => {
      const reader = await dictionaries.readerFor(from, to);
      const out: Record<string, string[]> = {};
      if (!reader) return out;
      const candidates = [...new Set(words)].map((word) => [word, lookupCandidates(word, from, reader.headwords).filter((c) => c.match !== 'compound-part').map((c) => c.key)] as const);
      const definitions = await reader.definitionsOf(candidates.flatMap(([, keys]) => keys));
      for (const [word, keys] of candidates) {
        const found = new Set(keys.flatMap((key) => (definitions.get(key) ?? []).flatMap((d) => translationsIn(d.definition))));
        if (found.size) out[word] = [...found];
      }
      return out;
    },
  };
}
