import { z } from 'zod';

export const ThemeSchema = z.enum(['system', 'light', 'dark', 'sepia']);
export type Theme = z.infer<typeof ThemeSchema>;

const settingsFields = {
  theme: ThemeSchema,
  fontFamily: z.enum(['serif', 'sans']),
  /** Body text size in CSS pixels. */
  fontSize: z.number().int().min(12).max(32),
  lineHeight: z.number().min(1.2).max(2.2),
  /** Column width in characters. */
  measure: z.number().int().min(45).max(100),
  /** Backups of the annotation store kept: the newest of each of the last N hours, and of the last N days. */
  backupsHourly: z.number().int().min(1).max(168),
  backupsDaily: z.number().int().min(1).max(365),
  /** The parallel view: rows scrolled together, or each text on its own. */
  parallelScrolling: z.enum(['together', 'apart']),
  /** The interface language: the system's, or one chosen. */
  language: z.enum(['system', 'en', 'de']),
  /** Reading groups: whether this person may edit and delete annotations other people made. */
  editOthers: z.boolean(),
};

// Settings added later have defaults, so a store written before them keeps its other settings.
export const SettingsSchema = z.object({ ...settingsFields, backupsHourly: settingsFields.backupsHourly.default(24), backupsDaily: settingsFields.backupsDaily.default(7), parallelScrolling: settingsFields.parallelScrolling.default('together'), language: settingsFields.language.default('system'), editOthers: settingsFields.editOthers.default(false) });
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z.object(settingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const defaultSettings: Settings = {
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 19,
  lineHeight: 1.6,
  measure: 68,
  backupsHourly: 24,
  backupsDaily: 7,
  parallelScrolling: 'together',
  language: 'system',
  editOthers: false,
};

/** One backup of the annotation store, as Settings → Backups lists it. */
export const BackupSchema = z.object({
  /** The file name in the data folder's backups/ folder. */
  id: z.string(),
  time: z.iso.datetime(),
  size: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
  /** Made just before a restore, so the restore can be undone. */
  beforeRestore: z.boolean(),
});
export type Backup = z.infer<typeof BackupSchema>;
