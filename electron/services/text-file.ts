import { open } from 'node:fs/promises';
import { t, translator } from '../../shared/i18n/current';

export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export class UnreadableTextError extends Error {}

/**
 * Reads a text file as strict UTF-8. Refuses files that are too large, contain NUL bytes
 * (binary data) or are not valid UTF-8, with a message a user can act on.
 */
export async function readUtf8File(path: string, maxBytes = MAX_TEXT_BYTES): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableTextError(code === 'ENOENT' ? t('textFile.missing') : t('textFile.cannotOpen', { code: code ?? t('service.unknownError') }));
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new UnreadableTextError(t('textFile.tooLarge', { size: translator().number(size / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }), limit: String(maxBytes / 1048576) }));
    }
    return decodeText(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/**
 * Strict UTF-8, or UTF-16 when a byte order mark says so (what Windows Notepad writes as "Unicode").
 * Binary data and other encodings are refused with a message, never guessed at.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new UnreadableTextError(t('textFile.badUtf16', { encoding: utf16.toUpperCase() }));
    }
    if (text.includes('\u0000')) throw new UnreadableTextError(t('textFile.binary'));
    return text;
  }
  if (bytes.includes(0)) throw new UnreadableTextError(t('textFile.binary'));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableTextError(t('textFile.notUtf8'));
  }
}
