import type { Channel, FacingApi, FacingBridge, UploadBody } from './contract';
import { ErrorInfoSchema, FacingError, type ErrorInfo, type Result } from './errors';

function asResult(raw: unknown): Result<unknown> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    if (raw.ok === true && 'value' in raw) return { ok: true, value: raw.value };
    if (raw.ok === false && 'error' in raw) {
      const info = ErrorInfoSchema.safeParse(raw.error);
      if (info.success) return { ok: false, error: info.data };
    }
  }
  const error: ErrorInfo = { code: 'internal', message: 'The answer from the Facing backend was not understood.' };
  return { ok: false, error };
}

/** Wraps a raw transport (the preload bridge or HTTP) into the typed API; failures become FacingError. */
export function createApi(bridge: FacingBridge): FacingApi {
  const upload = bridge.upload?.bind(bridge);
  return {
    async invoke(channel: Channel, request: unknown) {
      const result = asResult(await bridge.invoke(channel, request));
      if (!result.ok) throw FacingError.fromInfo(result.error);
      return result.value as never;
    },
    ...(upload && {
      async upload(file: UploadBody) {
        const result = asResult(await upload(file));
        if (!result.ok) throw FacingError.fromInfo(result.error);
        const handle = (result.value as { upload?: unknown } | null)?.upload;
        if (typeof handle !== 'string') throw FacingError.fromInfo({ code: 'internal', message: 'The answer from the Facing backend was not understood.' });
        return handle;
      },
    }),
  } as FacingApi;
}
