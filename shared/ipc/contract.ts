import { z } from 'zod';
import {
  DocumentIdSchema,
  DocumentPatchSchema,
  DocumentSchema,
  DocumentPageSchema,
  DocumentSummarySchema,
  LanguageSchema,
  PairSuggestionSchema,
  ReadingStateSchema,
} from '../model/document';
import { SearchResultSchema } from '../model/search';
import { AlignmentRowSchema, AlignmentSchema } from '../model/alignment';
import {
  AnchoredAnnotationSchema,
  AnnotationDraftSchema,
  AnnotationPatchSchema,
  AnnotationSchema,
  ExportFileSchema,
  ExportFormatSchema,
  ImportResultSchema,
  MAX_IMPORT_BYTES,
  ReplyDraftSchema,
  TagSchema,
} from '../model/annotation';
import { AppInfoSchema } from '../model/app';
import { channels, type Channel } from './channels';
import { t } from '../i18n/current';
import { exchangeContract } from '../formats/contract';
import { BackupSchema, SettingsPatchSchema, SettingsSchema } from '../model/settings';
import { DictionaryIdSchema, DictionaryInfoSchema, LookupResultSchema } from '../dictionary/model';
import { SyncConflictSchema, SyncResolveSchema, SyncSetSchema, SyncSettingsSchema, SyncStatusSchema, SyncTestSchema } from '../sync/model';

const NoArgs = z.strictObject({});
const Pair = { left: DocumentIdSchema, right: DocumentIdSchema };

/** Imported files travel as base64; the limit is the documented import size, 40 MB. */
export const MAX_IMPORT_FILE_BYTES = 40 * 1024 * 1024;
const Base64File = z.base64().max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 4, `files are limited to ${MAX_IMPORT_FILE_BYTES / 1048576} MB`);

/**
 * Every channel between the renderer and the main process (or the loopback web host).
 * Requests are parsed with these schemas before any handler runs.
 */
