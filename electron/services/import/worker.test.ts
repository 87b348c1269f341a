import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { generateProse } from '../../../bench/text';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { PackedWordCounts } from '../../../shared/search/word-counts';
import { openServices } from '../handlers';
import { tempDirs } from '../test-support';
import { createImportPool } from './pool';

// The worker compiles its modules (pdf.js among them) on its first file; slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const bundled = join(import.meta.dirname, '..', '..', '..', 'corpus');
const temp = tempDirs('facing-import-worker-');
const eventLoopUtilization = nodePerformance.eventLoopUtilization.bind(nodePerformance);
const base64 = (bytes: string | Uint8Array) => Buffer.from(bytes).toString('base64');

async function setup() {
  const dataDir = temp();
  const services = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 3_600_000 });
  return { ...services, dataDir };
}

/** A PDF of `pages` pages of prose, each line its own text item: seconds of pdf.js work. */
async function longPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const words = generateProse(pages * 3000, 7).replace(/[^\x20-\x7e]/g, ' ').split(/\s+/);
  let w = 0;
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let y = 800; y > 40; y -= 14) {
      let line = '';
      while (line.length < 80 && w < words.length) line += `${words[w++]} `;
      page.drawText(line, { x: 40, y, size: 10, font });
    }
  }
  return doc.save();
}

describe('the import worker', () => {
  it('reads a PDF off the thread that answers requests: that thread stays mostly idle, and answers while the PDF is read', async () => {
    const { handlers, close } = await setup();
    const data = base64(await longPdf(60));
    const before = eventLoopUtilization();
    let imported = false;
    const importing = handlers['documents:import']({ name: 'long.pdf', data }).then((outcome) => ((imported = true), outcome));
    const answered: boolean[] = [];
    // Requests keep coming while the PDF is read; each is answered before the import ends.
    while (!imported) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (!imported) answered.push(((await handlers['documents:list']({})).length > 0) && !imported);
    }
    const busy = eventLoopUtilization(before).utilization;
    const { document } = await importing;
    expect(document).toMatchObject({ format: 'pdf', origin: 'imported' });
    expect(document.wordCount).toBeGreaterThan(20_000);
    expect(answered.length).toBeGreaterThan(3);
    expect(answered.filter(Boolean).length).toBeGreaterThan(3);
    // Extracting in this thread keeps it busy for nearly the whole import (pdf.js parses and lays out every page here).
    expect(busy).toBeLessThan(0.5);
    await close();
  });

  it('imports files sent at once, each once: the same file twice at the same moment is one document', async () => {
    const { handlers, close, dataDir } = await setup();
    const texts = Array.from({ length: 6 }, (_, k) => generateProse(20_000, 50 + k));
    const outcomes = await Promise.all([...texts, texts[0]!].map((text, k) => handlers['documents:import']({ name: `t${k}.txt`, data: base64(text) })));
    const ids = outcomes.map((o) => o.document.id);
    expect(new Set(ids).size).toBe(6);
    expect(outcomes[6]).toMatchObject({ duplicate: true, document: { id: ids[0] } });
    expect(readdirSync(join(dataDir, 'library')).sort()).toEqual(ids.slice(0, 6).sort());
    const listed = (await handlers['documents:list']({})).filter((d) => d.origin === 'imported');
    expect(listed.map((d) => d.id).sort()).toEqual(ids.slice(0, 6).sort());
    // Each is searchable from its own text.
    const hit = await handlers['search:query']({ query: texts[3]!.match(/[a-z]{6,}/g)![5]!, limit: 50 });
    expect(hit.hits.map((h) => h.documentId)).toContain(ids[3]);
    await close();
  });

  it("refuses in the interface's language: the worker follows the language set in Settings", async () => {
    const { handlers, close, dataDir } = await setup();
    await handlers['settings:set']({ patch: { language: 'de' } });
    const refused = await dispatch(handlers, 'documents:import', { name: 'bild.txt', data: base64(new Uint8Array([0xff, 0xd8, 0x00, 0x01])) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/„?bild\.txt“?: .*(Binärdaten|binär)/i) } });
    expect(readdirSync(dataDir)).not.toContain('library');
    await handlers['settings:set']({ patch: { language: 'en' } });
    await close();
  });

  it('with two workers, a short file sent after a long PDF is read and written while the PDF is still being read', async () => {
    const pool = createImportPool(2);
    const dir = temp();
    const finished: string[] = [];
    const pdf = pool.importInto('long.pdf', await longPdf(60), join(dir, 'pdf')).then((prepared) => (finished.push('pdf'), prepared));
    const text = pool.importInto('note.txt', Buffer.from(generateProse(5_000, 3)), join(dir, 'txt')).then((prepared) => (finished.push('txt'), prepared));
    const [fromPdf, fromText] = await Promise.all([pdf, text]);
    expect(finished).toEqual(['txt', 'pdf']);
    expect(pool.threads).toBe(2);
    expect(fromPdf.wordCount).toBeGreaterThan(20_000);
    expect(readFileSync(join(dir, 'txt', 'original.txt'), 'utf8')).toBe(generateProse(5_000, 3));
    expect(readdirSync(join(dir, 'txt')).sort()).toEqual(['document.json', 'original.txt']);
    expect(fromText.forSearch).toMatchObject({ length: expect.any(Number), words: expect.stringContaining(' ') });
    expect((fromText.forSearch as PackedWordCounts).counts.length).toBeGreaterThan(10);
    await pool.close();
  });
});
