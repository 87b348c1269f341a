import { describe, expect, it } from 'vitest';
import { segmentText } from '../text/segmentation';
import { titleRepeatedAt, type DocumentMeta } from './document';

const meta = (title: string): DocumentMeta => ({ id: 'x', title, language: 'en', origin: 'imported' });
const doc = (title: string, text: string) => ({ meta: meta(title), ...segmentText(text, 'en') });

describe('titleRepeatedAt', () => {
  it('finds a first heading that repeats the title, whatever its case, accents and punctuation', () => {
    const d = doc('Straße der Einheit: A Report', '# STRASSE DER EINHEIT — a report\n\nThe text.');
    const at = titleRepeatedAt({ ...d, paragraphs: d.paragraphs.map((p, k) => (k === 0 ? { ...p, kind: 'heading' as const } : p)) });
    expect(at).toBe(0);
  });

  it('keeps a different heading, and a title that is only the first paragraph', () => {
    const d = doc('A Report', 'Another heading\n\nThe text.');
    expect(titleRepeatedAt({ ...d, paragraphs: d.paragraphs.map((p, k) => (k === 0 ? { ...p, kind: 'heading' as const } : p)) })).toBeNull();
    expect(titleRepeatedAt(doc('The text.', 'The text.\n\nMore.'))).toBeNull();
  });
});
