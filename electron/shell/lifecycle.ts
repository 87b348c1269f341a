export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Quitting waits for the store to be flushed and closed, once, however many times quit is asked
 * for; the next start then knows this run ended cleanly.
 */
export function closeBeforeQuit(app: QuittingApp, close: () => Promise<void>, log: (error: unknown) => void = console.error): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    // A second quit while the store is closing must wait for it too.
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void close()
      .catch(log)
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

/** Closing the last window quits, except on macOS where apps stay in the dock. */
export function quitWhenAllClosed(app: { on(event: 'window-all-closed', listener: () => void): unknown; quit(): void }, platform: string): void {
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
}
