import { byParagraph, type PairFile, type PairUnit } from './bilingual';
import { footnotes, languageName, type ReadingCopyOptions } from './html';
import { markedHtml } from './marks';
import { escapeXml } from './xml';

export interface EpubEntry {
  path: string;
  content: string;
  /** The mimetype entry must be first and stored without compression. */
  store?: boolean;
}

export interface EpubOptions extends ReadingCopyOptions {
  identifier: string;
  modified: Date;
}

const css = `
body { font-family: serif; line-height: 1.5; margin: 0 0.5em; }
h1, h2, h3 { line-height: 1.25; }
p { margin: 0; text-indent: 0; }
.source { margin-top: 1em; }
.target { margin: 0.3em 0 0 0; padding-left: 0.8em; border-left: 0.2em solid #999; color: #2b4a6b; font-style: italic; }
.target-heading { font-weight: normal; font-style: italic; color: #2b4a6b; font-size: 0.9em; margin-top: 0.2em; }
mark { background: #fff1a8; }
aside.footnote { font-size: 0.85em; }
`;

function xhtml(title: string, lang: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${escapeXml(lang)}" xml:lang="${escapeXml(lang)}">
<head><meta charset="UTF-8"/><title>${escapeXml(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
${body}
</body>
</html>
`;
}

/** Chapters start at the original's headings; the whole text is one chapter when it has none. */
function chapters(units: PairUnit[]): PairUnit[][] {
  const out: PairUnit[][] = [];
  for (const u of units) {
    if (!out.length || (u.heading && out[out.length - 1]!.length)) out.push([]);
    out[out.length - 1]!.push(u);
  }
  return out;
}

/**
 * An EPUB 3 reading copy: each paragraph of the original followed by its translation, set apart by
 * a rule and italics, with a table of contents from the original's headings.
 */
export function epubEntries(pair: PairFile, options: EpubOptions): EpubEntry[] {
  const title = pair.title ?? 'Aligned texts';
  const groups = chapters(byParagraph(pair.units).filter((u) => u.source.trim() || u.target.trim()));
  const files: EpubEntry[] = [];
  const toc: Array<{ href: string; label: string }> = [];
  groups.forEach((units, k) => {
    const file = `text-${k + 1}.xhtml`;
    const notes = footnotes();
    const ref = (note: string) => notes.ref(note).replace('<a ', '<a epub:type="noteref" ').replace(/#note-(\d+)/, `#c${k + 1}-note-$1`).replace(/id="ref-(\d+)"/, `id="c${k + 1}-ref-$1"`);
    const text = (t: string, marks: PairUnit['marksSource']) => (options.highlights ? markedHtml(t, marks, escapeXml, ref) : escapeXml(t));
    const body = units.map((u, j) => {
      const src = pair.source;
      const tgt = pair.target;
      if (u.heading) {
        const id = `h${j + 1}`;
        toc.push({ href: `${file}#${id}`, label: u.source.trim() || u.target.trim() });
        return `<h2 id="${id}" lang="${escapeXml(src)}" xml:lang="${escapeXml(src)}">${text(u.source, u.marksSource)}</h2>\n<p class="target-heading" lang="${escapeXml(tgt)}" xml:lang="${escapeXml(tgt)}">${text(u.target, u.marksTarget)}</p>`;
      }
      const parts: string[] = [];
      if (u.source.trim()) parts.push(`<p class="source" lang="${escapeXml(src)}" xml:lang="${escapeXml(src)}">${text(u.source, u.marksSource)}</p>`);
      if (u.target.trim()) parts.push(`<p class="target" lang="${escapeXml(tgt)}" xml:lang="${escapeXml(tgt)}">${text(u.target, u.marksTarget)}</p>`);
      return parts.join('\n');
    });
    const noteList = notes.notes.map((n, i) => `<aside epub:type="footnote" class="footnote" id="c${k + 1}-note-${i + 1}"><p>${i + 1}. ${escapeXml(n)}</p></aside>`).join('\n');
    const heading = k === 0 ? `<h1>${escapeXml(title)}</h1>\n` : '';
    files.push({ path: `OEBPS/${file}`, content: xhtml(title, pair.source, `<section>\n${heading}${body.join('\n')}\n${noteList}\n</section>`) });
  });
  if (!toc.length || toc[0]!.href !== 'text-1.xhtml' && !toc[0]!.href.startsWith('text-1.xhtml#')) toc.unshift({ href: 'text-1.xhtml', label: title });
  const nav = xhtml(
    title,
    pair.source,
    `<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>\n${toc.map((t) => `<li><a href="${t.href}">${escapeXml(t.label)}</a></li>`).join('\n')}\n</ol></nav>`,
  );
  const modified = options.modified.toISOString().replace(/\.\d+Z$/, 'Z');
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeXml(pair.source)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${escapeXml(options.identifier)}</dc:identifier>
<dc:title>${escapeXml(title)}</dc:title>
<dc:language>${escapeXml(pair.source)}</dc:language>
<dc:language>${escapeXml(pair.target)}</dc:language>
<dc:description>${escapeXml(`${languageName(pair.source)} with ${languageName(pair.target)}, paragraph by paragraph. Made with Facing.`)}</dc:description>
<meta property="dcterms:modified">${modified}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="css" href="style.css" media-type="text/css"/>
${files.map((f, k) => `<item id="text-${k + 1}" href="${f.path.slice('OEBPS/'.length)}" media-type="application/xhtml+xml"/>`).join('\n')}
</manifest>
<spine>
${files.map((_, k) => `<itemref idref="text-${k + 1}"/>`).join('\n')}
</spine>
</package>
`;
  return [
    { path: 'mimetype', content: 'application/epub+zip', store: true },
    {
      path: 'META-INF/container.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`,
    },
    { path: 'OEBPS/content.opf', content: opf },
    { path: 'OEBPS/nav.xhtml', content: nav },
    { path: 'OEBPS/style.css', content: css },
    ...files,
  ];
}
