import { fold } from '../text/fold';
import { stemmerFor } from '../dictionary/stemming';
import { AnchorTable, numberAnchors, punctuationAnchors, sortIds } from './anchors';
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
 * translates a word there"; only anchors found on both sides are kept. The segments come back with
 * their anchors interned (sorted ids, as the aligner compares them), so no dictionary anchor is spelt out.
 */
export function withLexiconAnchors(source: readonly Segment[], target: readonly Segment[], lexicon: TranslationLexicon): [Segment[], Segment[]] {
  // A book repeats its words thousands of times: each distinct token is folded, stemmed and looked
  // up once, and all anchors are small integers in one table. Each sentence is scanned once, for its
  // own anchors and the dictionary's together; a side's anchors are kept in flat arrays, not per sentence.
  const table = new AnchorTable();
  const words = table.words;
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
  interface Side {
    segments: readonly Segment[];
    /** Segment k's own anchors are own[ownStart[k]..ownStart[k + 1]), its dictionary's likewise in `added`. */
    own: number[];
    ownStart: Int32Array;
    added: number[];
    addedStart: Int32Array;
  }
  const collect = (segments: readonly Segment[], anchorsOf: (word: string) => readonly number[]): Side => {
    // Each token number's dictionary anchors, once looked up on this side: dictionary[from..to).
    let from = new Int32Array(1024).fill(-1);
    let to = new Int32Array(1024);
    const dictionary: number[] = [];
    const own: number[] = [];
    const added: number[] = [];
    const ownStart = new Int32Array(segments.length + 1);
    const addedStart = new Int32Array(segments.length + 1);
    const strings: string[] = [];
    segments.forEach((segment, k) => {
      const text = segment.text;
      // The segment's own anchors in extractAnchors' order (numbers, words, punctuation) from the same
      // pass over its tokens that finds the dictionary's.
      const given = segment.interned ? Array.from(segment.interned.ids, (id) => segment.interned!.table.names[id]!) : segment.anchors;
      if (given) for (const anchor of given) own.push(table.id(anchor));
      else {
        strings.length = 0;
        numberAnchors(text, strings);
        for (const anchor of strings) own.push(table.id(anchor));
      }
      const here = segmentNumber++;
      const count = words.scan(text);
      const found = words.found;
      for (let x = 0; x < count; x++) {
        const token = found[x]!;
        if (token >= from.length) {
          const grownFrom = new Int32Array(2 * token).fill(-1);
          grownFrom.set(from);
          from = grownFrom;
          const grownTo = new Int32Array(2 * token);
          grownTo.set(to);
          to = grownTo;
        }
        if (from[token]! < 0) {
          // The word's own anchor is interned before its translations: ids keep the order anchors are first met in.
          table.wordId(token);
          const word = wordOf(words.tokens[token]!);
          from[token] = dictionary.length;
          if (word !== undefined) for (const id of anchorsOf(word)) dictionary.push(id);
          to[token] = dictionary.length;
          if (table.names.length > stamp.length) {
            const grown = new Int32Array(table.names.length * 2).fill(-1);
            grown.set(stamp);
            stamp = grown;
          }
        }
        if (!given) {
          const ownId = table.wordId(token);
          if (ownId >= 0) own.push(ownId);
        }
        for (let d = from[token]!; d < to[token]!; d++) {
          const id = dictionary[d]!;
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
      ownStart[k + 1] = own.length;
      addedStart[k + 1] = added.length;
    });
    return { segments, own, ownStart, added, addedStart };
  };
  const sourceSide = collect(source, sourceAnchors);
  const targetSide = collect(target, targetAnchors);
  // A dictionary anchor found on one side only can never be shared: the aligner would drop it.
  const sides = new Uint8Array(table.names.length);
  for (const id of sourceSide.added) sides[id]! |= 1;
  for (const id of targetSide.added) sides[id]! |= 2;
  const finish = ({ segments, own, ownStart, added, addedStart }: Side): Segment[] => {
    const ids = new Int32Array(own.length + added.length);
    let end = 0;
    return segments.map(({ text }, k) => {
      const begin = end;
      for (let x = ownStart[k]!; x < ownStart[k + 1]!; x++) ids[end++] = own[x]!;
      for (let x = addedStart[k]!; x < addedStart[k + 1]!; x++) if (sides[added[x]!] === 3) ids[end++] = added[x]!;
      sortIds(ids, begin, end);
      return { text, interned: { table, ids: ids.subarray(begin, end) } };
    });
  };
  return [finish(sourceSide), finish(targetSide)];
}
