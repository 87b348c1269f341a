import { FormatError, sameLanguage } from './xml';
import { t } from '../i18n/current';

/** A highlight inside one side of a unit: offsets into that side's text, with the note if any. */
export interface UnitMark {
  start: number;
  end: number;
  colour?: string;
  note?: string;
}

/** One row of an aligned pair, as the formats write and read it. */
export interface PairUnit {
  source: string;
  target: string;
  checked?: boolean;
  confidence?: number;
  notes?: string[];
  flags?: string[];
  /** The first row of a paragraph group; "heading" when the source paragraph is a heading. */
  startsParagraph?: boolean;
  heading?: boolean;
  marksSource?: UnitMark[];
  marksTarget?: UnitMark[];
}

export interface PairFile {
  source: string;
  target: string;
  title?: string;
  targetTitle?: string;
  units: PairUnit[];
}

/** A unit of a file that may hold more than two languages (TMX, XLIFF read back). */
export interface MultiUnit {
  texts: Record<string, string>;
  checked?: boolean;
  confidence?: number;
  notes?: string[];
}

export interface MultiFile {
  /** Languages in order of first appearance; the declared source language first when there is one. */
  languages: string[];
  sourceLanguage?: string;
  units: MultiUnit[];
}

/** The language pair to read from a file: the declared source and the one other language, or the caller's choice. */
export function choosePair(file: MultiFile, source?: string, target?: string): { source: string; target: string } | { choose: string[] } {
  const find = (code: string) => file.languages.find((l) => l.toLowerCase() === code.toLowerCase()) ?? file.languages.find((l) => sameLanguage(l, code));
  if (source && target) {
    const s = find(source);
    const found = find(target);
    if (!s || !found) throw new FormatError(t('formatError.noTextIn', { language: !s ? source : target, languages: file.languages.join(', ') }));
    return { source: s, target: found };
  }
  if (file.languages.length < 2) throw new FormatError(file.languages.length ? t('formatError.oneLanguage', { language: file.languages[0]! }) : t('formatError.noLanguage'));
  if (file.languages.length === 2) {
    const [a, b] = file.languages as [string, string];
    return file.sourceLanguage && sameLanguage(file.sourceLanguage, b) ? { source: b, target: a } : { source: a, target: b };
  }
  return { choose: file.languages };
}

export function toPair(file: MultiFile, source: string, target: string): PairFile {
  return {
    source,
    target,
    units: file.units
      .map((u) => ({ source: u.texts[source] ?? '', target: u.texts[target] ?? '', checked: u.checked, confidence: u.confidence, notes: u.notes }))
      .filter((u) => u.source.trim() || u.target.trim()),
  };
}

export function fromPair(pair: PairFile): MultiFile {
  return {
    languages: [pair.source, pair.target],
    sourceLanguage: pair.source,
    units: pair.units.map((u) => ({ texts: { [pair.source]: u.source, [pair.target]: u.target }, checked: u.checked, confidence: u.confidence, notes: u.notes })),
  };
}

/** Joins sentence rows into paragraph rows: each group starts at a row marked startsParagraph. */
export function byParagraph(units: PairUnit[]): PairUnit[] {
  const out: PairUnit[] = [];
  for (const u of units) {
    const last = out[out.length - 1];
    if (!last || u.startsParagraph) {
      out.push({ ...u, notes: u.notes ? [...u.notes] : undefined, flags: u.flags ? [...u.flags] : undefined, marksSource: u.marksSource?.slice(), marksTarget: u.marksTarget?.slice() });
      continue;
    }
    const join = (x: string, y: string) => (x && y ? `${x} ${y}` : x || y);
    const shift = (marks: UnitMark[] | undefined, base: string, own: string) => (marks ?? []).map((m) => ({ ...m, start: m.start + (base && own ? base.length + 1 : base.length), end: m.end + (base && own ? base.length + 1 : base.length) }));
    last.marksSource = [...(last.marksSource ?? []), ...shift(u.marksSource, last.source, u.source)];
    last.marksTarget = [...(last.marksTarget ?? []), ...shift(u.marksTarget, last.target, u.target)];
    last.source = join(last.source, u.source);
    last.target = join(last.target, u.target);
    last.checked = !!last.checked && !!u.checked;
    if (u.confidence !== undefined) last.confidence = Math.min(last.confidence ?? 1, u.confidence);
    if (u.notes?.length) last.notes = [...(last.notes ?? []), ...u.notes];
    if (u.flags?.length) last.flags = [...(last.flags ?? []), ...u.flags];
  }
  return out;
}
