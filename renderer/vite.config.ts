import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/security.ts';

// frame-ancestors is ignored (with a warning) in a <meta> policy; the web host sends it as a header.
const metaPolicy = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'facing-csp',
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', metaPolicy),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: process.env.FACING_RENDERER_DIR ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Inline assets would need data: URLs in script-src/font-src; keep every asset a file.
    assetsInlineLimit: 0,
    // Loaded from disk by a desktop app, not over a network: large chunks are fine (screens other
    // than the library are split off only so that less script is compiled before the first paint).
    chunkSizeWarningLimit: 2000,
  },
});
