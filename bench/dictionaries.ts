// Dictionary workloads: opening Debian's FreeDict German-English (29 MB, 12.7 MB index) and looking
// words of the German seed document up in it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDictd } from '../electron/services/dictionaries/dictd';
import { lookupCandidates } from '../shared/dictionary/lookup';
import { percentile, peakRssMB, rssMB, type Figure } from './harness';

const FREEDICT = '/usr/share/dictd/freedict-deu-eng.index';

export async function measureDictionary(): Promise<Figure[]> {
  if (!existsSync(FREEDICT)) return [{ name: 'skipped', value: 0, unit: '', note: `${FREEDICT} is absent (apt-get install dict-freedict-deu-eng)` }];
  const before = rssMB();
  const start = performance.now();
  const dictionary = await openDictd(FREEDICT);
  const ready = performance.now() - start;
  const grown = peakRssMB() - before;
  const text = readFileSync(join(import.meta.dirname, '..', 'corpus', '001_60f9e0f360a24205.txt'), 'utf8');
  const words = [...new Set(text.match(/\p{L}{3,}/gu) ?? [])].slice(0, 600);
  const times: number[] = [];
  let found = 0;
  for (const word of words) {
    const t = performance.now();
    const candidates = lookupCandidates(word, 'de', dictionary.headwords);
    for (const c of candidates) found += (await dictionary.definitions(c.key)).length;
    times.push(performance.now() - t);
  }
  await dictionary.close();
  return [
    { name: 'open (index read, ready to look up)', value: ready, unit: 'ms', note: `${dictionary.entries.toLocaleString('en')} entries` },
    { name: 'RSS growth for one open dictionary', value: grown, unit: 'MB' },
    { name: 'lookup with definitions, p50', value: percentile(times, 50), unit: 'ms', note: `${words.length} words of the German seed document, ${found} definitions` },
    { name: 'lookup with definitions, p95', value: percentile(times, 95), unit: 'ms' },
  ];
}

/**
 * Real OCR'd text at book size: the align-gold dev set (German-French) repeated 40 times, read from
 * ../shared/align-gold (never copied), aligned flat, without and with FreeDict's deu-fra translations.
 */
export async function measureRealTextAlignment(times = 40): Promise<Figure[]> {
  const { loadGold, goldLexicon } = await import('./eval-align');
  const { alignSegments } = await import('../shared/alignment/engine');
  const { withLexiconAnchors } = await import('../shared/alignment/lexicon');
  const set = loadGold();
  if (!set) return [{ name: 'skipped', value: 0, unit: '', note: '../shared/align-gold is not here' }];
  const de = Array.from({ length: times }, () => set.de).flat().map((text) => ({ text }));
  const fr = Array.from({ length: times }, () => set.fr).flat().map((text) => ({ text }));
  const figures: Figure[] = [];
  const before = rssMB();
  let start = performance.now();
  const plain = alignSegments(de, fr);
  figures.push({ name: 'align without a dictionary', value: performance.now() - start, unit: 'ms', note: `${de.length} x ${fr.length} sentences, band ±${plain.stats.band}, ${plain.stats.passes} passes` });
  figures.push({ name: 'peak RSS growth', value: peakRssMB() - before, unit: 'MB' });
  const lexicon = await goldLexicon(set);
  if (!lexicon) return [...figures, { name: 'with a dictionary: skipped', value: 0, unit: '', note: 'dict-freedict-deu-fra is not installed' }];
  start = performance.now();
  const [a, b] = withLexiconAnchors(de, fr, lexicon);
  const informed = alignSegments(a, b);
  figures.push({ name: 'align with FreeDict deu-fra (anchors included)', value: performance.now() - start, unit: 'ms', note: `band ±${informed.stats.band}, ${informed.stats.passes} passes` });
  figures.push({ name: 'peak RSS growth, both runs', value: peakRssMB() - before, unit: 'MB' });
  return figures;
}
