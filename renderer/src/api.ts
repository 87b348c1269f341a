import { createApi } from '../../shared/ipc/client';
import type { FacingBridge } from '../../shared/ipc/contract';

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

function httpBridge(): FacingBridge {
  const token = takeToken();
  return {
    async invoke(channel, payload) {
      let response: Response;
      try {
        response = await fetch(`api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-facing-token': token },
          body: JSON.stringify(payload ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Facing’s local server is not answering. Is `npm run web` still running?' } };
      }
      if (response.status === 401) {
        return { ok: false, error: { code: 'invalid-request', message: 'This tab has no valid access token. Open the address that `npm run web` printed.' } };
      }
      return response.json();
    },
  };
}

export const api = createApi(window.facing ?? httpBridge());