export const contract = {
  'app:info': { request: NoArgs, response: AppInfoSchema },
  'documents:list': { request: NoArgs, response: z.array(DocumentSummarySchema) },
  'documents:get': { request: z.strictObject({ id: DocumentIdSchema }), response: DocumentSchema },
  /** A page of a document's paragraphs; the reader opens documents this way (see DocumentPageSchema). */
  'documents:blocks': { request: z.strictObject({ id: DocumentIdSchema, from: z.number().int().nonnegative().max(10_000_000), count: z.number().int().min(1).max(20_000) }), response: DocumentPageSchema },
  'documents:import': {
    request: z.strictObject({ name: z.string().min(1).max(1000), data: Base64File }),
    response: z.object({ document: DocumentSummarySchema, suggestions: z.array(PairSuggestionSchema), duplicate: z.boolean().optional() }),
  },
  'documents:update': { request: z.strictObject({ id: DocumentIdSchema, patch: DocumentPatchSchema }), response: DocumentSummarySchema },
  'documents:remove': {
    request: z.strictObject({ id: DocumentIdSchema, annotations: z.enum(['keep', 'delete']) }),
    response: z.object({ removedAnnotations: z.number().int() }),
  },
  'documents:suggestPairs': { request: z.strictObject({ id: DocumentIdSchema }), response: z.array(PairSuggestionSchema) },
  'reading:save': { request: z.strictObject({ documentId: DocumentIdSchema, state: ReadingStateSchema.omit({ opened: true }).strict() }), response: z.object({}) },
  'search:query': { request: z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }), response: SearchResultSchema },
  'settings:get': { request: NoArgs, response: SettingsSchema },
  'settings:set': { request: z.strictObject({ patch: SettingsPatchSchema }), response: SettingsSchema },
  'backups:list': { request: NoArgs, response: z.array(BackupSchema) },
  'backups:restore': {
    request: z.strictObject({ id: z.string().regex(/^facing-store-[\w.-]+\.json$/, { error: () => t('validation.backupName') }) }),
    response: z.object({ restored: BackupSchema, keptAs: z.string() }),
  },
  'alignment:get': { request: z.strictObject(Pair), response: AlignmentSchema },
  'alignment:save': { request: z.strictObject({ ...Pair, rows: z.array(AlignmentRowSchema).max(200_000) }), response: AlignmentSchema },
  'alignment:reset': { request: z.strictObject(Pair), response: AlignmentSchema },
  'annotations:list': { request: z.strictObject({ documentId: DocumentIdSchema.optional() }), response: z.array(AnchoredAnnotationSchema) },
  'annotations:create': { request: AnnotationDraftSchema, response: AnchoredAnnotationSchema },
  'annotations:reply': { request: ReplyDraftSchema, response: AnchoredAnnotationSchema },
  'annotations:update': { request: z.strictObject({ id: z.uuid(), patch: AnnotationPatchSchema }), response: AnchoredAnnotationSchema },
  'annotations:delete': { request: z.strictObject({ ids: z.array(z.uuid()).min(1).max(100_000) }), response: z.array(AnnotationSchema) },
  'annotations:restore': { request: z.strictObject({ annotations: z.array(AnnotationSchema).min(1).max(100_000) }), response: z.array(AnchoredAnnotationSchema) },
  'annotations:export': { request: z.strictObject({ format: ExportFormatSchema, documentId: DocumentIdSchema.optional() }), response: ExportFileSchema },
  'annotations:import': {
    request: z.strictObject({ content: z.string().max(MAX_IMPORT_BYTES, `import files are limited to ${MAX_IMPORT_BYTES / 1048576} MB`) }),
    response: ImportResultSchema,
  },
  'tags:rename': { request: z.strictObject({ from: TagSchema, to: TagSchema }), response: z.array(AnnotationSchema) },
  'tags:delete': { request: z.strictObject({ tag: TagSchema }), response: z.array(AnnotationSchema) },
  'dictionaries:list': { request: NoArgs, response: z.array(DictionaryInfoSchema) },
  'dictionaries:lookup': { request: z.strictObject({ word: z.string().min(1).max(200), language: LanguageSchema }), response: LookupResultSchema },
  'dictionaries:add': {
    request: z.strictObject({ files: z.array(z.strictObject({ name: z.string().min(1).max(1000), data: Base64File })).min(1).max(20) }),
    response: z.array(DictionaryInfoSchema),
  },
  'dictionaries:update': {
    request: z.strictObject({ id: DictionaryIdSchema, patch: z.strictObject({ enabled: z.boolean().optional(), from: LanguageSchema.optional(), to: LanguageSchema.optional() }) }),
    response: DictionaryInfoSchema,
  },
  'dictionaries:remove': { request: z.strictObject({ id: DictionaryIdSchema }), response: z.object({}) },
  'dictionaries:translations': {
    request: z.strictObject({ from: LanguageSchema, to: LanguageSchema, words: z.array(z.string().min(1).max(100)).max(2000) }),
    response: z.record(z.string(), z.array(z.string())),
  },
  /** Sync settings never carry the password back: `hasPassword` says whether one is saved. */
  'sync:get': { request: NoArgs, response: SyncSettingsSchema },
  'sync:set': { request: SyncSetSchema, response: SyncSettingsSchema },
  /** Tests the given settings (a missing password means the saved one), or the saved ones. */
  'sync:test': { request: z.strictObject({ settings: SyncSetSchema.optional() }), response: SyncTestSchema },
  /** Polled by the header; `revision` moves when other computers' changes arrive. */
  'sync:status': { request: NoArgs, response: SyncStatusSchema },
  'sync:conflicts': { request: NoArgs, response: z.array(SyncConflictSchema) },
  'sync:resolve': { request: SyncResolveSchema, response: z.object({}) },
  ...exchangeContract,
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export { channels, type Channel };
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** The table both the Electron main process and the web host bind. */
export type Handlers = {
  [C in Channel]: (request: z.output<Contract[C]['request']>) => Promise<ResponseOf<C>>;
};

/** The API the renderer calls, whatever carries it. */
export interface FacingApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** A handle for a file the services then read themselves; undefined when the transport cannot upload. */
  upload?(file: UploadBody): Promise<string>;
}

/** A File (or Blob) to upload; shared/ knows no DOM types. */
export type UploadBody = { readonly size: number };

/** The raw transport the preload exposes as `window.facing`. */
export interface FacingBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Hands a big file to the services without base64 in JSON; resolves a result holding `{ upload }`, a handle `pairs:import` takes. */
  upload?(file: UploadBody): Promise<unknown>;
}
