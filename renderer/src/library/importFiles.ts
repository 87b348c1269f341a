import { MAX_IMPORT_FILE_BYTES } from '../../../shared/ipc/contract';
import type { DocumentSummary, PairSuggestion } from '../../../shared/model/document';
import { api } from '../api';
import { importPairFile, isPairFile } from './importPair';
import { t } from '../../../shared/i18n/current';

export interface ImportReport {
  name: string;
  document?: DocumentSummary;
  suggestions?: PairSuggestion[];
  /** The file had been imported before; `document` is the copy already there. */
  duplicate?: boolean;
  error?: string;
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let k = 0; k < view.length; k += 0x8000) binary += String.fromCharCode(...view.subarray(k, k + 0x8000));
  return btoa(binary);
}

/** Imports files one after another, reporting progress (a part of a file while a big pair file is read); a refused file never stops the others. */
export async function importFiles(files: readonly File[], progress: (done: number, total: number, current: string) => void): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const [k, file] of files.entries()) {
    progress(k, files.length, file.name);
    if (isPairFile(file.name)) {
      reports.push(await importPairFile(file, (fraction) => progress(k + fraction, files.length, file.name)));
      continue;
    }
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      reports.push({ name: file.name, error: t('import.tooLarge', { name: file.name, size: Math.round(file.size / 1048576), limit: MAX_IMPORT_FILE_BYTES / 1048576 }) });
      continue;
    }
    try {
      const outcome = await api.invoke('documents:import', { name: file.name, data: toBase64(await file.arrayBuffer()) });
      reports.push({ name: file.name, document: outcome.document, suggestions: outcome.suggestions, ...(outcome.duplicate ? { duplicate: true } : {}) });
    } catch (error) {
      reports.push({ name: file.name, error: (error as Error).message });
    }
  }
  progress(files.length, files.length, '');
  return reports;
}
