import type { Document, DocumentSummary, PairSuggestion } from '../../../shared/model/document';

/** Names and numbers kept per document for pairing suggestions. */
const FINGERPRINT_SIZE = 400;

interface Fingerprint {
  language: string;
  paragraphs: number;
  tokens: Set<string>;
}

/** Numbers and capitalised words: what a translation keeps. The most frequent few hundred. */
function fingerprintOf(doc: Document): Fingerprint {
  const counts = new Map<string, number>();
  for (const match of doc.text.matchAll(/\d[\d.,]*\d|\p{Lu}[\p{L}]{3,}/gu)) {
    const token = /^\d/.test(match[0]) ? `#${match[0].replace(/\D/g, '')}` : match[0];
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const tokens = new Set([...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, FINGERPRINT_SIZE).map(([t]) => t));
  return { language: doc.meta.language.split('-')[0]!, paragraphs: doc.paragraphs.filter((p) => p.kind !== 'boilerplate').length, tokens };
}

export function createPairing(list: () => Promise<DocumentSummary[]>, get: (id: string) => Promise<Document>) {
  const fingerprints = new Map<string, Fingerprint>();

  async function fingerprint(id: string): Promise<Fingerprint | null> {
    let known = fingerprints.get(id);
    if (!known) {
      const doc = await get(id).catch(() => null);
      if (!doc) return null;
      known = fingerprintOf(doc);
      fingerprints.set(id, known);
    }
    return known;
  }

  /** Likely translations of a document: other languages, similar structure, shared numbers and names. */
  async function suggestPairs(id: string): Promise<PairSuggestion[]> {
    const own = await fingerprint(id);
    if (!own) return [];
    const suggestions: PairSuggestion[] = [];
    for (const other of await list()) {
      if (other.id === id || other.problem || other.language.split('-')[0] === own.language) continue;
      const theirs = await fingerprint(other.id);
      if (!theirs) continue;
      const shared = [...own.tokens].filter((t) => theirs.tokens.has(t));
      const overlap = shared.length / Math.max(1, Math.min(own.tokens.size, theirs.tokens.size));
      const structure = 1 - Math.abs(own.paragraphs - theirs.paragraphs) / Math.max(own.paragraphs, theirs.paragraphs, 1);
      const score = Math.round((0.65 * overlap + 0.35 * structure) * 100) / 100;
      if (score < 0.35) continue;
      const numbers = shared.filter((t) => t.startsWith('#')).length;
      suggestions.push({
        id: other.id,
        title: other.title,
        language: other.language,
        score,
        reasons: [`${own.paragraphs} and ${theirs.paragraphs} paragraphs`, `${numbers} shared numbers`, `${shared.length - numbers} shared names`],
      });
    }
    return suggestions.sort((a, b) => b.score - a.score).slice(0, 3);
  }

  return { suggestPairs, forget: (id: string) => fingerprints.delete(id) };
}
