import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/ipc/channels';
import { exposeBridge, UPLOAD_PATH_CHANNEL } from './bridge';
import { createFakeElectron } from './fake-electron';

describe('the preload bridge', () => {
  it('exposes one object, window.facing, with invoke and upload and nothing else', () => {
    const { contextBridge, ipcRenderer } = createFakeElectron();
    exposeBridge(contextBridge, ipcRenderer);
    expect([...contextBridge.exposed.keys()]).toEqual(['facing']);
    const bridge = contextBridge.exposed.get('facing') as Record<string, unknown>;
    expect(Object.keys(bridge)).toEqual(['invoke', 'upload']);
    expect(bridge).not.toHaveProperty('send');
    expect(bridge).not.toHaveProperty('on');
  });

  it('forwards contract channels and refuses every other one without touching ipcRenderer', async () => {
    const { contextBridge, ipcRenderer } = createFakeElectron();
    exposeBridge(contextBridge, ipcRenderer);
    const bridge = contextBridge.exposed.get('facing') as { invoke(channel: unknown, payload: unknown): Promise<unknown> };
    for (const channel of channels) await bridge.invoke(channel, { x: 1 });
    expect(ipcRenderer.invoked.map(([channel]) => channel)).toEqual([...channels]);
    for (const channel of ['ELECTRON_BROWSER_REQUIRE', 'app:quit', 'constructor', '__proto__', 'toString', '', 42, null]) {
      await expect(bridge.invoke(channel, {}), String(channel)).rejects.toThrow(/Unknown channel/);
    }
    expect(ipcRenderer.invoked).toHaveLength(channels.length);
  });

  it('uploads only a File with a path on disk, by that path, never a path passed in', async () => {
    const { contextBridge, ipcRenderer } = createFakeElectron();
    const picked = { name: 'big.tmx' };
    exposeBridge(contextBridge, ipcRenderer, (file) => (file === (picked as unknown) ? '/home/me/big.tmx' : ''));
    const bridge = contextBridge.exposed.get('facing') as { upload(file: unknown): Promise<unknown> };
    for (const forged of ['/etc/passwd', { path: '/etc/passwd' }, null, 42]) {
      expect(await bridge.upload(forged)).toMatchObject({ ok: false });
    }
    expect(ipcRenderer.invoked).toEqual([]);
    await bridge.upload(picked);
    expect(ipcRenderer.invoked).toEqual([[UPLOAD_PATH_CHANNEL, '/home/me/big.tmx']]);
  });
});
