import { basename } from 'node:path';

/** A dictionary file that cannot be used; the message names the file and says what is wrong. */
export class DictionaryFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${basename(file)} ${problem}.`);
    this.name = 'DictionaryFileError';
  }
}
