import { z } from 'zod';
import { SettingsSchema, type Settings } from '../model/settings';

/**
 * The settings that follow a person between computers when they choose "Also sync my settings":
 * the interface language and the reading preferences. How many backups this computer keeps stays
 * here, as do the data folder, the sync password and the window.
 */
export const SYNCED_SETTINGS = ['language', 'theme', 'fontFamily', 'fontSize', 'lineHeight', 'measure', 'parallelScrolling'] as const;
export type SyncedSettingKey = (typeof SYNCED_SETTINGS)[number];

const mask = Object.fromEntries(SYNCED_SETTINGS.map((key) => [key, true])) as { [K in SyncedSettingKey]: true };

/** What travels: the synced settings only (unknown ones from a newer Facing are dropped). */
export const SyncedSettingsSchema = SettingsSchema.pick(mask);
export type SyncedSettings = z.infer<typeof SyncedSettingsSchema>;

export function syncedSettingsOf(settings: Settings): SyncedSettings {
  return Object.fromEntries(SYNCED_SETTINGS.map((key) => [key, settings[key]])) as SyncedSettings;
}

/** This computer's settings with the synced ones taken from another computer. */
export function withSyncedSettings(settings: Settings, synced: SyncedSettings): Settings {
  return SettingsSchema.parse({ ...settings, ...synced });
}
