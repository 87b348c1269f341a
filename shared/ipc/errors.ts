import { z } from 'zod';

export const ErrorCodeSchema = z.enum([
  'invalid-request',
  'unknown-channel',
  'not-found',
  'unreadable',
  'not-alignable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorInfoSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Field-level problems for invalid requests, e.g. "id: a document id is letters, digits...". */
  issues: z.array(z.string()).optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** An error a handler means to show to the user; anything else thrown becomes "internal". */
export class FacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
    this.name = 'FacingError';
  }

  toInfo(): ErrorInfo {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static fromInfo(info: ErrorInfo): FacingError {
    return new FacingError(info.code, info.message, info.issues);
  }
}

/** What crosses the process boundary: Electron mangles thrown errors, so results are plain data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
