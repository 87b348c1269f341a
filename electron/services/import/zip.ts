import yauzl from 'yauzl';
import { ImportRefused } from './errors';

/** Limits that keep a hostile archive from filling memory or time: EPUB and DOCX alike. */
export const ZIP_LIMITS = { totalBytes: 200 * 1024 * 1024, entries: 5000, ratio: 200 };

/**
 * Checks every entry of a zip archive against the limits and inflates only the entries `wanted`
 * asks for (the text, never the pictures). Sizes are checked as declared and again while inflating,
 * so an entry that lies about its size is caught too.
 */
export function readZip(bytes: Buffer, kind: string, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error || !zip) return reject(new ImportRefused(`This ${kind} is not a readable zip archive (${error?.message ?? 'unknown error'}).`));
      const files = new Map<string, Buffer>();
      let declared = 0;
      let inflated = 0;
      let count = 0;
      let failed = false;
      const fail = (reason: string) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(new ImportRefused(reason));
      };
      zip.on('error', (e: Error) => fail(/relative path|absolute path|invalid characters/i.test(e.message) ? `This ${kind} has an entry that points outside its folder (${e.message}); it was refused.` : `This ${kind} is damaged: ${e.message}`));
      zip.on('entry', (entry: yauzl.Entry) => {
        count++;
        declared += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.fileName.split('/').includes('..')) return fail(`This ${kind} has an entry that points outside its folder ("${entry.fileName}"); it was refused.`);
        if (count > ZIP_LIMITS.entries) return fail(`This ${kind} has more than ${ZIP_LIMITS.entries} files; it was refused.`);
        if (declared > ZIP_LIMITS.totalBytes || (ratio > ZIP_LIMITS.ratio && entry.uncompressedSize > 1024 * 1024)) {
          return fail(`This ${kind} expands to far more than its size (${Math.round(ratio)}-fold for "${entry.fileName}", ${Math.round(declared / 1048576)} MB in all), as archive bombs do; it was refused.`);
        }
        if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(`This ${kind} is damaged: ${streamError?.message}`);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > ZIP_LIMITS.totalBytes) {
              stream.destroy();
              fail(`This ${kind} expands to more than ${ZIP_LIMITS.totalBytes / 1048576} MB, as archive bombs do; it was refused.`);
            } else chunks.push(chunk);
          });
          stream.on('error', (e) => fail(`This ${kind} is damaged: ${e.message}`));
          stream.on('end', () => {
            if (failed) return;
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => !failed && resolve(files));
      zip.readEntry();
    });
  });
}
