import { MAX_IMPORT_FILE_BYTES } from '../../../shared/ipc/contract';
import type { DictionaryInfo } from '../../../shared/dictionary/model';
import { api } from '../api';
import { readGlossaryCsv } from '../../../shared/glossary/csv';
import { mergeEntries } from '../../../shared/glossary/glossary';
import { t } from '../../../shared/i18n/current';

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let k = 0; k < view.length; k += 0x8000) binary += String.fromCharCode(...view.subarray(k, k + 0x8000));
  return btoa(binary);
}

/** The most files one request carries (the contract's limit). */
export const MAX_DICTIONARY_FILES = 20;

/** Sends dictionary files (loose, or a .zip/.tar.gz of them) to be checked and copied into the data folder. */
export async function addDictionaryFiles(files: readonly File[]): Promise<DictionaryInfo[]> {
  if (files.length > MAX_DICTIONARY_FILES) throw new Error(t('dict.tooMany', { count: MAX_DICTIONARY_FILES }));
  const tooLarge = files.find((f) => f.size > MAX_IMPORT_FILE_BYTES);
  if (tooLarge) throw new Error(t('dict.tooLarge', { name: tooLarge.name, size: Math.round(tooLarge.size / 1048576), limit: MAX_IMPORT_FILE_BYTES / 1048576 }));
  const encoded = await Promise.all(files.map(async (f) => ({ name: f.name, data: toBase64(await f.arrayBuffer()) })));
  return api.invoke('dictionaries:add', { files: encoded });
}

/** Adds a term and one translation to the glossary of a language pair, keeping what is there. */
export async function addToGlossary(source: string, target: string, term: string, translation: string): Promise<void> {
  const current = await api.invoke('glossary:export', { source, target, format: 'csv' });
  const glossary = readGlossaryCsv(current.text, source, target);
  const entries = mergeEntries([...glossary.entries, { term, translations: [translation] }]);
  await api.invoke('glossary:set', { glossary: { source: glossary.source, target: glossary.target, entries } });
}
