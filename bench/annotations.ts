import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorAll, describeRange } from '../shared/annotations/anchoring';
import type { Annotation, Colour } from '../shared/model/annotation';
import { openServices } from '../electron/services/handlers';
import { openCorpus } from '../electron/services/corpus';
import { emptyStore, openStore, STORE_FILE } from '../electron/services/store';
import { createAnnotationService } from '../electron/services/annotations';
import { parseSnapshot, serializeSnapshot } from '../electron/services/store/snapshot';
import { shelfOf } from '../electron/services/store/shelf';
import { readStoredAnnotation } from '../electron/services/annotations/stored';
import { AnnotationIndex } from '../electron/services/annotations/by-document';
import { readFileSync } from 'node:fs';
import { defaultSettings } from '../shared/model/settings';
import { percentile, seeded, type Figure } from './harness';
import { generateBook } from './text';

const corpusDir = join(import.meta.dirname, '..', 'corpus');
const colourList: Colour[] = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'];

/** Wall and CPU time of `run` (other processes on the machine inflate wall time, not CPU time). */
async function timed<T>(run: () => Promise<T> | T): Promise<{ value: T; wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}
const cpuNote = (cpu: number, rest = '') => `${cpu.toFixed(0)} ms CPU${rest}`;

function makeAnnotation(documentId: string, text: string, random: () => number, created: string): Annotation {
  const length = 20 + Math.floor(random() * 180);
  const start = Math.floor(random() * Math.max(1, text.length - length));
  return {
    id: randomUUID(),
    documentId,
    target: describeRange(text, start, start + length),
    colour: colourList[Math.floor(random() * colourList.length)]!,
    tags: random() < 0.5 ? [`tag${Math.floor(random() * 40)}`] : [],
    note: random() < 0.3 ? 'A note of a few words, with **Markdown**.' : '',
    created,
    modified: created,
  };
}

