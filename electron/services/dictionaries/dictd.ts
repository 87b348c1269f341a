import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { HeadwordIndex, headwordKey } from '../../../shared/dictionary/headwords';
import { SortedHeadwords } from '../../../shared/dictionary/sorted-headwords';
import type { Headwords } from '../../../shared/dictionary/lexicon';
import { MAX_DEFINITION_BYTES } from '../../../shared/dictionary/model';
import { openDataFile } from './data-file';
import { DictionaryFileError, megabytes } from './errors';
import { t } from '../../../shared/i18n/current';
import { decodeText, tidy } from './markup';
import { definitionsInFileOrder, type Definition, type DictionaryReader } from './reader';
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

const TAB = 9;
const NEWLINE = 10;
const SPACE = 32;

/** Bytes of a headword that is surely its own key: lower-case ASCII, or "ß" and the Latin-1 lower-case letters (C3 9F-BF). */
function plainlyLowerCase(raw: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = raw[i]!;
    if (c < 128) continue;
    if (c !== 0xc3 || i + 1 >= to || raw[i + 1]! < 0x9f) return false;
    i++;
  }
  return true;
}

function grownInt(values: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(values.length * 2);
  grown.set(values);
  return grown;
}

function grownFloat(values: Float64Array): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(values.length * 2);
  grown.set(values);
  return grown;
}

/**
 * One pass over the index bytes: every line checked (three fields, dictd base-64 numbers, no giant
 * definition), each headword that is already its own key and in byte order kept as a position in
 * the file, the rare others as strings. An index that is not in byte order is read into a
 * HeadwordIndex instead.
 */
function scanIndex(raw: Buffer, indexPath: string) {
  const capacity = Math.max(16, raw.length >> 4);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let slotRecords = new Int32Array(capacity);
  let offsets = new Float64Array(capacity);
  let lengths = new Float64Array(capacity);
  const others: Array<[string, number]> = [];
  const meta = new Map<string, number>();
  let slots = 0;
  let records = 0;
  let entries = 0;
  let end = 0;
  let sorted = true;
  let line = 0;
  let at = 0;
  const size = raw.length;
  while (at < size) {
    line++;
    const start = at;
    let asciiLower = true;
    let c = 0;
    for (; at < size; at++) {
      c = raw[at]!;
      if (c === TAB || c === NEWLINE) break;
      if ((c >= 65 && c <= 90) || c >= 128) asciiLower = false;
    }
    if (at === start && c !== TAB) {
      at++;
      continue;
    }
    const headwordEnd = at;
    // Two base-64 numbers, each ended by a tab (a third field may follow) or the line's end.
    let offset = 0;
    let length = 0;
    let fields = 0;
    let valid = true;
    while (fields < 2 && at < size && raw[at] === TAB) {
      at++;
      const from = at;
      let value = 0;
      for (; at < size; at++) {
        c = raw[at]!;
        if (c === TAB || c === NEWLINE) break;
        const digit = c < 128 ? b64Value[c]! : -1;
        if (digit < 0) valid = false;
        value = value * 64 + digit;
      }
      if (at === from) valid = false;
      if (fields === 0) offset = value;
      else length = value;
      fields++;
    }
    if (fields < 2) throw new DictionaryFileError(indexPath, t('dictFile.dictdFields', { line: String(line) }));
    if (!valid) throw new DictionaryFileError(indexPath, t('dictFile.dictdBase64', { line: String(line) }));
    if (length > MAX_DEFINITION_BYTES) throw new DictionaryFileError(indexPath, t('dictFile.dictdTooLarge', { size: megabytes(length), line: String(line), max: String(MAX_DEFINITION_BYTES / 1024) }));
    while (at < size && raw[at] !== NEWLINE) at++;
    at++;

    const record = records++;
    if (record >= offsets.length) {
      offsets = grownFloat(offsets);
      lengths = grownFloat(lengths);
    }
    offsets[record] = offset;
    lengths[record] = length;
    if (offset + length > end) end = offset + length;
    if (raw[start] === 0x30 && raw[start + 1] === 0x30) {
      const headword = raw.toString('utf8', start, headwordEnd);
      if (headword.startsWith('00database') || headword.startsWith('00-database')) {
        meta.set(headword.replace(/^00-?database-?/, ''), record);
        continue;
      }
    }
    entries++;
    let ownKey = raw[start] !== SPACE && raw[headwordEnd - 1] !== SPACE && (asciiLower || plainlyLowerCase(raw, start, headwordEnd));
    let headword: string | undefined;
    if (!ownKey) {
      headword = raw.toString('utf8', start, headwordEnd);
      ownKey = headwordKey(headword) === headword;
    }
    if (!ownKey) {
      others.push([headword!, record]);
      continue;
    }
    if (sorted && slots > 0) {
      const previous = starts[slots - 1]!;
      const previousLength = ends[slots - 1]! - previous;
      const wordLength = headwordEnd - start;
      const shared = Math.min(wordLength, previousLength);
      let i = 0;
      while (i < shared && raw[previous + i] === raw[start + i]) i++;
      if (i < shared ? raw[previous + i]! > raw[start + i]! : previousLength > wordLength) sorted = false;
    }
    if (slots >= starts.length) {
      starts = grownInt(starts);
      ends = grownInt(ends);
      slotRecords = grownInt(slotRecords);
    }
    starts[slots] = start;
    ends[slots] = headwordEnd;
    slotRecords[slots] = record;
    slots++;
  }

  let headwords: Headwords;
  if (sorted) {
    let index: HeadwordIndex | undefined;
    if (others.length > 0) {
      index = new HeadwordIndex(others.length);
      for (const [headword, record] of others) index.add(headword, record);
    }
    headwords = new SortedHeadwords(raw, starts, ends, slotRecords, slots, index);
  } else {
    const index = new HeadwordIndex(slots + others.length);
    for (let k = 0; k < slots; k++) index.add(raw.toString('utf8', starts[k]!, ends[k]!), slotRecords[k]!);
    for (const [headword, record] of others) index.add(headword, record);
    headwords = index;
  }
  return { headwords, offsets, lengths, meta, entries, end };
}

