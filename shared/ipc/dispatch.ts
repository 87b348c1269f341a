import type { z } from 'zod';
import { contract, isChannel, type Handlers } from './contract';
import { FacingError, type Result } from './errors';

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/**
 * The one gate every request passes: unknown channels and payloads that fail the channel's schema
 * never reach a handler. Errors come back as data, never thrown across the boundary.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `There is no channel named ${JSON.stringify(String(channel)).slice(0, 80)}.` } };
  }
  const parsed = contract[channel].request.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-request', message: `The request to ${channel} is malformed.`, issues: describeIssues(parsed.error) },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof FacingError) return { ok: false, error: error.toInfo() };
    onInternalError(error);
    return { ok: false, error: { code: 'internal', message: `Facing could not complete ${channel}. Details are in the log.` } };
  }
}
