import type { UnitMark } from './bilingual';

/** Text with its highlights as <mark> and note references, escaped by the caller's function. */
export function markedHtml(text: string, marks: UnitMark[] | undefined, escape: (s: string) => string, noteRef: (note: string) => string): string {
  const sorted = (marks ?? []).filter((m) => m.end > m.start && m.start >= 0 && m.end <= text.length).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    out += escape(text.slice(at, m.start));
    out += `<mark class="mark-${(m.colour ?? 'yellow').replace(/[^a-z]/g, '')}">${escape(text.slice(m.start, m.end))}</mark>`;
    if (m.note) out += noteRef(m.note);
    at = m.end;
  }
  return out + escape(text.slice(at));
}
