import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../model/document';
import { segmentText } from '../../text/segmentation';
import { checkRows } from '../checks';
import { alignDocuments } from '../documents';

const corpus = join(import.meta.dirname, '..', '..', '..', 'corpus');
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { documents: Array<{ id: string; file: string }> };
const raw = (id: string) => readFileSync(join(corpus, manifest.documents.find((d) => d.id === id)!.file), 'utf8');

function doc(id: string, language: string, text: string): Document {
  return { meta: { id, title: id, language, origin: 'bundled' }, ...segmentText(text, language) };
}

// Numbers that agree though written differently, added to the seed pair as one more paragraph each.
const agreeingEn = 'The fifth meeting lasted five days, from July 1st to July 5th, 2024, and tested twenty-one 64bit servers and 386 machines; costs fell by 15% to $1.5 million.';
const agreeingDe = 'Die fünfte Sitzung dauerte fünf Tage, vom 1. bis 5. Juli 2024, und testete einundzwanzig 64-Bit-Server und 386er Rechner; die Kosten sanken um 15 % auf 1,5 Mio. $.';

const en = doc('000', 'en', `${raw('000')}\n\n${agreeingEn}`);
const de = doc('001', 'de', `${raw('001')}\n\n${agreeingDe}`);
const rows = alignDocuments(en, de);
const numberFlags = (right: Document) => checkRows(rows, en, right).filter((f) => f.kind === 'number-mismatch');

/** The row holding a given offset of the German text. */
function rowAt(offset: number): number {
  const sentence = de.paragraphs.flatMap((p) => p.sentences).find((s) => s.start <= offset && offset < s.end)!;
  return rows.findIndex((r) => r.b.includes(sentence.id));
}

describe('the number check on the seed pair', () => {
  it('raises nothing where spelled-out, ordinal, suffixed and dated numbers agree', () => {
    expect(numberFlags(de)).toEqual([]);
  });

  // Each digit of the German side changed in turn (same length, so the rows still fit).
  const digits = [...de.text.matchAll(/\d/g)].map((m) => m.index!);
  it.each(digits.map((at) => [at, de.text.slice(Math.max(0, at - 12), at + 8)]))('catches a digit changed at offset %i ("%s")', (at) => {
    const changed = { ...de, text: de.text.slice(0, at) + String((Number(de.text[at]) + 1) % 10) + de.text.slice(at + 1) };
    const flags = numberFlags(changed);
    expect(flags.map((f) => f.row)).toContain(rowAt(at));
  });

  const words: Array<[string, string]> = [
    ['fünfte', 'sechste'],
    ['fünf Tage', 'sechs Tage'],
    ['einundzwanzig', 'zweiundzwanzig'],
    ['Juli', 'Juni'],
  ];
  it.each(words)('catches "%s" changed to "%s"', (from, to) => {
    const changedDe = doc('001', 'de', de.text.replace(from, to));
    const changedRows = alignDocuments(en, changedDe);
    const flags = checkRows(changedRows, en, changedDe).filter((f) => f.kind === 'number-mismatch');
    expect(flags.length).toBe(1);
  });
});
