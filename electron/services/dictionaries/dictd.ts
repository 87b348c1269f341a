import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HeadwordIndex } from '../../../shared/dictionary/headwords';
import { MAX_DEFINITION_BYTES } from '../../../shared/dictionary/model';
import { openDataFile } from './data-file';
import { DictionaryFileError } from './errors';
import { decodeText, tidy } from './markup';
import type { Definition, DictionaryReader } from './reader';
import { languagesFromName } from './languages';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64Value = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) b64Value[B64.charCodeAt(i)] = i;

/** dictd writes offsets and lengths as base-64 numbers, most significant digit first. */
function decodeNumber(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = b64Value[text.charCodeAt(i)] ?? -1;
    if (digit < 0) return -1;
    value = value * 64 + digit;
  }
  return to > from ? value : -1;
}

export const MAX_INDEX_BYTES = 200 * 1024 * 1024;

/** The "00databaseshort" entry repeats its own headword on its first line in many dictionaries. */
function shortName(short: string | undefined): string | undefined {
  return short?.replace(/^00-?database-?short\s*/i, '').split('\n')[0]?.trim() || undefined;
}

/** Name and entry count of a dictd dictionary without reading its index into memory. */
export async function peekDictd(indexPath: string): Promise<{ name: string; entries: number }> {
  const base = indexPath.replace(/\.index$/, '');
  const raw = await readFile(indexPath);
  let lines = 0;
  for (let at = raw.indexOf(10); at >= 0; at = raw.indexOf(10, at + 1)) lines++;
  if (raw.length > 0 && raw[raw.length - 1] !== 10) lines++;
  let name: string | undefined;
  for (const marker of ['00databaseshort\t', '00-database-short\t']) {
    const at = raw.indexOf(marker);
    if (at < 0 || (at > 0 && raw[at - 1] !== 10)) continue;
    const end = raw.indexOf(10, at);
    const [, offset, length] = raw.toString('latin1', at, end < 0 ? raw.length : end).split('\t');
    const dataPath = existsSync(`${base}.dict.dz`) ? `${base}.dict.dz` : `${base}.dict`;
    const data = await openDataFile(dataPath, dataPath).catch(() => undefined);
    if (data && offset && length) {
      const bytes = await data.read(decodeNumber(offset, 0, offset.length), decodeNumber(length, 0, length.length)).catch(() => undefined);
      name = shortName(bytes && decodeText(bytes));
    }
    await data?.close();
  }
  const isMeta = (from: number) => raw.toString('latin1', from, from + 11).replace('-', '').startsWith('00database');
  let metaLines = isMeta(0) ? 1 : 0;
  for (let at = raw.indexOf('\n00'); at >= 0; at = raw.indexOf('\n00', at + 1)) if (isMeta(at + 1)) metaLines++;
  return { name: name ?? basename(base), entries: Math.max(0, lines - metaLines) };
}

/** Opens a dictd dictionary: `NAME.index` with `NAME.dict.dz` or `NAME.dict` beside it. */
export async function openDictd(indexPath: string): Promise<DictionaryReader> {
  const base = indexPath.replace(/\.index$/, '');
  const dataPath = existsSync(`${base}.dict.dz`) ? `${base}.dict.dz` : `${base}.dict`;
  if (!existsSync(dataPath)) throw new DictionaryFileError(indexPath, `has no ${basename(base)}.dict.dz or .dict beside it`);
  const raw = await readFile(indexPath);
  if (raw.length > MAX_INDEX_BYTES) throw new DictionaryFileError(indexPath, `is ${Math.round(raw.length / 1048576)} MB; Facing reads indexes up to ${MAX_INDEX_BYTES / 1048576} MB`);
  const text = decodeText(raw);
  if (text === undefined) throw new DictionaryFileError(indexPath, 'is not a dictd index (it is not UTF-8 text)');

  let lineCount = 1;
  for (let at = raw.indexOf(10); at >= 0; at = raw.indexOf(10, at + 1)) lineCount++;
  const headwords = new HeadwordIndex(lineCount);
  const offsets = new Float64Array(lineCount);
  const lengths = new Float64Array(lineCount);
  let records = 0;
  const meta = new Map<string, number>();
  let entries = 0;
  let start = 0;
  let line = 0;
  let end = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    line++;
    if (lineEnd > start) {
      const tab1 = text.indexOf('\t', start);
      const tab2 = tab1 < 0 ? -1 : text.indexOf('\t', tab1 + 1);
      const stop = tab2 < 0 ? -1 : text.indexOf('\t', tab2 + 1);
      const tab3 = stop < 0 || stop > lineEnd ? lineEnd : stop;
      if (tab1 < 0 || tab2 < 0 || tab2 >= lineEnd) throw new DictionaryFileError(indexPath, `is not a dictd index: line ${line} is not "headword TAB offset TAB length"`);
      const offset = decodeNumber(text, tab1 + 1, tab2);
      const length = decodeNumber(text, tab2 + 1, tab3);
      if (offset < 0 || length < 0) throw new DictionaryFileError(indexPath, `is not a dictd index: line ${line} has an offset or length that is not dictd's base 64`);
      if (length > MAX_DEFINITION_BYTES) throw new DictionaryFileError(indexPath, `lists a definition of ${(length / 1048576).toFixed(1)} MB on line ${line}; Facing reads definitions up to ${MAX_DEFINITION_BYTES / 1024} KB`);
      const headword = text.slice(start, tab1);
      const record = records++;
      offsets[record] = offset;
      lengths[record] = length;
      end = Math.max(end, offset + length);
      if (headword.startsWith('00database') || headword.startsWith('00-database')) meta.set(headword.replace(/^00-?database-?/, ''), record);
      else {
        headwords.add(headword, record);
        entries++;
      }
    }
    start = lineEnd + 1;
  }

  const data = await openDataFile(dataPath, dataPath);
  if (end > data.size) {
    await data.close();
    throw new DictionaryFileError(indexPath, `names definitions past the end of ${basename(dataPath)}; one of the two is truncated or they do not belong together`);
  }

  const read = async (record: number) => {
    const bytes = await data.read(offsets[record]!, lengths[record]!);
    const body = decodeText(bytes);
    if (body === undefined) throw new DictionaryFileError(dataPath, 'holds binary data where a definition should be');
    // FreeDict marks cross-references as {word}: show the word.
    return tidy(body.replace(/\{([^{}\n]{1,80})\}/g, '$1'));
  };
  const shortRecord = meta.get('short');
  const short = shortRecord === undefined ? undefined : await read(shortRecord).catch(() => undefined);
  const name = shortName(short) ?? basename(base);
  const languages = languagesFromName(basename(base));

  return {
    name,
    ...languages,
    entries,
    headwords,
    async definitions(key) {
      const found: Definition[] = [];
      for (const { record, headword, synonym } of headwords.find(key)) {
        found.push({ headword, definition: await read(record), synonym });
      }
      return found;
    },
    close: () => data.close(),
  };
}
