import type { z } from 'zod';
import { contract, isChannel, type Handlers } from './contract';
import { FacingError, type Result } from './errors';
import { t } from '../i18n/current';
import type { MessageKey } from '../i18n/en';

const fieldKeys: Partial<Record<string, MessageKey>> = {
  title: 'field.title',
  author: 'field.author',
  language: 'field.language',
  date: 'field.date',
  source: 'field.source',
  translationOf: 'field.translationOf',
  id: 'field.id',
  name: 'field.name',
  note: 'field.note',
  tags: 'field.tags',
  colour: 'field.colour',
  query: 'field.query',
  url: 'field.url',
  username: 'field.username',
  password: 'field.password',
  database: 'field.database',
  displayName: 'field.displayName',
};

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** "translationOf" → "Translation of": the field a problem is about, as a person would name it. */
function fieldName(path: readonly PropertyKey[]): string | null {
  const key = [...path].reverse().find((k): k is string => typeof k === 'string');
  if (!key) return null;
  const known = fieldKeys[key];
  if (known) return t(known);
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What the user reads when a request is refused: the first problem, naming its field. A schema
 * message written as a whole sentence ("Date must look like 2025-12-22.") is used as it stands.
 */
export function validationMessage(channel: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return t('ipc.malformed', { channel });
  if (/^\p{Lu}.*\.$/u.test(issue.message)) return issue.message;
  const field = fieldName(issue.path);
  return field ? t('ipc.fieldProblem', { field, problem: issue.message }) : t('ipc.malformedBecause', { channel, problem: issue.message });
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
    return { ok: false, error: { code: 'unknown-channel', message: t('ipc.noChannel', { name: JSON.stringify(String(channel)).slice(0, 80) }) } };
  }
  const parsed = contract[channel].request.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-request', message: validationMessage(channel, parsed.error), issues: describeIssues(parsed.error) },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof FacingError) return { ok: false, error: error.toInfo() };
    onInternalError(error);
    return { ok: false, error: { code: 'internal', message: t('ipc.internal', { channel }) } };
  }
}
