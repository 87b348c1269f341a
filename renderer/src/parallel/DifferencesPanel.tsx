import { flagLabel as kindLabel, type RowFlag } from '../../../shared/alignment/checks';
import { useParallelStore } from '../state/parallel';

/** Enough to work through; a longer list would cost more to lay out than it helps. */
const SHOWN = 300;

/** The translation checks: every flagged row, and a click takes both sides there. */
export function DifferencesPanel({ flags, overlay = false, onClose }: { flags: RowFlag[]; overlay?: boolean; onClose: () => void }) {
  const active = useParallelStore((s) => s.active);
  const setActive = useParallelStore((s) => s.setActive);
  return (
    <aside className={`differences${overlay ? ' differences-overlay' : ''}`} aria-label="Differences" data-testid="differences">
      <h2>
        <span>
          Differences <span className="count">{flags.length}</span>
        </span>
        <button type="button" className="button-quiet differences-close" onClick={onClose} aria-label="Close the differences" title="Close the differences (D)">
          ✕
        </button>
      </h2>
      {flags.length === 0 ? (
        <p className="differences-empty">No row looks suspicious: numbers match and lengths are as usual.</p>
      ) : (
        <ul>
          {flags.slice(0, SHOWN).map((flag) => (
            <li key={`${flag.row}-${flag.kind}`}>
              <button
                type="button"
                className={`difference difference-${flag.kind}${flag.row === active ? ' is-active' : ''}`}
                onClick={() => setActive(flag.row)}
                data-testid="difference"
              >
                <span className="difference-head">
                  <span className="difference-kind">{kindLabel[flag.kind]}</span>
                  <span className="difference-row">Row {flag.row + 1}</span>
                </span>
                <span className="difference-message">{flag.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {flags.length > SHOWN ? (
        <p className="differences-empty">
          The first {SHOWN} of {new Intl.NumberFormat().format(flags.length)} are listed; so many usually means the two texts are not translations of each other.
        </p>
      ) : null}
    </aside>
  );
}
