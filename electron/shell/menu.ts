import type { MenuItemConstructorOptions } from 'electron';
import { strings } from './strings';

export interface MenuCommands {
  print(): void;
  saveAsPdf(): void;
  undo(): void;
  redo(): void;
  library(): void;
  back(): void;
  forward(): void;
}

/** The application menu: the platform's usual roles, with Print, Undo/Redo and Go handed to the renderer and Save as PDF to the shell. */
export function menuTemplate(isMac: boolean, commands: MenuCommands): MenuItemConstructorOptions[] {
  const { menu } = strings;
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: menu.file,
      submenu: [
        { label: menu.print, accelerator: 'CmdOrCtrl+P', click: () => commands.print() },
        { label: menu.saveAsPdf, accelerator: 'CmdOrCtrl+Shift+P', click: () => commands.saveAsPdf() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: menu.edit,
      submenu: [
        // Undo and redo go to the renderer, which undoes its own edits (alignment, annotations)
        // or, inside a text field, the field's typing.
        { label: menu.undo, accelerator: 'CmdOrCtrl+Z', click: () => commands.undo() },
        { label: menu.redo, accelerator: 'CmdOrCtrl+Shift+Z', click: () => commands.redo() },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: menu.go,
      submenu: [
        { label: menu.library, accelerator: 'CmdOrCtrl+L', click: () => commands.library() },
        { label: menu.back, accelerator: isMac ? 'Cmd+[' : 'Alt+Left', click: () => commands.back() },
        { label: menu.forward, accelerator: isMac ? 'Cmd+]' : 'Alt+Right', click: () => commands.forward() },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}

export interface RendererContents {
  executeJavaScript(code: string): Promise<unknown>;
  print(): void;
  navigationHistory: { goBack(): void; goForward(): void };
}

/** Menu commands reach the renderer as a DOM event or a hash change; the renderer decides what they mean. */
export function rendererCommands(contents: () => RendererContents | undefined): Omit<MenuCommands, 'saveAsPdf'> {
  const send = (command: 'undo' | 'redo') =>
    void contents()?.executeJavaScript(`window.dispatchEvent(new CustomEvent('facing:command', { detail: ${JSON.stringify(command)} }))`);
  return {
    print: () => contents()?.print(),
    undo: () => send('undo'),
    redo: () => send('redo'),
    library: () => void contents()?.executeJavaScript("location.hash = '#/'"),
    back: () => contents()?.navigationHistory.goBack(),
    forward: () => contents()?.navigationHistory.goForward(),
  };
}
