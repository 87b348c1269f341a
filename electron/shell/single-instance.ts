/** A window the second instance can bring forward. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}

/**
 * One Facing at a time, since two would write the same store. False when another instance holds the
 * lock (this one should quit); otherwise a second start brings the window forward and hands over the
 * files it was asked to open.
 */
export function claimSingleInstance(app: InstanceApp, window: () => FocusableWindow | null, openArgv: (argv: string[], cwd: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const current = window();
    if (current) {
      if (current.isMinimized()) current.restore();
      current.focus();
    }
    openArgv(argv, workingDirectory);
  });
  return true;
}
