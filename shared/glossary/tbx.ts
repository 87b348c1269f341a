import { escapeXml, FormatError, sameLanguage, xmlStream } from '../formats/xml';
import { t } from '../i18n/current';
import { mergeEntries, type Glossary, type GlossaryEntry } from './glossary';

/**
 * TBX-Basic (TBX 2: martif/termEntry/langSet/tig/term) and TBX 3 (tbx/conceptEntry/langSec/termSec/term):
 * each concept gives its source-language terms the target-language terms as translations.
 */
export function readTbx(xml: string, source: string, target: string, name = 'The glossary'): Glossary {
  const entries: GlossaryEntry[] = [];
  let concept: Map<string, string[]> | null = null;
  let lang = '';
  let term: string | null = null;
  let sawRoot = false;
  const stream = xmlStream(
    {
      open(tag, attributes) {
        if (tag === 'martif' || tag === 'tbx') sawRoot = true;
        if (tag === 'termEntry' || tag === 'conceptEntry') concept = new Map();
        else if (tag === 'langSet' || tag === 'langSec') lang = attributes['xml:lang'] ?? '';
        else if (tag === 'term' && concept) term = '';
      },
      text(text) {
        if (term !== null) term += text;
      },
      close(tag) {
        if (tag === 'term' && concept && term !== null) {
          const list = concept.get(lang) ?? [];
          if (term.trim()) list.push(term.trim());
          concept.set(lang, list);
          term = null;
        } else if ((tag === 'termEntry' || tag === 'conceptEntry') && concept) {
          const find = (code: string) => [...concept!.entries()].filter(([l]) => sameLanguage(l, code)).flatMap(([, t]) => t);
          const translations = find(target);
          for (const t of find(source)) if (translations.length) entries.push({ term: t, translations });
          concept = null;
        }
      },
    },
    name,
  );
  stream.write(xml);
  stream.close();
  if (!sawRoot) throw new FormatError(t('formatError.notTbx', { name }));
  return { source, target, entries: mergeEntries(entries) };
}

export function writeTbx(glossary: Glossary): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<martif type="TBX-Basic" xml:lang="${escapeXml(glossary.source)}">`,
    '  <martifHeader><fileDesc><sourceDesc><p>Exported from Facing</p></sourceDesc></fileDesc></martifHeader>',
    '  <text><body>',
  ];
  glossary.entries.forEach((e, k) => {
    lines.push(`    <termEntry id="t${k + 1}">`);
    lines.push(`      <langSet xml:lang="${escapeXml(glossary.source)}"><tig><term>${escapeXml(e.term)}</term></tig></langSet>`);
    lines.push(`      <langSet xml:lang="${escapeXml(glossary.target)}">${e.translations.map((t) => `<tig><term>${escapeXml(t)}</term></tig>`).join('')}</langSet>`);
    lines.push('    </termEntry>');
  });
  lines.push('  </body></text>', '</martif>', '');
  return lines.join('\n');
}
