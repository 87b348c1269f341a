import { parseDelimited, restoreCell, writeDelimited } from '../formats/delimited';
import { FormatError } from '../formats/xml';
import { t } from '../i18n/current';
import { mergeEntries, type Glossary, type GlossaryEntry } from './glossary';

/**
 * A glossary as CSV: the first column a term, each further column (or "|"-separated values in one)
 * a translation. A first row of language codes ("en,de") is a header.
 */
export function readGlossaryCsv(text: string, source: string, target: string, name = 'The glossary'): Glossary {
  const rows = parseDelimited(text, text.includes('\t') && !text.includes(',') ? '\t' : text.includes(';') && !text.includes(',') ? ';' : ',', name).map((row) => row.map(restoreCell));
  if (rows.length && rows[0]!.length >= 2 && rows[0]!.every((c) => /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(c.trim()) || /^(term|source|target|translation)s?$/i.test(c.trim()))) rows.shift();
  const entries: GlossaryEntry[] = [];
  for (const row of rows) {
    const [term, ...rest] = row.map((c) => c.trim());
    const translations = rest.flatMap((c) => c.split('|')).map((t) => t.trim()).filter(Boolean);
    if (!term && !translations.length) continue;
    if (!term || !translations.length) throw new FormatError(t('formatError.glossaryRow', { name, row: row.join(',') }));
    entries.push({ term, translations });
  }
  return { source, target, entries: mergeEntries(entries) };
}

export function writeGlossaryCsv(glossary: Glossary): string {
  return writeDelimited([[glossary.source, glossary.target], ...glossary.entries.map((e) => [e.term, e.translations.join('|')])], ',');
}
