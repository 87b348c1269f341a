import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { lookupCandidates, rankMatches } from '../../../shared/dictionary/lookup';
import type { DictionaryEntry, DictionaryId, DictionaryInfo, LookupResult } from '../../../shared/dictionary/model';
import { FacingError } from '../../../shared/ipc/errors';
import { writeFileDurably } from '../durable-file';
import { ArchiveRefused, dictionaryFiles, type NamedFile } from './archive';
import { describe, findIn, readState, writeState, type DictionaryState, type FoundDictionary } from './catalog';
import { openDictd, peekDictd } from './dictd';
import { DictionaryFileError } from './errors';
import type { DictionaryReader } from './reader';
import { lexiconFor } from './lexicon';
import type { TranslationLexicon } from '../../../shared/alignment/lexicon';
import { openStarDict, peekStarDict } from './stardict';
import { t } from '../../../shared/i18n/current';

export interface DictionaryServiceOptions {
  dataDir: string;
  /** Folders searched for dictionaries the system already has. */
  systemDirs: string[];
}

const primary = (language: string) => language.toLowerCase().split('-')[0]!;
const reason = (error: unknown) => (error instanceof DictionaryFileError || error instanceof ArchiveRefused ? error.message : `could not be read (${(error as Error).message})`);

/**
 * Dictionaries found on the system or added by the user: listed cheaply (name and size from their
 * headers), opened on first lookup in their language, closed when removed or disabled.
 */
