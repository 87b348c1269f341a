import { isAbsolute } from 'node:path';
import { channels, type Handlers } from '../../shared/ipc/contract';
import { MAX_PAIR_FILE_BYTES } from '../../shared/formats/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { FacingError, type Result } from '../../shared/ipc/errors';
import type { Uploads } from '../services/exchange/uploads';
import { UPLOAD_PATH_CHANNEL } from './bridge';
import { isAppUrl } from './protocol';
import { strings } from './strings';

/** What the sender check reads of an IpcMainInvokeEvent. */
export interface InvokeEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

/** Only Facing's own top frame, showing app://facing, in Facing's own window may call a handler. */
export function isTrustedSender(event: InvokeEvent, windowContents: unknown): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && !!windowContents && event.sender === windowContents && isAppUrl(frame.url);
}

/** Binds every contract channel, once, to the handler table behind the sender check and `dispatch`. */
export function registerIpc(
  ipcMain: { handle(channel: string, listener: (event: InvokeEvent, payload: unknown) => Promise<Result<unknown>>): void },
  handlers: Handlers,
  windowContents: () => unknown,
  log: (channel: string, error: unknown) => void = (channel, error) => console.error(`[${channel}]`, error),
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload) => {
      if (!isTrustedSender(event, windowContents())) return { ok: false, error: { code: 'invalid-request', message: strings.refused } };
      return dispatch(handlers, channel, payload, (error) => log(channel, error));
    });
  }
}

/**
 * The preload's `upload`: the path of a file the user picked or dropped, read by the main process
 * itself (a 50 MB TMX never crosses IPC as base64). Same sender check as the contract's channels.
 */
export function registerUploads(
  ipcMain: { handle(channel: string, listener: (event: InvokeEvent, payload: unknown) => Promise<Result<unknown>>): void },
  uploads: Pick<Uploads, 'fromPath'>,
  windowContents: () => unknown,
): void {
  ipcMain.handle(UPLOAD_PATH_CHANNEL, async (event, path) => {
    if (!isTrustedSender(event, windowContents())) return { ok: false, error: { code: 'invalid-request', message: strings.refused } };
    if (typeof path !== 'string' || path.length > 4096 || !isAbsolute(path)) return { ok: false, error: { code: 'invalid-request', message: strings.refused } };
    try {
      return { ok: true, value: { upload: await uploads.fromPath(path, MAX_PAIR_FILE_BYTES) } };
    } catch (error) {
      return { ok: false, error: { code: error instanceof FacingError ? error.code : 'invalid-request', message: (error as Error).message } };
    }
  });
}
