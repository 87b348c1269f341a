import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { MAX_IMPORT_FILE_BYTES, type Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { strings } from './strings';

/**
 * The files a command line names: everything after the executable (and, unpackaged, the app path)
 * that is not a switch, resolved against the working directory. Whether they exist is checked on open.
 */
export function filesFromArgv(argv: readonly string[], cwd: string, packaged: boolean): string[] {
  return argv
    .slice(packaged ? 1 : 2)
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .map((arg) => resolve(cwd, arg));
}

export interface FileOpener {
  /** Imports the files now, or as soon as `ready` is called. */
  open(paths: readonly string[]): Promise<void>;
  /** The services and the window exist: import what waited. */
  ready(handlers: Handlers): Promise<void>;
}

/**
 * Files handed over by the OS (double-click, "Open with", a drop on the dock icon, a second start)
 * go through the same `documents:import` request the renderer sends, so they meet the same checks.
 */
export function createFileOpener(options: { show(documentId: string): void; report(messages: string[]): void }): FileOpener {
  let handlers: Handlers | null = null;
  const waiting: string[] = [];

  async function importOne(path: string, table: Handlers): Promise<{ id?: string; problem?: string }> {
    const name = basename(path);
    try {
      const info = await stat(path);
      if (!info.isFile()) return {};
      if (info.size > MAX_IMPORT_FILE_BYTES) return { problem: strings.openFiles.tooLarge(name, MAX_IMPORT_FILE_BYTES / 1048576) };
      const data = (await readFile(path)).toString('base64');
      const result = await dispatch(table, 'documents:import', { name, data });
      if (!result.ok) return { problem: result.error.message };
      return { id: (result.value as { document: { id: string } }).document.id };
    } catch (error) {
      return { problem: strings.openFiles.unreadable(name, (error as Error).message) };
    }
  }

  async function importAll(paths: readonly string[], table: Handlers): Promise<void> {
    const problems: string[] = [];
    let last: string | undefined;
    for (const path of paths) {
      const outcome = await importOne(path, table);
      if (outcome.problem) problems.push(outcome.problem);
      if (outcome.id) last = outcome.id;
    }
    if (last) options.show(last);
    if (problems.length) options.report(problems);
  }

  return {
    async open(paths) {
      if (!paths.length) return;
      if (!handlers) waiting.push(...paths);
      else await importAll(paths, handlers);
    },
    async ready(table) {
      handlers = table;
      await importAll(waiting.splice(0), table);
    },
  };
}

/** macOS sends files (Finder, a drop on the dock icon) as `open-file`, possibly before `ready`. */
export function listenForOpenedFiles(app: { on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown }, opener: FileOpener): void {
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void opener.open([path]);
  });
}
