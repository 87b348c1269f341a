// Test support for store.crash.test.ts: commits annotations one after another and prints each id once
// its commit is acknowledged, until it is killed.
import { openStore } from './store';

const dir = process.argv[2]!;
const prefix = process.argv[3]!;
const store = await openStore(dir);
for (let i = 0; ; i++) {
  const id = `${prefix}-${i}`;
  const burst = [store.commit([{ c: 'annotations', k: id, v: { id, text: 'x'.repeat(200) } }])];
  if (i % 7 === 0) burst.push(store.compact());
  await Promise.all(burst);
  process.stdout.write(`${id}\n`);
}
