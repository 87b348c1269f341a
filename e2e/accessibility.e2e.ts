import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const screens: Array<[string, string, string]> = [
  ['library', '#/', '[data-testid="library-list"]'],
  ['reader', '#/read/000', '[data-testid="reader-article"]'],
  ['parallel view', '#/parallel/000/001', '[data-testid="parallel-row"]'],
  ['highlights and notes', '#/annotations', '.hub-main'],
  ['search', '#/search/chongqing', '[data-testid="search-hit"]'],
];

test.describe('accessibility (axe-core)', () => {
  for (const [name, hash, ready] of screens) {
    test(`${name}: no serious or critical violations`, async ({ app }) => {
      await app.open(hash);
      await app.page.locator(ready).first().waitFor();
      const results = await new AxeBuilder({ page: app.page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      expect(serious).toEqual([]);
    });
  }
});
