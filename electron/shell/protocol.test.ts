import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { tempDirs } from '../services/test-support';
import { createFakeElectron } from './fake-electron';
import { appProtocolHandler, registerAppScheme, resolveAppFile, serveRenderer } from './protocol';

const temp = tempDirs('facing-protocol-');

/** A renderer build beside a secret file the handler must never serve. */
function layout() {
  const base = temp();
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Facing</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'wOF2');
  writeFileSync(join(root, 'assets', 'icon.svg'), '<svg/>');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  symlinkSync(base, join(root, 'up'));
  return { base, root };
}

describe('the app:// handler', () => {
  it('serves the renderer build with its MIME type and the Content Security Policy', async () => {
    const { root } = layout();
    const serve = appProtocolHandler(root);
    const cases: Array<[string, string]> = [
      ['app://facing/index.html', 'text/html; charset=utf-8'],
      ['app://facing/', 'text/html; charset=utf-8'],
      ['app://facing/assets/app.js', 'text/javascript; charset=utf-8'],
      ['app://facing/assets/app.css', 'text/css; charset=utf-8'],
      ['app://facing/assets/font.woff2', 'font/woff2'],
      ['app://facing/assets/icon.svg', 'image/svg+xml'],
      ['app://facing/assets/app.js?v=1#x', 'text/javascript; charset=utf-8'],
    ];
    for (const [url, type] of cases) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await serve(new Request('app://facing/index.html'))).text()).toContain('<title>Facing</title>');
  });

  it('refuses traversal, encoded traversal, absolute paths, symlinks out, other hosts and malformed escapes with a 404', async () => {
    const { base, root } = layout();
    const serve = appProtocolHandler(root);
    const refused = [
      'app://facing/../secret.txt',
      'app://facing/assets/../../secret.txt',
      'app://facing/%2e%2e/secret.txt',
      'app://facing/%2E%2E%2Fsecret.txt',
      'app://facing/..%2fsecret.txt',
      'app://facing/..%5csecret.txt',
      'app://facing/assets%2f..%2f..%2fsecret.txt',
      `app://facing/${encodeURIComponent(join(base, 'secret.txt'))}`,
      `app://facing//${join(base, 'secret.txt')}`,
      'app://facing/C:%5cWindows%5cwin.ini',
      'app://facing/%2e%2e/renderer-evil/x.js',
      'app://facing/assets/link.txt',
      'app://facing/up/secret.txt',
      'app://facing/assets',
      'app://facing/index.html%00.js',
      'app://facing/missing.js',
      'app://facing/%E0%A4%A',
      'app://facing/%zz',
      'app://other/index.html',
      'app://facing.evil/index.html',
      'app://facing:8080/index.html',
      'https://facing/index.html',
    ];
    for (const url of refused) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('secret');
    }
    expect(await resolveAppFile(root, 'not a url')).toBeNull();
  });

  it('answers only GET and HEAD', async () => {
    const { root } = layout();
    const serve = appProtocolHandler(root);
    expect((await serve(new Request('app://facing/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await serve(new Request('app://facing/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('is registered as a privileged standard scheme and bound to the handler once', async () => {
    const { root } = layout();
    const electron = createFakeElectron();
    registerAppScheme(electron.protocol);
    serveRenderer(electron.protocol, root);
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);
    expect((await electron.protocol.handlers.get('app')!(new Request('app://facing/../secret.txt'))).status).toBe(404);
  });
});
