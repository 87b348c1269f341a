import type { PairingProfile } from '../../../shared/corpus/pairing';
import type { BlockKind } from '../../../shared/model/document';
import type { Block } from '../../../shared/text/segmentation';
import { blockFileBytes } from '../library/block-file';
import { profileInSlices } from '../library/slices';
import { extractDocument, type ImportFormat } from './extract';

/** A paragraph's kind and text: what search indexes of a new document. */
export interface ParagraphText {
  kind: BlockKind;
  text: string;
}

/** Everything an import stores and indexes, made from a file's bytes (in the import worker). */
export interface PreparedImport {
  format: ImportFormat;
  name: string;
  title: string;
  language: string;
  wordCount: number;
  profile: PairingProfile;
  /** `document.json`, ready to write (see library/block-file.ts). */
  blockFile: Uint8Array;
  paragraphs: ParagraphText[];
}

export const paragraphTextsOf = (blocks: readonly Block[]): ParagraphText[] => blocks.filter((b) => b.text).map((b) => ({ kind: b.kind, text: b.text }));

/** One buffer of its own (never a slice of Node's shared pool), so it can be transferred to another thread. */
function joined(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Extracts a file and makes its stored text and pairing profile; refuses it (ImportRefused) as extractDocument does. */
export async function prepareImport(name: string, bytes: Buffer): Promise<PreparedImport> {
  const extracted = await extractDocument(name, bytes);
  const [parts, profile] = [await blockFileBytes(extracted.blocks), await profileInSlices(extracted.blocks)];
  const { format, title, language, wordCount } = extracted;
  return { format, name: extracted.name, title, language, wordCount, profile, blockFile: joined(parts), paragraphs: paragraphTextsOf(extracted.blocks) };
}
