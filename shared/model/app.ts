import { z } from 'zod';

export const NoticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  /** Where the store and imported files live. */
  dataDir: z.string(),
  shell: z.enum(['electron', 'web']),
  /** Things the user should know about since start: a store moved aside, manifest problems. */
  notices: z.array(NoticeSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
