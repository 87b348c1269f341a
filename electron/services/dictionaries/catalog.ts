import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { LanguageSchema } from '../../../shared/model/document';
import type { DictionaryFormat, DictionaryId, DictionaryInfo } from '../../../shared/dictionary/model';
import { writeFileDurably } from '../durable-file';
import { languagesFromName } from './languages';

/** A dictionary found on disk, before it is opened: its entry file and what its name tells. */
export interface FoundDictionary {
  id: DictionaryId;
  format: DictionaryFormat;
  /** The `.index` (dictd) or `.ifo` (StarDict) file. */
  path: string;
  origin: 'system' | 'user';
  name: string;
  from?: string;
  to?: string;
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 100) || 'dictionary';

/** The dictionaries in one folder (not its subfolders, except one level for StarDict's per-dictionary folders). */
export async function findIn(dir: string, origin: 'system' | 'user', depth = 0): Promise<FoundDictionary[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: FoundDictionary[] = [];
  for (const entry of entries) {
    // Hidden: a dictionary still being added (see the service's add), or nothing of ours.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth === 0) found.push(...(await findIn(path, origin, 1)));
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const format: DictionaryFormat | undefined = entry.name.endsWith('.index') ? 'dictd' : entry.name.endsWith('.ifo') ? 'stardict' : undefined;
    if (!format) continue;
    const stem = basename(entry.name, format === 'dictd' ? '.index' : '.ifo');
    const idPart = origin === 'user' ? basename(dir) : `${format === 'stardict' && depth === 1 ? `${basename(dir)}-` : ''}${stem}`;
    found.push({ id: `${origin}:${slug(idPart)}`, format, path, origin, name: stem, ...languagesFromName(stem) });
  }
  return found;
}

const StateSchema = z.record(
  z.string(),
  z.object({ enabled: z.boolean().optional(), from: LanguageSchema.optional(), to: LanguageSchema.optional() }),
);
export type DictionaryState = z.infer<typeof StateSchema>;

/** What the user chose per dictionary (on/off, languages), kept in the data folder. */
export async function readState(path: string): Promise<DictionaryState> {
  try {
    const parsed = StateSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function writeState(path: string, state: DictionaryState): Promise<void> {
  return writeFileDurably(path, JSON.stringify(state, null, 2));
}

export function describe(found: FoundDictionary, state: DictionaryState, opened?: { name: string; entries: number; from?: string; to?: string }, problem?: string): DictionaryInfo {
  const chosen = state[found.id] ?? {};
  const info: DictionaryInfo = {
    id: found.id,
    name: opened?.name ?? found.name,
    format: found.format,
    from: chosen.from ?? opened?.from ?? found.from,
    to: chosen.to ?? opened?.to ?? found.to,
    entries: opened?.entries ?? 0,
    origin: found.origin,
    location: found.path,
    enabled: chosen.enabled ?? true,
  };
  return problem ? { ...info, problem } : info;
}

export async function sizeOf(path: string): Promise<number> {
  return (await stat(path)).size;
}
