// Small documents of every importable format, made by the tests themselves (no third-party files).
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { writeFileSync } from 'node:fs';
import yazl from 'yazl';

function zip(entries: Array<{ name: string; data: string | Buffer; store?: boolean }>): Promise<Buffer> {
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

export const sample = {
  txt: 'A Plain Text Story\n\nThe harbour of Lindau lies on an island. Its lighthouse is 33 metres high.\n\nFerries leave every hour for Bregenz.\n',
  md: '# The Markdown Guide\n\nSome *emphasis* and **strong words** here.\n\n- First item\n- Second item\n\n> A quoted line.\n\n<script>alert("md")</script>\n',
  html: `<!doctype html><html lang="en"><head><title>Hostile Page</title><script>alert(1)</script><style>body{}</style></head>
<body onload="alert(2)"><h1>Safe Heading</h1><p>Visible text with <em>emphasis</em>.<img src="x" onerror="alert(3)"></p>
<p><a href="javascript:alert(4)">A link</a> stays text.</p><iframe src="https://example.org"></iframe></body></html>`,
};

export function docx(paragraphs: string[] = ['Word Title', 'First paragraph of the Word file.', 'Second paragraph, with more words.']): Promise<Buffer> {
  const body = paragraphs
    .map((text, k) => (k === 0 ? `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>` : `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`))
    .join('');
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    },
  ]);
}

export function epub(options: { title?: string; language?: string; extra?: Array<{ name: string; data: string | Buffer; store?: boolean }> } = {}): Promise<Buffer> {
  const chapter = (title: string, text: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
  return zip([
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    {
      name: 'META-INF/container.xml',
      data: '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    },
    {
      name: 'OEBPS/content.opf',
      data: `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${options.title ?? 'An EPUB Book'}</dc:title><dc:language>${options.language ?? 'de'}</dc:language></metadata><manifest><item id="c1" href="chapter1.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="chapter2.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>`,
    },
    { name: 'OEBPS/chapter1.xhtml', data: chapter('Erstes Kapitel', 'Der Hafen von Lindau liegt auf einer Insel. Der Leuchtturm ist 33 Meter hoch.') },
    { name: 'OEBPS/chapter2.xhtml', data: chapter('Zweites Kapitel', 'Die Fähren fahren jede Stunde nach Bregenz.') },
    ...(options.extra ?? []),
  ]);
}

export async function pdf(lines: string[] = ['A PDF Document', '', 'The first paragraph of the PDF has some words.', 'It continues on a second line.', '', 'A second paragraph.']): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('PDF Title');
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let y = 780;
  for (const line of lines) {
    if (line) page.drawText(line, { x: 50, y, size: 12, font });
    y -= line ? 16 : 24;
  }
  return Buffer.from(await doc.save());
}

export async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
  return Buffer.from(await doc.save());
}

/** Zip entries that climb out of the book's folder, and one that expands about a thousand-fold. */
export const hostileEpub = {
  // Zip writers refuse such names, so the entry is written as "aa/evil.txt" and renamed in the bytes.
  traversal: async () => {
    const bytes = await epub({ extra: [{ name: 'aa/evil.txt', data: 'escaped' }] });
    return Buffer.from(bytes.toString('latin1').replaceAll('aa/evil.txt', '../evil.txt'), 'latin1');
  },
  bomb: () => epub({ extra: [{ name: 'OEBPS/bomb.xhtml', data: Buffer.alloc(30 * 1024 * 1024, 0x41) }] }),
};

/** Writes fixture files where `place` says (a test's output folder) and returns their paths. */
export function writeFiles(place: (name: string) => string, files: ReadonlyArray<readonly [string, string | Buffer, ...unknown[]]>): string[] {
  return files.map(([name, data]) => {
    const path = place(name);
    writeFileSync(path, data);
    return path;
  });
}
