import { useEffect, useRef, useState } from 'react';
import { formatInfo, PairFormatSchema, type ExportedFile, type PairFormat } from '../../../shared/formats/formats';
import { api } from '../api';
import { useCommands, type Command } from '../commands/registry';
import type { MessageKey } from '../../../shared/i18n/en';
import './export-menu.css';
import { t } from '../../../shared/i18n/current';

const formats = PairFormatSchema.options;

const formatKeys: Record<PairFormat, MessageKey> = {
  tmx: 'pairFormat.tmx',
  xliff: 'pairFormat.xliff',
  tsv: 'pairFormat.tsv',
  csv: 'pairFormat.csv',
  xlsx: 'pairFormat.xlsx',
  html: 'pairFormat.html',
  epub: 'pairFormat.epub',
  docx: 'pairFormat.docx',
  json: 'pairFormat.json',
};

/** Hands a file to the browser's download (a save dialog in Electron). */
export function save(file: Pick<ExportedFile, 'name' | 'mime' | 'text' | 'base64'>): void {
  const body = file.base64 !== undefined ? Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)) : new TextEncoder().encode(file.text ?? '');
  const url = URL.createObjectURL(new Blob([body], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Export…": the pair as TMX, XLIFF, a table or a reading copy; also in the command palette. */
export function ExportMenu({ left, right }: { left: string; right: string }) {
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<'sentence' | 'paragraph'>('sentence');
  const [highlights, setHighlights] = useState(true);
  const [status, setStatus] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const run = async (format: PairFormat) => {
    setStatus(t('export.writing', { format: t(formatKeys[format]) }));
    try {
      const file = await api.invoke('pairs:export', { left, right, format, level, highlights });
      save(file);
      setStatus(file.notice ? t('export.savedNotice', { name: file.name, notice: file.notice }) : t('export.saved', { name: file.name }));
      setOpen(false);
    } catch (error) {
      setStatus(t('export.failed', { reason: (error as Error).message }));
    }
  };

  useCommands(
    formats.map(
      (format): Command => ({
        id: `export-${format}`,
        label: t('export.pairAs', { format: t(formatKeys[format]) }),
        run: () => void run(format),
      }),
    ),
  );

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="export-menu" ref={root}>
      <button type="button" className="button-quiet" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="export-menu">
        {t('export.button')}
      </button>
      {open ? (
        <div className="export-popover" role="group" aria-label={t('export.pair')}>
          <fieldset className="export-options">
            <legend>{t('export.rows')}</legend>
            <label>
              <input type="radio" name="export-level" checked={level === 'sentence'} onChange={() => setLevel('sentence')} /> {t('export.sentences')}
            </label>
            <label>
              <input type="radio" name="export-level" checked={level === 'paragraph'} onChange={() => setLevel('paragraph')} /> {t('export.paragraphs')}
            </label>
            <label>
              <input type="checkbox" checked={highlights} onChange={(e) => setHighlights(e.currentTarget.checked)} /> {t('export.highlights')}
            </label>
          </fieldset>
          <ul className="export-formats">
            {formats.map((format) => (
              <li key={format}>
                <button type="button" className="button-quiet" onClick={() => void run(format)} data-testid={`export-${format}`}>
                  <span className="export-format-name">.{formatInfo[format].extension}</span>
                  <span className="export-format-label">{t(formatKeys[format])}</span>
                </button>
              </li>
            ))}
            <li>
              <button type="button" className="button-quiet" onClick={() => (setOpen(false), window.print())} data-testid="export-print">
                <span className="export-format-name">{t('export.print')}</span>
                <span className="export-format-label">{t('export.printLabel')}</span>
              </button>
            </li>
          </ul>
        </div>
      ) : null}
      {status ? (
        <span className="export-status" role="status">
          {status}
        </span>
      ) : null}
    </div>
  );
}
