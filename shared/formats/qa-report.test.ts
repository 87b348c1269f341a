import { describe, expect, it } from 'vitest';
import { parseDelimited } from './delimited';
import { qaReport, qaReportCsv, qaReportHtml, type QaReportInput } from './qa-report';

const texts: Array<[string, string]> = [
  ['The pump starts after 5 seconds.', 'Die Pumpe startet nach 6 Sekunden.'],
  ['Close the valve.', 'Schließen Sie das Ventil.'],
  ['=HYPERLINK("http://evil")', '+1 <b>bold</b> & "quoted"'],
];

const input: QaReportInput = {
  title: 'Pump manual',
  source: 'en',
  target: 'de',
  rows: texts.length,
  created: '2026-12-02T11:00:00Z',
  texts: (row) => texts[row]!,
  flags: [
    { row: 2, kind: 'untranslated', message: 'Target equals source.' },
    { row: 0, kind: 'number-mismatch', message: 'Numbers differ: 5 only in EN; 6 only in DE.' },
    { row: 1, kind: 'end-punctuation', message: 'End punctuation differs.', dismissed: true },
  ],
};

describe('QA report', () => {
  it('CSV: one line per flag in row order with both sides, formulas defused, status kept', () => {
    const rows = parseDelimited(qaReportCsv(input), ',');
    expect(rows[0]).toEqual(['row', 'check', 'kind', 'message', 'status', 'en', 'de']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(rows[1]!.slice(5)).toEqual(texts[0]);
    expect(rows[2]![4]).toBe('not an error');
    expect(rows[1]![4]).toBe('open');
    // The same defusing as the annotation CSV: a leading = or + gets an apostrophe.
    expect(rows[3]!.slice(5)).toEqual([`'${texts[2]![0]}`, `'${texts[2]![1]}`]);
  });

  it('HTML: self-contained, grouped by kind with counts, both sides escaped and tagged with their language', () => {
    const html = qaReportHtml(input);
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain('2 open flags and 1 marked “not an error” in 3 rows.');
    expect(html).toContain('Numbers differ (1)');
    expect(html).toContain('<td class="side" lang="de">Die Pumpe startet nach 6 Sekunden.</td>');
    expect(html).toContain('+1 &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('Marked “not an error”');
    // Numbers before form, as in the Differences panel.
    expect(html.indexOf('Numbers differ (1)')).toBeLessThan(html.indexOf('Untranslated (1)'));
  });

  it('names the file for the pair and says when nothing is flagged', () => {
    expect(qaReport('csv', input)).toMatchObject({ name: 'checks Pump manual (en-de).csv', mime: 'text/csv' });
    expect(qaReport('html', { ...input, title: 'a/b: c' }).name).toBe('checks a b c (en-de).html');
    const none = qaReportHtml({ ...input, flags: [] });
    expect(none).toContain('0 open flags and 0 marked “not an error” in 3 rows.');
    expect(none).not.toContain('<table>');
    expect(qaReportCsv({ ...input, flags: [] }).split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
