import { useState } from 'react';
import { flagGroup, type FlagKind, type RowFlag } from '../../../shared/alignment/checks';
import { checkGroups, type CheckGroup } from '../../../shared/alignment/checks/settings';
import type { MessageKey } from '../../../shared/i18n/en';
import { useParallelStore } from '../state/parallel';
import { usePairChecksStore } from './pairChecks';
import './differences-groups.css';
import { t } from '../../../shared/i18n/current';

/** Enough to work through per kind; a longer list would cost more to lay out than it helps. */
const SHOWN = 200;

const flagKeys: Record<FlagKind, MessageKey> = {
  'no-counterpart': 'flag.noCounterpart',
  'number-mismatch': 'flag.numberMismatch',
  'length-ratio': 'flag.lengthRatio',
  'term-missing': 'flag.termMissing',
  'inconsistent-source': 'flag.inconsistentSource',
  'inconsistent-target': 'flag.inconsistentTarget',
  'end-punctuation': 'flag.endPunctuation',
  'untranslated': 'flag.untranslated',
  'doubled': 'flag.doubled',
  'unbalanced': 'flag.unbalanced',
};

const groupKeys: Record<CheckGroup, MessageKey> = {
  counterpart: 'checkGroup.counterpart',
  numbers: 'checkGroup.numbers',
  length: 'checkGroup.length',
  terminology: 'checkGroup.terminology',
  consistency: 'checkGroup.consistency',
  form: 'checkGroup.form',
};

function FlagItem({ flag }: { flag: RowFlag }) {
  const active = useParallelStore((s) => s.active);
  const setActive = useParallelStore((s) => s.setActive);
  const dismiss = usePairChecksStore((s) => s.dismiss);
  return (
    <li className="difference-item">
      <button type="button" className={`difference difference-${flag.kind}${flag.row === active ? ' is-active' : ''}`} onClick={() => setActive(flag.row)} data-testid="difference">
        <span className="difference-head">
          <span className="difference-kind">{t(flagKeys[flag.kind])}</span>
          <span className="difference-row">{t('differences.row', { row: flag.row + 1 })}</span>
        </span>
        <span className="difference-message">{flag.message}</span>
      </button>
      <button
        type="button"
        className="button-quiet difference-dismiss"
        onClick={() => void dismiss(flag.key, !flag.dismissed)}
        title={flag.dismissed ? t('differences.flagAgainTitle') : t('differences.dismissTitle')}
        data-testid={flag.dismissed ? 'difference-restore' : 'difference-dismiss'}
      >
        {flag.dismissed ? t('differences.flagAgain') : t('differences.notError')}
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
          {flags.length > SHOWN ? <li className="differences-empty">{t('differences.firstListed', { shown: SHOWN, total: flags.length })}</li> : null}
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
      <summary>{t('differences.checks')}</summary>
      <ul>
        {checkGroups.map((group) => (
          <li key={group}>
            <label>
              <input type="checkbox" checked={!disabled.includes(group)} onChange={(e) => void toggle(group, e.currentTarget.checked)} data-testid={`check-${group}`} />
              {t(groupKeys[group])}
              {group === 'terminology' ? <span className="check-note"> ({t('differences.glossaryTerms', { count: glossaryTerms })})</span> : null}
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
      {live.length === 0 ? <p className="differences-empty">{t('differences.none')}</p> : null}
      {kinds.map((kind) => (
        <Group key={kind} title={t(flagKeys[kind])} flags={byKind.get(kind)!} open={byKind.size <= 3} testId={`differences-${kind}`} />
      ))}
      {dismissed.length ? <Group title={t('differences.notError')} flags={dismissed} open={false} testId="differences-dismissed" /> : null}
    </div>
  );
}
