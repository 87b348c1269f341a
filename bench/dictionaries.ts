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
  // Each word is looked up once, in the document's order, right after opening (so the first lookups
  // also pay for compiling the stemmer). What carries from one lookup to the next is what the app
  // keeps too: the last 32 inflated dictzip chunks (~1.9 MB) and the Snowball stems already computed.
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let found = 0;
  for (const word of words) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const candidates = lookupCandidates(word, 'de', dictionary.headwords);
    for (const c of candidates) found += (await dictionary.definitions(c.key)).length;
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    times.push(performance.now() - t);
  }
  await dictionary.close();
  return [
    { name: 'open (index read, ready to look up)', value: ready, unit: 'ms', note: `${dictionary.entries.toLocaleString('en')} entries` },
    { name: 'RSS growth for one open dictionary', value: grown, unit: 'MB' },
    { name: 'lookup with definitions, p50', value: percentile(times, 50), unit: 'ms', note: `${words.length} words of the German seed document, each once, ${found} definitions` },
    { name: 'lookup with definitions, p95', value: percentile(times, 95), unit: 'ms' },
    { name: 'lookup CPU time, p95', value: percentile(cpuTimes, 95), unit: 'ms', note: `p50 ${percentile(cpuTimes, 50).toFixed(1)} ms; the process's CPU time, which other work on the machine inflates less than wall time` },
  ];
}

/**
 * Real OCR'd text at book size: the align-gold dev set (German-French) repeated 40 times, read from
 * ../shared/align-gold (never copied), aligned flat, without and with FreeDict's deu-fra translations.
 * After a warm-up of each, the two alternate five times; CPU time is given beside wall time since
 * other work on the machine inflates the latter, and the dictionary's cost is the ratio of CPU medians.
 */
export async function measureRealTextAlignment(times = 40, repeat = 5): Promise<Figure[]> {
  const { loadGold, goldLexicon } = await import('./eval-align');
  const { alignSegments } = await import('../shared/alignment/engine');
  const { withLexiconAnchors } = await import('../shared/alignment/lexicon');
  const set = loadGold();
  if (!set) return [{ name: 'skipped', value: 0, unit: '', note: '../shared/align-gold is not here' }];
  const de = Array.from({ length: times }, () => set.de).flat().map((text) => ({ text }));
  const fr = Array.from({ length: times }, () => set.fr).flat().map((text) => ({ text }));
  const measure = (run: () => AlignStats) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const stats = run();
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000, stats };
  };
  type AlignStats = ReturnType<typeof alignSegments>['stats'];
  const before = rssMB();
  const plain = () => alignSegments(de, fr).stats;
  measure(plain);
  const grownPlain = peakRssMB() - before;
  const lexicon = await goldLexicon(set);
  // The dictionary's anchors are found inside the timed run: they are part of what it costs.
  const informed = lexicon
    ? () => {
        const [a, b] = withLexiconAnchors(de, fr, lexicon);
        return alignSegments(a, b).stats;
      }
    : undefined;
  const runs: { plain: ReturnType<typeof measure>[]; informed: ReturnType<typeof measure>[] } = { plain: [], informed: [] };
  if (informed) measure(informed);
  for (let k = 0; k < repeat; k++) {
    runs.plain.push(measure(plain));
    if (informed) runs.informed.push(measure(informed));
  }
  const median = (list: ReturnType<typeof measure>[], key: 'wall' | 'cpu') => percentile(list.map((r) => r[key]), 50);
  const stats = runs.plain[0]!.stats;
  const figures: Figure[] = [
    { name: 'align without a dictionary, median wall', value: median(runs.plain, 'wall'), unit: 'ms', note: `${de.length} x ${fr.length} sentences, band ±${stats.band}, ${stats.passes} passes` },
    { name: 'the same, median CPU time', value: median(runs.plain, 'cpu'), unit: 'ms' },
    { name: 'peak RSS growth, without a dictionary', value: grownPlain, unit: 'MB' },
  ];
  if (!informed) return [...figures, { name: 'with a dictionary: skipped', value: 0, unit: '', note: 'dict-freedict-deu-fra is not installed' }];
  const withStats = runs.informed[0]!.stats;
  return [
    ...figures,
    { name: 'align with FreeDict deu-fra (anchors included), median wall', value: median(runs.informed, 'wall'), unit: 'ms', note: `band ±${withStats.band}, ${withStats.passes} passes` },
    { name: 'the same, median CPU time', value: median(runs.informed, 'cpu'), unit: 'ms', note: `${(median(runs.informed, 'cpu') / median(runs.plain, 'cpu')).toFixed(2)}x the CPU time without` },
    { name: 'peak RSS growth, both (the dictionary read included)', value: peakRssMB() - before, unit: 'MB' },
  ];
}
