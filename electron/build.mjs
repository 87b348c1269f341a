// Bundles the main process and the preload into CommonJS (a sandboxed preload must be CommonJS).
import { build } from 'esbuild';

// pdfjs-dist loads its worker from its own folder at run time, and pouchdb its native leveldb binding, so both stay packages in node_modules.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', 'pdfjs-dist', 'pouchdb'], supported: { 'dynamic-import': true }, sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
