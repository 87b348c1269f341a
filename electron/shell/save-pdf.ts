import { writeFile } from 'node:fs/promises';
import { strings } from './strings';

export interface PdfWindow {
  getTitle(): string;
  webContents: { printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer | Uint8Array> };
}

export interface PdfDialog<W> {
  showSaveDialog(window: W, options: Electron.SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showMessageBox(window: W, options: Electron.MessageBoxOptions): Promise<{ response: number }>;
}

/** A file name from a window title: no path separators or characters file systems refuse. */
export function pdfName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001F]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${base || 'Facing'}.pdf`;
}

/**
 * "Save as PDF…": the page as Chromium prints it (the print stylesheet: every row of the parallel
 * view, both columns, no toolbars) into a file the user picks. Returns the file, or null when the
 * user cancelled or it failed (a message box then says why).
 */
export async function saveAsPdf<W extends PdfWindow>(window: W, dialog: PdfDialog<W>, write: (path: string, data: Uint8Array) => Promise<void> = writeFile): Promise<string | null> {
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    title: strings.savePdf.title,
    defaultPath: pdfName(window.getTitle()),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (canceled || !filePath) return null;
  try {
    const data = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: false, preferCSSPageSize: true });
    await write(filePath, data);
    return filePath;
  } catch (error) {
    await dialog.showMessageBox(window, { type: 'error', message: strings.savePdf.failed(filePath, error instanceof Error ? error.message : String(error)), buttons: ['OK'] });
    return null;
  }
}
