// `npm run bench [-- NAME]`: prints figures (ms, MB) for each workload, or those whose name contains NAME.
import { join } from 'node:path';
import { openCorpus } from '../electron/services/corpus';
import { alignDocuments } from '../shared/alignment/documents';
import { alignSegments } from '../shared/alignment/engine';
import { segmentText } from '../shared/text/segmentation';
import { generatePair, pairDocuments } from './parallel';
import { measureParallelRendering } from './render';
import { measureAnnotationStore, measureDocumentListing, measureReanchoring } from './annotations';
import { measureDictionary, measureRealTextAlignment } from './dictionaries';
import { measureImportAndSearch, measureLargeDocument, measureLargeLibrary } from './library';
import { heapMB, peakRssMB, rssMB, runWorkloads, time, type Workload } from './harness';
import { generateBook } from './text';
import { measureBigText } from './big-text';
import { measureExport, measureImport } from './exchange';
import { measureSync } from './sync';
import { measureSearch } from './search';

const corpusDir = join(import.meta.dirname, '..', 'corpus');
const LIBRARY_DOCS = Number(process.env.FACING_BENCH_DOCS ?? 10_000);

const workloads: Workload[] = [
  {
    name: 'pairs out and in: export a 20,000-row pair to TMX and XLSX',
    run: () => measureExport(20_000),
  },
  {
    name: 'pairs out and in: import a 100,000-unit TMX (~50 MB)',
    run: () => measureImport(100_000),
  },
  {
    name: 'align a synthetic book-size pair (20,000 sentences a side)',
    async run() {
      const [left, right] = pairDocuments(20_000);
      const { a, b } = generatePair(20_000);
      const flatA = a.flat().map((text) => ({ text }));
      const flatB = b.flat().map((text) => ({ text }));
      const rssBefore = rssMB();
      let rows = 0;
      const documents = await time(() => (rows = alignDocuments(left, right).length), 3);
      const peakAfterDocuments = peakRssMB();
      let band = 0;
      const flat = await time(() => (band = alignSegments(flatA, flatB).stats.band), 3);
      return [
        { name: 'paragraphs, then sentences: median', value: documents.median, unit: 'ms', note: `${left.paragraphs.length} paragraphs, ${rows} rows` },
        { name: 'one flat sentence pass: median', value: flat.median, unit: 'ms', note: `${flatA.length} x ${flatB.length} sentences, band ±${band}` },
        { name: 'peak RSS growth, paragraphs then sentences', value: peakAfterDocuments - rssBefore, unit: 'MB', note: `process at ${rssBefore.toFixed(0)} MB before, ${peakAfterDocuments.toFixed(0)} MB at peak` },
        { name: 'peak RSS growth, after the flat pass too', value: peakRssMB() - rssBefore, unit: 'MB' },
      ];
    },
  },
  {
    name: 'render the parallel view of a 5,000-row pair in Chromium',
    run: () => measureParallelRendering(5_300),
  },
  {
    name: 'annotations: a store with 50,000 annotations',
    run: () => measureAnnotationStore(50_000),
  },
  {
    name: "annotations: one document's annotations listed from a store of 100,000",
    run: () => measureDocumentListing(100_000),
  },
  {
    name: 'annotations: re-anchor 10,000 annotations on an edited 1 MB text',
    run: () => measureReanchoring(10_000),
  },
  {
    name: 'library: import and index a generated 1,000-document corpus (~100 MB), then query it',
    run: () => measureImportAndSearch(1000),
  },
  {
    name: `library: ${LIBRARY_DOCS.toLocaleString('en')} documents (~${Math.round(LIBRARY_DOCS / 10)} MB) with ${(LIBRARY_DOCS * 10).toLocaleString('en')} annotations (FACING_BENCH_DOCS sets the size)`,
    run: () => measureLargeLibrary(LIBRARY_DOCS),
  },
  {
    name: `search alone: ${LIBRARY_DOCS.toLocaleString('en')} generated documents of ~100 kB indexed, saved, loaded and queried`,
    run: () => measureSearch(LIBRARY_DOCS),
  },
  {
    name: 'reader: open a 2 MB document in Chromium and scroll through it',
    run: () => measureLargeDocument(),
  },
  {
    name: 'reader: import + open a 39 MB txt',
    run: () => measureBigText(39),
  },
  {
    name: 'segment a generated 2 MB book (paragraphs + sentences)',
    async run() {
      const book = generateBook(2 * 1024 * 1024);
      const before = heapMB();
      let paragraphs = 0;
      let sentences = 0;
      const timing = await time(() => {
        const seg = segmentText(book, 'en');
        paragraphs = seg.paragraphs.length;
        sentences = seg.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
      }, 3);
      return [
        { name: 'segmentation, median', value: timing.median, unit: 'ms', note: `${paragraphs} paragraphs, ${sentences} sentences` },
        { name: 'segmentation, worst', value: timing.worst, unit: 'ms' },
        { name: 'heap growth', value: Math.max(0, heapMB() - before), unit: 'MB' },
        { name: 'process RSS', value: rssMB(), unit: 'MB' },
      ];
    },
  },
  {
    name: 'segment one 320 KB paragraph (a book without blank lines)',
    async run() {
      // V8's sentence iterator is superlinear in the length of its string: this took minutes when a
      // paragraph went to it whole.
      const paragraph = generateBook(320 * 1024).replace(/\s*\n\s*/g, ' ');
      let sentences = 0;
      const timing = await time(() => (sentences = segmentText(paragraph, 'en').paragraphs.reduce((n, p) => n + p.sentences.length, 0)), 3);
      return [{ name: 'segmentation, median', value: timing.median, unit: 'ms', note: `${(paragraph.length / 1024).toFixed(0)} KB, ${sentences} sentences in one paragraph` }];
    },
  },
  {
    name: 'open the bundled corpus (manifest, read, segment five documents)',
    async run() {
      const cold = await time(async () => (await openCorpus(corpusDir)).list(), 5);
      const corpus = await openCorpus(corpusDir);
      await corpus.list();
      const warm = await time(() => corpus.list(), 20);
      return [
        { name: 'cold list, median', value: cold.median, unit: 'ms' },
        { name: 'warm list (cached), median', value: warm.median, unit: 'ms' },
      ];
    },
  },
  {
    name: 'align real OCR text at book size: the align-gold dev set repeated 40 times (German-French)',
    run: () => measureRealTextAlignment(40),
  },
  {
    name: 'sync: 10,000 annotations + 100 documents into an empty second instance through pouchdb-server, then one change A -> B',
    run: () => measureSync(10_000, 100),
  },
  {
    name: 'dictionaries: open FreeDict German-English and look up the words of a German document',
    run: () => measureDictionary(),
  },
];

await runWorkloads(workloads, process.argv[2]);
