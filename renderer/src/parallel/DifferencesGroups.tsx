import { useState } from 'react';
import { flagGroup, flagLabel, type FlagKind, type RowFlag } from '../../../shared/alignment/checks';
import { checkGroupLabel, checkGroups } from '../../../shared/alignment/checks/settings';
import { useParallelStore } from '../state/parallel';
import { usePairChecksStore } from './pairChecks';
import './differences-groups.css';

/** Enough to work through per kind; a longer list would cost more to lay out than it helps. */
const SHOWN = 200;

function FlagItem({ flag }: { flag: RowFlag }) {
  const active = useParallelStore((s) => s.active);
  const setActive = useParallelStore((s) => s.setActive);
  const dismiss = usePairChecksStore((s) => s.dismiss);
  return (
    <li className="difference-item">
      <button type="button" className={`difference difference-${flag.kind}${flag.row === active ? ' is-active' : ''}`} onClick={() => setActive(flag.row)} data-testid="difference">
        <span className="difference-head">
          <span className="difference-kind">{flagLabel[flag.kind]}</span>
          <span className="difference-row">Row {flag.row + 1}</span>
        </span>
        <span className="difference-message">{flag.message}</span>
      </button>
      <button
        type="button"
        className="button-quiet difference-dismiss"
        onClick={() => void dismiss(flag.key, !flag.dismissed)}
        title={flag.dismissed ? 'Count this as a difference again' : 'This is not an error: stop flagging it'}
        data-testid={flag.dismissed ? 'difference-restore' : 'difference-dismiss'}
      >
        {flag.dismissed ? 'Flag again' : 'Not an error'}
      </button>
    </li>
  );
}

function Group({ title, flags, open: initiallyOpen, testId }: { title: string; flags: RowFlag[]; open: boolean; testId: string }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <section className="difference-group" data-testid={testId}>
      <h3>
        <button type="button" className="difference-group-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {title} <span className="count">{flags.length}</span>
        </button>
      </h3>
      {open ? (
        <ul>
          {flags.slice(0, SHOWN).map((flag) => (
            <FlagItem key={`${flag.row}-${flag.kind}-${flag.key}`} flag={flag} />
          ))}
          {flags.length > SHOWN ? <li className="differences-empty">The first {SHOWN} of {flags.length} are listed.</li> : null}
        </ul>
      ) : null}
    </section>
  );
}

/** The checks a pair can switch off, each with a box. */
function CheckSwitches() {
  const disabled = usePairChecksStore((s) => s.checks.disabled);
  const toggle = usePairChecksStore((s) => s.toggle);
  const glossaryTerms = usePairChecksStore((s) => s.glossary?.entries.length ?? 0);
  return (
    <details className="check-switches">
      <summary>Checks for this pair</summary>
      <ul>
        {checkGroups.map((group) => (
          <li key={group}>
            <label>
              <input type="checkbox" checked={!disabled.includes(group)} onChange={(e) => void toggle(group, e.currentTarget.checked)} data-testid={`check-${group}`} />
              {checkGroupLabel[group]}
              {group === 'terminology' ? <span className="check-note"> ({glossaryTerms === 1 ? '1 glossary term' : `${glossaryTerms} glossary terms`})</span> : null}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Flags grouped by kind with counts; those marked "not an error" in a closed group of their own. */
export function DifferencesGroups({ flags }: { flags: RowFlag[] }) {
  const live = flags.filter((f) => !f.dismissed);
  const dismissed = flags.filter((f) => f.dismissed);
  const byKind = new Map<FlagKind, RowFlag[]>();
  for (const f of live) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  const kinds = [...byKind.keys()].sort((x, y) => checkGroups.indexOf(flagGroup[x]) - checkGroups.indexOf(flagGroup[y]));
  return (
    <div className="difference-groups">
      <CheckSwitches />
      {live.length === 0 ? <p className="differences-empty">No row looks suspicious: numbers match and lengths are as usual.</p> : null}
      {kinds.map((kind) => (
        <Group key={kind} title={flagLabel[kind]} flags={byKind.get(kind)!} open={byKind.size <= 3} testId={`differences-${kind}`} />
      ))}
      {dismissed.length ? <Group title="Not an error" flags={dismissed} open={false} testId="differences-dismissed" /> : null}
    </div>
  );
}
