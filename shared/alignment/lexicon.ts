import { fold } from '../text/fold';
import { stemmerFor } from '../dictionary/stemming';
import { extractAnchors } from './anchors';
import type { Segment } from './engine';

/**
 * Which words of one language translate which of another, as Snowball stems on both sides, from a
 * bilingual dictionary or learned from a text's own aligned rows. Anchors from it are hunalign's idea
 * (a sentence pair whose words translate each other is likelier a bead) in Facing's anchor model.
 */
export interface TranslationLexicon {
  from: string;
  to: string;
  /** Stems of the target language that translate a stem of the source language. */
  targets(sourceStem: string): readonly string[] | undefined;
  size: number;
}

/** Dictionary anchors start with "~": a different kind from numbers ("#"), words and punctuation. */
export const LEXICON_PREFIX = '~';
const MAX_TARGETS = 8;
const wordPattern = /\p{L}[\p{L}'’-]*/gu;

export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(wordPattern)) {
    let word = match[0];
    const last = word.charCodeAt(word.length - 1);
    if (last === 39 || last === 0x2019 || last === 45) word = word.replace(/['’-]+$/, '');
    if (word.length >= 3) out.push(word);
  }
  return out;
}

/** Builds a lexicon from (source word, its translations) pairs; multi-word translations give their words. */
export function buildLexicon(from: string, to: string, entries: Iterable<readonly [string, readonly string[]]>): TranslationLexicon {
  const stemFrom = stemmerFor(from);
  const stemTo = stemmerFor(to);
  const map = new Map<string, Set<string>>();
  for (const [word, translations] of entries) {
    const key = stemFrom(fold(word));
    let targets = map.get(key);
    if (!targets) map.set(key, (targets = new Set()));
    for (const translation of translations) {
      const parts = wordsOf(fold(translation));
      // "pomme de terre" is one translation: its content words, not "de".
      for (const part of parts.length > 1 ? parts.filter((p) => p.length >= 4) : parts) {
        if (targets.size < MAX_TARGETS) targets.add(stemTo(part));
      }
    }
    if (targets.size === 0) map.delete(key);
  }
  const frozen = new Map([...map].map(([k, v]) => [k, [...v]]));
  return { from, to, targets: (stem) => frozen.get(stem), size: frozen.size };
}

/**
 * Segments with dictionary anchors added to their own: a source word contributes an anchor for each
 * stem it may translate to; a target word for its own stem. Shared anchors then mean "a word here
 * translates a word there".
 */
export function withLexiconAnchors(source: readonly Segment[], target: readonly Segment[], lexicon: TranslationLexicon): [Segment[], Segment[]] {
  // A book repeats its words thousands of times: stem each word, and spell each anchor, once.
  const memo = (stem: (word: string) => string) => {
    const cache = new Map<string, string>();
    return (word: string) => {
      let out = cache.get(word);
      if (out === undefined) cache.set(word, (out = stem(word)));
      return out;
    };
  };
  const stemFrom = memo(stemmerFor(lexicon.from));
  const stemTo = memo(stemmerFor(lexicon.to));
  const anchorOf = memo((stem) => LEXICON_PREFIX + stem);
  const targetsOf = new Map<string, readonly string[]>();
  const sourceAnchors = (word: string): readonly string[] => {
    let anchors = targetsOf.get(word);
    if (!anchors) targetsOf.set(word, (anchors = (lexicon.targets(stemFrom(word)) ?? []).map(anchorOf)));
    return anchors;
  };
  const withAnchors = (segment: Segment, of: (word: string) => readonly string[] | string): Segment => {
    const anchors = [...(segment.anchors ?? extractAnchors(segment.text))];
    const seen = new Set<string>();
    for (const word of wordsOf(fold(segment.text))) {
      const found = of(word);
      for (const anchor of typeof found === 'string' ? [found] : found) {
        if (!seen.has(anchor)) {
          seen.add(anchor);
          anchors.push(anchor);
        }
      }
    }
    return { text: segment.text, anchors };
  };
  return [source.map((segment) => withAnchors(segment, sourceAnchors)), target.map((segment) => withAnchors(segment, (word) => anchorOf(stemTo(word))))];
}
