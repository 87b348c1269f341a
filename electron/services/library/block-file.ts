import { BlockKindSchema } from '../../../shared/model/document';
import type { Block } from '../../../shared/text/segmentation';
import { SLICE_CHARS, tick } from './slices';

const BlockKinds = new Set(BlockKindSchema.options);
const HEAD = '{"version":1,"blocks":[\n';

/**
 * A stored text, `library/<id>/document.json`: `{"version":1,"blocks":[…]}` with one block a line,
 * so a long book is written and read back a megabyte at a time, handing the event loop back in
 * between, instead of in one `JSON.stringify` or `JSON.parse` of tens of megabytes. It stays one
 * JSON document: files written before (on one line) read as they always did.
 */
export async function blockFileBytes(blocks: readonly Block[]): Promise<Buffer[]> {
  const parts = [Buffer.from(HEAD)];
  let lines: string[] = [];
  let size = 0;
  for (let k = 0; k < blocks.length; k++) {
    const line = JSON.stringify(blocks[k]);
    lines.push(k + 1 < blocks.length ? `${line},\n` : `${line}\n`);
    size += line.length;
    if (size >= SLICE_CHARS) {
      parts.push(Buffer.from(lines.join('')));
      lines = [];
      size = 0;
      await tick();
    }
  }
  parts.push(Buffer.from(`${lines.join('')}]}`));
  return parts;
}

/**
 * Checked by hand rather than by a schema: it is read for every search hit in a document not in
 * memory, and a schema over a thousand blocks costs more than the read.
 */
function validBlocks(blocks: unknown): blocks is Block[] {
  return Array.isArray(blocks) && blocks.every((b) => b && typeof b.text === 'string' && BlockKinds.has(b.kind) && (b.inline === undefined || Array.isArray(b.inline)));
}

/** The blocks of a stored text; throws when it is not one. */
export async function parseBlockFile(text: string): Promise<Block[]> {
  // A file of a slice or less (most documents) is parsed whole: no copies of its lines to parse.
  if (text.length <= SLICE_CHARS || !text.startsWith(HEAD) || !text.endsWith(']}')) {
    const file = JSON.parse(text) as { version?: unknown; blocks?: unknown } | null;
    if (file?.version !== 1 || !validBlocks(file.blocks)) throw new Error('not a block file');
    return file.blocks;
  }
  const end = text.length - 2;
  const blocks: Block[] = [];
  for (let from = HEAD.length; from < end; ) {
    const cut = text.indexOf('\n', Math.min(end, from + SLICE_CHARS));
    const to = cut < 0 || cut >= end ? end : cut + 1;
    // Lines end in ",\n" but the last: the slice's own trailing comma goes.
    const slice = text.slice(from, to).replace(/,?\n?$/, '');
    const parsed: unknown = JSON.parse(`[${slice}]`);
    if (!validBlocks(parsed)) throw new Error('not a block file');
    for (const block of parsed) blocks.push(block);
    from = to;
    if (from < end) await tick();
  }
  return blocks;
}
