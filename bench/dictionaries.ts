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
