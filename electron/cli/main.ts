// `facing` on the command line: align, check and convert over the same services as the app.
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkRows, flagLabel, rowTexts, type RowFlag } from '../../shared/alignment/checks';
import { alignDocuments, AlignmentInputError } from '../../shared/alignment/documents';
import { choosePair, toPair } from '../../shared/formats/bilingual';
import { formatFromName, formatInfo, PairFormatSchema, type PairFormat } from '../../shared/formats/formats';
import { pairFromAlignment } from '../../shared/formats/from-alignment';
import { alignmentJson } from '../../shared/formats/json';
import { qaReport } from '../../shared/formats/qa-report';
import { FormatError } from '../../shared/formats/xml';
import { readGlossaryCsv } from '../../shared/glossary/csv';
import { readTbx } from '../../shared/glossary/tbx';
import type { Glossary } from '../../shared/glossary/glossary';
import type { AlignmentRow } from '../../shared/model/alignment';
import type { Document } from '../../shared/model/document';
import { FacingError } from '../../shared/ipc/errors';
import { readPairFile } from '../services/exchange/read';
import { renderPair } from '../services/exchange/render';
import { CliInputError, documentFromFile, fileProblem } from './documents';
import { readFile } from 'node:fs/promises';

const help = `facing: align, check and convert documents and their translations

Usage:
  facing align LEFT RIGHT [--format FORMAT] [-o OUT] [--level sentence|paragraph]
                          [--from LANG --to LANG] [--one-per-line] [--data-dir DIR]
  facing check LEFT RIGHT [--json] [--report OUT.html|OUT.csv] [--glossary FILE] [--from LANG --to LANG] [--one-per-line] [--data-dir DIR]
  facing convert IN OUT [--from LANG --to LANG] [--level sentence|paragraph]
  facing --help

LEFT and RIGHT are files Facing imports (.txt .md .html .docx .epub .pdf), or document ids of the
library in --data-dir. --one-per-line reads plain text with one sentence per line and a blank line
between paragraphs (the input of hunalign, Vecalign and Bertalign).

FORMAT is one of: ${PairFormatSchema.options.join(', ')} (default: from the name of OUT, else json).
convert reads .tmx, .xlf/.xliff, .tsv, .csv and .xlsx and writes any FORMAT; --from/--to pick the
pair when the file holds more languages.

check prints the rows the translation checks flag; exit code 0 when nothing is flagged, 1 when
something is, 2 on bad input. --report also writes the flags with both sides of each row as a
self-contained HTML page or a CSV file (by the name's extension). Errors go to stderr, one line each, with the file name,
and every command exits 2 on an error.
`;

/** Where a run writes: the process's streams, or a test's buffers. */
export interface CliOutput {
  out(data: string | Buffer): void;
  err(text: string): void;
}

const processOutput: CliOutput = { out: (data) => process.stdout.write(data), err: (text) => process.stderr.write(text) };

class Exit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const options = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  level: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'one-per-line': { type: 'boolean' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  glossary: { type: 'string' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof options]?: (typeof options)[K]['type'] extends 'boolean' ? boolean : string };

function level(values: Values): 'sentence' | 'paragraph' {
  const l = values.level ?? 'sentence';
  if (l !== 'sentence' && l !== 'paragraph') throw new Exit(2, `--level must be sentence or paragraph, not "${l}"`);
  return l;
}

function formatOf(values: Values, out: string | undefined): PairFormat {
  if (values.format) {
    const parsed = PairFormatSchema.safeParse(values.format);
    if (!parsed.success) throw new Exit(2, `--format must be one of ${PairFormatSchema.options.join(', ')}, not "${values.format}"`);
    return parsed.data;
  }
  if (out) {
    const f = formatFromName(out);
    if (!f) throw new Exit(2, `${out}: cannot tell the format from the name; add --format`);
    return f;
  }
  return 'json';
}

/** Two documents from files, or from the library in --data-dir through the app's own handlers. */
async function loadPair(left: string, right: string, values: Values): Promise<{ a: Document; b: Document; rows: AlignmentRow[]; close?: () => Promise<void> }> {
  if (values['data-dir']) {
    const { openServices } = await import('../services/handlers');
    const services = await openServices({ dataDir: resolve(values['data-dir']), corpusDir: resolve(import.meta.dirname, '..', '..', 'corpus'), shell: 'web', version: 'cli', warmAfterMs: 3_600_000 });
    try {
      const [a, b] = await Promise.all([services.handlers['documents:get']({ id: left }), services.handlers['documents:get']({ id: right })]);
      const alignment = await services.handlers['alignment:get']({ left, right });
      return { a, b, rows: alignment.rows, close: services.close };
    } catch (error) {
      await services.close();
      throw error;
    }
  }
  const onePerLine = !!values['one-per-line'];
  const a = await documentFromFile(left, 'left', { language: values.from, onePerLine });
  const b = await documentFromFile(right, 'right', { language: values.to, onePerLine });
  return { a, b, rows: alignDocuments(a, b) };
}

async function readGlossary(path: string, a: Document, b: Document): Promise<Glossary> {
  const content = await readFile(path, 'utf8').catch((error) => {
    throw fileProblem(path, error);
  });
  return /\.(tbx|xml)$/i.test(path) ? readTbx(content, a.meta.language, b.meta.language, path) : readGlossaryCsv(content, a.meta.language, b.meta.language, path);
}

