import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HeadwordIndex } from '../../../shared/dictionary/headwords';
import { MAX_DEFINITION_BYTES } from '../../../shared/dictionary/model';
import { openDataFile } from './data-file';
import { DictionaryFileError, megabytes } from './errors';
import { t } from '../../../shared/i18n/current';
import { languagesFromName, languageTag } from './languages';
import { decodeText, markupToText, tidy } from './markup';
import { definitionsInFileOrder, type Definition, type DictionaryReader } from './reader';

const MAX_IDX_BYTES = 200 * 1024 * 1024;
const MAX_WORDS = 5_000_000;

export interface StarDictInfo {
  version: string;
  bookname: string;
  wordcount: number;
  synwordcount: number;
  idxfilesize: number;
  idxoffsetbits: 32 | 64;
  sametypesequence?: string;
  lang?: string;
}

/** Reads `.ifo`: its first line is the magic, then `key=value` lines. */
export function parseIfo(text: string, file: string): StarDictInfo {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== "StarDict's dict ifo file") throw new DictionaryFileError(file, t('dictFile.notIfo'));
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const eq = line.indexOf('=');
    if (eq > 0) fields.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const count = (key: string, required: boolean) => {
    const value = fields.get(key);
    if (value === undefined && !required) return 0;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) throw new DictionaryFileError(file, t('dictFile.noValid', { key }));
    return n;
  };
  const version = fields.get('version') ?? '';
  if (!['2.4.2', '3.0.0'].includes(version)) throw new DictionaryFileError(file, t('dictFile.version', { version }));
  const bits = fields.get('idxoffsetbits') ?? '32';
  if (bits !== '32' && bits !== '64') throw new DictionaryFileError(file, t('dictFile.offsetBits', { bits }));
  const info: StarDictInfo = {
    version,
    bookname: fields.get('bookname') || basename(file, '.ifo'),
    wordcount: count('wordcount', true),
    synwordcount: count('synwordcount', false),
    idxfilesize: count('idxfilesize', true),
    idxoffsetbits: bits === '64' ? 64 : 32,
    sametypesequence: fields.get('sametypesequence') || undefined,
    lang: fields.get('lang') || undefined,
  };
  if (info.wordcount > MAX_WORDS || info.synwordcount > MAX_WORDS) throw new DictionaryFileError(file, t('dictFile.tooManyWords', { count: String(info.wordcount), max: String(MAX_WORDS) }));
  return info;
}

/** Name and word count from the `.ifo` alone. */
export async function peekStarDict(ifoPath: string): Promise<{ name: string; entries: number; from?: string; to?: string }> {
  const text = decodeText((await readFile(ifoPath)).subarray(0, 64 * 1024));
  if (text === undefined) throw new DictionaryFileError(ifoPath, t('dictFile.ifoNotText'));
  const info = parseIfo(text, ifoPath);
  return { name: info.bookname, entries: info.wordcount, ...languagesOf(info, ifoPath) };
}

function languagesOf(info: StarDictInfo, ifoPath: string): { from?: string; to?: string } {
  const declared = info.lang?.split(/[-_>]/).map((code) => languageTag(code.trim()));
  return declared?.[0] && declared[1] ? { from: declared[0], to: declared[1] } : languagesFromName(basename(ifoPath, '.ifo'));
}

function companion(base: string, ...endings: string[]): string | undefined {
  return endings.map((ending) => base + ending).find((path) => existsSync(path));
}

/** Definition fields as the entry stores them, turned into text; binary fields (sounds, pictures) are left out. */
export function decodeEntry(bytes: Buffer, sametypesequence: string | undefined, file: string): string {
  const parts: string[] = [];
  const field = (type: string, data: Buffer) => {
    if (type !== type.toLowerCase()) return; // upper case: binary resources
    const text = decodeText(data);
    if (text === undefined) throw new DictionaryFileError(file, t('dictFile.binaryDefinition'));
    if ('hxgkw'.includes(type)) parts.push(markupToText(text));
    else if (type === 't') parts.push(`/${tidy(text)}/`);
    else parts.push(tidy(text));
  };
  let at = 0;
  const readField = (type: string, last: boolean) => {
    if (type === type.toLowerCase()) {
      const end = last ? bytes.length : bytes.indexOf(0, at);
      if (end < 0) throw new DictionaryFileError(file, t('dictFile.fieldNoEnd'));
      field(type, bytes.subarray(at, end));
      at = end + 1;
    } else {
      const size = last ? bytes.length - at : at + 4 <= bytes.length ? bytes.readUInt32BE(at) : -1;
      if (size < 0) throw new DictionaryFileError(file, t('dictFile.fieldNoSize'));
      if (!last) at += 4;
      if (at + size > bytes.length) throw new DictionaryFileError(file, t('dictFile.fieldTooLong'));
      at += size;
    }
  };
  if (sametypesequence) {
    [...sametypesequence].forEach((type, i) => readField(type, i === sametypesequence.length - 1));
  } else {
    while (at < bytes.length) {
      const type = String.fromCharCode(bytes[at]!);
      at++;
      readField(type, false);
    }
  }
  return parts.filter(Boolean).join('\n');
}

