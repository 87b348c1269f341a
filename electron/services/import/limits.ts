import { ImportRefused } from './errors';
import { t, translator } from '../../../shared/i18n/current';

/**
 * What one import may produce. 50 million characters is about 8 million words: ten times the longest
 * novels, more than a collected works; files that expand beyond it are bombs or not reading matter.
 */
export const IMPORT_LIMITS = {
  characters: 50_000_000,
  blocks: 1_000_000,
  pdfPages: 5000,
  /** Wall time an extractor may spend on one file. */
  milliseconds: 120_000,
};

/** Counts the text an extractor produces and stops it, with a reason, at the first limit it passes. */
export class TextBudget {
  private characters = 0;
  private blocks = 0;
  private readonly started = performance.now();

  constructor(readonly limits: typeof IMPORT_LIMITS = IMPORT_LIMITS) {}

  add(text: string): void {
    this.characters += text.length;
    this.blocks++;
    if (this.characters > this.limits.characters) {
      throw new ImportRefused(t('importService.tooManyCharacters', { millions: Math.round(this.limits.characters / 1e6) }));
    }
    if (this.blocks > this.limits.blocks) throw new ImportRefused(t('importService.tooManyParagraphs', { count: translator().number(this.limits.blocks) }));
    if ((this.blocks & 1023) === 0) this.checkTime();
  }

  checkTime(): void {
    if (performance.now() - this.started > this.limits.milliseconds) {
      throw new ImportRefused(t('importService.tooSlow', { seconds: this.limits.milliseconds / 1000 }));
    }
  }
}
