import { isPairFile } from '../../../shared/formats/formats';
import { MAX_PAIR_DATA_BYTES, MAX_PAIR_FILE_BYTES } from '../../../shared/formats/contract';
import { api } from '../api';
import type { ImportReport } from './importFiles';
import './import-pair.css';
import { t } from '../../../shared/i18n/current';

export { isPairFile };

/** Asks which two languages to take from a file that holds more. Resolves null when cancelled. */
function chooseLanguages(name: string, languages: string[]): Promise<{ source: string; target: string } | null> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'choose-pair';
    dialog.setAttribute('aria-labelledby', 'choose-pair-title');
    const options = (selected: number) => languages.map((_, k) => `<option value="${k}"${k === selected ? ' selected' : ''}></option>`).join('');
    dialog.innerHTML = `<form method="dialog"><h2 id="choose-pair-title"></h2><p></p>
      <label><span data-text="original"></span> <select name="source">${options(0)}</select></label>
      <label><span data-text="translation"></span> <select name="target">${options(1)}</select></label>
      <div class="choose-pair-actions"><button value="cancel" class="button-quiet"></button><button value="ok" data-testid="choose-pair-ok"></button></div></form>`;
    dialog.querySelector('h2')!.textContent = t('import.whichLanguages');
    dialog.querySelector('p')!.textContent = t('import.holds', { name, languages: languages.join(', ') });
    dialog.querySelector('[data-text="original"]')!.textContent = t('import.original');
    dialog.querySelector('[data-text="translation"]')!.textContent = t('import.translation');
    dialog.querySelector('button[value="cancel"]')!.textContent = t('common.cancel');
    dialog.querySelector('button[value="ok"]')!.textContent = t('import.ok');
    dialog.querySelectorAll('option').forEach((o) => (o.textContent = languages[Number(o.value)]!));
    dialog.addEventListener('close', () => {
      const form = dialog.querySelector('form')!;
      const source = languages[Number((form.elements.namedItem('source') as HTMLSelectElement).value)]!;
      const target = languages[Number((form.elements.namedItem('target') as HTMLSelectElement).value)]!;
      dialog.remove();
      resolve(dialog.returnValue === 'ok' && source !== target ? { source, target } : null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let k = 0; k < view.length; k += 0x8000) binary += String.fromCharCode(...view.subarray(k, k + 0x8000));
  return btoa(binary);
}

/**
 * The file for `pairs:import`: uploaded (Electron hands over its path, the web host takes the raw
 * bytes), so the services read it from disk; as base64 only where the transport cannot upload.
 */
async function handOver(file: File): Promise<{ upload: string } | { data: string }> {
  if (api.upload) {
    try {
      return { upload: await api.upload(file) };
    } catch (error) {
      // A File that is not on disk (made by a page, not picked) cannot be handed over by path.
      if (file.size > MAX_PAIR_DATA_BYTES) throw error;
    }
  }
  return { data: toBase64(await file.arrayBuffer()) };
}

/** Runs an import of an upload, asking how far it is a few times a second. */
async function withProgress<T>(given: { upload: string } | { data: string }, run: () => Promise<T>, onProgress: (fraction: number) => void): Promise<T> {
  if (!('upload' in given)) return run();
  let asking = false;
  const timer = setInterval(() => {
    if (asking) return;
    asking = true;
    api
      .invoke('pairs:progress', { upload: given.upload })
      .then((p) => p && onProgress(p.done))
      .catch(() => {})
      .finally(() => (asking = false));
  }, 250);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}

/** A TMX, XLIFF or two-column table: two documents and their alignment, as the file has them. */
export async function importPairFile(file: File, onProgress: (fraction: number) => void = () => {}): Promise<ImportReport> {
  if (file.size > MAX_PAIR_FILE_BYTES) return { name: file.name, error: t('import.pairTooLarge', { name: file.name, size: Math.round(file.size / 1048576), limit: MAX_PAIR_FILE_BYTES / 1048576 }) };
  try {
    const given = await handOver(file);
    const importAs = (choice?: { source: string; target: string }) => withProgress(given, () => api.invoke('pairs:import', { name: file.name, ...given, ...choice }), onProgress);
    let outcome = await importAs();
    if ('choose' in outcome) {
      const choice = await chooseLanguages(file.name, outcome.choose);
      if (!choice) return { name: file.name, error: t('import.noPairChosen', { name: file.name }) };
      outcome = await importAs(choice);
    }
    if ('choose' in outcome) return { name: file.name, error: t('import.pairNotFound', { name: file.name }) };
    onProgress(1);
    return { name: file.name, document: outcome.right, suggestions: [] };
  } catch (error) {
    return { name: file.name, error: (error as Error).message };
  }
}
