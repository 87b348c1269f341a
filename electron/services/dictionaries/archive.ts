import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { readZip } from '../import/zip';
import { t } from '../../../shared/i18n/current';

/** Files a dictionary is made of; nothing else is taken from an archive or a drop. */
export const DICTIONARY_FILE = /\.(ifo|idx|idx\.gz|idx\.dz|syn|dict|dict\.dz|index)$/i;
export const ARCHIVE_LIMITS = { totalBytes: 400 * 1024 * 1024, entries: 200 };

export interface NamedFile {
  name: string;
  data: Buffer;
}

export class ArchiveRefused extends Error {}

function checkName(archive: string, name: string) {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..')) {
    throw new ArchiveRefused(t('zip.outside', { subject: archive, detail: `"${name}"` }));
  }
}

/**
 * Unpacks gzip in the background (a stream, not gunzipSync), counting as it goes: a bomb is stopped at
 * the limit without holding the host, and other requests are answered meanwhile.
 */
async function gunzipWithin(archive: string, bytes: Buffer): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const refuse = () => new ArchiveRefused(t('zip.bombTotal', { subject: archive, size: String(ARCHIVE_LIMITS.totalBytes / 1048576) }));
  try {
    for await (const chunk of Readable.from([bytes]).pipe(createGunzip())) {
      total += (chunk as Buffer).length;
      if (total > ARCHIVE_LIMITS.totalBytes) throw refuse();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof ArchiveRefused) throw error;
    throw new ArchiveRefused(t('archive.notGzip', { subject: archive, reason: (error as Error).message }));
  }
  return Buffer.concat(chunks);
}

/** The dictionary files inside a .tar.gz / .tgz / .tar, within the same limits as a zip. */
async function readTar(archive: string, bytes: Buffer): Promise<NamedFile[]> {
  const tar = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzipWithin(archive, bytes) : bytes;
  const files: NamedFile[] = [];
  const reader = extract();
  reader.end(tar);
  let count = 0;
  try {
    for await (const entry of reader) {
      const { name, type } = entry.header;
      checkName(archive, name);
      if (++count > ARCHIVE_LIMITS.entries) throw new ArchiveRefused(t('zip.tooManyFiles', { subject: archive, count: String(ARCHIVE_LIMITS.entries) }));
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      if (type === 'file' && DICTIONARY_FILE.test(name)) files.push({ name: basename(name), data: Buffer.concat(chunks) });
    }
  } catch (error) {
    throw error instanceof ArchiveRefused ? error : new ArchiveRefused(t('archive.notTar', { subject: archive, reason: (error as Error).message }));
  }
  return files;
}

/**
 * The dictionary files among what the user gave: loose files as they are, archives (.zip, .tar.gz)
 * unpacked within limits. Folder parts of names are dropped; entries climbing out of their folder refuse the archive.
 */
export async function dictionaryFiles(given: NamedFile[]): Promise<NamedFile[]> {
  const out: NamedFile[] = [];
  for (const file of given) {
    const name = basename(file.name.replace(/\\/g, '/'));
    if (/\.zip$/i.test(name)) {
      let entries: Map<string, Buffer>;
      try {
        entries = await readZip(file.data, t('zip.thisArchive', { name }), (entry) => DICTIONARY_FILE.test(entry));
      } catch (error) {
        throw new ArchiveRefused(`${name}: ${(error as Error).message}`);
      }
      for (const [entry, data] of entries) out.push({ name: basename(entry), data });
    } else if (/\.(tar\.gz|tgz|tar)$/i.test(name)) {
      out.push(...(await readTar(name, file.data)));
    } else if (DICTIONARY_FILE.test(name)) {
      out.push({ name, data: file.data });
    } else {
      throw new ArchiveRefused(t('archive.notDictionary', { name }));
    }
  }
  return out;
}
