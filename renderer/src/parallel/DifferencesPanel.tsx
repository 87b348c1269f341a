import type { RowFlag } from '../../../shared/alignment/checks';
import { DifferencesGroups } from './DifferencesGroups';

/** The translation checks: flagged rows grouped by kind, and a click takes both sides there. */
export function DifferencesPanel({ flags, overlay = false, onClose }: { flags: RowFlag[]; overlay?: boolean; onClose: () => void }) {
  return (
    <aside className={`differences${overlay ? ' differences-overlay' : ''}`} aria-label="Differences" data-testid="differences">
      <h2>
        <span>
          Differences <span className="count">{flags.filter((f) => !f.dismissed).length}</span>
        </span>
        <button type="button" className="button-quiet differences-close" onClick={onClose} aria-label="Close the differences" title="Close the differences (D)">
          ✕
        </button>
      </h2>
      <DifferencesGroups flags={flags} />
    </aside>
  );
}
