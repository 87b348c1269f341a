import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import type { BlockKind } from '../../../shared/model/document';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/ipc/contract';
import type { Block } from '../../../shared/text/segmentation';
import { countBlockWords, splitBlocks } from '../../../shared/text/segmentation';
import { kindOf, settleKinds } from '../../../shared/text/blocks';
import { decodeText, UnreadableTextError } from '../text-file';
import { epubToBlocks } from './epub';
import { ImportRefused } from './errors';
import { htmlToBlocks, type Extracted } from './html';
import { chooseLanguage, docxLanguage } from './language';
import { TextBudget } from './limits';
import { pdfToBlocks } from './pdf';
import { readZip } from './zip';
import { t } from '../../../shared/i18n/current';

export { detectLanguage } from './language';

export type ImportFormat = 'txt' | 'md' | 'html' | 'docx' | 'epub' | 'pdf';

const byExtension: Record<string, ImportFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  epub: 'epub',
  pdf: 'pdf',
};

export const SUPPORTED = '.txt, .md, .html/.htm, .docx, .epub and .pdf';

/**
 * Characters that are invisible or reorder what is shown: controls, zero-width characters, the soft
 * hyphen, line and paragraph separators, bidirectional marks, embeddings, overrides and isolates.
 * In a name or a title they can only disguise it.
 */
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** A name or title fit to show: no invisible or direction-changing characters, single spaces. */
export function cleanTitle(text: string): string {
  return text.replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** A file name fit to show and store: no folders, no invisible characters, not empty. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return cleanTitle(base).slice(0, 200) || 'Untitled';
}

export function formatOf(name: string): ImportFormat {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const format = byExtension[extension];
  if (!format) throw new ImportRefused(t('importService.notFormat', { name, supported: SUPPORTED }));
  return format;
}

