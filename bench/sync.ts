import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRange } from '../shared/annotations/anchoring';
import type { Annotation, Colour } from '../shared/model/annotation';
import { defaultSettings } from '../shared/model/settings';
import { openCorpus } from '../electron/services/corpus';
import { openServices, type Services } from '../electron/services/handlers';
import { STORE_FILE, STORE_VERSION } from '../electron/services/store';
import { startCouch } from '../electron/services/sync/pouchdb-server.fixture';
import { percentile, rssMB, seeded, type Figure } from './harness';
import { generateProse } from './text';

const corpusDir = join(import.meta.dirname, '..', 'corpus');
const colours: Colour[] = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'];

async function until(check: () => Promise<boolean>, timeoutMs: number, pollMs = 50): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** A data folder whose store already holds `count` annotations over the bundled documents. */
async function storeWithAnnotations(dir: string, count: number): Promise<void> {
  const corpus = await openCorpus(corpusDir);
  const docs = await Promise.all((await corpus.list()).map((d) => corpus.get(d.id)));
  const random = seeded(11);
  const now = new Date().toISOString();
  const annotations: Record<string, Annotation> = {};
  for (let i = 0; i < count; i++) {
    const doc = docs[i % docs.length]!;
    const length = 20 + Math.floor(random() * 180);
    const start = Math.floor(random() * (doc.text.length - length));
    const a: Annotation = { id: randomUUID(), documentId: doc.meta.id, target: describeRange(doc.text, start, start + length), colour: colours[i % colours.length]!, tags: i % 2 ? [`tag${i % 40}`] : [], note: i % 3 ? '' : 'A note of a few words.', created: now, modified: now };
    annotations[a.id] = a;
  }
  await mkdir(dir, { recursive: true });
  writeFileSync(join(dir, STORE_FILE), JSON.stringify({ schemaVersion: STORE_VERSION, journal: 0, settings: defaultSettings, alignments: {}, annotations, documents: {}, reading: {}, quarantine: {} }));
}

/**
 * Sync through a real pouchdb-server on 127.0.0.1: the first sync of `annotations` annotations and
 * `documents` imported documents (~100 kB each, files included) into an empty second instance, then
 * how long one change takes from A to B, and the memory the sync adds to B.
 */
export async function measureSync(annotations = 10_000, documents = 100, changes = 30): Promise<Figure[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'facing-bench-sync-'));
  const couch = await startCouch();
  const open = (dir: string) => openServices({ dataDir: dir, corpusDir, shell: 'web', version: 'bench', warmAfterMs: 3_600_000 });
  const settings = (name: string) => ({ url: couch.url, database: 'bench', username: '', displayName: name, enabled: true });
  let a: Services | null = null;
  let b: Services | null = null;
  try {
    await storeWithAnnotations(join(scratch, 'a'), annotations);
    a = await open(join(scratch, 'a'));
    let bytes = 0;
    for (let k = 0; k < documents; k++) {
      const text = generateProse(100 * 1024, 500 + k);
      bytes += text.length;
      await a.handlers['documents:import']({ name: `book-${k}.txt`, data: Buffer.from(text).toString('base64') });
    }
    await a.handlers['sync:set'](settings('A'));
    const expected = annotations + documents;
    await until(async () => ((await (await fetch(`${couch.url}/bench`)).json()) as { doc_count?: number }).doc_count! >= expected, 600_000, 500);

    b = await open(join(scratch, 'b'));
    await b.handlers['documents:list']({});
    const rssBefore = rssMB();
    const started = performance.now();
    await b.handlers['sync:set'](settings('B'));
    const bb = b;
    await until(async () => (await bb.handlers['documents:list']({})).filter((d) => d.origin === 'imported').length >= documents && (await bb.handlers['sync:status']({})).state === 'up-to-date', 600_000, 200);
    await bb.syncIdle();
    const firstSync = performance.now() - started;
    const arrived = (await bb.handlers['annotations:list']({})).length;
    const rssAfter = rssMB();

    const latencies: number[] = [];
    const target = (await a.handlers['annotations:list']({ documentId: '000' }))[0]!;
    for (let i = 0; i < changes; i++) {
      const revision = (await bb.handlers['sync:status']({})).revision;
      const sent = performance.now();
      await a.handlers['annotations:update']({ id: target.id, patch: { note: `change ${i}` } });
      await until(async () => (await bb.handlers['sync:status']({})).revision !== revision, 30_000, 10);
      latencies.push(performance.now() - sent);
    }
    return [
      { name: 'first sync into an empty instance', value: firstSync, unit: 'ms', note: `${arrived} annotations + ${documents} documents (${(bytes / 1048576).toFixed(1)} MB of text, original files as attachments); target < 30,000 ms` },
      { name: 'one change from A visible on B: p95', value: percentile(latencies, 95), unit: 'ms', note: `median ${percentile(latencies, 50).toFixed(0)} ms over ${changes} changes; target < 2,000 ms` },
      { name: 'RSS added on B by the first sync', value: rssAfter - rssBefore, unit: 'MB', note: `PouchDB, its leveldb and the ${arrived} arrived entries in the store; target < 100 MB` },
    ];
  } finally {
    await a?.close();
    await b?.close();
    await couch.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}
