import { describe, expect, it, vi } from 'vitest';
import { extractDocument } from './extract';
import { htmlToBlocks } from './html';
import { IMPORT_LIMITS, TextBudget } from './limits';
import { chapter, docxOf, epubOf, paragraphXml, pdfOf, zip } from './test-files';

// Some files are large to build (a 60 MB bomb compressed), and the machine is shared.
vi.setConfig({ testTimeout: 30_000 });

const refusal = (name: string, bytes: Buffer, budget?: TextBudget) => extractDocument(name, bytes, budget).then(
  () => 'imported',
  (error: Error) => error.message,
);

describe('EPUB package files are parsed as XML, never with regular expressions', () => {
  it('refuses a container of 40,000 unclosed <rootfile tags at once (it took 84 s), naming the file', async () => {
    const container = `<?xml version="1.0"?><container><rootfiles>${'<rootfile '.repeat(40_000)}</rootfiles></container>`;
    const message = await refusal('stall.epub', await epubOf({ container }));
    expect(message).toMatch(/^“stall\.epub”: .*container\.xml is not well-formed XML/);
  });

  it('reads a container of 5,000 well-formed rootfile elements, taking the first', async () => {
    const rootfile = '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>';
    const container = `<?xml version="1.0"?><container><rootfiles>${rootfile.repeat(5000)}</rootfiles></container>`;
    const doc = await extractDocument('many.epub', await epubOf({ container }));
    expect(doc.blocks.map((b) => b.text)).toEqual(['One', 'Text of the first chapter.']);
  });

  it('refuses an OPF of 40,000 unclosed <item tags', async () => {
    const opf = `<?xml version="1.0"?><package><manifest>${'<item id="a" '.repeat(40_000)}</manifest></package>`;
    expect(await refusal('items.epub', await epubOf({ opf }))).toMatch(/^“items\.epub”: .*package file \(OPF\) is not well-formed/);
  });

  it('refuses a DOCTYPE with entities (a billion laughs) without expanding anything', async () => {
    const laughs = Array.from({ length: 10 }, (_, k) => `<!ENTITY l${k + 1} "${`&l${k};`.repeat(10)}">`).join('');
    const opf = `<?xml version="1.0"?><!DOCTYPE package [<!ENTITY l0 "ha">${laughs}]><package><metadata><dc:title>&l10;</dc:title></metadata></package>`;
    expect(await refusal('laughs.epub', await epubOf({ opf }))).toMatch(/^“laughs\.epub”: .*DOCTYPE/);
  });

  it('refuses XML nested deeper than a package file ever is', async () => {
    const opf = `<?xml version="1.0"?><package>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</package>`;
    expect(await refusal('deep.epub', await epubOf({ opf }))).toMatch(/nested more than 256 levels/);
  });

  it('reads a chapter whose href has a bare "%" (100%.xhtml), where decodeURIComponent throws', async () => {
    const doc = await extractDocument('percent.epub', await epubOf({ chapters: [{ href: '100%.xhtml', xhtml: chapter('Hundred', 'All of it, one hundred per cent.') }] }));
    expect(doc.blocks.map((b) => b.text)).toEqual(['Hundred', 'All of it, one hundred per cent.']);
  });

  it('names the file when an EPUB is malformed', async () => {
    expect(await refusal('nopackage.epub', await zip([{ name: 'mimetype', data: 'application/epub+zip' }]))).toMatch(/^“nopackage\.epub”: This EPUB has no META-INF\/container\.xml/);
    expect(await refusal('broken.epub', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]))).toMatch(/^“broken\.epub”: This EPUB is not a readable zip archive/);
  });
});

describe('every importer is bounded by what it produces', () => {
  it('refuses an EPUB of many small chapters once its text passes the limit, naming the file', async () => {
    const chapters = Array.from({ length: 400 }, (_, k) => ({ href: `c${k}.xhtml`, xhtml: chapter(`Chapter ${k}`, 'Words and more words. '.repeat(100)) }));
    const budget = new TextBudget({ ...IMPORT_LIMITS, characters: 200_000 });
    expect(await refusal('chapters.epub', await epubOf({ chapters }), budget)).toMatch(/^“chapters\.epub”: Its text runs to more than 0 million characters/);
  });

  it('refuses plain text past the limit', async () => {
    const budget = new TextBudget({ ...IMPORT_LIMITS, characters: 100_000 });
    expect(await refusal('long.txt', Buffer.from('A sentence of text.\n\n'.repeat(10_000)), budget)).toMatch(/^“long\.txt”: Its text runs to more than/);
  });

  it('refuses a DOCX whose XML inflates a thousand-fold before mammoth reads it', async () => {
    const bomb = await docxOf(paragraphXml('a'.repeat(60 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal('bomb.docx', bomb)).toMatch(/^“bomb\.docx”: This Word document expands to far more than its size .*archive bombs/);
  });

  it('refuses a DOCX with a picture that inflates a thousand-fold (an image bomb)', async () => {
    const bomb = await docxOf(paragraphXml('Some text.'), [{ name: 'word/media/image1.png', data: Buffer.alloc(64 * 1024 * 1024) }]);
    expect(await refusal('image.docx', bomb)).toMatch(/^“image\.docx”: .*archive bombs/);
  });

  it('refuses a DOCX of more files than a document has', async () => {
    const many = await docxOf(paragraphXml('Text.'), Array.from({ length: 5001 }, (_, k) => ({ name: `word/media/i${k}.png`, data: 'x', store: true })));
    expect(await refusal('many.docx', many)).toMatch(/more than 5000 files/);
  });

  it('refuses a PDF of more pages than the limit, with the count', async () => {
    const budget = new TextBudget({ ...IMPORT_LIMITS, pdfPages: 3 });
    expect(await refusal('pages.pdf', await pdfOf(['1', '2', '3', '4']), budget)).toBe('“pages.pdf”: This PDF has 4 pages; Facing imports PDFs of up to 3 pages. Split it and import the parts.');
  });

  it('stops a PDF that takes longer than its time budget', async () => {
    const budget = new TextBudget({ ...IMPORT_LIMITS, milliseconds: -1 });
    expect(await refusal('slow.pdf', await pdfOf(['one', 'two']), budget)).toMatch(/^“slow\.pdf”: Reading it took longer than/);
  });

  it('names the file when a PDF is malformed', async () => {
    expect(await refusal('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage'))).toMatch(/^“broken\.pdf”: This PDF cannot be read/);
  });

  it('imports 470 KB of nested <div>s with text at every level (it took 123 s: a stack walk per block)', () => {
    const depth = 30_000;
    const html = `${'<div>word '.repeat(depth)}${'</div>'.repeat(depth)}`;
    expect(html.length).toBeGreaterThan(460_000);
    // Tags nested beyond any real page are dropped; the text stays, in order.
    const text = htmlToBlocks(html).blocks.map((b) => b.text).join(' ');
    expect(text.match(/word/g)).toHaveLength(depth);
    const shallow = `${'<div>'.repeat(500)}<h2>Deep</h2><p>At the bottom.</p>${'</div>'.repeat(500)}`;
    expect(htmlToBlocks(shallow).blocks).toEqual([
      { text: 'Deep', kind: 'heading' },
      { text: 'At the bottom.', kind: 'paragraph' },
    ]);
  });

});
