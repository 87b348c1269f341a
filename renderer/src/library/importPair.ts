import { isPairFile } from '../../../shared/formats/formats';
import { MAX_PAIR_FILE_BYTES } from '../../../shared/formats/contract';
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

/** A TMX, XLIFF or two-column table: two documents and their alignment, as the file has them. */
export async function importPairFile(file: File): Promise<ImportReport> {
  if (file.size > MAX_PAIR_FILE_BYTES) return { name: file.name, error: t('import.pairTooLarge', { name: file.name, size: Math.round(file.size / 1048576), limit: MAX_PAIR_FILE_BYTES / 1048576 }) };
  try {
    const data = toBase64(await file.arrayBuffer());
    let outcome = await api.invoke('pairs:import', { name: file.name, data });
    if ('choose' in outcome) {
      const choice = await chooseLanguages(file.name, outcome.choose);
      if (!choice) return { name: file.name, error: t('import.noPairChosen', { name: file.name }) };
      outcome = await api.invoke('pairs:import', { name: file.name, data, ...choice });
    }
    if ('choose' in outcome) return { name: file.name, error: t('import.pairNotFound', { name: file.name }) };
    return { name: file.name, document: outcome.right, suggestions: [] };
  } catch (error) {
    return { name: file.name, error: (error as Error).message };
  }
}
