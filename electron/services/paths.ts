import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Facing';

/** The same folder Electron's `app.getPath('userData')` gives, so both shells share one store. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
