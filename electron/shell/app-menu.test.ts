import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../shared/i18n/current';
import { openServices } from '../services/handlers';
import { tempDirs } from '../services/test-support';
import { installAppMenu } from './app-menu';
import { createFakeElectron, FakeWebContents } from './fake-electron';
import { menuTemplate, rendererCommands } from './menu';

const temp = tempDirs('facing-app-menu-');
const stops: Array<() => void> = [];

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  setLocale('en');
});

function install() {
  const { Menu } = createFakeElectron();
  const commands = { ...rendererCommands(() => new FakeWebContents()), saveAsPdf() {} };
  stops.push(installAppMenu(Menu, () => menuTemplate(false, commands)));
  const labels = () => Menu.menus.at(-1)!.template.map((item: { label?: string }) => item.label).filter(Boolean);
  return { Menu, labels };
}

describe('the application menu in the interface language', () => {
  it('is set again in the new language when the language changes, and only then', () => {
    setLocale('en');
    const { Menu, labels } = install();
    expect(labels()).toEqual(expect.arrayContaining(['Edit', 'Go']));
    const set = Menu.menus.length;
    setLocale('en');
    expect(Menu.menus.length).toBe(set);
    setLocale('de');
    expect(Menu.menus.length).toBe(set + 1);
    expect(labels()).toEqual(expect.arrayContaining(['Bearbeiten', 'Gehe zu']));
    expect(labels()).not.toContain('Edit');
  });

  it('follows Settings → Language without a restart, and stops following when told', async () => {
    const corpus = temp();
    writeFileSync(join(corpus, 'manifest.json'), JSON.stringify({ documents: [] }));
    const services = await openServices({ dataDir: temp(), corpusDir: corpus, shell: 'electron', version: 'test', locale: 'en-US', warmAfterMs: 60_000 });
    try {
      const { Menu, labels } = install();
      expect(labels()).toContain('Edit');
      const language = (value: 'de' | 'en' | 'system') => services.handlers['settings:set']({ patch: { language: value } });
      await language('de');
      expect(labels()).toContain('Bearbeiten');
      await language('system');
      expect(labels()).toContain('Edit');
      stops.splice(0).forEach((stop) => stop());
      const set = Menu.menus.length;
      await language('de');
      expect(Menu.menus.length).toBe(set);
    } finally {
      await services.close();
    }
  });
});
