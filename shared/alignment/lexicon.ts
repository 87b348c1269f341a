import { fold } from '../text/fold';
import { stemmerFor } from '../dictionary/stemming';
import { AnchorTable, numberAnchors, punctuationAnchors, tokenPattern } from './anchors';
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

const NONE: readonly number[] = [];

/**
 * Segments with dictionary anchors added to their own: a source word contributes an anchor for each
 * stem it may translate to; a target word for its own stem. Shared anchors then mean "a word here
 * translates a word there"; only anchors found on both sides are kept. The segments come back with
 * their anchors interned (sorted ids, as the aligner compares them), so no dictionary anchor is spelt out.
 */
export function withLexiconAnchors(source: readonly Segment[], target: readonly Segment[], lexicon: TranslationLexicon): [Segment[], Segment[]] {
  // A book repeats its words thousands of times: each distinct token is folded, stemmed and looked
  // up once, and all anchors are small integers in one table.
  const table = new AnchorTable();
  const stemIds = new Map<string, number>();
  const idOf = (stem: string): number => {
    let id = stemIds.get(stem);
    if (id === undefined) stemIds.set(stem, (id = table.id(LEXICON_PREFIX + stem)));
    return id;
  };
  const wordOf = (token: string): string | undefined => {
    let word = fold(token);
    const last = word.charCodeAt(word.length - 1);
    if (last === 39 || last === 0x2019 || last === 45) word = word.replace(/['’-]+$/, '');
    return word.length >= 3 ? word : undefined;
  };
  const stemFrom = stemmerFor(lexicon.from);
  const stemTo = stemmerFor(lexicon.to);
  const sourceAnchors = (word: string) => (lexicon.targets(stemFrom(word)) ?? []).map(idOf);
  const targetAnchors = (word: string) => [idOf(stemTo(word))];
  let stamp = new Int32Array(1024).fill(-1);
  let segmentNumber = 0;
  const collect = (segments: readonly Segment[], anchorsOf: (word: string) => readonly number[]) => {
    // Each distinct token's own anchor (-1 for none) and dictionary anchors.
    const byToken = new Map<string, { own: number; dictionary: readonly number[] }>();
    return segments.map((segment) => {
      const text = segment.text;
      // The segment's own anchors in extractAnchors' order (numbers, words, punctuation) from the same
      // pass over its tokens that finds the dictionary's.
      const given = segment.interned ? Array.from(segment.interned.ids, (id) => segment.interned!.table.names[id]!) : segment.anchors;
      const own: number[] = given ? given.map((anchor) => table.id(anchor)) : [];
      const strings: string[] = [];
      if (!given) {
        numberAnchors(text, strings);
        for (const anchor of strings) own.push(table.id(anchor));
      }
      const added: number[] = [];
      const here = segmentNumber++;
      for (const token of text.match(tokenPattern) ?? []) {
        let found = byToken.get(token);
        if (found === undefined) {
          const word = wordOf(token);
          byToken.set(token, (found = { own: table.tokenId(token), dictionary: word === undefined ? NONE : anchorsOf(word) }));
          if (table.names.length > stamp.length) {
            const grown = new Int32Array(table.names.length * 2).fill(-1);
            grown.set(stamp);
            stamp = grown;
          }
        }
        if (!given && found.own >= 0) own.push(found.own);
        for (const id of found.dictionary) {
          if (stamp[id] !== here) {
            stamp[id] = here;
            added.push(id);
          }
        }
      }
      if (!given) {
        strings.length = 0;
        punctuationAnchors(text, strings);
        for (const anchor of strings) own.push(table.id(anchor));
      }
      return { text, own, added };
    });
  };
  const sourceSide = collect(source, sourceAnchors);
  const targetSide = collect(target, targetAnchors);
  // A dictionary anchor found on one side only can never be shared: the aligner would drop it.
  const sides = new Uint8Array(table.names.length);
  for (const { added } of sourceSide) for (const id of added) sides[id]! |= 1;
  for (const { added } of targetSide) for (const id of added) sides[id]! |= 2;
  const finish = (side: typeof sourceSide): Segment[] =>
    side.map(({ text, own, added }) => {
      for (const id of added) if (sides[id] === 3) own.push(id);
      return { text, interned: { table, ids: new Int32Array(own).sort() } };
    });
  return [finish(sourceSide), finish(targetSide)];
}
