import { basename } from 'node:path';
import { t, translator } from '../../../shared/i18n/current';

/** A dictionary file that cannot be used; the message names the file and says what is wrong. */
export class DictionaryFileError extends Error {
  constructor(file: string, problem: string) {
    super(t('dictFile.error', { file: basename(file), problem }));
    this.name = 'DictionaryFileError';
  }
}

/** Megabytes with one decimal, as the interface language writes them (0.3, 0,3). */
export function megabytes(bytes: number): string {
  return translator().number(bytes / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
}
