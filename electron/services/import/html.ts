import { Parser } from 'htmlparser2';
import type { InlineStyle } from '../../../shared/model/document';
import type { Block } from '../../../shared/text/segmentation';

export interface Extracted {
  blocks: Block[];
  title?: string;
  language?: string;
}

const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'li', 'blockquote', 'pre', 'td', 'th', 'dt', 'dd', 'figcaption', 'caption', 'address', 'tr', 'ul', 'ol', 'dl', 'table', 'hr', 'body', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose content is never text to read: code, styling, embedded or interactive things. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'select', 'button', 'textarea', 'nav', 'head']);
const OWN_KIND: Record<string, Block['kind']> = { li: 'list-item', blockquote: 'quote' };
const EMPHASIS: Record<string, InlineStyle['style']> = { em: 'em', i: 'em', cite: 'em', strong: 'strong', b: 'strong' };

/** Elements that close themselves or are closed by a sibling, so they never deepen the nesting for long. */
const UNNESTED = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rt', 'rp', 'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Deeper than any real page; beyond it tags are dropped and their text kept. */
export const MAX_NESTING = 512;

/**
 * Drops the tags nested deeper than MAX_NESTING, keeping their text. htmlparser2 keeps its open
 * elements in an array it shifts and unshifts, so 40,000 nested <div>s cost it seconds; a page never
 * nests that deep. One linear pass: the pattern stops at the next "<", so it never rescans.
 */
function flattenDeepNesting(html: string): string {
  let depth = 0;
  const dropped = new Map<string, number>();
  return html.replace(/<(\/?)([A-Za-z][\w:-]*)([^<>]*)>/g, (tag, closing: string, rawName: string, rest: string) => {
    const name = rawName.toLowerCase();
    if (UNNESTED.has(name)) return tag;
    if (closing) {
      const pending = dropped.get(name) ?? 0;
      if (pending > 0) {
        dropped.set(name, pending - 1);
        return '';
      }
      depth = Math.max(0, depth - 1);
      return tag;
    }
    if (rest.endsWith('/')) return tag;
    if (depth >= MAX_NESTING) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      return '';
    }
    depth++;
    return tag;
  });
}

/**
 * HTML to blocks of text, without a DOM: headings, paragraphs, list items and quotes keep their kind,
 * emphasis its ranges; scripts, styles, images, forms, event handlers and links' targets simply do not
 * exist in the result, so nothing from the file can ever run.
 */
export function htmlToBlocks(html: string, options: { xml?: boolean } = {}): Extracted {
  const blocks: Block[] = [];
  const open: string[] = [];
  /** kinds[k]: the kind that the innermost heading, list item or quote among open[0..k] gives. */
  const kinds: Block['kind'][] = [];
  let skipping = 0;
  let inTitle = false;
  /** Inside <svg> or <math>, whose <title> elements name a picture, not the document. */
  let foreign = 0;
  const titles: string[] = [];
  let language: string | undefined;
  let text = '';
  let inline: InlineStyle[] = [];
  const emphasis: Array<{ style: InlineStyle['style']; start: number }> = [];

  // Kept as a stack beside `open`, so asking is constant time however deep the nesting.
  const kind = (): Block['kind'] => kinds[kinds.length - 1] ?? 'paragraph';
  const push = (tag: string) => {
    open.push(tag);
    kinds.push(OWN_KIND[tag] ?? (/^h[1-6]$/.test(tag) ? 'heading' : (kinds[kinds.length - 1] ?? 'paragraph')));
  };
  const close = (at: number) => {
    open.splice(at, 1);
    kinds.length = at;
    for (let k = at; k < open.length; k++) kinds.push(OWN_KIND[open[k]!] ?? (/^h[1-6]$/.test(open[k]!) ? 'heading' : (kinds[k - 1] ?? 'paragraph')));
  };

  const flush = () => {
    const leading = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (trimmed) {
      const ranges = inline
        .map((r) => ({ ...r, start: Math.max(0, r.start - leading), end: Math.min(trimmed.length, r.end - leading) }))
        .filter((r) => r.end > r.start);
      blocks.push({ text: trimmed, kind: kind(), ...(ranges.length ? { inline: ranges } : {}) });
    }
    text = '';
    inline = [];
    for (const e of emphasis) e.start = 0;
  };

  const append = (chunk: string) => {
    let clean = chunk.replace(/[\s\u00A0]+/g, ' ');
    if (text.endsWith(' ') || text === '') clean = clean.replace(/^ /, '');
    text += clean;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'html' && (attributes.lang || attributes['xml:lang'])) language = attributes.lang || attributes['xml:lang'];
        if (name === 'svg' || name === 'math') foreign++;
        if (name === 'title' && !foreign) {
          inTitle = true;
          titles.push('');
        }
        if (skipping || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skipping++;
          return;
        }
        if (BLOCK_TAGS.has(name)) flush();
        if (name === 'br') append(' ');
        const style = EMPHASIS[name];
        if (style) emphasis.push({ style, start: text.length });
        push(name);
      },
      ontext(data) {
        if (inTitle) titles[titles.length - 1] += data;
        else if (!skipping) append(data);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if ((name === 'svg' || name === 'math') && foreign) foreign--;
        if (SKIPPED.has(name)) {
          if (skipping) skipping--;
          return;
        }
        if (skipping) return;
        const style = EMPHASIS[name];
        if (style) {
          const started = emphasis.pop();
          if (started && text.length > started.start) inline.push({ style, start: started.start, end: text.trimEnd().length });
        }
        const at = open.lastIndexOf(name);
        if (BLOCK_TAGS.has(name)) flush();
        if (at >= 0) close(at);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, xmlMode: options.xml ?? false },
  );
  parser.write(flattenDeepNesting(html));
  parser.end();
  flush();
  // Several title elements are several phrases: "Part One" and "The Harbour" are not "Part OneThe Harbour".
  const cleanTitle = titles.join(' ').replace(/\s+/g, ' ').trim();
  return { blocks, ...(cleanTitle ? { title: cleanTitle } : {}), ...(language ? { language } : {}) };
}
