import { posix } from 'node:path';
import yauzl from 'yauzl';
import { ImportRefused } from './errors';
import { htmlToBlocks, type Extracted } from './html';

/** Limits that keep a hostile archive from filling memory. */
export const EPUB_LIMITS = { totalBytes: 200 * 1024 * 1024, entries: 5000, ratio: 200 };

function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error || !zip) return reject(new ImportRefused(`This EPUB is not a readable zip archive (${error?.message ?? 'unknown error'}).`));
      const files = new Map<string, Buffer>();
      let total = 0;
      let count = 0;
      zip.on('error', (e: Error) => reject(new ImportRefused(/relative path|absolute path|invalid characters/i.test(e.message) ? `This EPUB has an entry that points outside its folder (${e.message}); it was refused.` : `This EPUB is damaged: ${e.message}`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        count++;
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.fileName.split('/').includes('..')) return reject(new ImportRefused(`This EPUB has an entry that points outside its folder ("${entry.fileName}"); it was refused.`));
        if (count > EPUB_LIMITS.entries) return reject(new ImportRefused(`This EPUB has more than ${EPUB_LIMITS.entries} files; it was refused.`));
        if (total > EPUB_LIMITS.totalBytes || (ratio > EPUB_LIMITS.ratio && entry.uncompressedSize > 1024 * 1024)) {
          return reject(new ImportRefused(`This EPUB expands to far more than its size (${Math.round(ratio)}-fold for "${entry.fileName}"), as archive bombs do; it was refused.`));
        }
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(new ImportRefused(`This EPUB is damaged: ${streamError?.message}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', (e) => reject(new ImportRefused(`This EPUB is damaged: ${e.message}`)));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

function attribute(xml: string, tag: string, name: string): string[] {
  const values: string[] = [];
  const pattern = new RegExp(`<${tag}\\b[^>]*\\b${name}\\s*=\\s*["']([^"']*)["']`, 'gi');
  for (const match of xml.matchAll(pattern)) values.push(match[1]!);
  return values;
}

function element(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(xml);
  return match?.[1]?.replace(/<[^>]+>/g, '').trim() || undefined;
}

/** An EPUB's text in reading (spine) order, with its title and language from the package file. */
export async function epubToBlocks(bytes: Buffer): Promise<Extracted> {
  const files = await readZip(bytes);
  const container = files.get('META-INF/container.xml')?.toString('utf8');
  const opfPath = container ? attribute(container, 'rootfile', 'full-path')[0] : undefined;
  const opf = opfPath ? files.get(opfPath)?.toString('utf8') : undefined;
  if (!opfPath || !opf) throw new ImportRefused('This EPUB has no package file (META-INF/container.xml or its OPF is missing).');
  const base = posix.dirname(opfPath);
  const manifest = new Map<string, string>();
  for (const match of opf.matchAll(/<item\b[^>]*>/gi)) {
    const id = /\bid\s*=\s*["']([^"']*)["']/i.exec(match[0])?.[1];
    const href = /\bhref\s*=\s*["']([^"']*)["']/i.exec(match[0])?.[1];
    if (id && href) manifest.set(id, href);
  }
  const blocks: Extracted['blocks'] = [];
  for (const idref of attribute(opf, 'itemref', 'idref')) {
    const href = manifest.get(idref);
    if (!href) continue;
    const path = posix.normalize(posix.join(base, decodeURIComponent(href)));
    const page = files.get(path);
    if (page) blocks.push(...htmlToBlocks(page.toString('utf8'), { xml: true }).blocks);
  }
  const title = element(opf, 'dc:title');
  const language = element(opf, 'dc:language');
  return { blocks, ...(title ? { title } : {}), ...(language ? { language } : {}) };
}
