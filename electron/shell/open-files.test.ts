import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../services/handlers';
import { tempDirs } from '../services/test-support';
import { createFakeElectron, fakeEvent } from './fake-electron';
import { createFileOpener, filesFromArgv, listenForOpenedFiles } from './open-files';

const temp = tempDirs('facing-open-files-');

async function services() {
  const corpus = temp();
  writeFileSync(join(corpus, 'manifest.json'), JSON.stringify({ documents: [] }));
  return openServices({ dataDir: temp(), corpusDir: corpus, shell: 'electron', version: 'test', warmAfterMs: 60_000 });
}

function book(name: string, text: string): string {
  const path = join(temp(), name);
  writeFileSync(path, text);
  return path;
}

describe('files opened from the OS', () => {
  it('reads file paths from a command line, skipping the executable, the app path and switches', () => {
    expect(filesFromArgv(['/opt/Facing/facing', '--no-sandbox', 'a.txt', '/abs/b.epub', ''], '/home/r', true)).toEqual(['/home/r/a.txt', '/abs/b.epub']);
    expect(filesFromArgv(['/usr/bin/electron', '.', '--facing-data-dir=/x', 'c.md'], '/home/r', false)).toEqual(['/home/r/c.md']);
  });

  it('imports open-file (Finder, a drop on the dock icon) and argv files through documents:import, once ready, and shows the last', async () => {
    const electron = createFakeElectron();
    const shown: string[] = [];
    const reports: string[][] = [];
    const opener = createFileOpener({ show: (id) => shown.push(id), report: (messages) => reports.push(messages) });
    listenForOpenedFiles(electron.app, opener);
    const early = fakeEvent();
    // Before `ready`: macOS may send open-file before the services exist.
    electron.app.emit('open-file', early, book('Dock.txt', 'Dropped on the dock icon. It has two sentences.'));
    expect(early.defaultPrevented).toBe(true);
    await opener.open(filesFromArgv(['facing', book('Argv.md', '# From the command line\n\nA paragraph.')], '/', true));
    const opened = await services();
    try {
      await opener.ready(opened.handlers);
      const titles = (await opened.handlers['documents:list']({})).map((doc) => doc.title);
      expect(titles.join(' | ')).toMatch(/dock icon/);
      expect(titles.join(' | ')).toMatch(/command line/);
      expect(shown).toHaveLength(1);
      // After ready, a second instance's files are imported at once.
      await opener.open([book('Later.txt', 'Opened later from a second start.')]);
      expect(await opened.handlers['documents:list']({})).toHaveLength(3);
      expect(shown).toHaveLength(2);
      expect(reports).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('reports refused and missing files by name and imports the rest', async () => {
    const opener = createFileOpener({ show: () => {}, report: (messages) => reports.push(...messages) });
    const reports: string[] = [];
    const opened = await services();
    try {
      await opener.ready(opened.handlers);
      await opener.open([book('picture.png', '\x89PNG'), book('fake.pdf', 'not a pdf'), join(temp(), 'gone.txt'), temp(), book('ok.txt', 'Fine text here.')]);
      expect(reports).toHaveLength(3);
      expect(reports[0]).toContain('picture.png');
      expect(reports[1]).toContain('fake.pdf');
      expect(reports[2]).toContain('gone.txt');
      expect(await opened.handlers['documents:list']({})).toHaveLength(1);
    } finally {
      await opened.close();
    }
  });
});