/** A store with `count` annotations over the bundled documents: load time, create latency, file size. */
export async function measureAnnotationStore(count: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'facing-bench-store-'));
  try {
    const corpus = await openCorpus(corpusDir);
    const docs = await Promise.all((await corpus.list()).map((d) => corpus.get(d.id)));
    const random = seeded(3);
    const annotations: Record<string, Annotation> = {};
    const now = new Date().toISOString();
    for (let i = 0; i < count; i++) {
      const doc = docs[i % docs.length]!;
      const a = makeAnnotation(doc.meta.id, doc.text, random, now);
      annotations[a.id] = a;
    }
    const data = { ...emptyStore(), settings: defaultSettings, annotations };
    // As Facing writes it (one line per document, read on first use), and as version 2 stores were (one JSON document).
    writeFileSync(join(dir, STORE_FILE), serializeSnapshot(data));
    const size = statSync(join(dir, STORE_FILE)).size / 1048576;
    const older = mkdtempSync(join(tmpdir(), 'facing-bench-store-v2-'));
    const v2 = JSON.stringify({ ...data, schemaVersion: 2 });
    writeFileSync(join(older, STORE_FILE), v2);

    // What every start did before the snapshot was laid out by document, in this process beside the new start.
    const whole = await timed(() => {
      const parsed = parseSnapshot(readFileSync(join(older, STORE_FILE)));
      return AnnotationIndex.of(shelfOf(parsed.data).loose().flatMap(([k, v]) => readStoredAnnotation(k, v) ?? [])).values().length;
    });
    const load = await timed(() => openServices({ dataDir: dir, corpusDir, shell: 'web', version: 'bench' }));
    const { handlers, close } = load.value;
    const first = await timed(() => handlers['annotations:list']({ documentId: '000' }));
    const shown = first.value;

    const doc = docs[0]!;
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(random() * (doc.text.length - 60));
      const t0 = performance.now();
      await handlers['annotations:create']({ documentId: doc.meta.id, target: describeRange(doc.text, start, start + 40), colour: 'yellow', tags: [], note: '' });
      latencies.push(performance.now() - t0);
    }
    const journalBytes = readdirSync(dir)
      .filter((f) => f.includes('journal'))
      .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    await close();
    const storeOnly = await timed(() => openStore(dir));
    const serviceOnly = await timed(() => createAnnotationService(corpus, storeOnly.value));
    await storeOnly.value.close();
    const migrated = await timed(() => openServices({ dataDir: older, corpusDir, shell: 'web', version: 'bench' }));
    await migrated.value.close();
    rmSync(older, { recursive: true, force: true });
    return [
      { name: 'store file with annotations', value: size, unit: 'MB', note: `${count.toLocaleString('en')} annotations` },
      { name: 'app load (open store, services ready; annotations read per document on first use)', value: load.wall, unit: 'ms', note: cpuNote(load.cpu) },
      { name: 'of which the store alone, reopened (first line parsed, lines checked) / the annotation service', value: storeOnly.wall, unit: 'ms', note: cpuNote(storeOnly.cpu, `; service ${serviceOnly.wall.toFixed(1)} ms, ${serviceOnly.cpu.toFixed(1)} ms CPU`) },
      { name: 'the same annotations read whole, as every start did before (JSON.parse, plain check, index), same process', value: whole.wall, unit: 'ms', note: cpuNote(whole.cpu, `, ${whole.value.toLocaleString('en')} annotations`) },
      { name: 'first list of a document (its block read and checked, anchoring included)', value: first.wall, unit: 'ms', note: cpuNote(first.cpu, `, ${shown.length.toLocaleString('en')} annotations`) },
      { name: 'the same store as a version 2 file: app load with its migration (whole read, new snapshot and backup written)', value: migrated.wall, unit: 'ms', note: cpuNote(migrated.cpu) },
      { name: 'create to acknowledged (fsynced), p50', value: percentile(latencies, 50), unit: 'ms' },
      { name: 'create to acknowledged (fsynced), p95', value: percentile(latencies, 95), unit: 'ms', note: `200 creates, journal ${(journalBytes / 1024).toFixed(0)} kB` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Edits a 1 MB text (insertions, deletions, typos) and re-anchors 10,000 annotations made on the original. */
export async function measureReanchoring(count: number): Promise<Figure[]> {
  const random = seeded(5);
  const original = generateBook(1024 * 1024, 9);
  const now = new Date().toISOString();
  const annotations = Array.from({ length: count }, () => makeAnnotation('book', original, random, now));
  let edited = original;
  for (let k = 0; k < 200; k++) {
    const at = Math.floor(random() * edited.length);
    const roll = random();
    if (roll < 0.4) edited = `${edited.slice(0, at)}An inserted sentence of moderate length. ${edited.slice(at)}`;
    else if (roll < 0.7) edited = `${edited.slice(0, at)}${edited.slice(at + 20 + Math.floor(random() * 200))}`;
    else edited = `${edited.slice(0, at)}${edited[at + 1] ?? ''}${edited[at] ?? ''}${edited.slice(at + 2)}`;
  }
  const t0 = performance.now();
  const anchors = anchorAll(edited, annotations);
  const elapsed = performance.now() - t0;
  const methods = { position: 0, exact: 0, fuzzy: 0, orphan: 0 };
  for (const anchor of anchors.values()) methods[anchor?.method ?? 'orphan']++;
  return [
    { name: 're-anchor on the edited text', value: elapsed, unit: 'ms', note: `${count.toLocaleString('en')} annotations, ${(edited.length / 1048576).toFixed(2)} MB, 200 edits` },
    { name: 'found at their position / exact / fuzzy / orphaned', value: methods.position, unit: '', note: `${methods.position} / ${methods.exact} / ${methods.fuzzy} / ${methods.orphan}` },
  ];
}

/**
 * A store of `count` annotations shaped like a big library: 10,000 on one long-read document, 10,000
 * on each other bundled document, and the rest ten to a document (documents since removed, so
 * orphans). Times listing one document's annotations, which the service answers from its index.
 */
export async function measureDocumentListing(count: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'facing-bench-list-'));
  try {
    const corpus = await openCorpus(corpusDir);
    const docs = await Promise.all((await corpus.list()).map((d) => corpus.get(d.id)));
    const random = seeded(7);
    const now = new Date().toISOString();
    const annotations: Record<string, Annotation> = {};
    let made = 0;
    const add = (a: Annotation) => {
      annotations[a.id] = a;
      made++;
    };
    for (const doc of docs) for (let i = 0; i < 10_000 && made < count; i++) add(makeAnnotation(doc.meta.id, doc.text, random, now));
    const filler = docs[0]!.text;
    for (let i = 0; made < count; i++) add({ ...makeAnnotation(`removed-${Math.floor(i / 10)}`, filler, random, now), documentTitle: `Removed ${Math.floor(i / 10)}` });
    writeFileSync(join(dir, STORE_FILE), serializeSnapshot({ ...emptyStore(), settings: defaultSettings, annotations }));

    const { handlers, close } = await openServices({ dataDir: dir, corpusDir, shell: 'web', version: 'bench' });
    const repeated = async (documentId: string, runs: number) => {
      const times: number[] = [];
      let listed = 0;
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        listed = (await handlers['annotations:list']({ documentId })).length;
        times.push(performance.now() - t0);
      }
      return { p50: percentile(times, 50), listed };
    };
    const smallFirst = await timed(() => handlers['annotations:list']({ documentId: 'removed-7' }));
    const first = await timed(() => handlers['annotations:list']({ documentId: docs[0]!.meta.id }));
    const big = await repeated(docs[0]!.meta.id, 10);
    const small = await repeated('removed-42', 20);
    await close();
    // The app reads the other documents' annotations ahead in idle time after its start: a document opened after that.
    const store = await openStore(dir);
    const service = await createAnnotationService(corpus, store);
    const aheadRead = await timed(() => store.readAhead());
    const afterAhead = await timed(() => service.list(docs[1]!.meta.id));
    await store.close();
    const total = count.toLocaleString('en');
    return [
      { name: "one document's annotations listed, first time (its block read and checked, anchoring included)", value: first.wall, unit: 'ms', note: cpuNote(first.cpu, `, ${first.value.length.toLocaleString('en')} of ${total}`) },
      { name: "one document's annotations listed, first time after the store read ahead (its annotations checked, anchoring included)", value: afterAhead.wall, unit: 'ms', note: cpuNote(afterAhead.cpu, `, ${afterAhead.value.length.toLocaleString('en')} of ${total}; the read ahead took ${aheadRead.wall.toFixed(0)} ms, ${aheadRead.cpu.toFixed(0)} ms CPU`) },
      { name: "one document's annotations listed, first time (a document with few)", value: smallFirst.wall, unit: 'ms', note: cpuNote(smallFirst.cpu, `, ${smallFirst.value.length} of ${total}`) },
      { name: "one document's annotations listed, p50", value: big.p50, unit: 'ms', note: `${big.listed.toLocaleString('en')} of ${total}` },
      { name: "one document's annotations listed, p50 (a document with few)", value: small.p50, unit: 'ms', note: `${small.listed} of ${total}` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
