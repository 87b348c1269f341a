import { flagGroup, flagLabel, type FlagKind, type RowFlag } from '../alignment/checks';
import { checkGroups } from '../alignment/checks/settings';
import { csvCell } from '../annotations/export';
import { languageName } from './html';
import { escapeXml } from './xml';

export interface QaReportInput {
  title: string;
  source: string;
  target: string;
  /** Rows in the pair, flagged or not. */
  rows: number;
  flags: readonly Pick<RowFlag, 'row' | 'kind' | 'message' | 'dismissed'>[];
  /** Both sides of a row (0-based). */
  texts: (row: number) => readonly [string, string];
  created: string;
}

export type QaReportFormat = 'html' | 'csv';

export interface QaReportFile {
  name: string;
  mime: string;
  text: string;
}

function byKind(flags: QaReportInput['flags']): Array<[FlagKind, QaReportInput['flags']]> {
  const groups = new Map<FlagKind, Array<QaReportInput['flags'][number]>>();
  for (const f of flags) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
  return [...groups].sort(([x], [y]) => checkGroups.indexOf(flagGroup[x]) - checkGroups.indexOf(flagGroup[y]));
}

/** Spreadsheet cells: one line per flag with both sides of its row; formulas defused as in the annotation export. */
export function qaReportCsv(input: QaReportInput): string {
  const header = ['row', 'check', 'kind', 'message', 'status', input.source, input.target];
  const lines = [...input.flags]
    .sort((x, y) => x.row - y.row)
    .map((f) => {
      const [a, b] = input.texts(f.row);
      return [f.row + 1, flagLabel[f.kind], f.kind, f.message, f.dismissed ? 'not an error' : 'open', a, b];
    });
  return `${[header, ...lines].map((line) => line.map((v) => csvCell(v)).join(',')).join('\r\n')}\r\n`;
}

const style = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #55555f; --line: #d8d6d0; --accent: #7a4b14; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 76rem; padding: 2rem 1.5rem; font: 0.95rem/1.5 system-ui, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 0.5rem; }
.subtitle, .summary { color: var(--muted); margin: 0 0 0.75rem; }
.summary ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.row { width: 4.5rem; } col.message { width: 26%; }
th { text-align: left; font-weight: 600; font-size: 0.85rem; color: var(--muted); border-bottom: 2px solid var(--line); padding: 0.35rem 0.6rem; }
td { vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
td.side { font-family: Georgia, "Literata", serif; }
td.side + td.side { color: #1f3a5a; border-left: 1px solid var(--line); }
tr.dismissed td { color: var(--muted); }
.status { display: block; font-size: 0.8rem; color: var(--muted); }
a { color: var(--accent); }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

/** A self-contained page (no scripts, no external files): a summary by kind, then a table per kind with both sides. */
export function qaReportHtml(input: QaReportInput): string {
  const e = escapeXml;
  const open = input.flags.filter((f) => !f.dismissed).length;
  const groups = byKind(input.flags);
  const summary = groups.map(([kind, flags], k) => `<li><a href="#kind-${k}">${e(flagLabel[kind])}</a>: ${flags.length}</li>`).join('');
  const tables = groups.map(([kind, flags], k) => {
    const rows = [...flags]
      .sort((x, y) => x.row - y.row)
      .map((f) => {
        const [a, b] = input.texts(f.row);
        const status = f.dismissed ? '<span class="status">Marked “not an error”</span>' : '';
        return `<tr${f.dismissed ? ' class="dismissed"' : ''}><td>${f.row + 1}</td><td>${e(f.message)}${status}</td><td class="side" lang="${e(input.source)}">${e(a)}</td><td class="side" lang="${e(input.target)}">${e(b)}</td></tr>`;
      });
    return `<section aria-labelledby="kind-${k}">
<h2 id="kind-${k}">${e(flagLabel[kind])} (${flags.length})</h2>
<table>
<colgroup><col class="row"><col class="message"><col><col></colgroup>
<thead><tr><th scope="col">Row</th><th scope="col">Finding</th><th scope="col">${e(languageName(input.source))}</th><th scope="col">${e(languageName(input.target))}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
  });
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Facing">
<title>Translation checks: ${e(input.title)}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>Translation checks: ${e(input.title)}</h1>
<p class="subtitle">${e(languageName(input.source))} and ${e(languageName(input.target))} · ${e(input.created.slice(0, 10))}</p>
<div class="summary">
<p>${count(open, 'open flag', 'open flags')} and ${count(input.flags.length - open, 'marked “not an error”', 'marked “not an error”')} in ${count(input.rows, 'row', 'rows')}.</p>
${summary ? `<ul>${summary}</ul>` : ''}
</div>
${tables.join('\n')}
</main>
</body>
</html>
`;
}

export function qaReport(format: QaReportFormat, input: QaReportInput): QaReportFile {
  const stem = `checks ${input.title} (${input.source}-${input.target})`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return format === 'html' ? { name: `${stem}.html`, mime: 'text/html', text: qaReportHtml(input) } : { name: `${stem}.csv`, mime: 'text/csv', text: qaReportCsv(input) };
}
