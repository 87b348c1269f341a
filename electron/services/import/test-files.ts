// Hostile and unusual files for the import tests, made by the tests themselves.
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import yazl from 'yazl';

export type Entry = { name: string; data: string | Buffer; store?: boolean };

export function zip(entries: Entry[]): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const e of entries) archive.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data), e.name, { compress: !e.store });
  archive.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    archive.outputStream.on('data', (c: Buffer) => chunks.push(c));
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on('error', reject);
  });
}

const CONTAINER = '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>';

export const chapter = (title: string, text: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;

/** An EPUB from its parts; any part may be replaced by something hostile. */
export function epubOf(options: { container?: string; opf?: string; chapters?: Array<{ href: string; xhtml: string }>; language?: string; title?: string }): Promise<Buffer> {
  const chapters = options.chapters ?? [{ href: 'c1.xhtml', xhtml: chapter('One', 'Text of the first chapter.') }];
  const opf =
    options.opf ??
    `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${options.title ?? 'Book'}</dc:title>${options.language ? `<dc:language>${options.language}</dc:language>` : ''}</metadata><manifest>${chapters
      .map((c, k) => `<item id="c${k}" href="${c.href}" media-type="application/xhtml+xml"/>`)
      .join('')}</manifest><spine>${chapters.map((_, k) => `<itemref idref="c${k}"/>`).join('')}</spine></package>`;
  return zip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: options.container ?? CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    ...chapters.map((c) => ({ name: `OEBPS/${decodeURIComponentLenient(c.href)}`, data: c.xhtml })),
  ]);
}

function decodeURIComponentLenient(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** A Word document whose body is `bodyXml`, with optional extra parts (pictures, styles). */
export function docxOf(bodyXml: string, extra: Entry[] = []): Promise<Buffer> {
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}</w:body></w:document>` },
    ...extra,
  ]);
}

export const paragraphXml = (text: string, lang?: string) => `<w:p><w:r>${lang ? `<w:rPr><w:lang w:val="${lang}"/></w:rPr>` : ''}<w:t>${text}</w:t></w:r></w:p>`;

/** A PDF of `pages` pages with a line of text on each, optionally declaring /Lang in its catalog. */
export async function pdfOf(pages: string[], options: { lang?: string } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 12, font });
  if (options.lang) doc.catalog.set(PDFName.of('Lang'), PDFString.of(options.lang));
  return Buffer.from(await doc.save());
}

/** Text in UTF-16 with its byte order mark, as Windows Notepad saves "Unicode". */
export function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (order === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let k = 0; k + 1 < le.length; k += 2) {
    be[k] = le[k + 1]!;
    be[k + 1] = le[k]!;
  }
  return be;
}
