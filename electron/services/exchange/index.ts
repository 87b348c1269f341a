import { checkRows } from '../../../shared/alignment/checks';
import { pairFromAlignment } from '../../../shared/formats/from-alignment';
import { ExportRequestSchema, formatInfo, type ExportedFile, type ExportRequest } from '../../../shared/formats/formats';
import { alignmentJson } from '../../../shared/formats/json';
import type { AlignmentService } from '../alignment';
import type { AnnotationService } from '../annotations';
import type { LibraryService } from '../library';
import type { Store } from '../store';
import type { ChecksService } from './checks';
import { importPairFile, type ImportProgress, type PairImport } from './import';
import type { PairSource } from './read';
import { fileName, renderPair } from './render';

export interface ExchangeService {
  exportPair(request: ExportRequest): Promise<ExportedFile>;
  importPair(name: string, source: PairSource, choice?: { source: string; target: string }, progress?: ImportProgress): Promise<PairImport>;
  /** A document's language, for the glossary of a pair. */
  language(id: string): Promise<string>;
}

export interface ExchangeDeps {
  library: LibraryService;
  alignments: AlignmentService;
  annotations?: Pick<AnnotationService, 'list'>;
  checks: ChecksService;
  store: Store;
  version: string;
}

/** Aligned pairs out to TMX, XLIFF, tables and reading copies, and bilingual files in as pairs. */
export function createExchangeService(deps: ExchangeDeps): ExchangeService {
  return {
    async exportPair(raw) {
      const request = ExportRequestSchema.parse(raw);
      const [left, right, alignment] = await Promise.all([deps.library.get(request.left), deps.library.get(request.right), deps.alignments.get(request.left, request.right)]);
      const settings = deps.checks.get(request.left, request.right);
      const flags = new Map<number, string[]>();
      const glossary = deps.checks.glossary(left.meta.language, right.meta.language);
      for (const f of checkRows(alignment.rows, left, right, { ...settings, glossary })) {
        if (f.dismissed) continue;
        flags.set(f.row, [...(flags.get(f.row) ?? []), f.message]);
      }
      const marks = async (id: string) =>
        request.highlights && deps.annotations
          ? (await deps.annotations.list(id)).filter((a) => a.anchor).map((a) => ({ start: a.anchor!.start, end: a.anchor!.end, colour: a.colour, note: a.note || undefined }))
          : undefined;
      const pair = pairFromAlignment({ left, right, rows: alignment.rows, flags, marksLeft: await marks(left.meta.id), marksRight: await marks(right.meta.id) });
      const rendered = await renderPair(pair, request.format, {
        level: request.level,
        singleLanguage: request.singleLanguage,
        highlights: request.highlights,
        json: () => alignmentJson(left, right, alignment.rows),
        version: deps.version,
      });
      const info = formatInfo[request.format];
      return {
        name: fileName(left.meta.title, left.meta.language, right.meta.language, request.format),
        mime: info.mime,
        ...(typeof rendered.data === 'string' ? { text: rendered.data } : { base64: rendered.data.toString('base64') }),
        units: rendered.units,
        skipped: rendered.skipped,
        ...(rendered.notice ? { notice: rendered.notice } : {}),
      };
    },
    importPair: (name, source, choice, progress) => importPairFile(deps, name, source, choice, progress),
    language: async (id) => (await deps.library.get(id)).meta.language,
  };
}
