import { useState } from 'react';
import { rowTexts, type RowFlag } from '../../../shared/alignment/checks';
import { qaReport, type QaReportFormat } from '../../../shared/formats/qa-report';
import type { AlignmentRow } from '../../../shared/model/alignment';
import type { Document } from '../../../shared/model/document';
import { save } from './ExportMenu';
import './report-menu.css';
import { t } from '../../../shared/i18n/current';

export interface ReportSource {
  a: Document;
  b: Document;
  rows: readonly AlignmentRow[];
  flags: readonly RowFlag[];
}

/** "Export report…": the flags with both sides of each row, as a page to read or a spreadsheet to work through. */
export function ReportMenu({ source }: { source: ReportSource }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const write = (format: QaReportFormat) => {
    const { a, b, rows, flags } = source;
    const texts = rowTexts(rows, a, b);
    const file = qaReport(format, { title: a.meta.title, source: a.meta.language, target: b.meta.language, rows: rows.length, flags, texts: (row) => texts[row]!, created: new Date().toISOString() });
    save(file);
    setStatus(t('export.saved', { name: file.name }));
    setOpen(false);
  };
  return (
    <div className="report-menu">
      <button type="button" className="button-quiet" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="export-report">
        {t('report.button')}
      </button>
      {open ? (
        <div className="report-choices" role="group" aria-label={t('report.label')}>
          <button type="button" className="button-quiet" onClick={() => write('html')} data-testid="export-report-html">
            <strong>HTML</strong> {t('report.html')}
          </button>
          <button type="button" className="button-quiet" onClick={() => write('csv')} data-testid="export-report-csv">
            <strong>CSV</strong> {t('report.csv')}
          </button>
        </div>
      ) : null}
      {status ? (
        <span className="report-status" role="status">
          {status}
        </span>
      ) : null}
    </div>
  );
}
