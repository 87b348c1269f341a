// Test support for sync.test.ts: opens Facing's services on a data folder with sync on and creates
// annotations one after another, printing each id once its commit is acknowledged, until killed.
import { join } from 'node:path';
import { describeRange } from '../../../shared/annotations/anchoring';
import { openServices } from '../handlers';

const [dataDir, prefix] = process.argv.slice(2) as [string, string];
const services = await openServices({ dataDir, corpusDir: join(import.meta.dirname, '..', '..', '..', 'corpus'), shell: 'web', version: 'test', warmAfterMs: 60_000 });
const doc = await services.handlers['documents:get']({ id: '000' });
const words = [...doc.text.matchAll(/\p{L}{4,}/gu)];
for (let i = 0; ; i++) {
  const word = words[i % words.length]!;
  const created = await services.handlers['annotations:create']({ documentId: '000', target: describeRange(doc.text, word.index, word.index + word[0].length), colour: 'green', tags: [], note: `${prefix} ${i}` });
  process.stdout.write(`${created.id}\n`);
}
