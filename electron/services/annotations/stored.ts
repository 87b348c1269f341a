import { z } from 'zod';
import { AnnotationSchema, ColourSchema, type Annotation } from '../../../shared/model/annotation';

/**
 * Reading the store's annotations at start. Zod costs about as much as parsing the whole snapshot, so
 * each entry first meets a plain check that accepts only what AnnotationSchema accepts and returns
 * unchanged (what Facing itself writes); anything else, an older or hand-edited entry, goes through
 * the schema, which normalises it or refuses it.
 */

// The patterns z.uuid() and z.iso.datetime({ offset: true }) use, so the two cannot disagree.
const UUID = z.regexes.uuid();
const DATETIME = z.regexes.datetime({ offset: true, local: false, precision: null });
const DOCUMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** A tag as TagSchema leaves it: no leading, trailing, doubled or non-space white space. */
const NORMAL_TAG = /^\S+(?: \S+)*$/;
const COLOURS: ReadonlySet<unknown> = new Set(ColourSchema.options);

/** Whether `id` can name a document: stored annotations filed under anything else are damaged. */
export const isDocumentId = (id: string) => id.length <= 64 && DOCUMENT_ID.test(id);

/** Every field the plain check knows; an entry with any other field goes to the schema (which drops it). */
export const CHECKED_FIELDS = ['id', 'documentId', 'target', 'colour', 'tags', 'note', 'created', 'modified', 'documentTitle', 'creator', 'replyTo'] as const;
const REQUIRED = 8;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

function hasOnly(o: Record<string, unknown>, fields: readonly string[], required: number): boolean {
  let n = 0;
  for (const key in o) {
    if (!Object.hasOwn(o, key)) continue;
    const at = fields.indexOf(key);
    if (at < 0) return false;
    if (at < required) n++;
  }
  return n === required;
}

function isNormalTags(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > 50) return false;
  for (const tag of v) if (!isString(tag, 1, 64) || !NORMAL_TAG.test(tag)) return false;
  if (v.length < 2) return true;
  const lower = new Set(v.map((tag: string) => tag.toLowerCase()));
  return lower.size === v.length;
}

function isTarget(v: unknown): boolean {
  if (!isObject(v) || !hasOnly(v, ['quote', 'position'], 2)) return false;
  const { quote, position } = v;
  if (!isObject(quote) || !hasOnly(quote, ['type', 'exact', 'prefix', 'suffix'], 4)) return false;
  if (quote.type !== 'TextQuoteSelector' || !isString(quote.exact, 1, 20_000) || !isString(quote.prefix, 0, 200) || !isString(quote.suffix, 0, 200)) return false;
  if (!isObject(position) || !hasOnly(position, ['type', 'start', 'end'], 3)) return false;
  return position.type === 'TextPositionSelector' && isCount(position.start) && isCount(position.end) && position.end > position.start;
}

/** True only when AnnotationSchema would accept `v` and return an equal value, with `key` as its id. */
export function isStoredAnnotation(key: string, v: unknown): v is Annotation {
  return (
    isObject(v) &&
    hasOnly(v, CHECKED_FIELDS, REQUIRED) &&
    v.id === key &&
    typeof key === 'string' &&
    UUID.test(key) &&
    isString(v.documentId, 1, 64) &&
    DOCUMENT_ID.test(v.documentId) &&
    COLOURS.has(v.colour) &&
    isString(v.note, 0, 100_000) &&
    typeof v.created === 'string' &&
    DATETIME.test(v.created) &&
    typeof v.modified === 'string' &&
    (v.modified === v.created || DATETIME.test(v.modified)) &&
    isNormalTags(v.tags) &&
    isTarget(v.target) &&
    optional(v.documentTitle, (t) => isString(t, 0, 500)) &&
    optional(v.creator, (c) => isString(c, 0, 100)) &&
    optional(v.replyTo, (r) => typeof r === 'string' && UUID.test(r))
  );
}

/** The annotation stored under `key`, normalised, or null when it cannot be used. */
export function readStoredAnnotation(key: string, raw: unknown): Annotation | null {
  if (isStoredAnnotation(key, raw)) return raw;
  const parsed = AnnotationSchema.safeParse(raw);
  return parsed.success && parsed.data.id === key ? parsed.data : null;
}
