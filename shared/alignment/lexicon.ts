import { fold } from '../text/fold';
import { stemmerFor } from '../dictionary/stemming';
import { AnchorTable, IdBuffer, numberAnchors, punctuationAnchors, sortIds } from './anchors';
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
  // up once, and all anchors are small integers in one table. Each sentence is scanned once; what it
  // holds is kept as token numbers in one flat array a side, and its anchors are spelt out as ids at
  // the end, once it is known which dictionary anchors both sides have.
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
  interface Side {
    segments: readonly Segment[];
    /** Segment k's tokens are tokens[tokenStart[k]..tokenStart[k + 1]); its anchors other than words' likewise in `other`. */
    tokens: IdBuffer;
    tokenStart: Int32Array;
    other: IdBuffer;
    otherStart: Int32Array;
    /** Segments whose own anchors the caller gave: their words add the dictionary's only. */
    given: Uint8Array;
    /** Each token number's dictionary anchors, once looked up on this side: dictionary[from..to). */
    from: Int32Array;
    to: Int32Array;
    dictionary: IdBuffer;
  }
  const collect = (segments: readonly Segment[], anchorsOf: (word: string) => readonly number[]): Side => {
    let characters = 0;
    for (const segment of segments) characters += segment.text.length;
    const side: Side = {
      segments,
      tokens: new IdBuffer(characters >> 2),
      tokenStart: new Int32Array(segments.length + 1),
      other: new IdBuffer(),
      otherStart: new Int32Array(segments.length + 1),
      given: new Uint8Array(segments.length),
      from: new Int32Array(1024).fill(-1),
      to: new Int32Array(1024),
      dictionary: new IdBuffer(),
    };
    const { tokens, other, dictionary } = side;
    const strings: string[] = [];
    segments.forEach((segment, k) => {
      const text = segment.text;
      // Ids are handed out in the order anchors are first met: numbers, then each new word's own
      // anchor before its translations, then punctuation (extractAnchors' order).
      const given = segment.interned ? Array.from(segment.interned.ids, (id) => segment.interned!.table.names[id]!) : segment.anchors;
      if (given) {
        side.given[k] = 1;
        for (const anchor of given) other.push(table.id(anchor));
      } else {
        strings.length = 0;
        numberAnchors(text, strings);
        for (const anchor of strings) other.push(table.id(anchor));
      }
      const count = words.scan(text);
      const found = words.found;
      for (let x = 0; x < count; x++) {
        const token = found[x]!;
        tokens.push(token);
        if (token >= side.from.length) {
          const from = new Int32Array(2 * token).fill(-1);
          from.set(side.from);
          side.from = from;
          const to = new Int32Array(2 * token);
          to.set(side.to);
          side.to = to;
        }
        if (side.from[token]! < 0) {
          table.wordId(token);
          const word = wordOf(words.tokens[token]!);
          side.from[token] = dictionary.length;
          if (word !== undefined) for (const id of anchorsOf(word)) dictionary.push(id);
          side.to[token] = dictionary.length;
        }
      }
      if (!given) {
        strings.length = 0;
        punctuationAnchors(text, strings);
        for (const anchor of strings) other.push(table.id(anchor));
      }
      side.tokenStart[k + 1] = tokens.length;
      side.otherStart[k + 1] = other.length;
    });
    return side;
  };
  const sourceSide = collect(source, sourceAnchors);
  const targetSide = collect(target, targetAnchors);
  // A dictionary anchor found on one side only can never be shared: the aligner would drop it.
  const sides = new Uint8Array(table.names.length);
  for (let x = 0; x < sourceSide.dictionary.length; x++) sides[sourceSide.dictionary.ids[x]!]! |= 1;
  for (let x = 0; x < targetSide.dictionary.length; x++) sides[targetSide.dictionary.ids[x]!]! |= 2;
  const stamp = new Int32Array(table.names.length).fill(-1);
  let segmentNumber = 0;
  const finish = ({ segments, tokens, tokenStart, other, otherStart, given, from, to, dictionary }: Side): Segment[] => {
    // Each token's translations that the other side has too, found once per token: shared[sharedFrom..sharedTo).
    const shared = new IdBuffer();
    const sharedFrom = new Int32Array(from.length);
    const sharedTo = new Int32Array(from.length);
    for (let token = 0; token < from.length; token++) {
      if (from[token]! < 0) continue;
      sharedFrom[token] = shared.length;
      for (let x = from[token]!; x < to[token]!; x++) if (sides[dictionary.ids[x]!] === 3) shared.push(dictionary.ids[x]!);
      sharedTo[token] = shared.length;
    }
    let mostShared = 0;
    for (let token = 0; token < from.length; token++) mostShared = Math.max(mostShared, sharedTo[token]! - sharedFrom[token]!);
    let out = new Int32Array(otherStart[segments.length]! + 2 * tokenStart[segments.length]! + 1024);
    let end = 0;
    return segments.map(({ text }, k) => {
      const most = otherStart[k + 1]! - otherStart[k]! + (tokenStart[k + 1]! - tokenStart[k]!) * (1 + mostShared);
      if (end + most > out.length) {
        // A new array; the views made so far keep the old one.
        out = new Int32Array(Math.max(out.length, most));
        end = 0;
      }
      const here = segmentNumber++;
      const begin = end;
      for (let x = otherStart[k]!; x < otherStart[k + 1]!; x++) out[end++] = other.ids[x]!;
      for (let x = tokenStart[k]!; x < tokenStart[k + 1]!; x++) {
        const token = tokens.ids[x]!;
        if (!given[k]) {
          const id = table.wordId(token);
          if (id >= 0) out[end++] = id;
        }
        for (let y = sharedFrom[token]!; y < sharedTo[token]!; y++) {
          const id = shared.ids[y]!;
          if (stamp[id] !== here) {
            stamp[id] = here;
            out[end++] = id;
          }
        }
      }
      sortIds(out, begin, end);
      return { text, interned: { table, ids: new Int32Array(out.buffer, begin * 4, end - begin) } };
    });
  };
  return [finish(sourceSide), finish(targetSide)];
}
