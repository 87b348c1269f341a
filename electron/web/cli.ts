import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { handlersWhenOpen } from '../../shared/ipc/when-open';
import { defaultDataDir } from '../services/paths';
import { openServices } from '../services/handlers';
import { startWebHost } from './host';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const usage = `Usage: npm run web -- [--data-dir DIR] [--port N]

Serves Facing to your browser on 127.0.0.1 only.
  --data-dir DIR  where the annotation store and imported files live (default: ${defaultDataDir()})
  --port N        port to listen on (default: a random free port)`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535.\n\n${usage}`);
    process.exit(2);
  }
  // Where `npm run build:renderer` wrote it (renderer/vite.config.ts reads the same variable).
  const staticDir = resolve(process.env.FACING_RENDERER_DIR ?? join(root, 'dist', 'renderer'));
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`The renderer is not built in ${staticDir}. Run \`npm run web\` (it builds first) or \`npm run build:renderer\`.`);
    process.exit(1);
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  // The page can load while the services open; its first calls wait for them.
  const opening = openServices({ dataDir, corpusDir: join(root, 'corpus'), shell: 'web', version, locale: Intl.DateTimeFormat().resolvedOptions().locale });
  const uploads = { receive: async (body: Readable, limit: number) => (await opening).uploads.receive(body, limit) };
  const host = await startWebHost({ handlers: handlersWhenOpen(opening.then((s) => s.handlers)), uploads, staticDir, port, onInternalError: (error) => console.error(error) });
  const services = await opening.catch(async (error: unknown) => {
    await host.close();
    throw error;
  });
  console.log(`Facing is running. Open this address in your browser (it holds this run's access token):\n\n  ${host.url}\n`);
  console.log(`Data folder: ${dataDir}\nPress Ctrl+C to stop.`);
  const stop = () => void Promise.all([host.close(), services.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`Facing could not start: ${(error as Error).message}`);
  process.exit(1);
});
