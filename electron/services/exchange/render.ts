import { createHash } from 'node:crypto';
import { byParagraph, type PairFile } from '../../../shared/formats/bilingual';
import { formatInfo, type PairFormat } from '../../../shared/formats/formats';
import { writeBilingualHtml } from '../../../shared/formats/html';
import { pairJson } from '../../../shared/formats/json';
import { writeTsv } from '../../../shared/formats/table';
import { writeTmx } from '../../../shared/formats/tmx';
import { writeXliff } from '../../../shared/formats/xliff';
import { writeDocx, writeEpub, writeXlsx } from './binary';

export interface RenderOptions {
  level?: 'sentence' | 'paragraph';
  singleLanguage?: boolean;
  highlights?: boolean;
  /** Used for JSON instead of the units when an alignment is behind them. */
  json?: () => string;
  version?: string;
  now?: Date;
}

export interface Rendered {
  data: string | Buffer;
  units: number;
  skipped: number;
  notice?: string;
}

/** One aligned pair in any format Facing writes. The app, the CLI and the benchmarks all come here. */
export async function renderPair(input: PairFile, format: PairFormat, options: RenderOptions = {}): Promise<Rendered> {
  const pair = options.level === 'paragraph' ? { ...input, units: byParagraph(input.units) } : input;
  const count = pair.units.length;
  switch (format) {
    case 'tmx': {
      const out = writeTmx(pair, { tool: { name: 'Facing', version: options.version ?? '0' }, segtype: options.level ?? 'sentence', singleLanguage: options.singleLanguage, now: options.now });
      return { data: out.text, units: out.units, skipped: out.skipped, notice: out.skipped ? `${out.skipped} rows with one side empty were left out.` : undefined };
    }
    case 'xliff': {
      const out = writeXliff(pair, pair.title ?? 'facing');
      return { data: out.text, units: out.units, skipped: out.skipped, notice: out.skipped ? `${out.skipped} rows with no source text were left out.` : undefined };
    }
    case 'tsv':
    case 'csv':
      return { data: writeTsv(pair, format === 'csv' ? ',' : '\t'), units: count, skipped: 0 };
    case 'xlsx':
      return { data: await writeXlsx(pair), units: count, skipped: 0 };
    case 'html':
      return { data: writeBilingualHtml(pair, { highlights: options.highlights }), units: count, skipped: 0 };
    case 'docx':
      return { data: await writeDocx(pair, options.highlights), units: count, skipped: 0 };
    case 'epub': {
      const digest = createHash('sha256').update(`${pair.title}|${pair.source}|${pair.target}|${count}|${pair.units[0]?.source ?? ''}`).digest('hex');
      const identifier = `urn:uuid:${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
      return { data: await writeEpub(pair, { identifier, modified: options.now ?? new Date(), highlights: options.highlights }), units: count, skipped: 0 };
    }
    case 'json':
      return { data: options.json ? options.json() : pairJson(pair), units: count, skipped: 0 };
  }
}

export function fileName(title: string, source: string, target: string, format: PairFormat): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'pair';
  return `${base} (${source}-${target}).${formatInfo[format].extension}`;
}
