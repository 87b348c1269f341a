import { isAppUrl } from './protocol';
import { strings } from './strings';

interface Preventable {
  preventDefault(): void;
}

/** The parts of webContents the guards use; real WebContents has them all. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: Preventable & { url: string }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The page never leaves app://facing: navigations, redirects and sub-frame navigations elsewhere are
 * stopped, and window.open never opens a window; an https link goes to `openExternal` instead.
 */
export function guardNavigation(contents: GuardedContents, openExternal: (url: string) => void): void {
  const stayHome = (event: Preventable & { url: string }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Any web contents, present or later: no <webview> may be attached. */
export function refuseWebviews(app: { on(event: 'web-contents-created', listener: (event: unknown, contents: { on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown }) => void): unknown }): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Links from notes open in the system browser, https only, and only after the user agrees. */
export async function confirmExternal(
  ask: (options: Electron.MessageBoxOptions) => Promise<{ response: number }>,
  openExternal: (url: string) => Promise<void>,
  url: string,
): Promise<boolean> {
  if (!isExternalLink(url)) return false;
  const { openLink } = strings;
  const { response } = await ask({
    type: 'question',
    buttons: [openLink.open, openLink.cancel],
    defaultId: 1,
    cancelId: 1,
    message: openLink.message,
    detail: url,
  });
  if (response !== 0) return false;
  await openExternal(url);
  return true;
}
