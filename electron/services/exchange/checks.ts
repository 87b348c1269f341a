import { applyChecksPatch, checksKey, PairChecksSchema, type PairChecks, type PairChecksPatch } from '../../../shared/alignment/checks/settings';
import { readGlossaryCsv, writeGlossaryCsv } from '../../../shared/glossary/csv';
import { glossaryKey, GlossarySchema, type Glossary } from '../../../shared/glossary/glossary';
import { readTbx, writeTbx } from '../../../shared/glossary/tbx';
import { FormatError } from '../../../shared/formats/xml';
import { FacingError } from '../../../shared/ipc/errors';
import { t } from '../../../shared/i18n/current';
import type { Store } from '../store';

export interface ChecksService {
  get(left: string, right: string): PairChecks;
  set(left: string, right: string, patch: PairChecksPatch): Promise<PairChecks>;
  glossary(source: string, target: string): Glossary;
  setGlossary(glossary: Glossary): Promise<Glossary>;
  importGlossary(source: string, target: string, name: string, content: string): Promise<Glossary>;
  exportGlossary(source: string, target: string, format: 'csv' | 'tbx'): { name: string; mime: string; text: string };
}

/**
 * Per pair, the checks turned off and the flags marked "not an error"; per language pair, the
 * glossary. Both live in the store's alignments collection beside the pair's rows.
 */
export function createChecksService(store: Store): ChecksService {
  const glossary = (source: string, target: string): Glossary => {
    const parsed = GlossarySchema.safeParse(store.data.alignments[glossaryKey(source, target)]);
    return parsed.success ? parsed.data : { source: source.split('-')[0]!, target: target.split('-')[0]!, entries: [] };
  };
  const setGlossary = async (g: Glossary) => {
    const value = GlossarySchema.parse(g);
    await store.commit([{ c: 'alignments', k: glossaryKey(value.source, value.target), v: value }]);
    return value;
  };
  const get = (left: string, right: string): PairChecks => {
    const parsed = PairChecksSchema.safeParse(store.data.alignments[checksKey(left, right)] ?? {});
    return parsed.success ? parsed.data : { disabled: [], dismissed: [] };
  };
  return {
    get,
    async set(left, right, patch) {
      const next = applyChecksPatch(get(left, right), patch);
      await store.commit([{ c: 'alignments', k: checksKey(left, right), v: next }]);
      return next;
    },
    glossary,
    setGlossary,
    async importGlossary(source, target, name, content) {
      try {
        const read = /\.tbx$|\.xml$/i.test(name) || content.trimStart().startsWith('<') ? readTbx(content, source, target, t('exchangeSvc.fileLabel', { name })) : readGlossaryCsv(content, source, target, t('exchangeSvc.fileLabel', { name }));
        if (!read.entries.length) throw new FormatError(t('exchangeSvc.noTerms', { name, source, target }));
        const current = glossary(source, target);
        const merged = new Map(current.entries.map((e) => [e.term.toLowerCase(), e]));
        for (const e of read.entries) merged.set(e.term.toLowerCase(), e);
        return await setGlossary({ source: current.source, target: current.target, entries: [...merged.values()] });
      } catch (error) {
        if (error instanceof FormatError) throw new FacingError('invalid-request', error.message);
        throw error;
      }
    },
    exportGlossary(source, target, format) {
      const g = glossary(source, target);
      return format === 'csv'
        ? { name: `glossary-${g.source}-${g.target}.csv`, mime: 'text/csv', text: writeGlossaryCsv(g) }
        : { name: `glossary-${g.source}-${g.target}.tbx`, mime: 'application/x-tbx+xml', text: writeTbx(g) };
    },
  };
}
