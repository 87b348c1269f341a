import { z } from 'zod';
import { t } from '../i18n/current';

/** Control characters, and the marks that turn text's direction (a right-to-left override makes "exe.txt" read "txt.exe"). */
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/gu;

/** A person's name as others in the group see it on their annotations; empty, they give none. */
export const DisplayNameSchema = z
  .string()
  .trim()
  .max(100, { error: () => t('validation.displayNameLong') })
  .refine((name) => !CONTROL_OR_BIDI.test(name), { error: () => t('validation.displayNameControl') })
  .refine((name) => name === '' || name.replace(INVISIBLE, '') !== '', { error: () => t('validation.displayNameBlank') });

const UrlSchema = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/i, { error: () => t('validation.serverAddress') })
  // The pattern lets through what URL refuses (a port of 99999): that was an internal error later.
  .refine((url) => (globalThis as unknown as { URL: { canParse(url: string): boolean } }).URL.canParse(url), { error: () => t('validation.serverAddress') });

/** CouchDB database names: lower case letter first, then a-z, 0-9 and _$()+-/ */
export const DatabaseNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_$()+/-]*$/, { error: () => t('validation.databaseName') })
  .max(238);

export const SyncConfigSchema = z.object({
  url: UrlSchema,
  database: DatabaseNameSchema,
  username: z.string().trim().max(200),
  displayName: DisplayNameSchema,
  enabled: z.boolean(),
  /** Also sync the language and reading preferences (shared/sync/settings.ts); off, settings stay per computer. */
  syncSettings: z.boolean().optional(),
});
export type SyncConfig = z.infer<typeof SyncConfigSchema>;

/** What sync:set takes: a password only when it changes (an empty string forgets it). */
export const SyncSetSchema = SyncConfigSchema.extend({ password: z.string().max(1000).optional() }).strict();
export type SyncSet = z.input<typeof SyncSetSchema>;

export const SyncStateSchema = z.enum(['off', 'syncing', 'up-to-date', 'offline', 'error']);
export type SyncState = z.infer<typeof SyncStateSchema>;

export const SyncStatusSchema = z.object({
  state: SyncStateSchema,
  /** Counts up each time remote changes reach the store: open screens re-fetch when it moves. */
  revision: z.number().int().nonnegative(),
  /** Local changes not yet on the server (offline). */
  pending: z.number().int().nonnegative(),
  /** Progress of a sync under way. */
  docs: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  lastSynced: z.string().nullable(),
  /** Why, and what to do (error), or a note on the state, as a sentence in the interface language. */
  message: z.string().nullable(),
  /** The technical reason behind the message ("connect ECONNREFUSED 127.0.0.1:5984"), for whoever looks closer. */
  detail: z.string().nullable().optional(),
  quarantined: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncSettingsSchema = z.object({
  config: SyncConfigSchema.nullable(),
  /** The password itself never leaves the main process. */
  hasPassword: z.boolean(),
  status: SyncStatusSchema,
  /** Documents from the server that failed validation and were not applied. */
  quarantine: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

export const SyncTestSchema = z.object({
  ok: z.boolean(),
  kind: z.enum(['ok', 'unreachable', 'unauthorized', 'no-database', 'not-couchdb', 'insecure', 'error']),
  message: z.string(),
  /** For no-database: whether these credentials may create it (Facing creates it when sync starts). */
  canCreate: z.boolean().optional(),
});
export type SyncTest = z.infer<typeof SyncTestSchema>;

/** An annotation (or another synced entry) changed on two computers while apart. */
export const SyncConflictSchema = z.object({
  id: z.string(),
  kind: z.enum(['annotation', 'alignment', 'reading', 'document']),
  /** The version CouchDB chose, which is the one applied. */
  winner: z.unknown(),
  other: z.unknown(),
  /** Who wrote each version, as their display name (null when they gave none). */
  winnerBy: z.string().nullable(),
  otherBy: z.string().nullable(),
});
export type SyncConflict = z.infer<typeof SyncConflictSchema>;

export const SyncResolveSchema = z.strictObject({ id: z.string().min(1).max(300), keep: z.enum(['winner', 'other', 'both']) });
