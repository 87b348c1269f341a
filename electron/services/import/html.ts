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
const EMPHASIS: Record<string, InlineStyle['style']> = { em: 'em', i: 'em', cite: 'em', strong: 'strong', b: 'strong' };

/**
 * HTML to blocks of text, without a DOM: headings, paragraphs, list items and quotes keep their kind,
 * emphasis its ranges; scripts, styles, images, forms, event handlers and links' targets simply do not
 * exist in the result, so nothing from the file can ever run.
 */
export function htmlToBlocks(html: string, options: { xml?: boolean } = {}): Extracted {
  const blocks: Block[] = [];
  const open: string[] = [];
  let skipping = 0;
  let inTitle = false;
  let title = '';
  let language: string | undefined;
  let text = '';
  let inline: InlineStyle[] = [];
  const emphasis: Array<{ style: InlineStyle['style']; start: number }> = [];

  const kind = (): Block['kind'] => {
    for (let k = open.length - 1; k >= 0; k--) {
      const tag = open[k]!;
      if (/^h[1-6]$/.test(tag)) return 'heading';
      if (tag === 'li') return 'list-item';
      if (tag === 'blockquote') return 'quote';
    }
    return 'paragraph';
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
        if (name === 'html' && attributes.lang) language = attributes.lang;
        if (name === 'title') inTitle = true;
        if (skipping || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skipping++;
          return;
        }
        if (BLOCK_TAGS.has(name)) flush();
        if (name === 'br') append(' ');
        const style = EMPHASIS[name];
        if (style) emphasis.push({ style, start: text.length });
        open.push(name);
      },
      ontext(data) {
        if (inTitle) title += data;
        else if (!skipping) append(data);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
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
        if (at >= 0) open.splice(at, 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, xmlMode: options.xml ?? false },
  );
  parser.write(html);
  parser.end();
  flush();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { blocks, ...(cleanTitle ? { title: cleanTitle } : {}), ...(language ? { language } : {}) };
}
