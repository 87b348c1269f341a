import { z } from 'zod';
import { offsetMap } from './offsets';
import { threads } from './people';
import { AnnotationSchema, colours, type AnchoredAnnotation, type Annotation, type Colour, type ExportFile, type ExportFormat } from '../model/annotation';

export interface DocumentLabel {
  title: string;
  language: string;
}

export type Titles = ReadonlyMap<string, DocumentLabel>;

/** Each document's current text, where known: W3C positions are converted against it. */
export type Texts = ReadonlyMap<string, string>;

const colourName = (id: Colour) => colours.find((c) => c.id === id)!.name;

/** A link back to the passage; Facing opens `facing://read/<document>?annotation=<id>`. */
export function passageLink(annotation: Annotation): string {
  return `facing://read/${encodeURIComponent(annotation.documentId)}?annotation=${annotation.id}`;
}

function byDocument(annotations: readonly AnchoredAnnotation[]): Map<string, AnchoredAnnotation[]> {
  const groups = new Map<string, AnchoredAnnotation[]>();
  for (const a of annotations) {
    const list = groups.get(a.documentId);
    if (list) list.push(a);
    else groups.set(a.documentId, [a]);
  }
  for (const list of groups.values()) list.sort((x, y) => (x.anchor?.start ?? x.target.position.start) - (y.anchor?.start ?? y.target.position.start));
  return groups;
}