function checkSignature(format: ImportFormat, bytes: Buffer, name: string): void {
  const zip = bytes.subarray(0, 2).toString('latin1') === 'PK';
  if ((format === 'docx' || format === 'epub') && !zip) throw new ImportRefused(t('importService.notReal', { name, format }));
  if (format === 'pdf' && !bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw new ImportRefused(t('importService.notPdf', { name }));
}

const markdown = new MarkdownIt({ html: false });
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** About a megabyte of text at a time, cut after a blank line so no paragraph is split. */
function* chunksAtBlankLines(text: string, size = 1 << 20): Generator<string> {
  const blank = /\n[ \t\u00A0]*\r?\n/g;
  let from = 0;
  while (from < text.length) {
    blank.lastIndex = from + size;
    const match = from + size < text.length ? blank.exec(text) : null;
    const to = match ? match.index + match[0].length : text.length;
    yield text.slice(from, to);
    from = to;
  }
}

/**
 * Plain text to blocks a megabyte at a time, handing the event loop back between chunks, so a book
 * of tens of megabytes never holds up other requests, and memory stays a small multiple of the text.
 */
async function textToBlocks(text: string, budget: TextBudget): Promise<Extracted> {
  const texts: string[] = [];
  const kinds: BlockKind[] = [];
  for (const chunk of chunksAtBlankLines(text)) {
    for (const block of splitBlocks(chunk)) {
      budget.add(block);
      texts.push(block);
      kinds.push(kindOf(block));
    }
    await tick();
  }
  settleKinds(texts, kinds);
  return { blocks: texts.map((text, k) => ({ text, kind: kinds[k]! })) };
}

/** A long UTF-8 file decoded a few megabytes at a time; anything else (and any refusal) by decodeText at once. */
async function decodeInSlices(bytes: Buffer, size = 4 << 20): Promise<string> {
  if (bytes.length <= size || bytes[0] === 0xff || bytes[0] === 0xfe || bytes.includes(0)) return decodeText(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  try {
    for (let at = 0; at < bytes.length; at += size) {
      parts.push(decoder.decode(bytes.subarray(at, at + size), { stream: true }));
      await tick();
    }
    parts.push(decoder.decode());
  } catch {
    return decodeText(bytes);
  }
  return parts.join('');
}

const DOCX_PARTS = /^(word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels|\[Content_Types\]\.xml|_rels\/\.rels)$/;

async function docxToBlocks(bytes: Buffer): Promise<Extracted> {
  // The archive is checked (and its XML inflated, with the sizes verified) before mammoth sees it.
  const parts = await readZip(bytes, t('zip.thisDocx'), (name) => DOCX_PARTS.test(name));
  const language = docxLanguage(parts.get('word/document.xml')?.toString('utf8'), parts.get('word/styles.xml')?.toString('utf8'));
  parts.clear();
  let html: string;
  try {
    // Pictures are never read: an <img> without a source is all mammoth makes of them.
    const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
    html = (await mammoth.convertToHtml({ buffer: bytes }, { convertImage })).value;
  } catch (error) {
    throw new ImportRefused(t('importService.wordUnreadable', { reason: (error as Error).message }));
  }
  const extracted = htmlToBlocks(html);
  return { blocks: extracted.blocks, ...(language ? { language } : {}) };
}

async function extractByFormat(format: ImportFormat, bytes: Buffer, budget: TextBudget): Promise<Extracted> {
  switch (format) {
    case 'txt':
      return textToBlocks(await decodeInSlices(bytes), budget);
    case 'md':
      return htmlToBlocks(markdown.render(decodeText(bytes)));
    case 'html':
      return htmlToBlocks(decodeText(bytes));
    case 'docx':
      return docxToBlocks(bytes);
    case 'epub':
      return epubToBlocks(bytes, budget);
    case 'pdf':
      return pdfToBlocks(bytes, budget);
  }
}

export interface ExtractedDocument {
  format: ImportFormat;
  name: string;
  title: string;
  /** A BCP 47 tag, or "und" when neither the file nor its text says which language it is. */
  language: string;
  blocks: Block[];
  /** Words, boilerplate not counted, as the segmented document counts them. */
  wordCount: number;
}

/** Counted a slice at a time, handing the event loop back in between. */
async function wordsOf(blocks: readonly Block[]): Promise<number> {
  let words = 0;
  for (let k = 0; k < blocks.length; k += 2000) {
    words += countBlockWords(blocks.slice(k, k + 2000));
    if (k + 2000 < blocks.length) await tick();
  }
  return words;
}

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text);

/** The file's own title, else its first heading, else a short first line, else the file name, else the first words. */
function titleFrom(extracted: Extracted, name: string): string {
  // A plain-text file that starts with a Markdown heading ("# Notes") is titled without its marks.
  const unmarked = (text: string | undefined) => text?.replace(/^#{1,6}[ \t]+(?=\S)/, '');
  const heading = unmarked(extracted.blocks.find((b) => b.kind === 'heading')?.text);
  const first = unmarked(extracted.blocks[0]?.text);
  const candidates = [extracted.title, heading, first && first.length <= 120 ? first : undefined, name.replace(/\.[^.]+$/, ''), first];
  const title = candidates.map((c) => cleanTitle(c ?? '')).find(Boolean) ?? 'Untitled';
  return shorten(title, 200);
}


/** Reads an imported file into blocks with a title and a language, or refuses it with a reason that names it. */
export async function extractDocument(rawName: string, bytes: Buffer, budget = new TextBudget()): Promise<ExtractedDocument> {
  const name = cleanFileName(rawName);
  if (bytes.length === 0) throw new ImportRefused(t('importService.empty', { name }));
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new ImportRefused(t('importService.tooLarge', { name, size: Math.round(bytes.length / 1048576), limit: MAX_IMPORT_FILE_BYTES / 1048576 }));
  }
  const format = formatOf(name);
  checkSignature(format, bytes, name);
  let extracted: Extracted;
  try {
    extracted = await extractByFormat(format, bytes, budget);
  } catch (error) {
    // Whatever went wrong, the message says which file and what, never only "see the log".
    if (error instanceof ImportRefused || error instanceof UnreadableTextError) throw new ImportRefused(t('importService.named', { name, problem: error.message }));
    throw new ImportRefused(t('importService.cannotRead', { name, format, reason: (error as Error)?.message ?? String(error) }));
  }
  const blocks = extracted.blocks.filter((b) => b.text.trim());
  if (blocks.length === 0) throw new ImportRefused(t('importService.noText', { name }));
  const language = chooseLanguage(extracted.language, blocks);
  return { format, name, title: titleFrom({ ...extracted, blocks }, name), language, blocks, wordCount: await wordsOf(blocks) };
}