async function emit(data: string | Buffer, format: PairFormat, out: string | undefined, io: CliOutput): Promise<void> {
  if (out) return writeFile(out, data).catch((error) => {
    throw fileProblem(out, error, true);
  });
  if (formatInfo[format].binary) throw new Exit(2, `${format} is a binary format: give a file with -o`);
  io.out(data);
}

async function align(args: string[], values: Values, io: CliOutput): Promise<number> {
  if (args.length !== 2) throw new Exit(2, 'align needs two files: facing align LEFT RIGHT');
  const out = values.output;
  const format = formatOf(values, out);
  const { a, b, rows, close } = await loadPair(args[0]!, args[1]!, values);
  try {
    const flags = new Map<number, string[]>();
    for (const f of checkRows(rows, a, b)) flags.set(f.row, [...(flags.get(f.row) ?? []), f.message]);
    const rendered = await renderPair(pairFromAlignment({ left: a, right: b, rows, flags }), format, { level: level(values), json: () => alignmentJson(a, b, rows), version: 'cli' });
    await emit(rendered.data, format, out, io);
    if (rendered.notice) io.err(`${out ?? 'output'}: ${rendered.notice}\n`);
    return 0;
  } finally {
    await close?.();
  }
}

function report(flags: RowFlag[], a: Document, b: Document, texts: ReturnType<typeof rowTexts>): string {
  return flags.map((f) => `row ${f.row + 1}: ${flagLabel[f.kind]}: ${f.message}\n  ${a.meta.language}: ${texts[f.row]![0]}\n  ${b.meta.language}: ${texts[f.row]![1]}`).join('\n');
}

async function check(args: string[], values: Values, io: CliOutput): Promise<number> {
  if (args.length !== 2) throw new Exit(2, 'check needs two files: facing check LEFT RIGHT');
  const { a, b, rows, close } = await loadPair(args[0]!, args[1]!, values);
  try {
    const glossary = values.glossary ? await readGlossary(values.glossary, a, b) : undefined;
    const reportFormat = values.report === undefined ? undefined : /\.html?$/i.test(values.report) ? 'html' : /\.csv$/i.test(values.report) ? 'csv' : null;
    if (reportFormat === null) throw new Exit(2, `${values.report}: --report writes .html or .csv`);
    const flags = checkRows(rows, a, b, { glossary });
    const texts = rowTexts(rows, a, b);
    if (reportFormat && values.report) {
      const file = qaReport(reportFormat, { title: a.meta.title, source: a.meta.language, target: b.meta.language, rows: rows.length, flags, texts: (row) => texts[row]!, created: new Date().toISOString() });
      const reportPath = values.report;
      await writeFile(reportPath, file.text).catch((error) => {
        throw fileProblem(reportPath, error, true);
      });
    }
    if (values.json) io.out(`${JSON.stringify({ rows: rows.length, flags: flags.map((f) => ({ row: f.row + 1, kind: f.kind, message: f.message })) }, null, 1)}\n`);
    else io.out(flags.length ? `${report(flags, a, b, texts)}\n${flags.length} flagged in ${rows.length} rows.\n` : `Nothing flagged in ${rows.length} rows.\n`);
    return flags.length ? 1 : 0;
  } finally {
    await close?.();
  }
}

async function convert(args: string[], values: Values, io: CliOutput): Promise<number> {
  if (args.length !== 2) throw new Exit(2, 'convert needs an input and an output file: facing convert IN OUT');
  const [input, out] = args as [string, string];
  const format = formatOf(values, out);
  const bytes = await readFile(input).catch((error) => {
    throw fileProblem(input, error);
  });
  const file = await readPairFile(basename(input), bytes);
  const chosen = choosePair(file, values.from, values.to);
  if ('choose' in chosen) throw new Exit(2, `${input}: holds ${chosen.choose.join(', ')}; pick two with --from and --to`);
  const rendered = await renderPair(toPair(file, chosen.source, chosen.target), format, { level: level(values), version: 'cli' });
  await emit(rendered.data, format, out, io);
  if (rendered.notice) io.err(`${out}: ${rendered.notice}\n`);
  return 0;
}

export async function run(argv: string[], io: CliOutput = processOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`facing: ${(error as Error).message}\n`);
    return 2;
  }
  const values = parsed.values as Values;
  const [command, ...rest] = parsed.positionals;
  if (values.help || !command || command === 'help') {
    io.out(help);
    return command || values.help ? 0 : 2;
  }
  try {
    if (command === 'align') return await align(rest, values, io);
    if (command === 'check') return await check(rest, values, io);
    if (command === 'convert') return await convert(rest, values, io);
    throw new Exit(2, `unknown command "${command}"; see facing --help`);
  } catch (error) {
    // Every failure is one line and exit 2; a file system error that got this far is put in words too.
    const errno = error as NodeJS.ErrnoException;
    const plain = !(error instanceof Exit || error instanceof CliInputError || error instanceof FormatError || error instanceof AlignmentInputError || error instanceof FacingError) && errno?.code && errno.path ? fileProblem(errno.path, error) : error;
    const message = (plain instanceof Error ? plain.message : String(plain)).replace(/\s*\n\s*/g, ' ');
    io.err(`facing: ${message}\n`);
    return error instanceof Exit ? error.code : 2;
  }
}

if (process.argv[1] && /[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
