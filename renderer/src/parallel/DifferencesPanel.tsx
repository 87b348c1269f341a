import type { RowFlag } from '../../../shared/alignment/checks';
import { DifferencesGroups } from './DifferencesGroups';
import { GlossaryButton } from './GlossaryDialog';
import { ReportMenu, type ReportSource } from './ReportMenu';
import { t } from '../../../shared/i18n/current';

/** The translation checks: flagged rows grouped by kind, and a click takes both sides there. */
export function DifferencesPanel({ flags, pair, overlay = false, onClose }: { flags: RowFlag[]; pair: Omit<ReportSource, 'flags'>; overlay?: boolean; onClose: () => void }) {
  return (
    <aside className={`differences${overlay ? ' differences-overlay' : ''}`} aria-label={t('parallel.differences')} data-testid="differences">
      <h2>
        <span>
          {t('parallel.differences')} <span className="count">{flags.filter((f) => !f.dismissed).length}</span>
        </span>
        <button type="button" className="button-quiet differences-close" onClick={onClose} aria-label={t('differences.close')} title={t('differences.closeTitle')}>
          ✕
        </button>
      </h2>
      <div className="differences-actions">
        <GlossaryButton />
        <ReportMenu source={{ ...pair, flags }} />
      </div>
      <DifferencesGroups flags={flags} />
    </aside>
  );
}
