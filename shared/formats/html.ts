import type { PairFile } from './bilingual';
import { markedHtml } from './marks';
import { escapeXml } from './xml';

export interface ReadingCopyOptions {
  /** Highlights as marks and their notes as footnotes. */
  highlights?: boolean;
}

const languageNames: Record<string, string> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', it: 'Italiano', nl: 'Nederlands', pt: 'Português' };
export const languageName = (code: string) => languageNames[code.toLowerCase().split('-')[0]!] ?? code;

/** Footnotes collected while writing: each note gets a number and an id both ways. */
export function footnotes() {
  const notes: string[] = [];
  return {
    notes,
    ref(note: string): string {
      notes.push(note);
      const n = notes.length;
      return `<sup><a href="#note-${n}" id="ref-${n}" class="noteref">${n}</a></sup>`;
    },
  };
}

const style = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5c5c66; --line: #d8d6d0; --accent: #7a4b14; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 2rem 1.5rem; font: 1rem/1.55 Georgia, "Literata", serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
.subtitle { color: var(--muted); margin: 0 0 1.5rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th { text-align: left; font: 600 0.85rem/1.3 system-ui, sans-serif; color: var(--muted); border-bottom: 2px solid var(--line); padding: 0.4rem 0.75rem; }
td { vertical-align: top; padding: 0.45rem 0.75rem; border-bottom: 1px solid var(--line); }
td.target { color: #1f3a5a; border-left: 1px solid var(--line); }
tr.paragraph-start td { border-top: 2px solid var(--line); }
tr.heading td { font-weight: 700; font-size: 1.1rem; }
mark { background: #fff1a8; color: inherit; }
mark.mark-green { background: #d6f2d0; } mark.mark-blue { background: #d4e6fb; } mark.mark-pink { background: #fbd6e6; } mark.mark-purple { background: #e6dafb; } mark.mark-orange { background: #fde0c2; }
.notes { margin-top: 2rem; font-size: 0.9rem; color: var(--muted); }
a { color: var(--accent); }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A self-contained side-by-side HTML page (no scripts, no external files) that prints well. */
export function writeBilingualHtml(pair: PairFile, options: ReadingCopyOptions = {}): string {
  const title = pair.title ?? 'Aligned texts';
  const notes = footnotes();
  const cell = (text: string, marks: PairFile['units'][number]['marksSource']) => (options.highlights ? markedHtml(text, marks, escapeXml, notes.ref) : escapeXml(text));
  const rows = pair.units.map((u) => {
    const classes = [u.startsParagraph ? 'paragraph-start' : '', u.heading ? 'heading' : ''].filter(Boolean).join(' ');
    return `<tr${classes ? ` class="${classes}"` : ''}><td lang="${escapeXml(pair.source)}">${cell(u.source, u.marksSource)}</td><td class="target" lang="${escapeXml(pair.target)}">${cell(u.target, u.marksTarget)}</td></tr>`;
  });
  const noteList = notes.notes.length
    ? `<section class="notes" aria-label="Notes"><h2>Notes</h2><ol>${notes.notes.map((n, k) => `<li id="note-${k + 1}">${escapeXml(n)} <a href="#ref-${k + 1}" aria-label="Back to the text">↩</a></li>`).join('')}</ol></section>`
    : '';
  return `<!DOCTYPE html>
<html lang="${escapeXml(pair.source)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Facing">
<title>${escapeXml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>${escapeXml(title)}</h1>
<p class="subtitle">${escapeXml(languageName(pair.source))} and ${escapeXml(languageName(pair.target))}${pair.targetTitle ? ` · <span lang="${escapeXml(pair.target)}">${escapeXml(pair.targetTitle)}</span>` : ''}</p>
<table>
<thead><tr><th scope="col">${escapeXml(languageName(pair.source))}</th><th scope="col">${escapeXml(languageName(pair.target))}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${noteList}
</main>
</body>
</html>
`;
}
