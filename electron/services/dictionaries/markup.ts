import { isUtf8 } from 'node:buffer';
import { Parser } from 'htmlparser2';

const blocks = new Set(['p', 'div', 'tr', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'def', 'ex', 'k']);
const cells = new Set(['td', 'th']);
const dropped = new Set(['script', 'style', 'head', 'title', 'object', 'iframe', 'svg', 'math', 'rref', 'img']);

/**
 * HTML, XDXF and Pango markup of a definition reduced to plain text: entities decoded, block elements
 * on lines of their own, <br> as a line break, table cells apart, scripts and styles dropped with
 * their content. Nothing of the markup survives.
 */
export function markupToText(markup: string): string {
  let text = '';
  let skipping = 0;
  const newLine = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (dropped.has(name)) skipping++;
        else if (skipping) return;
        else if (name === 'br') text += '\n';
        else if (blocks.has(name)) {
          newLine();
          if (name === 'li') text += '• ';
        } else if (cells.has(name) && text && !/\s$/.test(text)) text += ' ';
      },
      onclosetag(name) {
        if (dropped.has(name)) skipping = Math.max(0, skipping - 1);
        else if (!skipping && blocks.has(name)) newLine();
      },
      ontext(data) {
        if (skipping === 0) text += data;
      },
    },
    { decodeEntities: true, xmlMode: false, lowerCaseTags: true },
  );
  parser.write(markup);
  parser.end();
  return tidy(text);
}

/** Plain text as dictionaries ship it: no control characters, at most one blank line in a row. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text from a definition's bytes, or undefined when they are not UTF-8 text (a binary file named .dict). */
export function decodeText(bytes: Uint8Array): string | undefined {
  // Node's native check and decoder: a 12 MB index takes milliseconds, not the second a fatal TextDecoder does.
  if (bytes.includes(0) || !isUtf8(bytes)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
