import type { MultiFile, MultiUnit, PairFile } from './bilingual';
import { escapeXml, FormatError, xmlStream } from './xml';
import { t } from '../i18n/current';

/** XLIFF 1.2: one trans-unit per row, state "final" for checked rows and "translated" otherwise. */
export function writeXliff(pair: PairFile, original = 'facing'): { text: string; units: number; skipped: number } {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="${escapeXml(original)}" source-language="${escapeXml(pair.source)}" target-language="${escapeXml(pair.target)}" datatype="plaintext" tool-id="facing">`,
    '    <body>',
  ];
  let units = 0;
  let skipped = 0;
  for (const u of pair.units) {
    if (!u.source.trim()) {
      if (u.target.trim()) skipped++;
      continue;
    }
    units++;
    out.push(`      <trans-unit id="${units}" xml:space="preserve">`);
    out.push(`        <source>${escapeXml(u.source)}</source>`);
    if (u.target.trim()) out.push(`        <target state="${u.checked ? 'final' : 'translated'}">${escapeXml(u.target)}</target>`);
    for (const note of u.notes ?? []) out.push(`        <note>${escapeXml(note)}</note>`);
    if (u.confidence !== undefined) out.push(`        <note from="facing" annotates="general">confidence ${u.confidence}</note>`);
    out.push('      </trans-unit>');
  }
  out.push('    </body>', '  </file>', '</xliff>', '');
  return { text: out.join('\n'), units, skipped };
}

/** Inline elements whose content is markup, not text (1.2 and 2.x). */
const codeElements = new Set(['bpt', 'ept', 'ph', 'it', 'x', 'bx', 'ex', 'sc', 'ec', 'sm', 'em', 'cp']);

/**
 * A streaming reader of XLIFF 1.2 (file/trans-unit/source/target) and 2.x (xliff srcLang/trgLang,
 * unit/segment): feed it text in chunks; units are kept, not the file.
 * Text inside inline codes is left out; text inside <g>, <mrk>, <pc> is kept.
 */
export function xliffReader(name = 'The XLIFF file'): { write(chunk: string): void; close(): MultiFile } {
  const units: MultiUnit[] = [];
  const languages: string[] = [];
  const add = (lang: string) => lang && !languages.includes(lang) && languages.push(lang);
  let version = '';
  let source = '';
  let target = '';
  let unit: { source: string; target: string; state?: string; notes: string[] } | null = null;
  let field: 'source' | 'target' | 'note' | null = null;
  let buffer = '';
  let codeDepth = 0;
  let skipDepth = 0;
  let sawRoot = false;
  const stream = xmlStream(
    {
      open(tag, a) {
        if (skipDepth) {
          skipDepth++;
          return;
        }
        if (tag === 'xliff') {
          sawRoot = true;
          version = a.version ?? '';
          if (a.srcLang) add((source = a.srcLang));
          if (a.trgLang) add((target = a.trgLang));
        } else if (tag === 'file' && version.startsWith('1')) {
          if (a['source-language']) add((source = a['source-language']));
          if (a['target-language']) add((target = a['target-language']));
        } else if (tag === 'alt-trans' || tag === 'seg-source' || tag === 'originalData') skipDepth = 1;
        else if (tag === 'trans-unit' || tag === 'segment' || (tag === 'unit' && !unit)) {
          if (tag !== 'unit') unit = { source: '', target: '', notes: unit?.notes ?? [], ...(a.state ? { state: a.state } : {}) };
          else unit = { source: '', target: '', notes: [] };
        } else if ((tag === 'source' || tag === 'target') && unit) {
          field = tag;
          buffer = '';
          if (tag === 'target' && a.state) unit.state = a.state;
        } else if (tag === 'note' && unit) {
          field = 'note';
          buffer = '';
        } else if (field && codeElements.has(tag)) codeDepth++;
      },
      text(t) {
        if (!skipDepth && field && codeDepth === 0) buffer += t;
      },
      close(tag) {
        if (skipDepth) {
          skipDepth--;
          return;
        }
        if (field && codeElements.has(tag)) codeDepth--;
        else if ((tag === 'source' || tag === 'target' || tag === 'note') && unit && field === tag) {
          if (tag === 'note') unit.notes.push(buffer);
          else unit[tag] += buffer;
          field = null;
        } else if ((tag === 'trans-unit' || tag === 'segment') && unit) {
          if (!source) throw new FormatError(t('formatError.noSource', { name }));
          const texts: Record<string, string> = { [source]: unit.source };
          if (target && unit.target) texts[target] = unit.target;
          units.push({ texts, checked: unit.state === 'final' || unit.state === 'signed-off', notes: unit.notes.length ? unit.notes : undefined });
          if (tag === 'segment') unit = { source: '', target: '', notes: [] };
          else unit = null;
        } else if (tag === 'unit') unit = null;
      },
    },
    name,
  );
  return {
    write: (chunk) => stream.write(chunk),
    close() {
      stream.close();
      if (!sawRoot) throw new FormatError(t('formatError.notXliff', { name }));
      if (!target) throw new FormatError(t('formatError.noTarget', { name }));
      return { languages, sourceLanguage: source, units };
    },
  };
}

export function readXliff(text: string, name?: string): MultiFile {
  const reader = xliffReader(name);
  reader.write(text);
  return reader.close();
}
