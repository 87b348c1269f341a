import { AlignmentInputError, alignDocuments, fingerprint, rowsFit } from '../../shared/alignment/documents';
import { FacingError } from '../../shared/ipc/errors';
import { t } from '../../shared/i18n/current';
import { pairKey, StoredAlignmentSchema, type Alignment, type AlignmentRow, type StoredAlignment } from '../../shared/model/alignment';
import type { Document } from '../../shared/model/document';
import type { TranslationLexicon } from '../../shared/alignment/lexicon';
import type { CorpusService } from './corpus';
import type { Store } from './store';

export interface AlignmentService {
  get(left: string, right: string): Promise<Alignment>;
  save(left: string, right: string, rows: AlignmentRow[]): Promise<Alignment>;
  reset(left: string, right: string): Promise<Alignment>;
  /**
   * Aligns a pair ahead of its opening (in the background), leaving the user's stored edits alone:
   * setting aside edits that no longer fit is for `get`, whose caller shows the notice.
   */
  warm(left: string, right: string): Promise<void>;
}

/** Computed alignments (cached per pair and text) and the user's stored edits, which win while they still fit. */
/** A bilingual lexicon for two documents' languages, when an enabled dictionary covers them. */
export type LexiconSource = (left: Document, right: Document) => Promise<TranslationLexicon | undefined>;

export function createAlignmentService(corpus: CorpusService, store: Store, lexiconFor?: LexiconSource): AlignmentService {
  const computed = new Map<string, { stamp: string; rows: AlignmentRow[] }>();

  async function load(left: string, right: string): Promise<[Document, Document]> {
    return Promise.all([corpus.get(left), corpus.get(right)]);
  }

  async function compute(a: Document, b: Document): Promise<AlignmentRow[]> {
    const key = pairKey(a.meta.id, b.meta.id);
    const lexicon = await lexiconFor?.(a, b).catch(() => undefined);
    // A dictionary switched on or off changes the evidence, so it is part of the cache's stamp.
    const stamp = `${fingerprint(a.text)}:${fingerprint(b.text)}:${lexicon ? `${lexicon.from}-${lexicon.to}-${lexicon.size}` : '-'}`;
    const cached = computed.get(key);
    if (cached?.stamp === stamp) return cached.rows;
    let rows: AlignmentRow[];
    try {
      rows = alignDocuments(a, b, { lexicon });
    } catch (error) {
      if (error instanceof AlignmentInputError) throw new FacingError('not-alignable', error.message);
      throw error;
    }
    computed.set(key, { stamp, rows });
    return rows;
  }

  return {
    async get(left, right) {
      const [a, b] = await load(left, right);
      const key = pairKey(left, right);
      const raw = store.data.alignments[key];
      if (raw !== undefined) {
        const stored = StoredAlignmentSchema.safeParse(raw);
        const fits = stored.success && stored.data.leftFingerprint === fingerprint(a.text) && stored.data.rightFingerprint === fingerprint(b.text) && rowsFit(stored.data.rows, a, b);
        if (fits) return { left, right, rows: stored.data.rows, edited: true };
        // Set aside, not deleted: the entry stays in the store under another key until the user edits again.
        await store.commit([
          { c: 'alignments', k: `${key}|stale-${new Date().toISOString()}`, v: raw },
          { c: 'alignments', k: key, v: null },
        ]);
        return {
          left,
          right,
          rows: await compute(a, b),
          edited: false,
          notice: t('alignSvc.editsSetAside'),
        };
      }
      return { left, right, rows: await compute(a, b), edited: false };
    },

    async save(left, right, rows) {
      const [a, b] = await load(left, right);
      if (!rowsFit(rows, a, b)) {
        throw new FacingError('invalid-request', t('alignSvc.rowsDontCover'));
      }
      const stored: StoredAlignment = {
        left,
        right,
        leftFingerprint: fingerprint(a.text),
        rightFingerprint: fingerprint(b.text),
        rows,
        modified: new Date().toISOString(),
      };
      await store.commit([{ c: 'alignments', k: pairKey(left, right), v: stored }]);
      return { left, right, rows, edited: true };
    },

    async warm(left, right) {
      if (store.data.alignments[pairKey(left, right)] !== undefined) return;
      const [a, b] = await load(left, right);
      await compute(a, b);
    },

    async reset(left, right) {
      const [a, b] = await load(left, right);
      if (store.data.alignments[pairKey(left, right)] !== undefined) {
        await store.commit([{ c: 'alignments', k: pairKey(left, right), v: null }]);
      }
      return { left, right, rows: await compute(a, b), edited: false };
    },
  };
}
