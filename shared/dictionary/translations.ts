/**
 * The translations in a bilingual definition, as FreeDict and most plain-text dictionaries write them:
 * after the headword line, either one line of comma-separated translations or numbered senses
 * ("1. montagne, mont"), each possibly followed by glosses and quoted examples, which are left out.
 */
export function translationsIn(definition: string): string[] {
  const lines = definition.split('\n').slice(1);
  const picked: string[] = [];
  lines.forEach((line, i) => {
    const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
    if (numbered) picked.push(numbered[1]!);
    else if (i === 0 && /^\S/.test(line)) picked.push(line);
  });
  const out = new Set<string>();
  for (const line of picked) {
    const clean = line
      .replace(/<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}/g, ' ')
      .replace(/\s\d+\.\s*$/, '')
      .replace(/\s+\d+\.(?=\s|$)/g, ' ');
    for (const item of clean.split(/[,;]/)) {
      const term = item.replace(/\s+/g, ' ').trim();
      if (term && term.split(' ').length <= 4 && !/^(see|synonym):/i.test(term) && !/["„“]/.test(term)) out.add(term);
    }
  }
  return [...out];
}
