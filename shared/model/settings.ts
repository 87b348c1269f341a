import { z } from 'zod';

export const ThemeSchema = z.enum(['system', 'light', 'dark', 'sepia']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  theme: ThemeSchema,
  fontFamily: z.enum(['serif', 'sans']),
  /** Body text size in CSS pixels. */
  fontSize: z.number().int().min(12).max(32),
  lineHeight: z.number().min(1.2).max(2.2),
  /** Column width in characters. */
  measure: z.number().int().min(45).max(100),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const defaultSettings: Settings = {
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 19,
  lineHeight: 1.6,
  measure: 68,
};