export function createDictionaryService({ dataDir, systemDirs }: DictionaryServiceOptions) {
  const userDir = join(dataDir, 'dictionaries');
  const statePath = join(userDir, 'state.json');
  const opened = new Map<DictionaryId, Promise<DictionaryReader>>();
  const problems = new Map<DictionaryId, string>();
  const peeked = new Map<DictionaryId, { name: string; entries: number; from?: string; to?: string }>();
  let stateCache: DictionaryState | undefined;
  let leftoversRemoved: Promise<void> | undefined;
  const removeLeftovers = async () => {
    const names = await readdir(userDir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.startsWith('.adding-'))) await rm(join(userDir, name), { recursive: true, force: true });
  };

  const state = async () => (stateCache ??= await readState(statePath));
  const saveState = async (next: DictionaryState) => {
    stateCache = next;
    await writeState(statePath, next);
  };

  async function discover(): Promise<FoundDictionary[]> {
    const found: FoundDictionary[] = [];
    for (const dir of systemDirs) found.push(...(await findIn(dir, 'system')));
    found.push(...(await findIn(userDir, 'user')));
    const seen = new Set<string>();
    return found.filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)));
  }

  async function peek(found: FoundDictionary) {
    let info = peeked.get(found.id);
    if (!info) {
      info = found.format === 'dictd' ? await peekDictd(found.path) : await peekStarDict(found.path);
      peeked.set(found.id, info);
    }
    return info;
  }

  async function info(found: FoundDictionary, current: DictionaryState): Promise<DictionaryInfo> {
    try {
      return describe(found, current, await peek(found), problems.get(found.id));
    } catch (error) {
      return describe(found, current, undefined, reason(error));
    }
  }

  function open(found: FoundDictionary): Promise<DictionaryReader> {
    let reader = opened.get(found.id);
    if (!reader) {
      reader = found.format === 'dictd' ? openDictd(found.path) : openStarDict(found.path);
      opened.set(found.id, reader);
      reader.catch((error) => {
        problems.set(found.id, reason(error));
        opened.delete(found.id);
      });
    }
    return reader;
  }

  async function close(id: DictionaryId) {
    const reader = opened.get(id);
    opened.delete(id);
    await reader?.then((r) => r.close()).catch(() => {});
  }

  async function get(id: DictionaryId): Promise<FoundDictionary> {
    const found = (await discover()).find((d) => d.id === id);
    if (!found) throw new FacingError('not-found', t('dictService.gone'));
    return found;
  }

  return {
    async list(): Promise<DictionaryInfo[]> {
      const current = await state();
      return Promise.all((await discover()).map((found) => info(found, current)));
    },

    async lookup(word: string, language: string): Promise<LookupResult> {
      const current = await state();
      const usable: Array<{ found: FoundDictionary; name: string }> = [];
      for (const found of await discover()) {
        const described = await info(found, current);
        if (described.enabled && !described.problem && described.from && primary(described.from) === primary(language)) usable.push({ found, name: described.name });
      }
      const entries: DictionaryEntry[] = [];
      for (const { found, name } of usable) {
        let reader: DictionaryReader;
        try {
          reader = await open(found);
        } catch {
          continue; // listed with its problem from now on
        }
        for (const candidate of lookupCandidates(word, language, reader.headwords)) {
          try {
            for (const d of await reader.definitions(candidate.key)) {
              entries.push({ dictionaryId: found.id, dictionaryName: name, headword: d.headword, match: d.synonym && candidate.match === 'exact' ? 'synonym' : candidate.match, definition: d.definition });
            }
          } catch (error) {
            problems.set(found.id, reason(error));
          }
        }
      }
      return { word, language, entries: rankMatches(entries).slice(0, 60), searched: usable.length };
    },

    /** Copies dictionary files (loose or in .zip/.tar.gz) into the data folder; each dictionary is opened once to check it. */
    async add(files: NamedFile[]): Promise<DictionaryInfo[]> {
      let wanted: NamedFile[];
      try {
        wanted = await dictionaryFiles(files);
      } catch (error) {
        throw new FacingError('unreadable', reason(error));
      }
      // Folders an add cut short by a crash left hidden: removed once, before this process adds any.
      await (leftoversRemoved ??= removeLeftovers());
      const entryFiles = wanted.filter((f) => /\.(ifo|index)$/i.test(f.name));
      if (entryFiles.length === 0) throw new FacingError('unreadable', t('dictService.noDictionary'));
      const added: DictionaryInfo[] = [];
      const current = await state();
      for (const entry of entryFiles) {
        const stem = entry.name.replace(/\.(ifo|index)$/i, '');
        const own = wanted.filter((f) => f.name.startsWith(`${stem}.`));
        const id = randomUUID();
        // Copied and checked in a hidden folder, then renamed into place: a list or lookup meanwhile
        // (the Dictionaries page, the aligner in the background) saw a half-copied dictionary and
        // marked it broken until the next start.
        const staging = join(userDir, `.adding-${id}`);
        const dir = join(userDir, id);
        await mkdir(staging, { recursive: true });
        try {
          for (const file of own) await writeFileDurably(join(staging, file.name), file.data);
          const [staged] = await findIn(staging, 'user', 1);
          if (!staged) throw new DictionaryFileError(entry.name, t('dictFile.notStored'));
          const reader = staged.format === 'dictd' ? await openDictd(staged.path) : await openStarDict(staged.path);
          await reader.close();
          await rename(staging, dir);
          const [found] = await findIn(dir, 'user', 1);
          if (!found) throw new DictionaryFileError(entry.name, t('dictFile.notStored'));
          added.push(describe(found, current, reader));
        } catch (error) {
          await rm(staging, { recursive: true, force: true });
          await rm(dir, { recursive: true, force: true });
          throw new FacingError('unreadable', reason(error));
        }
      }
      return added;
    },

    async update(id: DictionaryId, patch: { enabled?: boolean; from?: string; to?: string }): Promise<DictionaryInfo> {
      const found = await get(id);
      const current = await state();
      await saveState({ ...current, [id]: { ...current[id], ...patch } });
      if (patch.enabled === false) await close(id);
      return info(found, await state());
    },

    /** Removes a dictionary the user added; the system's own can only be switched off. */
    async remove(id: DictionaryId): Promise<void> {
      const found = await get(id);
      if (found.origin !== 'user') throw new FacingError('invalid-request', t('dictService.system'));
      await close(id);
      await rm(join(found.path, '..'), { recursive: true, force: true });
      peeked.delete(id);
      problems.delete(id);
      const { [id]: _, ...rest } = await state();
      await saveState(rest);
    },

    /** An opened dictionary for a language pair, for word links and the aligner; undefined when none is enabled. */
    async readerFor(from: string, to: string): Promise<DictionaryReader | undefined> {
      for (const d of await this.list()) {
        if (d.enabled && !d.problem && d.from && d.to && primary(d.from) === primary(from) && primary(d.to) === primary(to)) {
          return open(await get(d.id)).catch(() => undefined);
        }
      }
      return undefined;
    },

    /**
     * What an enabled dictionary says about the words of the document in its source language, for the
     * aligner; either direction serves (a German-English dictionary helps align English with German).
     */
    async lexiconBetween(left: { language: string; texts: () => Iterable<string> }, right: { language: string; texts: () => Iterable<string> }): Promise<TranslationLexicon | undefined> {
      for (const [source, target] of [[left, right], [right, left]] as const) {
        const reader = await this.readerFor(source.language, target.language);
        if (!reader) continue;
        return lexiconFor(reader, primary(source.language), primary(target.language), source.texts());
      }
      return undefined;
    },

    async close() {
      await Promise.all([...opened.keys()].map(close));
    },
  };
}

export type DictionaryService = ReturnType<typeof createDictionaryService>;
