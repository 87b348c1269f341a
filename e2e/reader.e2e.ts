import { expect, test } from './fixtures';

test.describe('reader', () => {
  test('opens a document and shows its paragraphs', async ({ app }) => {
    await app.library.waitForLoad();
    await app.library.open('Chongqing High-tech Zone launches tech-finance alliance branch');
    await expect(app.reader.title).toHaveText('Chongqing High-tech Zone launches tech-finance alliance branch');
    await expect(app.reader.paragraphs).toHaveCount(9);
    await expect(app.reader.paragraphs.first()).toContainText('CHONGQING, China, Dec. 22, 2025');
    await expect(app.reader.paragraphs.last()).toHaveText('Source: Chongqing High-tech Industrial Development Zone');
    await expect(app.page).toHaveTitle('Chongqing High-tech Zone launches tech-finance alliance branch — Facing');
  });

  test('keeps site boilerplate folded away but reachable', async ({ app }) => {
    await app.open('#/read/003');
    await expect(app.reader.title).toContainText('Chengdu-Chongqing Economic Circle');
    const footer = app.page.locator('details.boilerplate-group');
    await expect(footer).toHaveCount(2);
    await expect(app.page.getByText('By continuing to browse our site')).toBeHidden();
    await footer.last().locator('summary').click();
    await expect(app.page.getByText('By continuing to browse our site')).toBeVisible();
  });

  test('goes back and forward between library, document and its translation', async ({ app }) => {
    await app.library.waitForLoad();
    await app.library.open(/^Chongqing High-tech Zone/);
    await expect(app.reader.title).toBeVisible();
    await app.page.getByRole('link', { name: 'German' }).click();
    await expect(app.reader.title).toHaveText('Hightech-Zone Chongqing startet Zweigstelle der Tech-Finanz-Allianz');
    await expect(app.reader.article).toHaveAttribute('lang', 'de');
    await app.page.goBack();
    await expect(app.reader.title).toHaveText('Chongqing High-tech Zone launches tech-finance alliance branch');
    await app.page.goBack();
    await expect(app.library.rows).toHaveCount(5);
    await app.page.goForward();
    await expect(app.reader.title).toHaveText('Chongqing High-tech Zone launches tech-finance alliance branch');
    await app.reader.backToLibrary();
    await expect(app.library.rows).toHaveCount(5);
  });

  test('shows a clear error page for an unknown document id', async ({ app }) => {
    await app.library.waitForLoad();
    await app.open('#/read/no-such-document');
    await expect(app.reader.message).toContainText('Document not found');
    await expect(app.reader.message).toContainText('There is no document with the id "no-such-document".');
    await app.reader.message.getByRole('link', { name: 'Back to the library' }).click();
    await expect(app.library.rows).toHaveCount(5);
  });

  test('refuses a malformed id with a clear message', async ({ app }) => {
    await app.library.waitForLoad();
    await app.open('#/read/..%2F..%2Fetc%2Fpasswd');
    await expect(app.reader.message).toContainText('cannot be opened');
    await expect(app.reader.message).toContainText('Id: a document id is letters, digits');
  });

  test('reading settings apply at once and persist after a reload', async ({ app }) => {
    await app.open('#/read/000');
    await expect(app.reader.title).toBeVisible();
    await app.reader.chooseTheme('Sepia');
    await app.reader.largerText(2);
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    const size = () => app.reader.paragraphs.first().evaluate((p) => getComputedStyle(p).fontSize);
    await expect.poll(size).toBe('21px');
    await app.page.reload();
    await expect(app.reader.title).toBeVisible();
    await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    await expect.poll(size).toBe('21px');
  });
});

test.describe('reading position', () => {
  for (const id of ['003', '004']) {
    test(`document ${id} reopens at the same paragraph and offset, reload after reload`, async ({ app }) => {
      test.slow();
      await app.page.setViewportSize({ width: 1280, height: 720 });
      await app.open(`#/read/${id}`);
      await expect(app.reader.paragraphs.first()).toBeVisible();
      await app.page.evaluate(async () => {
        await document.fonts.ready;
        window.scrollTo(0, 1200);
      });
      expect(await app.page.evaluate(() => window.scrollY)).toBe(1200);
      const before = await app.reader.topParagraph();
      // The position is saved a moment after scrolling stops.
      await app.page.waitForTimeout(1500);
      for (let k = 0; k < 4; k++) {
        await app.page.reload();
        await expect(app.reader.paragraphs.first()).toBeVisible();
        await expect.poll(async () => { const now = await app.reader.topParagraph(); return now.id === before.id && Math.abs(now.top - before.top) <= 3; }).toBe(true);
        // ...and it stays there once fonts and highlights are in.
        await app.page.waitForTimeout(400);
        const settled = await app.reader.topParagraph();
        expect(settled.id).toBe(before.id);
        expect(Math.abs(settled.top - before.top)).toBeLessThanOrEqual(3);
      }
    });
  }
});

