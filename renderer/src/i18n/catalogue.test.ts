import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { de } from '../../../shared/i18n/de';
import { en } from '../../../shared/i18n/en';
import { createTranslator } from '../../../shared/i18n/translator';
import { setLocale } from '../../../shared/i18n/current';
import { resolveLocale } from '../../../shared/i18n/locale';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Handlers } from '../../../shared/ipc/contract';

const root = join(import.meta.dirname, '..', '..', '..');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path, pattern);
    return pattern.test(entry.name) && !/\.(test|fixture|fuzz\.test)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const sources = [...files('renderer/src', /\.tsx?$/), ...files('electron', /\.ts$/), ...files('shared', /\.ts$/)].filter((f) => !f.startsWith(join('shared', 'i18n')));

/** Every argument a message takes, with its kind: "count:plural", "name:argument", "date:date". */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      found.add(`${element.value}:${TYPE[element.type]}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe('message catalogues', () => {
  it('every key the code uses is in the English and the German catalogue', () => {
    const missing: string[] = [];
    const dynamic: string[] = [];
    let used = 0;
    for (const file of sources) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(/\bt\(\s*(['"`])([^'"`]*)\1|<FormattedMessage[^>]*\bid=["']([^"']+)["']|formatMessage\(\s*\{\s*id:\s*['"]([^'"]+)['"]/g)) {
        const key = match[2] ?? match[3] ?? match[4]!;
        if (match[1] === '`' && key.includes('${')) {
          dynamic.push(`${file}: t(\`${key}\`)`);
          continue;
        }
        used++;
        if (!(key in en) || !(key in de)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(dynamic).toEqual([]);
    expect(used).toBeGreaterThan(100);
  });

  it('German has exactly the English keys, with the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    const differing = Object.entries(en).filter(([key, message]) => placeholders(message).join() !== placeholders(de[key as keyof typeof de]).join());
    expect(differing.map(([key]) => key)).toEqual([]);
    const untranslated = Object.entries(en).filter(([key, message]) => /\p{L}{4}/u.test(message.replace(/\{[^{}]*\}/g, '')) && de[key as keyof typeof de] === message && !sameInBoth.has(key));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('formats plurals, numbers and dates for the language', () => {
    const german = createTranslator('de');
    const english = createTranslator('en');
    expect(english.t('count.highlights', { count: 1 })).toBe('1 highlight');
    expect(english.t('count.highlights', { count: 3 })).toBe('3 highlights');
    expect(german.t('count.highlights', { count: 1 })).toBe('1 Markierung');
    expect(german.t('count.highlights', { count: 1234 })).toBe('1.234 Markierungen');
    expect(german.date(new Date(Date.UTC(2025, 11, 22, 12)), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).toBe('22. Dezember 2025');
  });
});

// Words that are the same in German: names, formats, loanwords.
const sameInBoth = new Set<string>(['app.name', 'reading.sepia', 'reading.system', 'field.name', 'import.original', 'pairFormat.xliff', 'checkGroup.form', 'sync.offline', 'sync.short']);

/** Text a person reads that may stay as written: symbols, names of products and formats. */
const allowedText = /^(?:[\s\p{P}\p{S}\d]*|Aa|A−|A\+|Facing|FreeDict|StarDict|sudo apt install [a-z-]+|https?:\/\/\S+|ch|px|PDF|EPUB|DOCX|HTML|TMX|XLIFF|CSV|JSON|Markdown|W3C JSON-LD|English|Deutsch|CouchDB|Ctrl|Shift|Alt|Esc|Enter|⌘|Tab)$/u;

describe('the interface language', () => {
  it('follows the system unless Settings choose one', () => {
    expect(resolveLocale('system', ['de-AT', 'en-US'])).toBe('de');
    expect(resolveLocale('system', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLocale('system', ['fr-FR'])).toBe('en');
    expect(resolveLocale('en', ['de-DE'])).toBe('en');
    expect(resolveLocale(undefined, [])).toBe('en');
  });

  it('refuses a request in German when German is chosen, and in English again after', async () => {
    const refuse = () => dispatch({} as Handlers, 'documents:update', { id: 'x', patch: { date: 'soon' } });
    try {
      setLocale('de');
      const german = await refuse();
      expect(german.ok ? '' : german.error.message).toBe('Ein Datum sieht aus wie 2025-12-22, 2025-12 oder 2025.');
      const zod = await dispatch({} as Handlers, 'documents:get', { id: 7 });
      expect(zod.ok ? '' : zod.error.message).toMatch(/^Kennung: Ungültige Eingabe/);
    } finally {
      setLocale('en');
    }
    const english = await refuse();
    expect(english.ok ? '' : english.error.message).toBe('Date must look like 2025-12-22, 2025-12 or 2025.');
  });
});

describe('the interface has no hard-coded text', () => {
  it('JSX text and aria-label, title, placeholder and alt strings come from the catalogue', () => {
    const found: string[] = [];
    for (const file of files('renderer/src', /\.tsx$/)) {
      const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
      const report = (index: number, value: string) => {
        const line = text.slice(0, index).split('\n').length;
        found.push(`${relative(root, join(root, file))}:${line}: ${value.trim()}`);
      };
      // Text children: from a tag's end to the next tag or expression.
      for (const match of text.matchAll(/(?<![=\-\s])>|(?<=\n\s*)>/g)) {
        const rest = text.slice(match.index + 1);
        const child = /^([^<>{}]*)[<{]/.exec(rest)?.[1];
        if (child && /\p{L}/u.test(child) && !/[;=]|&&|\|\||\)\s*$|^\s*[):]/.test(child) && !allowedText.test(child.trim())) report(match.index, child);
      }
      // Text after an expression: "{count} highlights here</p>".
      for (const match of text.matchAll(/\}([^<>{}();=\n]*\p{L}[^<>{}();=\n]*)<\/?[A-Za-z]/gu)) {
        if (!allowedText.test(match[1]!.trim()) && !/^\s*:/.test(match[1]!)) report(match.index, match[1]!);
      }
      // Attributes a person reads, as "…" or as string literals inside {…}.
      for (const match of text.matchAll(/\b(aria-label|aria-description|aria-valuetext|title|placeholder|alt|label)=(?:"([^"]*)"|'([^']*)'|\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\})/g)) {
        const literals = match[2] !== undefined || match[3] !== undefined ? [match[2] ?? match[3]!] : [...match[4]!.replace(/\bt\(\s*'[^']*'/g, '').matchAll(/'([^']*)'|"([^"]*)"|`([^`]*)`/g)].map((m) => (m[1] ?? m[2] ?? m[3]!).replace(/\$\{[^}]*\}/g, ''));
        for (const literal of literals) if (/\p{L}{2}/u.test(literal) && !allowedText.test(literal.trim())) report(match.index, `${match[1]}=${literal}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('labels, titles and messages in renderer code are not English literals', () => {
    const found: string[] = [];
    for (const file of files('renderer/src', /\.tsx?$/)) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(/\b(label|title|message|text|error|placeholder)\s*:\s*(['`])((?:(?!\2).)*\p{L}{2}(?:(?!\2).)*)\2/gu)) {
        const literal = match[3]!.replace(/\$\{[^}]*\}/g, '');
        if (/\p{L}{2}/u.test(literal) && !allowedText.test(literal.trim()) && !(literal in en)) found.push(`${file}:${text.slice(0, match.index).split('\n').length}: ${match[1]}: ${literal}`);
      }
    }
    expect(found).toEqual([]);
  });
});
