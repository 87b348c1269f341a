import yauzl from 'yauzl';
import { ImportRefused } from './errors';
import { t } from '../../../shared/i18n/current';

/** Limits that keep a hostile archive from filling memory or time: EPUB and DOCX alike. */
export const ZIP_LIMITS = { totalBytes: 200 * 1024 * 1024, entries: 5000, ratio: 200 };

/**
 * Checks every entry of a zip archive against the limits and inflates only the entries `wanted`
 * asks for (the text, never the pictures). Sizes are checked as declared and again while inflating,
 * so an entry that lies about its size is caught too.
 */
export function readZip(bytes: Buffer, subject: string, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error || !zip) return reject(new ImportRefused(t('zip.unreadable', { subject, reason: error?.message ?? t('service.unknownError') })));
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
      zip.on('error', (e: Error) => fail(/relative path|absolute path|invalid characters/i.test(e.message) ? t('zip.outside', { subject, detail: e.message }) : t('zip.damaged', { subject, reason: e.message })));
      zip.on('entry', (entry: yauzl.Entry) => {
        count++;
        declared += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.fileName.split('/').includes('..')) return fail(t('zip.outside', { subject, detail: `"${entry.fileName}"` }));
        if (count > ZIP_LIMITS.entries) return fail(t('zip.tooManyFiles', { subject, count: String(ZIP_LIMITS.entries) }));
        if (declared > ZIP_LIMITS.totalBytes || (ratio > ZIP_LIMITS.ratio && entry.uncompressedSize > 1024 * 1024)) {
          return fail(t('zip.bombRatio', { subject, ratio: String(Math.round(ratio)), file: entry.fileName, size: String(Math.round(declared / 1048576)) }));
        }
        if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(t('zip.damaged', { subject, reason: String(streamError?.message) }));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > ZIP_LIMITS.totalBytes) {
              stream.destroy();
              fail(t('zip.bombTotal', { subject, size: String(ZIP_LIMITS.totalBytes / 1048576) }));
            } else chunks.push(chunk);
          });
          stream.on('error', (e) => fail(t('zip.damaged', { subject, reason: e.message })));
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
