import { franc } from 'franc-min';
import { iso6393 } from 'iso-639-3';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import { LanguageSchema } from '../../../shared/model/document';
import type { Block } from '../../../shared/text/segmentation';
import { splitBlocks } from '../../../shared/text/segmentation';
import { classifyBlocks } from '../../../shared/text/blocks';
import { decodeUtf8, UnreadableTextError } from '../text-file';
import { epubToBlocks } from './epub';
import { ImportRefused } from './errors';
import { htmlToBlocks, type Extracted } from './html';
import { pdfToBlocks } from './pdf';

import { MAX_IMPORT_FILE_BYTES } from '../../../shared/ipc/contract';

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

/** A file name fit to show and store: no folders, no control characters, not empty. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters and bidirectional overrides can disguise a name.
  const clean = base.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '').trim().slice(0, 200);
  return clean || 'Untitled';
}

export function formatOf(name: string): ImportFormat {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const format = byExtension[extension];
  if (!format) throw new ImportRefused(`“${name}” is not a format Facing imports. It reads ${SUPPORTED}.`);
  return format;
}

function checkSignature(format: ImportFormat, bytes: Buffer, name: string): void {
  const zip = bytes.subarray(0, 2).toString('latin1') === 'PK';
  if ((format === 'docx' || format === 'epub') && !zip) throw new ImportRefused(`“${name}” is not a real .${format} file (it is not a zip archive).`);
  if (format === 'pdf' && !bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw new ImportRefused(`“${name}” is not a real PDF file.`);
}

const markdown = new MarkdownIt({ html: false });
const twoLetter = new Map(iso6393.filter((l) => l.iso6391).map((l) => [l.iso6393, l.iso6391!]));

/** The language of a text by its letters (franc), as a BCP 47 tag; English when it cannot tell. */
export function detectLanguage(text: string): string {
  const code = franc(text.slice(0, 6000), { minLength: 20 });
  if (code === 'und') return 'en';
  return twoLetter.get(code) ?? code;
}

async function extractByFormat(format: ImportFormat, bytes: Buffer): Promise<Extracted> {
  switch (format) {
    case 'txt': {
      const texts = splitBlocks(decodeUtf8(bytes));
      const kinds = classifyBlocks(texts);
      return { blocks: texts.map((text, k) => ({ text, kind: kinds[k] ?? 'paragraph' })) };
    }
    case 'md':
      return htmlToBlocks(markdown.render(decodeUtf8(bytes)));
    case 'html':
      return htmlToBlocks(decodeUtf8(bytes));
    case 'docx': {
      try {
        const { value } = await mammoth.convertToHtml({ buffer: bytes });
        return htmlToBlocks(value);
      } catch (error) {
        throw new ImportRefused(`This Word document cannot be read: ${(error as Error).message}`);
      }
    }
    case 'epub':
      return epubToBlocks(bytes);
    case 'pdf':
      return pdfToBlocks(bytes);
  }
}

export interface ExtractedDocument {
  format: ImportFormat;
  name: string;
  title: string;
  language: string;
  blocks: Block[];
}

function titleFrom(extracted: Extracted, name: string): string {
  const heading = extracted.blocks.find((b) => b.kind === 'heading')?.text;
  const first = extracted.blocks[0]?.text;
  const candidate = extracted.title || heading || (first && first.length <= 120 ? first : undefined) || name.replace(/\.[^.]+$/, '');
  return candidate.length > 200 ? `${candidate.slice(0, 197)}…` : candidate;
}

/** Reads an imported file into blocks with a title and a language, or refuses it with a reason. */
export async function extractDocument(rawName: string, bytes: Buffer): Promise<ExtractedDocument> {
  const name = cleanFileName(rawName);
  if (bytes.length === 0) throw new ImportRefused(`“${name}” is empty.`);
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new ImportRefused(`“${name}” is ${(bytes.length / 1048576).toFixed(0)} MB; Facing imports files up to ${MAX_IMPORT_FILE_BYTES / 1048576} MB.`);
  }
  const format = formatOf(name);
  checkSignature(format, bytes, name);
  let extracted: Extracted;
  try {
    extracted = await extractByFormat(format, bytes);
  } catch (error) {
    if (error instanceof UnreadableTextError) throw new ImportRefused(`“${name}”: ${error.message}`);
    throw error;
  }
  const blocks = extracted.blocks.filter((b) => b.text.trim());
  if (blocks.length === 0) throw new ImportRefused(`“${name}” has no text to read.`);
  const declared = extracted.language && LanguageSchema.safeParse(extracted.language).success ? extracted.language : undefined;
  const language = declared ?? detectLanguage(blocks.map((b) => b.text).join('\n'));
  return { format, name, title: titleFrom({ ...extracted, blocks }, name), language, blocks };
}
