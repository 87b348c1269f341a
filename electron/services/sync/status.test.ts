import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../shared/i18n/current';
import { SyncStatusSchema } from '../../../shared/sync/model';
import { createStatus } from './status';

afterEach(() => void setLocale('en'));

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5984'), { code: 'ECONNREFUSED' });

describe('the sync status when the server cannot be reached', () => {
  it('says so in a plain sentence naming the server, the technical reason apart', () => {
    const status = createStatus();
    status.serverIs('http://127.0.0.1:5984/');
    status.offline(3, refused);
    const got = SyncStatusSchema.parse(status.get());
    expect(got).toMatchObject({ state: 'offline', pending: 3, detail: 'connect ECONNREFUSED 127.0.0.1:5984' });
    expect(got.message).toBe('The server at 127.0.0.1:5984 cannot be reached. Your changes are kept on this computer and sent when it answers again.');
  });

  it('in German too', () => {
    setLocale('de');
    const status = createStatus();
    status.serverIs('https://couch.example.org:6984');
    status.offline(0, refused);
    expect(status.get().message).toBe('Der Server unter couch.example.org:6984 ist nicht erreichbar. Ihre Änderungen bleiben auf diesem Computer und werden gesendet, sobald er wieder antwortet.');
    expect(status.get().detail).toBe('connect ECONNREFUSED 127.0.0.1:5984');
  });

  it('drops the detail once it is up to date again', () => {
    const status = createStatus();
    status.offline(0, refused);
    status.upToDate();
    expect(status.get()).toMatchObject({ state: 'up-to-date', message: null, detail: null });
  });
});
