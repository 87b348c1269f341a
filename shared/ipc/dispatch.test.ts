import { describe, expect, it } from 'vitest';
import type { Handlers } from './contract';
import { dispatch } from './dispatch';

// Validation happens before any handler runs, so none is needed here.
const noHandlers = {} as Handlers;

async function refusal(channel: string, payload: unknown) {
  const result = await dispatch(noHandlers, channel, payload);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('validation messages at the IPC boundary', () => {
  it('names the field of an invalid date in Edit details', async () => {
    const error = await refusal('documents:update', { id: '002', patch: { date: '22.12.2025' } });
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe('Date must look like 2025-12-22, 2025-12 or 2025.');
  });

  it('names the field, in words, for any channel whose schema gives no sentence of its own', async () => {
    expect((await refusal('documents:update', { id: '002', patch: { translationOf: '../x' } })).message).toMatch(/^Translation of: a document id is letters/);
    expect((await refusal('reading:save', { documentId: '000', state: { paragraph: -1 } })).message).toMatch(/^Paragraph: /);
    expect((await refusal('documents:get', {})).message).toMatch(/^Id: /);
  });

  it('keeps the field-level list for tools', async () => {
    const error = await refusal('documents:update', { id: '002', patch: { date: 'soon' } });
    expect(error.issues?.[0]).toMatch(/^patch\.date: /);
  });
});
