// Errors of the service's domain layer: a code, the HTTP status it maps to, and a Chinese message for the user.
// Routes and pages show `message` as is; nothing else from an error reaches a user.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

export type ServiceErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID'
  | 'CONFLICT'
  | 'WINDOW_CLOSED'
  | 'WRONG_STATE'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_TYPE';

const STATUS: Record<ServiceErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  WINDOW_CLOSED: 403,
  WRONG_STATE: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
};

export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** Engine diagnostics behind an INVALID answer (file:line:col, field, expected). */
    readonly diagnostics: Diagnostic[] = [],
    /** Extra data for the client (e.g. the current version on a conflict). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const forbidden = (what: string): ServiceError => new ServiceError('FORBIDDEN', `无权${what}`);
export const notFound = (what: string): ServiceError => new ServiceError('NOT_FOUND', `找不到${what}`);
export const invalid = (msg: string, diagnostics: Diagnostic[] = []): ServiceError => new ServiceError('INVALID', msg, diagnostics);
