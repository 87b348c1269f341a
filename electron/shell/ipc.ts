import { channels, type Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Result } from '../../shared/ipc/errors';
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
