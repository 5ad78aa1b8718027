// The assessment service's public entry: storage, the domain layer (the yearly process with its authorization),
// and the HTTP app factory. The JSON API (src/service/http) and the web pages (src/web) both call the domain layer;
// neither touches SQL or scoring.
//
//   openStore ──> Store (kysely over PGlite or PostgreSQL, migrations applied)
//        │
//   domain/*: (store, actor, input) → result | ServiceError(code, status, Chinese message)
//        │
//   http/app.ts buildApp({ store, plugins }) → fastify instance (API under /api, pages registered by plugins)
export { openStore, resetStore, migrate, redactUrl, type Store, type StoreOptions, type Db, type Tx } from './db/store.js';
export type { Role, AssessmentStatus, SubmissionState, ReportSummary } from './db/schema.js';
export { ServiceError, type ServiceErrorCode } from './domain/errors.js';
export { ROLE_LABELS, canSeeAgency, requireRole, requireAgency, type Actor } from './domain/actor.js';
export { TRANSITIONS, STATE_LABELS, ASSESSMENT_STATUS_LABELS, ACTION_LABELS, refuseTransition, type SubmissionAction } from './domain/state-machine.js';
export * from './domain/assessments.js';
export * from './domain/agencies.js';
export { parseRegister, REGISTER_LIMITS, type RegisterRow } from './domain/register-parse.js';
export * from './domain/accounts.js';
export * from './domain/submissions.js';
export * from './domain/publish.js';
export * from './domain/appeals.js';
export * from './domain/attachments.js';
export * from './domain/audit.js';
export * from './domain/export-import.js';
export * from './domain/next-year.js';
export * from './domain/seed.js';
export { scoreDocuments, compileRubricText, compiledFor, describeDiagnostics, EXPORT_NAMES } from './domain/engine.js';
export { findSubmission, compiledOf } from './domain/submission-context.js';
export { writeZip } from './domain/zip-writer.js';
export { buildApp, DEFAULT_BODY_LIMIT, type BuildAppOptions, type ServiceContext, type ServicePlugin, type App, type ZApp } from './http/app.js';
export { requireActor, SESSION_COOKIE, CSRF_HEADER, setSessionCookie, clearSessionCookie } from './http/auth.js';
export { handleError, sendError } from './http/errors.js';
export { auditCsv } from './http/routes-results.js';
