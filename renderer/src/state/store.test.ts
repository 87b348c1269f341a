import { describe, expect, it, vi } from 'vitest';
import type { AppInfo, Notice } from '../../../shared/model/app';

vi.mock('../api', () => ({ api: { invoke: vi.fn() } }));
const { visibleNotices } = await import('./store');

const notice = (message: string): Notice => ({ level: 'warning', message });
const info = (...notices: Notice[]) => ({ notices }) as unknown as AppInfo;

describe('the notice bar', () => {
  it('shows what is not dismissed: a notice arriving after a dismissal shows on its own, whatever its place in the list', () => {
    const first = notice('A damaged annotation was set aside.');
    const later = notice('A second damaged annotation was set aside.');
    expect(visibleNotices({ info: info(first), dismissedNotices: [] })).toEqual([first]);
    expect(visibleNotices({ info: info(first), dismissedNotices: [first.message] })).toEqual([]);
    expect(visibleNotices({ info: info(later, first), dismissedNotices: [first.message] })).toEqual([later]);
    expect(visibleNotices({ info: null, dismissedNotices: [] })).toEqual([]);
  });
});