export function toMarkdown(annotations: readonly AnchoredAnnotation[], titles: Titles, exported: string): string {
  const lines = [`# Annotations`, '', `Exported from Facing on ${exported.slice(0, 10)}: ${annotations.length} ${annotations.length === 1 ? 'annotation' : 'annotations'}.`, ''];
  for (const [documentId, list] of byDocument(annotations)) {
    const label = titles.get(documentId);
    lines.push(`## ${label?.title ?? list[0]!.documentTitle ?? documentId}${label ? ` (${label.language.toUpperCase()})` : ''}`, '');
    for (const { root, replies } of threads(list)) {
      const a = root ?? replies[0]!;
      for (const quoteLine of a.target.quote.exact.split('\n')) lines.push(`> ${quoteLine}`.trimEnd());
      lines.push('');
      if (root) {
        const tags = a.tags.map((t) => `#${t.replace(/\s+/g, '-')}`).join(' ');
        lines.push([colourName(a.colour), tags, a.creator ? `by ${a.creator}` : '', `[Open in Facing](${passageLink(a)})`].filter(Boolean).join(' · '));
      } else lines.push('*Replies to an annotation that was deleted.*');
      if (!a.anchor) lines.push('', '*This passage is no longer found in the current text.*');
      if (root?.note.trim()) lines.push('', root.note.trim());
      for (const reply of replies) lines.push('', `**Reply${reply.creator ? ` from ${reply.creator}` : ''}** (${reply.created.slice(0, 10)}):`, '', reply.note.trim());
      lines.push('', '---', '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Cells a spreadsheet would run as a formula: they start with =, +, -, @, a tab or a carriage return. */
export const formulaStart = /^[=+\-@\t\r]/;

/**
 * A spreadsheet cell's text with a leading =, +, - or @ defused by an apostrophe so spreadsheets do
 * not run it. `asText` cells (ids) that look like numbers or dates get the same apostrophe, so `000`
 * stays `000` and does not become 0.
 */
export function defuseCell(value: string | number, asText = false): string {
  const text = String(value);
  return formulaStart.test(text) || (asText && /^\s*[\d.,]/.test(text)) ? `'${text}` : text;
}

/** One CSV cell: defused as above, quoted, quotes doubled. */
export function csvCell(value: string | number, asText = false): string {
  return `"${defuseCell(value, asText).replace(/"/g, '""')}"`;
}

export function toCsv(annotations: readonly AnchoredAnnotation[], titles: Titles): string {
  const header = ['id', 'document', 'title', 'language', 'colour', 'tags', 'quote', 'note', 'start', 'end', 'found', 'created', 'modified', 'creator', 'reply to'];
  const rows = annotations.map((a) => [
    a.id,
    a.documentId,
    titles.get(a.documentId)?.title ?? a.documentTitle ?? '',
    titles.get(a.documentId)?.language ?? '',
    a.colour,
    a.tags.join('; '),
    a.target.quote.exact,
    a.note,
    a.anchor?.start ?? a.target.position.start,
    a.anchor?.end ?? a.target.position.end,
    a.anchor ? 'yes' : 'no',
    a.created,
    a.modified,
    a.creator ?? '',
    a.replyTo ?? '',
  ]);
  const textColumns = new Set([0, 1, 14]);
  return `${[header, ...rows].map((row) => row.map((value, column) => csvCell(value, textColumns.has(column))).join(',')).join('\r\n')}\r\n`;
}

const strip = ({ anchor: _anchor, ...rest }: AnchoredAnnotation): Annotation => rest;

export function toJson(annotations: readonly AnchoredAnnotation[], exported: string): string {
  return `${JSON.stringify({ format: 'facing-annotations', version: 1, exported, annotations: annotations.map(strip) }, null, 2)}\n`;
}

const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const documentUrn = (id: string) => `urn:facing:document:${id}`;
const annotationUrn = (id: string) => `urn:uuid:${id}`;

/**
 * One annotation in the W3C Web Annotation Data Model, self-contained (with its own @context). Its
 * TextPositionSelector counts code points, as the model asks; without the document's text the stored
 * offsets are written as they are.
 */
export function toW3CAnnotation(a: Annotation, text?: string): Record<string, unknown> {
  if (a.replyTo) return toW3CReply(a);
  const map = text === undefined ? null : offsetMap(text);
  const position = map ? { ...a.target.position, start: map.toCodePoints(a.target.position.start), end: map.toCodePoints(a.target.position.end) } : a.target.position;
  const bodies = [
    ...(a.note !== '' ? [{ type: 'TextualBody', value: a.note, format: 'text/markdown', purpose: 'commenting' }] : []),
    ...a.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ];
  return {
    '@context': W3C_CONTEXT,
    id: annotationUrn(a.id),
    type: 'Annotation',
    motivation: a.note.trim() ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    ...(a.creator ? { creator: { type: 'Person', name: a.creator } } : {}),
    ...(bodies.length ? { body: bodies } : {}),
    target: {
      source: documentUrn(a.documentId),
      styleClass: a.colour,
      selector: [a.target.quote, position],
    },
    stylesheet: {
      type: 'CssStylesheet',
      value: colours.map((c) => `.${c.id} { background-color: ${c.hex}; }`).join(' '),
    },
  };
}

/** A reply: an annotation whose target is the annotation it answers, motivated by "replying". */
function toW3CReply(a: Annotation): Record<string, unknown> {
  return {
    '@context': W3C_CONTEXT,
    id: annotationUrn(a.id),
    type: 'Annotation',
    motivation: 'replying',
    created: a.created,
    modified: a.modified,
    ...(a.creator ? { creator: { type: 'Person', name: a.creator } } : {}),
    body: { type: 'TextualBody', value: a.note, format: 'text/markdown', purpose: 'replying' },
    target: annotationUrn(a.replyTo!),
  };
}

export function toW3C(annotations: readonly AnchoredAnnotation[], exported: string, collectionId: string, texts: Texts = new Map()): string {
  const items = annotations.map((a) => toW3CAnnotation(strip(a), texts.get(a.documentId)));
  const collection = {
    '@context': W3C_CONTEXT,
    id: `urn:uuid:${collectionId}`,
    type: 'AnnotationCollection',
    label: 'Annotations exported from Facing',
    created: exported,
    total: items.length,
    first: { id: `urn:uuid:${collectionId}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

export function exportAnnotations(format: ExportFormat, annotations: readonly AnchoredAnnotation[], titles: Titles, exported: string, collectionId: string, texts: Texts = new Map()): ExportFile {
  const stamp = exported.slice(0, 10);
  switch (format) {
    case 'markdown':
      return { filename: `facing-annotations-${stamp}.md`, mimeType: 'text/markdown', content: toMarkdown(annotations, titles, exported) };
    case 'csv':
      return { filename: `facing-annotations-${stamp}.csv`, mimeType: 'text/csv', content: toCsv(annotations, titles) };
    case 'json':
      return { filename: `facing-annotations-${stamp}.json`, mimeType: 'application/json', content: toJson(annotations, exported) };
    case 'w3c':
      return { filename: `facing-annotations-${stamp}.jsonld`, mimeType: 'application/ld+json', content: toW3C(annotations, exported, collectionId, texts) };
  }
}

export class ImportError extends Error {}

const W3CTextualBody = z.object({ type: z.literal('TextualBody').optional(), value: z.string(), purpose: z.string().optional() });
const W3CCreator = z.union([z.string(), z.object({ name: z.string() }).transform((c) => c.name)]).optional();
const W3CAnnotation = z.object({
  id: z.string().regex(/^urn:uuid:/),
  type: z.literal('Annotation'),
  created: z.string(),
  modified: z.string().optional(),
  creator: W3CCreator,
  body: z.union([W3CTextualBody, z.array(W3CTextualBody)]).optional(),
  target: z.object({
    source: z.string().regex(/^urn:facing:document:/),
    styleClass: z.string().optional(),
    selector: z.array(z.record(z.string(), z.unknown())),
  }),
});
const W3CReply = z.object({
  id: z.string().regex(/^urn:uuid:/),
  type: z.literal('Annotation'),
  motivation: z.literal('replying'),
  created: z.string(),
  modified: z.string().optional(),
  creator: W3CCreator,
  body: z.union([W3CTextualBody, z.array(W3CTextualBody)]),
  target: z.union([z.string().regex(/^urn:uuid:/), z.array(z.string().regex(/^urn:uuid:/)).length(1).transform(([t]) => t!)]),
});

/** Marks an entry read from W3C, whose position counts code points until converted. */
const W3C_POSITIONS = Symbol('w3c positions');

/** A W3C reply waiting for its parent's document and target, from the same file or the store. */
const W3C_REPLY = Symbol('w3c reply');

function fromW3C(raw: unknown): unknown {
  if ((raw as Record<string, unknown> | null)?.motivation === 'replying') {
    const reply = W3CReply.parse(raw);
    const bodies = Array.isArray(reply.body) ? reply.body : [reply.body];
    return {
      id: reply.id.slice('urn:uuid:'.length),
      replyTo: reply.target.slice('urn:uuid:'.length),
      note: bodies.map((b) => b.value).join('\n\n'),
      created: reply.created,
      modified: reply.modified ?? reply.created,
      ...(reply.creator ? { creator: reply.creator } : {}),
      [W3C_REPLY]: true,
    };
  }
  const w3c = W3CAnnotation.parse(raw);
  const bodies = w3c.body === undefined ? [] : Array.isArray(w3c.body) ? w3c.body : [w3c.body];
  const quote = w3c.target.selector.find((s) => s.type === 'TextQuoteSelector');
  const position = w3c.target.selector.find((s) => s.type === 'TextPositionSelector');
  return {
    id: w3c.id.slice('urn:uuid:'.length),
    documentId: w3c.target.source.slice('urn:facing:document:'.length),
    target: { quote: { prefix: '', suffix: '', ...quote }, position },
    colour: w3c.target.styleClass ?? 'yellow',
    tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
    note: bodies.find((b) => b.purpose === 'commenting')?.value ?? '',
    created: w3c.created,
    modified: w3c.modified ?? w3c.created,
    ...(w3c.creator ? { creator: w3c.creator } : {}),
    [W3C_POSITIONS]: true,
  };
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`;
  }
  return (error as Error).message;
}

/** An imported annotation and whether its position still counts code points (from a W3C file). */
export interface ImportedAnnotation {
  annotation: Annotation;
  codePoints: boolean;
}

/** The annotation with its position in the model's UTF-16 units, converted against the document's text if it is known. */
export function inUtf16({ annotation, codePoints }: ImportedAnnotation, text: string | undefined): Annotation {
  if (!codePoints || text === undefined) return annotation;
  const map = offsetMap(text);
  const { position } = annotation.target;
  return { ...annotation, target: { ...annotation.target, position: { ...position, start: map.toUtf16(position.start), end: map.toUtf16(position.end) } } };
}

/** Reads a Facing JSON or W3C Web Annotation export, converting W3C positions with `textOf` where it knows the document. */
export function parseAnnotationFile(content: string, textOf: (documentId: string) => string | undefined = () => undefined, known: (id: string) => Annotation | undefined = () => undefined): Annotation[] {
  return readAnnotationFile(content, known).map((entry) => inUtf16(entry, textOf(entry.annotation.documentId)));
}

/**
 * Reads a Facing JSON or W3C Web Annotation export. Any entry that does not fit refuses the whole
 * file, with the entry named, so an import either adds everything or changes nothing. A W3C reply
 * takes its parent's document and target from the parent in the file, or else from `known` (the store).
 */
export function readAnnotationFile(content: string, known: (id: string) => Annotation | undefined = () => undefined): ImportedAnnotation[] {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new ImportError('This file is not JSON. Facing imports its own JSON export and W3C Web Annotation (JSON-LD) files.');
  }
  let entries: unknown[];
  let convert: (raw: unknown) => unknown = (raw) => raw;
  const object = json as Record<string, unknown> | null;
  if (object && object.format === 'facing-annotations' && Array.isArray(object.annotations)) {
    entries = object.annotations;
  } else if (object && object.type === 'AnnotationCollection') {
    const first = object.first as Record<string, unknown> | undefined;
    if (!first || !Array.isArray(first.items)) throw new ImportError('This W3C collection has no embedded first page of items; Facing cannot fetch pages from the web.');
    entries = first.items;
    convert = fromW3C;
  } else if (object && object.type === 'Annotation') {
    entries = [object];
    convert = fromW3C;
  } else if (Array.isArray(json)) {
    entries = json;
    convert = (raw) => ((raw as Record<string, unknown>)?.type === 'Annotation' ? fromW3C(raw) : raw);
  } else {
    throw new ImportError('This JSON file is neither a Facing annotation export nor W3C Web Annotations.');
  }
  const fail = (index: number, reason: string) => new ImportError(`Entry ${index + 1} is not a valid annotation (${reason}). Nothing was imported.`);
  const read = entries.map((raw, index) => {
    try {
      const converted = convert(raw);
      if (typeof converted === 'object' && converted !== null && W3C_REPLY in converted) return { reply: converted as unknown as { id: string; replyTo: string }, index };
      const codePoints = typeof converted === 'object' && converted !== null && W3C_POSITIONS in converted;
      return { entry: { annotation: AnnotationSchema.parse(converted), codePoints } };
    } catch (error) {
      throw fail(index, describe(error));
    }
  });
  const inFile = new Map(read.flatMap((r) => (r.entry ? [[r.entry.annotation.id, r.entry] as const] : [])));
  return read.map((r) => {
    if (r.entry) return r.entry;
    const { reply, index } = r;
    const parent = inFile.get(reply.replyTo) ?? (known(reply.replyTo) ? { annotation: known(reply.replyTo)!, codePoints: false } : undefined);
    if (!parent) throw fail(index, 'it replies to an annotation that is neither in this file nor here');
    const { annotation: p } = parent;
    const parsed = AnnotationSchema.safeParse({ ...reply, documentId: p.documentId, target: p.target, colour: p.colour, tags: [], ...(p.documentTitle ? { documentTitle: p.documentTitle } : {}) });
    if (!parsed.success) throw fail(index, describe(parsed.error));
    return { annotation: parsed.data, codePoints: parent.codePoints };
  });
}
