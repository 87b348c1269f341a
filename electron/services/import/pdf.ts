import { ImportRefused } from './errors';
import type { Extracted } from './html';
import type { TextBudget } from './limits';
import { t, translator } from '../../../shared/i18n/current';

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

/**
 * The text layer of a PDF, page by page: lines are items on one baseline, paragraphs break where the
 * gap between lines is clearly larger than usual. A PDF without a text layer (a scan) is refused with
 * that explanation.
 */
export async function pdfToBlocks(bytes: Uint8Array, budget: TextBudget): Promise<Extracted> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new ImportRefused(t('importService.pdfUnreadable', { reason: (error as Error).message }));
  }
  try {
    return await readPages(pdf, budget);
  } finally {
    await pdf.destroy();
  }
}

type Pdf = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;

async function readPages(pdf: Pdf, budget: TextBudget): Promise<Extracted> {
  const { limits } = budget;
  if (pdf.numPages > limits.pdfPages) {
    throw new ImportRefused(t('importService.pdfPages', { pages: translator().number(pdf.numPages), limit: translator().number(limits.pdfPages) }));
  }
  const blocks: Extracted['blocks'] = [];
  const push = (text: string) => {
    budget.add(text);
    blocks.push({ text, kind: 'paragraph' });
  };
  let characters = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    budget.checkTime();
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const lines: Array<{ y: number; text: string; height: number }> = [];
    for (const raw of content.items as TextItem[]) {
      if (typeof raw.str !== 'string') continue;
      const y = raw.transform[5]!;
      const last = lines[lines.length - 1];
      if (last && Math.abs(last.y - y) < Math.max(2, raw.height * 0.5)) last.text += raw.str;
      else lines.push({ y, text: raw.str, height: raw.height });
    }
    const gaps = lines.slice(1).map((line, k) => Math.abs(lines[k]!.y - line.y)).filter((g) => g > 0).sort((a, b) => a - b);
    // Line spacing is the common gap; paragraph breaks are the rarer, larger ones.
    const usual = gaps[gaps.length >> 2] ?? 0;
    let paragraph = '';
    lines.forEach((line, k) => {
      const gap = k > 0 ? Math.abs(lines[k - 1]!.y - line.y) : 0;
      if (k > 0 && usual > 0 && gap > usual * 1.45 && paragraph.trim()) {
        push(paragraph.replace(/\s+/g, ' ').trim());
        paragraph = '';
      }
      // A hyphen at a line end joins the word; otherwise lines join with a space.
      paragraph = /[A-Za-zÀ-ÿ]-$/.test(paragraph) ? paragraph.slice(0, -1) + line.text.trimStart() : `${paragraph} ${line.text}`;
      characters += line.text.trim().length;
    });
    if (paragraph.trim()) push(paragraph.replace(/\s+/g, ' ').trim());
    page.cleanup();
  }
  const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: string; Language?: string } | undefined;
  if (characters === 0) {
    throw new ImportRefused(t('importService.pdfNoText'));
  }
  const title = info?.Title?.trim();
  // The catalog's /Lang, which pdf.js reports as Language.
  const language = typeof info?.Language === 'string' ? info.Language.trim() : undefined;
  return { blocks, ...(title ? { title } : {}), ...(language ? { language } : {}) };
}
