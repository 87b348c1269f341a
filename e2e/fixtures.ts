import { test as base, _electron, type Browser, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { openServices } from '../electron/services/handlers';
import { startWebHost } from '../electron/web/host';
import { chromiumArgs, chromiumExecutable } from './chromium';
import { findElectronBinary } from './electron-binary';
import { AnnotationsUi } from './pages/AnnotationsUi';
import { HubPage } from './pages/HubPage';
import { LibraryPage } from './pages/LibraryPage';
import { ParallelPage } from './pages/ParallelPage';
import { ReaderPage } from './pages/ReaderPage';

export type Shell = 'web' | 'electron';
export interface ShellOptions {
  shell: Shell;
  /** "bundled", or "with-french": the bundled corpus plus a French translation of 000 (e2e/data/000-fr.txt). */
  corpus: 'bundled' | 'with-french';
  /** Runs before the app starts, on its empty data folder (to leave a store behind from an earlier run, say). */
  prepareData: { run(dataDir: string, corpusDir: string): Promise<void> } | null;
  /** Folders searched for the system's dictionaries: none by default, so the machine's /usr/share/dictd stays out of the tests. */
  dictionaryDirs: string[];
}

const root = join(import.meta.dirname, '..');
// A developer working beside others can build the renderer elsewhere and point the tests at it.
const rendererDir = process.env.FACING_RENDERER_DIR ?? join(root, 'dist', 'renderer');

/** A running Facing, started fresh for one test with its own data folder, in whichever shell the project names. */
export interface FacingApp {
  page: Page;
  dataDir: string;
  /** Where the app is served from: the loopback host's origin, or app://facing in Electron. */
  origin: string;
  /** The corpus folder this run reads (a scratch copy unless the test uses the bundled one). */
  corpusDir: string;
  library: LibraryPage;
  reader: ReaderPage;
  parallel: ParallelPage;
  annotations: AnnotationsUi;
  hub: HubPage;
  /** Opens a route such as "#/read/000" in the running app. */
  open(hash: string): Promise<void>;
}

/** A corpus folder for the test: the bundled one, or a copy with extra documents. */
function corpusFor(kind: ShellOptions['corpus'], scratch: string): string {
  const bundled = join(root, 'corpus');
  if (kind === 'bundled') return bundled;
  const dir = join(scratch, 'corpus');
  cpSync(bundled, dir, { recursive: true });
  cpSync(join(import.meta.dirname, 'data', '000-fr.txt'), join(dir, '005-fr.txt'));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.documents.push({ id: '005', title: 'La zone high-tech de Chongqing lance une branche de l’alliance tech-finance', language: 'fr', date: '2025-12-22', file: '005-fr.txt', translationOf: '000' });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

async function launchWeb(browser: Browser, dataDir: string, corpusDir: string, dictionaryDirs: string[]) {
  const services = await openServices({ dataDir, corpusDir, dictionaryDirs, shell: 'web', version: 'e2e' });
  const host = await startWebHost({ handlers: services.handlers, uploads: services.uploads, staticDir: rendererDir });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    page,
    origin: host.origin,
    open: (hash: string) => page.goto(`${host.origin}/${hash}`).then(() => undefined),
    close: async () => {
      await context.close();
      await host.close();
      await services.close();
    },
  };
}

async function launchElectron(binary: string, dataDir: string, corpusDir: string, dictionaryDirs: string[]) {
  const app = await _electron.launch({
    executablePath: binary,
    args: [join(root, 'dist-electron', 'main.cjs'), `--facing-data-dir=${dataDir}`, `--facing-corpus-dir=${corpusDir}`, `--facing-dictionary-dirs=${dictionaryDirs.join(delimiter)}`],
  });
  const page = await app.firstWindow();
  return {
    page,
    origin: 'app://facing',
    open: (hash: string) => page.evaluate((h) => void (location.hash = h.replace(/^#/, '')), hash),
    close: () => app.close(),
  };
}

export const test = base.extend<ShellOptions & { app: FacingApp }, { webBrowser: () => Promise<Browser> }>({
  shell: ['web', { option: true }],
  corpus: ['bundled', { option: true }],
  prepareData: [null, { option: true }],
  dictionaryDirs: [[], { option: true }],
  // Launched on first use, so the Electron project never starts a Chromium it does not need.
  webBrowser: [
    async ({ playwright }, use) => {
      const launched: { browser?: Promise<Browser> } = {};
      await use(() => (launched.browser ??= playwright.chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs })));
      if (launched.browser) await (await launched.browser).close();
    },
    { scope: 'worker' },
  ],
  app: async ({ shell, corpus, prepareData, dictionaryDirs, webBrowser }, use, testInfo) => {
    // Skipped before any scratch folder is made: a skip ends the fixture here.
    const binary = shell === 'electron' ? findElectronBinary() : null;
    testInfo.skip(shell === 'electron' && !binary, 'Skipped: no Electron binary on this machine (it cannot be downloaded here); the same spec ran against the web host.');
    const scratch = mkdtempSync(join(tmpdir(), 'facing-e2e-'));
    const dataDir = join(scratch, 'data');
    const corpusDir = corpusFor(corpus, scratch);
    await prepareData?.run(dataDir, corpusDir);
    let running: { page: Page; origin: string; open(hash: string): Promise<void>; close(): Promise<void> };
    if (binary) {
      running = await launchElectron(binary, dataDir, corpusDir, dictionaryDirs);
    } else {
      running = await launchWeb(await webBrowser(), dataDir, corpusDir, dictionaryDirs);
    }
    await use({ page: running.page, origin: running.origin, corpusDir, dataDir, library: new LibraryPage(running.page), reader: new ReaderPage(running.page), parallel: new ParallelPage(running.page), annotations: new AnnotationsUi(running.page), hub: new HubPage(running.page), open: running.open });
    await running.close();
    rmSync(scratch, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/**
 * How long an import may take to report: the first import of a run starts the import worker, which
 * the web host compiles from source with tsx (about a second on a quiet machine, several under load).
 */
export const IMPORT_TIMEOUT = 20_000;
