import { createApi } from '../../shared/ipc/client';
import type { FacingBridge } from '../../shared/ipc/contract';
import { httpBridge } from './httpBridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the renderer runs in a browser against the web host. */
    facing?: FacingBridge;
  }
}

const TOKEN_KEY = 'facing.token';

/** The web host's per-run token arrives in the address; keep it for this tab and take it out of the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export const api = createApi(window.facing ?? httpBridge(takeToken(), window.location.href));
