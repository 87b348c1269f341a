import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../shared/ipc/channels';
import type { FacingBridge } from '../shared/ipc/contract';

const known = new Set<string>(channels);

// The renderer gets this one function, never ipcRenderer itself.
const bridge: FacingBridge = {
  invoke(channel, payload) {
    if (!known.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, payload);
  },
};

contextBridge.exposeInMainWorld('facing', bridge);
