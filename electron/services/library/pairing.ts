import { pairEvidence, profileOf, type PairingProfile } from '../../../shared/corpus/pairing';
import type { Document, DocumentSummary, PairSuggestion } from '../../../shared/model/document';

/** A word shared by more documents than this is no evidence of anything and is not followed. */
const COMMON_TOKEN = 500;
/** Shared numbers and names a candidate needs before its evidence is weighed. */
const MIN_SHARED = 4;

const base = (language: string) => language.toLowerCase().split('-')[0]!;
const tokensOf = (profile: PairingProfile) => [...profile.numbers.map((n) => `#${n}`), ...profile.names];

export interface PairingSources {
  /** Every document: read once, when the first suggestion is asked for. */
  list(): Promise<DocumentSummary[]>;
  summary(id: string): Promise<DocumentSummary | undefined>;
  /** The stored profile of an imported document, if it has one. */
  storedProfile(id: string): Promise<PairingProfile | undefined>;
  /** For documents without a stored profile (bundled ones, synced ones): read once. */
  get(id: string): Promise<Document>;
  /** Told of a profile made from a document's text, to store it if it should be. */
  keep?(id: string, profile: PairingProfile): void;
}

/**
 * Pairing suggestions from compact profiles: an in-memory map from each number and name to the
 * documents holding it finds the few candidates worth weighing, so a suggestion costs the same in a
 * library of ten documents or ten thousand, and never reads another document's text.
 */
export function createPairing(sources: PairingSources) {
  const computed = new Map<string, PairingProfile>();
  /**
   * Each number and name to the documents holding it, as document numbers (see `numbers`): a
   * library of ten thousand documents has over a million of these, and arrays of small integers
   * take a fraction of the time and memory of sets of ids. A removed document's number stays behind
   * in them, skipped when read.
   */
  let postings: Map<string, number[]> | null = null;
  const numbers = new Map<string, number>();
  const idOf: Array<string | null> = [];
  /** Tokens held by more than COMMON_TOKEN documents: no longer followed, nor their documents kept. */
  const common = new Set<string>();
  /**
   * Each indexed document's language (its base: "de" for "de-AT"), by document number, to pass over
   * candidates in the same language before weighing them: a suggestion reads up to 70,000 of these
   * in a large library, and an array read is a fraction of a map's.
   */
  const languages: Array<string | undefined> = [];

  async function profile(id: string): Promise<PairingProfile | null> {
    const stored = computed.get(id) ?? (await sources.storedProfile(id));
    if (stored) return stored;
    const doc = await sources.get(id).catch(() => null);
    if (!doc) return null;
    const made = profileOf(doc.paragraphs.map((p) => ({ kind: p.kind, text: doc.text.slice(p.start, p.end) })));
    computed.set(id, made);
    sources.keep?.(id, made);
    return made;
  }

  function index(id: string, language: string, made: PairingProfile) {
    let number = numbers.get(id);
    if (number === undefined) {
      number = idOf.push(id) - 1;
      numbers.set(id, number);
    }
    languages[number] = base(language);
    for (const token of tokensOf(made)) {
      if (common.has(token)) continue;
      let holders = postings!.get(token);
      if (!holders) postings!.set(token, (holders = []));
      if (holders[holders.length - 1] === number) continue;
      holders.push(number);
      if (holders.length > COMMON_TOKEN) {
        postings!.delete(token);
        common.add(token);
      }
    }
  }

  async function build() {
    const documents = await sources.list();
    postings = new Map();
    for (const d of documents) {
      if (d.problem) continue;
      const made = await profile(d.id);
      if (made) index(d.id, d.language, made);
    }
  }
  /** Built once, by the first ask: an ask meanwhile waits for it instead of finding it half built (two imports at once). */
  let building: Promise<void> | null = null;
  const ensure = () =>
    (building ??= build().catch((error: unknown) => {
      building = null;
      postings = null;
      throw error;
    }));

  /**
   * Originals this document may translate: another language, lengths and paragraphs that fit, numbers
   * and names in common. Nothing for a document already paired, and no candidate that is itself a
   * translation (its original is the one to pair with).
   */
  async function suggestPairs(id: string): Promise<PairSuggestion[]> {
    await ensure();
    const own = await sources.summary(id);
    const mine = own && !own.problem ? await profile(id) : null;
    if (!own || !mine || own.translationOf) return [];
    const mineAt = numbers.get(id);
    if (mineAt === undefined || languages[mineAt] === undefined) index(id, own.language, mine);
    const language = base(own.language);
    // Removed documents' numbers have no language: passed over with the same test.
    const counts = new Map<number, number>();
    for (const token of tokensOf(mine)) {
      for (const number of postings!.get(token) ?? []) {
        const theirs = languages[number];
        if (theirs !== undefined && theirs !== language) counts.set(number, (counts.get(number) ?? 0) + 1);
      }
    }
    const suggestions: PairSuggestion[] = [];
    for (const [number, shared] of counts) {
      const otherId = idOf[number];
      if (!otherId || otherId === id || shared < MIN_SHARED) continue;
      const other = await sources.summary(otherId);
      if (!other || other.problem || other.translationOf) continue;
      if (base(other.language) === base(own.language)) continue;
      const theirs = await profile(otherId);
      const evidence = theirs && pairEvidence(mine, theirs);
      if (evidence) suggestions.push({ id: otherId, title: other.title, language: other.language, score: evidence.score, reasons: evidence.reasons });
    }
    return suggestions.sort((a, b) => b.score - a.score).slice(0, 3);
  }

  return {
    suggestPairs,
    forget(id: string) {
      computed.delete(id);
      const number = numbers.get(id);
      if (number !== undefined) (idOf[number] = null), (languages[number] = undefined);
      numbers.delete(id);
    },
    /** A document's language was changed by hand. */
    relabel(id: string, language: string) {
      const number = numbers.get(id);
      if (number !== undefined && languages[number] !== undefined) languages[number] = base(language);
    },
  };
}
