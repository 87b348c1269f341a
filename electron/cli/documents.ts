import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Document, Paragraph } from '../../shared/model/document';
import { segmentBlocks } from '../../shared/text/segmentation';
import { extractDocument } from '../services/import/extract';
import { ImportRefused } from '../services/import/errors';

export class CliInputError extends Error {}

const plainReasons: Record<string, string> = {
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  ENAMETOOLONG: 'the name is too long',
};

/** A file that cannot be read or written, as one plain sentence naming it (no system error codes). */
export function fileProblem(path: string, error: unknown, writing = false): CliInputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = code === 'ENOENT' ? (writing ? 'the folder does not exist' : 'no such file') : (plainReasons[code] ?? (error instanceof Error ? error.message : String(error)));
  return new CliInputError(`cannot ${writing ? 'write' : 'read'} ${path}: ${reason}`);
}

/**
 * Plain text with one sentence per line and a blank line between paragraphs (the input of hunalign,
 * Vecalign and Bertalign): each line stays one sentence, exactly.
 */
export function oneSentencePerLine(text: string, id: string, language: string, title: string): Document {
  const paragraphs: Paragraph[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    const pid = `p${paragraphs.length}`;
    const sentences = [];
    let at = offset;
    for (const [k, line] of lines.entries()) {
      sentences.push({ id: `${pid}s${k}`, start: at, end: at + line.length });
      at += line.length + 1;
    }
    const joined = lines.join(' ');
    paragraphs.push({ id: pid, kind: 'paragraph', start: offset, end: offset + joined.length, sentences });
    parts.push(joined);
    offset += joined.length + 2;
  }
  const all = parts.join('\n\n');
  return { meta: { id, title, language, origin: 'imported' }, text: all, paragraphs, wordCount: all.split(/\s+/).filter(Boolean).length };
}

/** Any file the app imports, read by the same import code, or one sentence per line. */
export async function documentFromFile(path: string, id: string, options: { language?: string; onePerLine?: boolean }): Promise<Document> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileProblem(path, error);
  }
  const name = basename(path);
  if (options.onePerLine) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new CliInputError(`${path}: not valid UTF-8`);
    }
    if (!text.trim()) throw new CliInputError(`${path}: empty`);
    return oneSentencePerLine(text, id, options.language ?? 'und', name);
  }
  try {
    const extracted = await extractDocument(name, bytes);
    const language = options.language ?? extracted.language;
    return { meta: { id, title: extracted.title, language, origin: 'imported' }, ...segmentBlocks(extracted.blocks, language) };
  } catch (error) {
    if (error instanceof ImportRefused) throw new CliInputError(`${path}: ${error.message}`);
    throw error;
  }
}