/** Opens a dictd dictionary: `NAME.index` with `NAME.dict.dz` or `NAME.dict` beside it. */
export async function openDictd(indexPath: string): Promise<DictionaryReader> {
  const base = indexPath.replace(/\.index$/, '');
  const dataPath = existsSync(`${base}.dict.dz`) ? `${base}.dict.dz` : `${base}.dict`;
  if (!existsSync(dataPath)) throw new DictionaryFileError(indexPath, t('dictFile.noDictData', { base: basename(base) }));
  const raw = await readFile(indexPath);
  if (raw.length > MAX_INDEX_BYTES) throw new DictionaryFileError(indexPath, t('dictFile.indexTooLarge', { size: String(Math.round(raw.length / 1048576)), max: String(MAX_INDEX_BYTES / 1048576) }));
  if (raw.includes(0) || !isUtf8(raw)) throw new DictionaryFileError(indexPath, t('dictFile.dictdNotUtf8'));
  const { headwords, offsets, lengths, meta, entries, end } = scanIndex(raw, indexPath);

  const data = await openDataFile(dataPath, dataPath);
  if (end > data.size) {
    await data.close();
    throw new DictionaryFileError(indexPath, t('dictFile.pastEnd', { data: basename(dataPath) }));
  }

  const definitionText = (bytes: Buffer) => {
    const body = decodeText(bytes);
    if (body === undefined) throw new DictionaryFileError(dataPath, t('dictFile.binaryDefinition'));
    // FreeDict marks cross-references as {word}: show the word.
    return tidy(body.replace(/\{([^{}\n]{1,80})\}/g, '$1'));
  };
  const shortRecord = meta.get('short');
  const short = shortRecord === undefined ? undefined : await data.read(offsets[shortRecord]!, lengths[shortRecord]!).then(definitionText).catch(() => undefined);
  const name = shortName(short) ?? basename(base);
  const languages = languagesFromName(basename(base));

  return {
    name,
    ...languages,
    entries,
    headwords,
    async definitions(key) {
      const matches = headwords.find(key);
      const bytes = await data.readAll(matches.map(({ record }) => ({ offset: offsets[record]!, length: lengths[record]! })));
      return matches.map(({ headword, synonym }, i): Definition => ({ headword, definition: definitionText(bytes[i]!), synonym }));
    },
    definitionsOf: (keys) => definitionsInFileOrder(keys, headwords, data, (record) => ({ offset: offsets[record]!, length: lengths[record]! }), definitionText),
    close: () => data.close(),
  };
}
