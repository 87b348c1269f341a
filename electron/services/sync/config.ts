import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SyncConfigSchema, type SyncConfig } from '../../../shared/sync/model';
import { writeFileDurably } from '../durable-file';
import { t } from '../../../shared/i18n/current';

/**
 * Seals the sync password before it is written to disk. Electron's shell can pass one built on
 * safeStorage; the default keeps it as is, in a file only the user may read.
 */
export interface SecretBox {
  seal(secret: string): Buffer;
  open(sealed: Buffer): string;
}

export const plainBox: SecretBox = {
  seal: (secret) => Buffer.from(secret, 'utf8'),
  open: (sealed) => sealed.toString('utf8'),
};

const folderOf = (dataDir: string) => join(dataDir, 'sync');

/** The sync settings, this computer's id and the sealed password, in the data folder's sync/ folder. */
export function syncFiles(dataDir: string, box: SecretBox = plainBox) {
  const folder = folderOf(dataDir);
  const configFile = join(folder, 'config.json');
  const secretFile = join(folder, 'secret');

  /** Reads nothing into being: with sync never set up, the data folder stays as it was. */
  async function readConfig(): Promise<{ config: SyncConfig | null; computer: string; problem?: string }> {
    let raw: Record<string, unknown> = {};
    let problem: string | undefined;
    try {
      raw = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problem = t('syncSvc.configUnreadable', { file: configFile });
    }
    const computer = typeof raw.computer === 'string' && raw.computer ? raw.computer : randomUUID();
    const parsed = SyncConfigSchema.safeParse(raw.config);
    return { config: parsed.success ? parsed.data : null, computer, ...(problem ? { problem } : {}) };
  }

  async function writeConfig(config: SyncConfig, computer: string): Promise<void> {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFileDurably(configFile, JSON.stringify({ computer, config }));
  }

  async function readPassword(): Promise<string | null> {
    try {
      return box.open(await readFile(secretFile));
    } catch {
      return null;
    }
  }

  async function writePassword(password: string | null): Promise<void> {
    if (password === null || password === '') {
      await rm(secretFile, { force: true });
      return;
    }
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await rm(secretFile, { force: true });
    await writeFile(secretFile, box.seal(password), { mode: 0o600 });
    await chmod(secretFile, 0o600);
  }

  return { folder, readConfig, writeConfig, readPassword, writePassword, localDbPath: join(folder, 'local') };
}

/** Loopback servers may use http; any other needs https, with its certificate checked. */
export function insecureUrl(url: string): string | null {
  const parsed = new URL(url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname) || parsed.hostname.startsWith('127.');
  if (parsed.protocol === 'https:' || loopback) return null;
  return t('syncSvc.insecure', { host: parsed.host });
}

/** The database's address, without credentials (those travel in the Authorization header). */
export function databaseUrl(config: Pick<SyncConfig, 'url' | 'database'>): string {
  return `${config.url.replace(/\/+$/, '')}/${encodeURIComponent(config.database)}`;
}
