import type { MultiFile, MultiUnit, PairFile } from './bilingual';
import { escapeXml, FormatError, xmlStream } from './xml';
import { t } from '../i18n/current';

export interface TmxOptions {
  tool?: { name: string; version: string };
  segtype?: 'sentence' | 'paragraph';
  /** Rows with one side empty: left out (the default) or written as single-language units. */
  singleLanguage?: boolean;
  now?: Date;
}

function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** TMX 1.4b: one <tu> per row, checked rows and confidence as x- props, notes as <note>. */
export function writeTmx(pair: PairFile, options: TmxOptions = {}): { text: string; units: number; skipped: number } {
  const tool = options.tool ?? { name: 'Facing', version: '0' };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="${escapeXml(tool.name)}" creationtoolversion="${escapeXml(tool.version)}" segtype="${options.segtype ?? 'sentence'}" o-tmf="Facing" adminlang="en" srclang="${escapeXml(pair.source)}" datatype="plaintext" creationdate="${tmxDate(options.now ?? new Date())}"/>`,
    '  <body>',
  ];
  let units = 0;
  let skipped = 0;
  const tuv = (lang: string, text: string) => `    <tuv xml:lang="${escapeXml(lang)}"><seg>${escapeXml(text)}</seg></tuv>`;
  for (const u of pair.units) {
    const hasSource = u.source.trim() !== '';
    const hasTarget = u.target.trim() !== '';
    if (!hasSource && !hasTarget) continue;
    if ((!hasSource || !hasTarget) && !options.singleLanguage) {
      skipped++;
      continue;
    }
    units++;
    out.push(`  <tu tuid="${units}">`);
    if (u.checked !== undefined) out.push(`    <prop type="x-checked">${u.checked ? 'yes' : 'no'}</prop>`);
    if (u.confidence !== undefined) out.push(`    <prop type="x-confidence">${u.confidence}</prop>`);
    for (const note of u.notes ?? []) out.push(`    <note>${escapeXml(note)}</note>`);
    if (hasSource) out.push(tuv(pair.source, u.source));
    if (hasTarget) out.push(tuv(pair.target, u.target));
    out.push('  </tu>');
  }
  out.push('  </body>', '</tmx>', '');
  return { text: out.join('\n'), units, skipped };
}

/** Elements inside <seg> that hold native markup codes, not text. */
const codeElements = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

/** A streaming TMX reader: feed it text in chunks; units are kept, not the file. */
export function tmxReader(name = 'The TMX file'): { write(chunk: string): void; close(): MultiFile } {
  const units: MultiUnit[] = [];
  const languages: string[] = [];
  const seen = new Set<string>();
  let sourceLanguage: string | undefined;
  let sawRoot = false;
  let sawBody = false;
  let unit: MultiUnit | null = null;
  let lang = '';
  let seg: string | null = null;
  let codeDepth = 0;
  let prop: { type: string; text: string } | null = null;
  let note: string | null = null;
  const stream = xmlStream(
    {
      open(tag, a) {
        if (tag === 'tmx') sawRoot = true;
        else if (tag === 'header') sourceLanguage = a.srclang && a.srclang !== '*all*' ? a.srclang : undefined;
        else if (tag === 'body') sawBody = true;
        else if (tag === 'tu') unit = { texts: {} };
        else if (tag === 'tuv') lang = a['xml:lang'] ?? a.lang ?? '';
        else if (tag === 'seg' && unit) seg = '';
        else if (seg !== null && codeElements.has(tag)) codeDepth++;
        else if (tag === 'prop' && unit) prop = { type: a.type ?? '', text: '' };
        else if (tag === 'note' && unit && seg === null) note = '';
      },
      text(text) {
        if (seg !== null && codeDepth === 0) seg += text;
        else if (prop) prop.text += text;
        else if (note !== null) note += text;
      },
      close(tag) {
        if (seg !== null && codeElements.has(tag)) codeDepth--;
        else if (tag === 'seg' && unit && seg !== null) {
          if (!lang) throw new FormatError(t('formatError.tuvNoLang', { name }));
          unit.texts[lang] = seg;
          if (!seen.has(lang)) {
            seen.add(lang);
            languages.push(lang);
          }
          seg = null;
        } else if (tag === 'prop' && unit && prop) {
          if (prop.type === 'x-checked') unit.checked = /^(yes|true|1)$/i.test(prop.text.trim());
          if (prop.type === 'x-confidence' && Number.isFinite(Number(prop.text))) unit.confidence = Math.min(1, Math.max(0, Number(prop.text)));
          prop = null;
        } else if (tag === 'note' && unit && note !== null) {
          (unit.notes ??= []).push(note);
          note = null;
        } else if (tag === 'tu' && unit) {
          units.push(unit);
          unit = null;
        }
      },
    },
    name,
  );
  return {
    write: (chunk) => stream.write(chunk),
    close() {
      stream.close();
      if (!sawRoot) throw new FormatError(t('formatError.notTmx', { name }));
      if (!sawBody) throw new FormatError(t('formatError.tmxNoBody', { name }));
      if (sourceLanguage) {
        const declared = languages.find((l) => l.toLowerCase() === sourceLanguage!.toLowerCase());
        if (declared) languages.splice(languages.indexOf(declared), 1), languages.unshift(declared);
      }
      return { languages, sourceLanguage, units };
    },
  };
}

export function readTmx(text: string, name?: string): MultiFile {
  const reader = tmxReader(name);
  reader.write(text);
  return reader.close();
}
