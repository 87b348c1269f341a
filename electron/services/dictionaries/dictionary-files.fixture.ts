// Builds real dictionary files for tests (and the e2e that installs one through the UI).
import { deflateRawSync, gzipSync, constants } from 'node:zlib';

/** dictzip: gzip whose extra field "RA" lists independently inflatable chunks. */
export function dictzip(data: Buffer, chunkLength = 1024): Buffer {
  const chunks: Buffer[] = [];
  for (let at = 0; at < data.length || chunks.length === 0; at += chunkLength) {
    chunks.push(deflateRawSync(data.subarray(at, at + chunkLength), { finishFlush: constants.Z_FULL_FLUSH }));
  }
  const ra = Buffer.alloc(6 + chunks.length * 2);
  ra.writeUInt16LE(1, 0);
  ra.writeUInt16LE(chunkLength, 2);
  ra.writeUInt16LE(chunks.length, 4);
  chunks.forEach((c, i) => ra.writeUInt16LE(c.length, 6 + i * 2));
  const extra = Buffer.concat([Buffer.from('RA'), Buffer.from([ra.length & 255, ra.length >> 8]), ra]);
  const header = Buffer.from([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 2, 3, extra.length & 255, extra.length >> 8]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  return Buffer.concat([header, extra, ...chunks, trailer]);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export function dictdNumber(n: number): string {
  let out = '';
  do {
    out = B64[n % 64] + out;
    n = Math.floor(n / 64);
  } while (n > 0);
  return out;
}

/** A dictd dictionary: `.index` and `.dict.dz` (or `.dict`), headwords lower-cased as dictd writes them. */
export function makeDictd(name: string, entries: Array<[string, string]>, options: { compressed?: boolean } = {}) {
  const parts: Buffer[] = [];
  const lines: string[] = [];
  let offset = 0;
  for (const [word, definition] of [['00databaseshort', `00databaseshort\n${name}`] as [string, string], ...entries]) {
    const bytes = Buffer.from(definition);
    lines.push(`${word.toLowerCase()}\t${dictdNumber(offset)}\t${dictdNumber(bytes.length)}`);
    parts.push(bytes);
    offset += bytes.length;
  }
  const data = Buffer.concat(parts);
  return {
    index: Buffer.from(lines.join('\n') + '\n'),
    dict: options.compressed === false ? data : dictzip(data),
    dictName: options.compressed === false ? 'dict' : 'dict.dz',
  };
}

/** A StarDict dictionary: `.ifo`, `.idx` (or `.idx.gz`), `.dict.dz` and, with synonyms, `.syn`. */
export function makeStarDict(
  bookname: string,
  entries: Array<[string, string]>,
  options: { sametypesequence?: string; synonyms?: Array<[string, number]>; gzipIndex?: boolean; lang?: string } = {},
) {
  const sorted = [...entries].sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase()));
  const idxParts: Buffer[] = [];
  const dictParts: Buffer[] = [];
  let offset = 0;
  for (const [word, definition] of sorted) {
    const body = options.sametypesequence ? Buffer.from(definition) : Buffer.concat([Buffer.from('m'), Buffer.from(definition), Buffer.from([0])]);
    const record = Buffer.alloc(8);
    record.writeUInt32BE(offset, 0);
    record.writeUInt32BE(body.length, 4);
    idxParts.push(Buffer.from(word), Buffer.from([0]), record);
    dictParts.push(body);
    offset += body.length;
  }
  const idx = Buffer.concat(idxParts);
  const syn = options.synonyms
    ? Buffer.concat(options.synonyms.flatMap(([word, target]) => {
        const n = Buffer.alloc(4);
        n.writeUInt32BE(target, 0);
        return [Buffer.from(word), Buffer.from([0]), n];
      }))
    : undefined;
  const ifo = [
    "StarDict's dict ifo file",
    'version=2.4.2',
    `wordcount=${sorted.length}`,
    `idxfilesize=${idx.length}`,
    `bookname=${bookname}`,
    ...(options.sametypesequence ? [`sametypesequence=${options.sametypesequence}`] : []),
    ...(syn ? [`synwordcount=${options.synonyms!.length}`] : []),
    ...(options.lang ? [`lang=${options.lang}`] : []),
    '',
  ].join('\n');
  return {
    ifo: Buffer.from(ifo),
    idx: options.gzipIndex ? gzipSync(idx) : idx,
    idxName: options.gzipIndex ? 'idx.gz' : 'idx',
    dict: dictzip(Buffer.concat(dictParts)),
    syn,
    /** The words in .idx order, for synonym targets. */
    order: sorted.map(([w]) => w),
  };
}
