import type { PairingProfile } from '../../../shared/corpus/pairing';
import type { BlockKind } from '../../../shared/model/document';
import { countDocumentWords, type PackedWordCounts } from '../../../shared/search/word-counts';
import type { Block } from '../../../shared/text/segmentation';
import { blockFileBytes } from '../library/block-file';
import { profileInSlices } from '../library/slices';
import { extractDocument, type ImportFormat } from './extract';

/** A paragraph's kind and text: what search indexes of a new document. */
export interface ParagraphText {
  kind: BlockKind;
  text: string;
}

/** What the library records and search indexes of a file read into blocks. */
export interface PreparedImport {
  format: ImportFormat;
  name: string;
  title: string;
  language: string;
  wordCount: number;
  profile: PairingProfile;
  /**
   * What search indexes of it: its words already counted (in the import worker, so the thread that
   * answers requests neither receives nor counts the text), or its paragraphs, counted there.
   */
  forSearch: PackedWordCounts | ParagraphText[];
}

/** A prepared import with its stored text, `document.json` ready to write (see library/block-file.ts). */
export interface PreparedFiles extends PreparedImport {
  blockFile: Buffer;
}

export const paragraphTextsOf = (blocks: readonly Block[]): ParagraphText[] => blocks.filter((b) => b.text).map((b) => ({ kind: b.kind, text: b.text }));

/** Extracts a file and makes its stored text and pairing profile; refuses it (ImportRefused) as extractDocument does. */
export async function prepareImport(name: string, bytes: Buffer): Promise<PreparedFiles> {
  const extracted = await extractDocument(name, bytes);
  const [parts, profile] = [await blockFileBytes(extracted.blocks), await profileInSlices(extracted.blocks)];
  const { format, title, language, wordCount } = extracted;
  return { format, name: extracted.name, title, language, wordCount, profile, blockFile: Buffer.concat(parts), forSearch: countDocumentWords(extracted.blocks) };
}
