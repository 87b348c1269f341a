import { describe, expect, it } from 'vitest';
import { useCommandRegistry, type Command } from './registry';

const command = (id: string): Command => ({ id, label: id, run: () => {} });

describe('command registry', () => {
  it('keeps the commands of every part of a screen, and drops a part when it goes', () => {
    const view = Symbol('view');
    const menu = Symbol('menu');
    const { setPart } = useCommandRegistry.getState();
    setPart(view, [command('merge'), command('swap')]);
    setPart(menu, [command('export')]);
    expect(useCommandRegistry.getState().screen.map((c) => c.id)).toEqual(['merge', 'swap', 'export']);
    setPart(menu, null);
    expect(useCommandRegistry.getState().screen.map((c) => c.id)).toEqual(['merge', 'swap']);
    setPart(view, null);
    expect(useCommandRegistry.getState().screen).toEqual([]);
  });
});
