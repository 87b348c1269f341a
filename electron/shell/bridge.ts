import { channels } from '../../shared/ipc/channels';
import type { FacingBridge } from '../../shared/ipc/contract';

const known = new Set<string>(channels);

/** Not a contract channel: the main process takes a path here only from `upload`, which gets it from a real File. */
export const UPLOAD_PATH_CHANNEL = 'facing:upload-path';

/** The path of a File the user picked or dropped (Electron's `webUtils.getPathForFile`); '' for any other object. */
export type PathForFile = (file: File) => string;

/**
 * The renderer gets these two functions, never ipcRenderer itself: `invoke` for contract channels only,
 * and `upload`, which hands the main process the path of a file the user chose (it reads the file
 * itself, instead of receiving it as base64). A path cannot be passed in, only a File.
 */
export function createBridge(ipcRenderer: { invoke(channel: string, payload: unknown): Promise<unknown> }, pathForFile?: PathForFile): FacingBridge {
  return {
    invoke(channel, payload) {
      if (typeof channel !== 'string' || !known.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel).slice(0, 80)}`));
      return ipcRenderer.invoke(channel, payload);
    },
    upload(file) {
      let path = '';
      try {
        path = pathForFile?.(file as File) ?? '';
      } catch {
        path = '';
      }
      if (!path) return Promise.resolve({ ok: false, error: { code: 'invalid-request', message: 'Only a file picked or dropped from disk can be uploaded.' } });
      return ipcRenderer.invoke(UPLOAD_PATH_CHANNEL, path);
    },
  };
}

export function exposeBridge(
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void },
  ipcRenderer: { invoke(channel: string, payload: unknown): Promise<unknown> },
  pathForFile?: PathForFile,
): void {
  contextBridge.exposeInMainWorld('facing', createBridge(ipcRenderer, pathForFile));
}
