import { describe, expect, it, vi } from 'vitest';
import { docx, epub, hostileEpub, pdf, sample, scannedPdf } from '../../../e2e/data/documents';
import { cleanFileName, extractDocument } from './extract';

// pdf.js takes seconds to load on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const extract = (name: string, data: string | Buffer) => extractDocument(name, Buffer.isBuffer(data) ? data : Buffer.from(data));

describe('importing each format', () => {
  it('reads plain text with its title and language', async () => {
    const doc = await extract('story.txt', sample.txt);
    expect(doc).toMatchObject({ format: 'txt', title: 'A Plain Text Story', language: 'en' });
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
    const notes = await extract('notes.txt', '## Notes on silence\n\nA first paragraph of notes.\n\nA second one.');
    expect(notes.title).toBe('Notes on silence');
    expect((await extract('tag.txt', '#hashtag and more words on the first line.\n\nText.')).title).toBe('#hashtag and more words on the first line.');
  });

  it('keeps Markdown headings, emphasis, lists and quotes; raw HTML stays text', async () => {
    const doc = await extract('guide.md', sample.md);
    expect(doc.title).toBe('The Markdown Guide');
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'The Markdown Guide'],
      ['paragraph', 'Some emphasis and strong words here.'],
      ['list-item', 'First item'],
      ['list-item', 'Second item'],
      ['quote', 'A quoted line.'],
      ['paragraph', '<script>alert("md")</script>'],
    ]);
    expect(doc.blocks[1]!.inline).toEqual([
      { style: 'em', start: 5, end: 13 },
      { style: 'strong', start: 18, end: 30 },
    ]);
  });

  it('drops everything active from HTML', async () => {
    const doc = await extract('page.html', sample.html);
    expect(doc.title).toBe('Hostile Page');
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).toBe('Safe Heading\nVisible text with emphasis.\nA link stays text.');
    expect(text).not.toMatch(/alert|script|onerror|javascript/);
  });

  it('reads a Word document', async () => {
    const doc = await extract('report.docx', await docx());
    expect(doc.title).toBe('Word Title');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Word Title', 'First paragraph of the Word file.', 'Second paragraph, with more words.']);
  });

  it('reads an EPUB in spine order with its declared title and language', async () => {
    const doc = await extract('book.epub', await epub());
    expect(doc).toMatchObject({ title: 'An EPUB Book', language: 'de' });
    expect(doc.blocks.map((b) => b.text)).toEqual(['Erstes Kapitel', 'Der Hafen von Lindau liegt auf einer Insel. Der Leuchtturm ist 33 Meter hoch.', 'Zweites Kapitel', 'Die Fähren fahren jede Stunde nach Bregenz.']);
  });

  it('reads the text layer of a PDF into paragraphs', async () => {
    const doc = await extract('paper.pdf', await pdf());
    expect(doc.title).toBe('PDF Title');
    expect(doc.blocks.map((b) => b.text)).toEqual(['A PDF Document', 'The first paragraph of the PDF has some words. It continues on a second line.', 'A second paragraph.']);
  });
});

describe('refusing bad input with a clear message', () => {
  it.each([
    ['an empty file', 'empty.txt', Buffer.alloc(0), /is empty/],
    ['a binary file renamed .txt', 'photo.txt', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10, 0x4a]), /binary data/],
    ['invalid UTF-8', 'latin1.txt', Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f, 0x20, 0x77]), /not valid UTF-8/],
    ['an unknown format', 'slides.pptx', Buffer.from('PK'), /not a format Facing imports/],
    ['a fake PDF', 'fake.pdf', Buffer.from('hello'), /not a real PDF/],
    ['a fake EPUB', 'fake.epub', Buffer.from('hello'), /not a real \.epub/],
  ])('%s', async (_label, name, bytes, message) => {
    await expect(extract(name, bytes)).rejects.toThrow(message);
  });

  it('refuses a file over the size limit before reading it', async () => {
    await expect(extract('huge.txt', Buffer.alloc(41 * 1024 * 1024, 0x61))).rejects.toThrow(/is 41 MB; Facing imports files up to 40 MB/);
  });

  it('explains a PDF without a text layer', async () => {
    await expect(extract('scan.pdf', await scannedPdf())).rejects.toThrow(/no text layer.*OCR/);
  });

  it('refuses EPUB entries that escape the folder or expand a thousand-fold', async () => {
    await expect(extract('evil.epub', await hostileEpub.traversal())).rejects.toThrow(/outside its folder/);
    await expect(extract('bomb.epub', await hostileEpub.bomb())).rejects.toThrow(/archive bombs/);
  });

  it('cleans file names of folders and control characters', () => {
    expect(cleanFileName('../../etc/pass\u0000wd.txt')).toBe('passwd.txt');
    expect(cleanFileName('C:\\Users\\me\\notes\u202E.txt')).toBe('notes.txt');
    expect(cleanFileName('\u0007')).toBe('Untitled');
  });
});