/** Opens a StarDict dictionary from its `.ifo` with `.idx`(`.gz`), `.dict`(`.dz`) and an optional `.syn` beside it. */
export async function openStarDict(ifoPath: string): Promise<DictionaryReader> {
  const base = ifoPath.replace(/\.ifo$/, '');
  const ifoBytes = await readFile(ifoPath);
  const ifoText = decodeText(ifoBytes.subarray(0, 64 * 1024));
  if (ifoText === undefined) throw new DictionaryFileError(ifoPath, t('dictFile.ifoNotText'));
  const info = parseIfo(ifoText, ifoPath);
  const idxPath = companion(base, '.idx', '.idx.gz', '.idx.dz');
  const dataPath = companion(base, '.dict.dz', '.dict');
  if (!idxPath) throw new DictionaryFileError(ifoPath, t('dictFile.noIdx', { base: basename(base) }));
  if (!dataPath) throw new DictionaryFileError(ifoPath, t('dictFile.noDict', { base: basename(base) }));

  let idx = await readFile(idxPath);
  if (idxPath.endsWith('.gz') || idxPath.endsWith('.dz')) {
    try {
      idx = gunzipSync(idx, { maxOutputLength: MAX_IDX_BYTES });
    } catch {
      throw new DictionaryFileError(idxPath, t('dictFile.idxUnpack', { size: String(MAX_IDX_BYTES / 1048576) }));
    }
  }
  if (idx.length > MAX_IDX_BYTES) throw new DictionaryFileError(idxPath, t('dictFile.idxTooLarge', { size: String(MAX_IDX_BYTES / 1048576) }));
  if (idx.length !== info.idxfilesize) throw new DictionaryFileError(idxPath, t('dictFile.idxSize', { size: String(idx.length), expected: String(info.idxfilesize) }));

  const headwords = new HeadwordIndex();
  const wide = info.idxoffsetbits === 64;
  const offsets: number[] = [];
  const sizes: number[] = [];
  let at = 0;
  let end = 0;
  while (at < idx.length) {
    const zero = idx.indexOf(0, at);
    const recordEnd = zero + 1 + (wide ? 12 : 8);
    if (zero < 0 || recordEnd > idx.length) throw new DictionaryFileError(idxPath, t('dictFile.cutShortAfter', { count: String(offsets.length) }));
    const word = idx.toString('utf8', at, zero);
    const offset = wide ? Number(idx.readBigUInt64BE(zero + 1)) : idx.readUInt32BE(zero + 1);
    const size = idx.readUInt32BE(zero + 1 + (wide ? 8 : 4));
    if (size > MAX_DEFINITION_BYTES) throw new DictionaryFileError(idxPath, t('dictFile.definitionTooLarge', { size: megabytes(size), word: word.slice(0, 40), max: String(MAX_DEFINITION_BYTES / 1024) }));
    headwords.add(word, offsets.length);
    offsets.push(offset);
    sizes.push(size);
    end = Math.max(end, offset + size);
    at = recordEnd;
  }
  if (offsets.length !== info.wordcount) throw new DictionaryFileError(idxPath, t('dictFile.wordCount', { count: String(offsets.length), expected: String(info.wordcount) }));

  const synPath = companion(base, '.syn');
  if (synPath) {
    const syn = await readFile(synPath);
    let s = 0;
    while (s < syn.length) {
      const zero = syn.indexOf(0, s);
      if (zero < 0 || zero + 5 > syn.length) throw new DictionaryFileError(synPath, t('dictFile.synCutShort'));
      const target = syn.readUInt32BE(zero + 1);
      if (target >= offsets.length) throw new DictionaryFileError(synPath, t('dictFile.synPoints', { word: String(target + 1), total: String(offsets.length) }));
      headwords.add(syn.toString('utf8', s, zero), target, true);
      s = zero + 5;
    }
  }

  const data = await openDataFile(dataPath, dataPath);
  if (end > data.size) {
    await data.close();
    throw new DictionaryFileError(idxPath, t('dictFile.pastEnd', { data: basename(dataPath) }));
  }
  const languages = languagesOf(info, ifoPath);

  return {
    name: info.bookname,
    ...languages,
    entries: info.wordcount,
    headwords,
    async definitions(key) {
      const matches = headwords.find(key);
      const bytes = await data.readAll(matches.map(({ record }) => ({ offset: offsets[record]!, length: sizes[record]! })));
      return matches.map(({ headword, synonym }, i): Definition => ({ headword, definition: decodeEntry(bytes[i]!, info.sametypesequence, dataPath), synonym }));
    },
    definitionsOf: (keys) => definitionsInFileOrder(keys, headwords, data, (record) => ({ offset: offsets[record]!, length: sizes[record]! }), (bytes) => decodeEntry(bytes, info.sametypesequence, dataPath)),
    close: () => data.close(),
  };
}
