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

/**
 * Documents sent to the services at once: the main process reads them in its import workers side by
 * side while it records the ones already read. Pair files go one at a time (each may ask which
 * languages to take, and reads up to 160 MB).
 */
export const IMPORTS_AT_ONCE = 3;

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let k = 0; k < view.length; k += 0x8000) binary += String.fromCharCode(...view.subarray(k, k + 0x8000));
  return btoa(binary);
}

async function importDocument(file: File): Promise<ImportReport> {
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return { name: file.name, error: t('import.tooLarge', { name: file.name, size: Math.round(file.size / 1048576), limit: MAX_IMPORT_FILE_BYTES / 1048576 }) };
  }
  try {
    const outcome = await api.invoke('documents:import', { name: file.name, data: toBase64(await file.arrayBuffer()) });
    return { name: file.name, document: outcome.document, suggestions: outcome.suggestions, ...(outcome.duplicate ? { duplicate: true } : {}) };
  } catch (error) {
    return { name: file.name, error: (error as Error).message };
  }
}

/**
 * Imports files a few at a time, reporting progress: how many are done (and the part read of a big
 * pair file) and the first file still under way. Reports come in the order of the files; a refused
 * file never stops the others.
 */
export async function importFiles(files: readonly File[], progress: (done: number, total: number, current: string) => void): Promise<ImportReport[]> {
  const reports: ImportReport[] = new Array(files.length);
  const underWay = new Map<number, number>();
  let done = 0;
  const report = () => {
    const first = Math.min(...underWay.keys());
    const partly = [...underWay.values()].reduce((sum, part) => sum + part, 0);
    progress(done + partly, files.length, underWay.size ? files[first]!.name : '');
  };
  let pairs: Promise<ImportReport | void> = Promise.resolve();
  let next = 0;
  const lane = async () => {
    for (let k = next++; k < files.length; k = next++) {
      const file = files[k]!;
      let finished = false;
      underWay.set(k, 0);
      report();
      if (isPairFile(file.name)) {
        // A progress answer may arrive after the import's own: it must not count the file twice.
        const partly = (fraction: number) => {
          if (finished) return;
          underWay.set(k, fraction);
          report();
        };
        const turn = pairs
          .then(() => importPairFile(file, partly))
          .catch((error: Error): ImportReport => ({ name: file.name, error: error.message }));
        pairs = turn;
        reports[k] = await turn;
      } else {
        reports[k] = await importDocument(file);
      }
      finished = true;
      underWay.delete(k);
      done++;
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(IMPORTS_AT_ONCE, files.length) }, lane));
  progress(files.length, files.length, '');
  return originalsFirst(reports);
}

/**
 * Files read side by side finish in any order, and the one recorded second is offered as the
 * translation of the other. As when files were imported one after another, the file dropped first is
 * taken as the original: a suggestion that points to a file dropped later is moved to that file.
 */
export function originalsFirst(reports: ImportReport[]): ImportReport[] {
  const dropped = new Map(reports.map((r, k) => [r.document?.id, k]));
  const out = reports.map((r) => ({ ...r, ...(r.suggestions ? { suggestions: [...r.suggestions] } : {}) }));
  for (const [k, report] of out.entries()) {
    const later = (report.suggestions ?? []).filter((s) => (dropped.get(s.id) ?? -1) > k);
    if (!later.length || !report.document) continue;
    report.suggestions = report.suggestions!.filter((s) => !later.includes(s));
    for (const s of later) {
      const translation = out[dropped.get(s.id)!]!;
      const { id, title, language } = report.document;
      translation.suggestions = [...(translation.suggestions ?? []), { ...s, id, title, language }].sort((x, y) => y.score - x.score);
    }
  }
  return out;
}
