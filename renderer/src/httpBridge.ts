import type { FacingBridge } from '../../shared/ipc/contract';
import type { ErrorCode, Result } from '../../shared/ipc/errors';
import { t } from '../../shared/i18n/current';

const failure = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/**
 * The web host's answer as a result: its JSON result when it sent one, otherwise the server's own
 * words (a refusal, a limit), whatever the status or content type, never a JSON parse error.
 */
export async function readAnswer(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'ok' in parsed) return parsed;
  } catch {
    // Not JSON: the message below says what the server did say.
  }
  const said = text.replace(/\s+/g, ' ').trim().slice(0, 400);
  const code = response.status >= 500 ? 'internal' : 'invalid-request';
  return failure(code, said || t('bridge.serverAnswered', { status: `${response.status} ${response.statusText}`.trim() }));
}

/** The transport of the renderer in a browser: the contract's channels as POSTs to the loopback web host. */
export function httpBridge(token: string, base: string | URL): FacingBridge {
  return {
    async invoke(channel, payload) {
      let response: Response;
      try {
        response = await fetch(new URL(`api/${encodeURIComponent(channel)}`, base), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-facing-token': token },
          body: JSON.stringify(payload ?? {}),
        });
      } catch {
        return failure('internal', t('bridge.notAnswering'));
      }
      return readAnswer(response);
    },
    /** The file as the raw body of `POST /api/upload` (streamed from disk by the browser), not base64 in JSON. */
    async upload(file) {
      let response: Response;
      try {
        response = await fetch(new URL('api/upload', base), {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', 'x-facing-token': token },
          body: file as Blob,
        });
      } catch {
        return failure('internal', t('bridge.notAnswering'));
      }
      return readAnswer(response);
    },
  };
}
