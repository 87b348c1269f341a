import { channels } from '../../shared/ipc/channels';
import type { FacingBridge } from '../../shared/ipc/contract';

const known = new Set<string>(channels);

/** The renderer gets this one function, never ipcRenderer itself, and only for contract channels. */
export function createBridge(ipcRenderer: { invoke(channel: string, payload: unknown): Promise<unknown> }): FacingBridge {
  return {
    invoke(channel, payload) {
      if (typeof channel !== 'string' || !known.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel).slice(0, 80)}`));
      return ipcRenderer.invoke(channel, payload);
    },
  };
}

export function exposeBridge(
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void },
  ipcRenderer: { invoke(channel: string, payload: unknown): Promise<unknown> },
): void {
  contextBridge.exposeInMainWorld('facing', createBridge(ipcRenderer));
}