test.describe('keyboard reading', () => {
  for (const id of ['003', '004']) {
    test(`J walks through document ${id} to its last paragraph, skipping folded boilerplate, and K walks back`, async ({ app }) => {
      await app.open(`#/read/${id}`);
      await expect(app.reader.paragraphs.first()).toBeVisible();
      const shown = await app.reader.paragraphs.evaluateAll((ps) => ps.filter((p) => p.getClientRects().length > 0).map((p) => p.getAttribute('data-paragraph-id')));
      for (let k = 0; k < shown.length + 3; k++) await app.page.keyboard.press('j');
      const current = app.page.locator('.document-body .is-current');
      await expect(current).toHaveAttribute('data-paragraph-id', shown.at(-1)!);
      await expect(current).toBeInViewport();
      await app.page.keyboard.press('k');
      await expect(current).toHaveAttribute('data-paragraph-id', shown.at(-2)!);
    });
  }

  test('K at the top of document 003 stays on its first shown paragraph, never the hidden title heading', async ({ app }) => {
    await app.open('#/read/003');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    const first = await app.reader.paragraphs.first().getAttribute('data-paragraph-id');
    const current = app.page.locator('.document-body .is-current');
    await app.page.keyboard.press('j');
    await expect(current).toBeVisible();
    for (let k = 0; k < 3; k++) await app.page.keyboard.press('k');
    await expect(current).toHaveAttribute('data-paragraph-id', first!);
    await expect(current).toBeVisible();
  });

  test('H highlights the paragraph J is on', async ({ app }) => {
    await app.open('#/read/000');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    await app.page.keyboard.press('j');
    await expect(app.page.locator('.document-body .is-current')).toHaveAttribute('data-paragraph-id', 'p1');
    await app.page.keyboard.press('h');
    await expect(app.page.locator('[data-paragraph-id="p1"] mark.hl-yellow').first()).toBeVisible();
    await expect(app.page.locator('[data-paragraph-id="p0"] mark')).toHaveCount(0);
  });
});

test.describe('find in document', () => {
  test('does not count matches in folded boilerplate', async ({ app }) => {
    await app.open('#/read/003');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    await app.page.keyboard.press('Control+f');
    await app.page.getByTestId('find-input').fill('cookie');
    await expect(app.page.getByTestId('find-count')).toHaveText('No matches');
    await app.page.locator('details.boilerplate-group summary').last().click();
    await expect(app.page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  });

  test('scrolls each match clear of the find bar', async ({ app }) => {
    test.slow();
    await app.page.setViewportSize({ width: 1024, height: 640 });
    await app.open('#/read/004');
    await expect(app.reader.paragraphs.first()).toBeVisible();
    await app.page.keyboard.press('Control+f');
    await app.page.getByTestId('find-input').fill('chongqing');
    await expect(app.page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
    const total = Number((await app.page.getByTestId('find-count').textContent())!.split(' of ')[1]);
    expect(total).toBeGreaterThan(3);
    for (let k = 0; k < total; k++) {
      await expect(app.page.getByTestId('find-count')).toHaveText(`${k + 1} of ${total}`);
      await expect.poll(async () => { const m = await app.reader.currentMatch(); return !!m && m.top >= m.bar + 4 && m.bottom <= 640; }).toBe(true);
      await app.page.getByTestId('find-input').press('Enter');
    }
  });
});

test.describe('reading settings popover', () => {
  for (const width of [1400, 1200, 1024]) {
    test(`fits the window at ${width} px, in the reader and the parallel view, with room for longer labels`, async ({ app }) => {
      await app.page.setViewportSize({ width, height: 800 });
      for (const route of ['#/read/000', '#/parallel/000/001']) {
        await app.open(route);
        const panel = await app.reader.openSettings();
        await expect(panel).toBeVisible();
        const clipped = () =>
          panel.evaluate((root) => {
            const frame = root.getBoundingClientRect();
            const problems: string[] = [];
            if (frame.left < 0 || frame.right > window.innerWidth) problems.push(`panel ${frame.left}-${frame.right} of ${window.innerWidth}`);
            for (const el of root.querySelectorAll<HTMLElement>('button, output, legend, label > span, input')) {
              const box = el.getBoundingClientRect();
              if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) problems.push(`${el.textContent} sticks out`);
              if (el.tagName !== 'INPUT' && el.scrollWidth > el.clientWidth + 1) problems.push(`${el.textContent} is cut`);
            }
            return problems;
          });
        expect(await clipped()).toEqual([]);
        // Translations run longer: about 40% more text must still fit, by wrapping.
        await panel.evaluate((root) => root.querySelectorAll('button, legend, label > span').forEach((el) => el.firstChild?.nodeType === 3 && (el.firstChild.textContent += 'x'.repeat(Math.ceil((el.textContent ?? '').length * 0.4)))));
        expect(await clipped()).toEqual([]);
        await app.page.keyboard.press('Escape');
      }
    });
  }
});
