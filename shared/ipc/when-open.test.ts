import { describe, expect, it } from 'vitest';
import { channels } from './channels';
import type { Handlers } from './contract';
import { dispatch } from './dispatch';
import { handlersWhenOpen } from './when-open';

describe('a handler table that waits for the services to open', () => {
  it('has every channel and answers a call made before opening once they are open', async () => {
    let open!: (handlers: Handlers) => void;
    const table = handlersWhenOpen(new Promise<Handlers>((resolve) => (open = resolve)));
    expect(Object.keys(table).sort()).toEqual([...channels].sort());
    let answered = false;
    const call = dispatch(table, 'app:info', {}).then((result) => ((answered = true), result));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    open({ 'app:info': async () => ({ version: '1', dataDir: '/d', shell: 'web', notices: [] }) } as unknown as Handlers);
    expect(await call).toEqual({ ok: true, value: { version: '1', dataDir: '/d', shell: 'web', notices: [] } });
  });

  it('fails each call as opening failed, without an unhandled rejection', async () => {
    const table = handlersWhenOpen(Promise.reject(new Error('the store is locked')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await dispatch(table, 'app:info', {}, () => {})).toMatchObject({ ok: false });
  });
});
