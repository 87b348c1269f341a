import { beforeEach, describe, expect, it } from 'vitest';
import { useHistory, type HistoryEntry } from './history';

const calls: string[] = [];
const entry = (label: string, scope: HistoryEntry['scope']): HistoryEntry => ({ label, scope, undo: () => void calls.push(`undo ${label}`), redo: () => void calls.push(`redo ${label}`) });

beforeEach(() => {
  calls.length = 0;
  useHistory.setState({ past: [], future: [], message: null });
});

describe('one history, two undo buttons', () => {
  it("the alignment toolbar's Undo undoes the last alignment edit, not a highlight made after it", async () => {
    const history = useHistory.getState();
    history.push(entry('merge rows', 'alignment'));
    history.push(entry('highlight', 'annotation'));
    expect(history.can('undo', 'alignment')).toBe(true);
    await history.undo('alignment');
    expect(calls).toEqual(['undo merge rows']);
    expect(useHistory.getState().past.map((e) => e.label)).toEqual(['highlight']);
    expect(useHistory.getState().can('undo', 'alignment')).toBe(false);
    await useHistory.getState().redo('alignment');
    expect(calls).toEqual(['undo merge rows', 'redo merge rows']);
  });

  it('Ctrl+Z still undoes the last change wherever it was made', async () => {
    useHistory.getState().push(entry('merge rows', 'alignment'));
    useHistory.getState().push(entry('highlight', 'annotation'));
    await useHistory.getState().undo();
    expect(calls).toEqual(['undo highlight']);
  });

  it('a new highlight does not throw away an alignment edit waiting to be redone', async () => {
    useHistory.getState().push(entry('merge rows', 'alignment'));
    await useHistory.getState().undo('alignment');
    useHistory.getState().push(entry('highlight', 'annotation'));
    expect(useHistory.getState().can('redo', 'alignment')).toBe(true);
  });
});
