import { SaxesParser } from 'saxes';
import { t } from '../i18n/current';

/** A file Facing cannot read as the format it claims, or refuses to (hostile XML). */
export class FormatError extends Error {}

export interface XmlEvents {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** Deeper than any TMX, XLIFF or TBX needs; deeper nesting is an attack on the parser's stack. */
export const MAX_XML_DEPTH = 64;

/**
 * A streaming XML reader that never resolves entities: saxes knows only the five predefined ones, and
 * a DOCTYPE that declares entities (XXE, "billion laughs") is refused before any of them is used.
 */
export function xmlStream(events: XmlEvents, what: string): { write(chunk: string): void; close(): void } {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let failure: Error | null = null;
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new FormatError(t('formatError.entities', { name: what }));
    }
  });
  parser.on('opentag', (tag) => {
    if (++depth > MAX_XML_DEPTH) throw new FormatError(t('formatError.tooDeep', { name: what, depth: String(MAX_XML_DEPTH) }));
    events.open(tag.name, tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    depth--;
    events.close(tag.name);
  });
  parser.on('text', (text) => events.text(text));
  parser.on('cdata', (text) => events.text(text));
  parser.on('error', (error) => {
    failure ??= error instanceof FormatError ? error : new FormatError(t('formatError.notWellFormed', { name: what, detail: error.message.replace(/^undefined:/, '').trim() }));
    throw failure;
  });
  const guard = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof FormatError) throw error;
      throw new FormatError(t('formatError.notWellFormed', { name: what, detail: error instanceof Error ? error.message : String(error) }));
    }
  };
  return {
    write: (chunk) => guard(() => parser.write(chunk)),
    close: () => guard(() => parser.close()),
  };
}

/** Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF) removed. */
export function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Language tags compare case-insensitively and by their primary subtag when the full tag differs. */
export function sameLanguage(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.split(/[-_]/)[0] === y.split(/[-_]/)[0];
}
