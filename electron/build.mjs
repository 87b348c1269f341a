// Bundles the main process and the preload into CommonJS (a sandboxed preload must be CommonJS).
import { build } from 'esbuild';

// import.meta.url is only read by code that runs from source (a bundle finds its files by __dirname).
// pdfjs-dist loads its worker from its own folder at run time, and pouchdb its native leveldb binding, so both stay packages in node_modules.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', 'pdfjs-dist', 'pouchdb'], supported: { 'dynamic-import': true }, define: { 'import.meta.url': 'undefined' }, sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
// The import worker (electron/services/import/pool.ts looks for it beside main.cjs).
await build({ ...common, entryPoints: ['electron/services/import/worker.ts'], outfile: 'dist-electron/import-worker.cjs' });
