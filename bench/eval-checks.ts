// `npm run eval:checks [-- --all]`: the translation checks on a real EN/DE manual, the Debian
// Installation Guide (Debian package installation-guide-amd64, GPL-2), read from where the package
// installs it (or FACING_MANUAL_DIR) and never copied into this repository. Each English HTML page is
// imported with Facing's importer, aligned with its German page by Facing's aligner, and checked.
// Prints the rows, the flags by kind and every number flag with both sides; then changes one digit
// in each German row whose numbers agree and counts how many of those changes the number check catches.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRows, rowTexts, type FlagKind, type RowFlag } from '../shared/alignment/checks';
import { compareNumbers, quantitiesIn } from '../shared/alignment/checks/numbers';
import { alignDocuments } from '../shared/alignment/documents';
import type { Document } from '../shared/model/document';
import { segmentBlocks } from '../shared/text/segmentation';
import { extractDocument } from '../electron/services/import/extract';

const manualDir = process.env.FACING_MANUAL_DIR ?? '/usr/share/doc/installation-guide-amd64';
const showAll = process.argv.includes('--all');

async function documentOf(dir: string, file: string, language: string): Promise<Document> {
  const extracted = await extractDocument(file, readFileSync(join(dir, file)));
  return { meta: { id: `${language}/${file}`, title: extracted.title, language, origin: 'bundled' }, ...segmentBlocks(extracted.blocks, language) };
}

export interface ManualRow {
  page: string;
  row: number;
  en: string;
  de: string;
}

export interface ManualResult {
  pages: number;
  rows: number;
  flags: Array<RowFlag & { page: string; en: string; de: string }>;
  /** Rows with digits on both sides whose numbers agree: each gets one German digit changed. */
  seeded: number;
  missed: Array<ManualRow & { changed: string }>;
}

/** A digit changed in place: the next digit, so lengths and positions stay. */
function changeDigit(text: string, at: number): string {
  return text.slice(0, at) + String((Number(text[at]) + 1) % 10) + text.slice(at + 1);
}

export async function evaluateManual(dir = manualDir): Promise<ManualResult | null> {
  const en = join(dir, 'en');
  const de = join(dir, 'de');
  if (!existsSync(en) || !existsSync(de)) return null;
  const pages = readdirSync(en).filter((f) => f.endsWith('.html') && existsSync(join(de, f))).sort();
  const result: ManualResult = { pages: pages.length, rows: 0, flags: [], seeded: 0, missed: [] };
  for (const page of pages) {
    const [left, right] = await Promise.all([documentOf(en, page, 'en'), documentOf(de, page, 'de')]);
    const rows = alignDocuments(left, right);
    const texts = rowTexts(rows, left, right);
    result.rows += rows.length;
    const flags = checkRows(rows, left, right);
    for (const f of flags) result.flags.push({ ...f, page, en: texts[f.row]![0], de: texts[f.row]![1] });
    const flaggedNumbers = new Set(flags.filter((f) => f.kind === 'number-mismatch').map((f) => f.row));
    texts.forEach(([a, b], row) => {
      if (!a || !b || flaggedNumbers.has(row) || !quantitiesIn(b, 'de').some((q) => !q.spelled)) return;
      // The first digit of the German row changed: the check must now see a difference.
      const at = b.search(/\d/);
      const changed = changeDigit(b, at);
      result.seeded++;
      const { onlyA, onlyB } = compareNumbers(a, 'en', changed, 'de');
      if (!onlyA.length && !onlyB.length) result.missed.push({ page, row, en: a, de: b, changed });
    });
  }
  return result;
}

function print(result: ManualResult): void {
  const byKind = new Map<FlagKind, number>();
  for (const f of result.flags) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  console.log(`Debian Installation Guide (amd64), EN/DE: ${result.pages} pages, ${result.rows.toLocaleString('en')} rows`);
  console.log('Flags by kind:');
  for (const [kind, count] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`  ${kind.padEnd(22)} ${count}`);
  const shown = showAll ? result.flags : result.flags.filter((f) => f.kind === 'number-mismatch');
  console.log(showAll ? '\nAll flags:' : '\nNumber flags (--all lists every flag):');
  for (const f of shown) console.log(`- ${f.page} row ${f.row + 1} [${f.kind}] ${f.message}\n    EN: ${f.en}\n    DE: ${f.de}`);
  console.log(`\nOne digit changed in each of ${result.seeded} German rows whose numbers agree: ${result.seeded - result.missed.length} caught, ${result.missed.length} missed.`);
  for (const m of result.missed) console.log(`- missed: ${m.page} row ${m.row + 1}\n    EN: ${m.en}\n    DE: ${m.changed}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await evaluateManual();
  if (!result) {
    console.log(`skipped: no EN/DE manual in ${manualDir} (apt-get install installation-guide-amd64, or set FACING_MANUAL_DIR to a folder with en/ and de/).`);
  } else {
    print(result);
  }
}
