import { sentenceSpans } from '../../../shared/alignment/rows';
import { describeRange } from '../../../shared/annotations/anchoring';
import { useAnnotations } from '../state/annotations';
import { canMergeWithNext, canMove, canSplit, mergeWithNext, moveSentence, setChecked, splitRow, type Direction, type Side } from '../../../shared/alignment/edits';
import { useHistory } from '../state/history';
import { useParallelStore } from '../state/parallel';
import { t } from '../../../shared/i18n/current';

type State = ReturnType<typeof useParallelStore.getState>;

/** A command of the parallel view, shared by its buttons, its keyboard shortcuts and its help. */
export interface ParallelAction {
  id: string;
  label: string;
  /** As shown to the user. */
  shortcut?: string;
  matches?: (event: KeyboardEvent) => boolean;
  enabled: (state: State) => boolean;
  run: (state: State) => void;
}

const plain = (key: string) => (e: KeyboardEvent) => e.key === key && !e.ctrlKey && !e.metaKey && !e.altKey;
const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

/** The document side shown in a screen column: swapping sides swaps which one that is. */
export function sideOf(column: 'left' | 'right', swapped: boolean): Side {
  return (column === 'left') !== swapped ? 'a' : 'b';
}

function move(column: 'left' | 'right', direction: Direction): ParallelAction {
  const arrow = direction === 'up' ? '↑' : '↓';
  return {
    id: `move-${column}-${direction}`,
    get label() {
      return direction === 'up' ? t('action.moveUp', { column }) : t('action.moveDown', { column });
    },
    shortcut: `${column === 'left' ? 'Alt' : 'Alt+Shift'}+${arrow}`,
    matches: (e) => e.altKey && !mod(e) && e.shiftKey === (column === 'right') && e.key === (direction === 'up' ? 'ArrowUp' : 'ArrowDown'),
    enabled: (s) => canMove(s.rows, s.active, sideOf(column, s.swapped), direction),
    run: (s) => s.apply(t('history.move', { column, direction }), (rows) => moveSentence(rows, s.active, sideOf(column, s.swapped), direction)),
  };
}

export const parallelActions: ParallelAction[] = [
  {
    id: 'next-row',
    get label() {
      return t('action.nextRow');
    },
    shortcut: '↓ or J',
    matches: (e) => plain('ArrowDown')(e) || plain('j')(e),
    enabled: (s) => s.active < s.rows.length - 1,
    run: (s) => s.setActive(s.active + 1),
  },
  {
    id: 'previous-row',
    get label() {
      return t('action.previousRow');
    },
    shortcut: '↑ or K',
    matches: (e) => plain('ArrowUp')(e) || plain('k')(e),
    enabled: (s) => s.active > 0,
    run: (s) => s.setActive(s.active - 1),
  },
  {
    id: 'merge',
    get label() {
      return t('action.merge');
    },
    shortcut: 'M',
    matches: plain('m'),
    enabled: (s) => canMergeWithNext(s.rows, s.active),
    run: (s) => s.apply(t('history.merge'), (rows) => mergeWithNext(rows, s.active)),
  },
  {
    id: 'split',
    get label() {
      return t('action.split');
    },
    shortcut: 'S',
    matches: plain('s'),
    enabled: (s) => canSplit(s.rows, s.active),
    run: (s) => s.apply(t('history.split'), (rows) => splitRow(rows, s.active)),
  },
  move('left', 'up'),
  move('left', 'down'),
  move('right', 'up'),
  move('right', 'down'),
  {
    id: 'check',
    get label() {
      return t('action.check');
    },
    shortcut: 'C',
    matches: plain('c'),
    enabled: (s) => s.rows.length > 0,
    run: (s) => {
      const checking = !s.rows[s.active]!.checked;
      s.apply(checking ? t('history.checked') : t('history.unchecked'), (rows) => setChecked(rows, s.active, checking));
      // Reviewing only unchecked rows: the row just checked leaves the list, so go on to the next.
      const state = useParallelStore.getState();
      if (checking && state.onlyUnchecked) state.setActive(state.nextUnchecked() ?? state.active);
    },
  },
  {
    id: 'next-unchecked',
    get label() {
      return t('action.nextUnchecked');
    },
    shortcut: 'U',
    matches: plain('u'),
    enabled: (s) => s.rows.some((r, k) => !r.checked && k !== s.active),
    run: (s) => s.setActive(s.nextUnchecked() ?? s.active),
  },
  {
    id: 'only-unchecked',
    get label() {
      return t('action.onlyUnchecked');
    },
    shortcut: 'Shift+U',
    matches: (e) => e.key === 'U' && e.shiftKey && !mod(e) && !e.altKey,
    enabled: (s) => s.rows.length > 0,
    run: (s) => s.toggleOnlyUnchecked(),
  },
  {
    id: 'highlight-row',
    get label() {
      return t('action.highlight');
    },
    shortcut: 'H',
    matches: plain('h'),
    enabled: (s) => highlightTarget(s) !== null,
    run: (s) => {
      const target = highlightTarget(s);
      if (target) void useAnnotations.getState().create({ documentId: target.doc.meta.id, target: describeRange(target.doc.text, target.start, target.end), colour: 'yellow', tags: [], note: '' });
    },
  },
  {
    id: 'find',
    get label() {
      return t('action.find');
    },
    shortcut: 'Ctrl+F',
    matches: (e) => mod(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f',
    enabled: () => true,
    run: (s) => s.setFinding(true),
  },
  {
    id: 'undo',
    get label() {
      return t('action.undo');
    },
    enabled: () => useHistory.getState().can('undo', 'alignment'),
    run: () => void useHistory.getState().undo('alignment'),
  },
  {
    id: 'redo',
    get label() {
      return t('action.redo');
    },
    enabled: () => useHistory.getState().can('redo', 'alignment'),
    run: () => void useHistory.getState().redo('alignment'),
  },
  {
    id: 'swap',
    get label() {
      return t('action.swap');
    },
    shortcut: 'X',
    matches: plain('x'),
    enabled: () => true,
    run: (s) => s.toggleSwap(),
  },
  {
    id: 'sync',
    get label() {
      return t('action.sync');
    },
    shortcut: 'Y',
    matches: plain('y'),
    enabled: () => true,
    run: (s) => s.toggleSync(),
  },
  {
    id: 'differences',
    get label() {
      return t('action.differences');
    },
    shortcut: 'D',
    matches: plain('d'),
    enabled: () => true,
    run: (s) => s.togglePanel(),
  },
];

/** The left column's sentences in the active row, as one range of its document. */
function highlightTarget(s: State) {
  const row = s.rows[s.active];
  const doc = s.swapped ? s.right : s.left;
  const ids = row ? (s.swapped ? row.b : row.a) : [];
  if (!doc || ids.length === 0) return null;
  const spans = sentenceSpans(doc);
  const sentences = ids.map((id) => spans.get(id)).filter((x) => x !== undefined);
  if (sentences.length === 0) return null;
  return { doc, start: Math.min(...sentences.map((x) => x.start)), end: Math.max(...sentences.map((x) => x.end)) };
}

export function actionById(id: string): ParallelAction {
  const action = parallelActions.find((a) => a.id === id);
  if (!action) throw new Error(`No action ${id}`);
  return action;
}
