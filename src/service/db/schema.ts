// Table types of the service's database (one schema for PGlite and PostgreSQL; see migrations.ts for the SQL).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ReportSummary {
  final: number;
  claimed: number | null;
  grade: string;
  overClaims: number;
  missingEvidence: number;
  /** Failed rubric checks (勾稽关系); absent in summaries stored before it was added. */
  failedChecks?: number;
  status?: string;
}

export type Role = 'admin' | 'reviewer' | 'agency' | 'leader';
export type AssessmentStatus = 'setup' | 'open' | 'provisional' | 'final';
export type SubmissionState = 'draft' | 'submitted' | 'returned' | 'accepted' | 'provisional' | 'appealed' | 'final';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  agency_code: string | null;
  password_hash: string | null;
  active: boolean;
  created_at: Timestamp;
}

export interface ActivationTokensTable {
  token_hash: string;
  user_id: number;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AssessmentsTable {
  id: Generated<number>;
  year: number;
  title: string;
  status: AssessmentStatus;
  rubric_doc_id: number | null;
  submit_deadline: Timestamp | null;
  review_deadline: Timestamp | null;
  appeal_deadline: Timestamp | null;
  previous_id: number | null;
  created_by: number;
  created_at: Timestamp;
}

export interface RubricDocsTable {
  id: Generated<number>;
  assessment_id: number;
  file_name: string;
  text: string;
  hash: string;
  rubric_key: string;
  rubric_version: string;
  created_by: number;
  created_at: Timestamp;
}

export interface AgenciesTable {
  id: Generated<number>;
  assessment_id: number;
  code: string;
  name: string;
  short_name: string | null;
  class: string | null;
  contact: string | null;
}

export interface SubmissionsTable {
  id: Generated<number>;
  assessment_id: number;
  agency_id: number;
  state: SubmissionState;
  /** Optimistic-concurrency counter: every change bumps it; writers name the version they read. */
  version: number;
  evidence_doc_id: number | null;
  review_doc_id: number | null;
  report_id: number | null;
  /** Figures of the current score (evidence + review), refreshed with every change. */
  summary: Json<ReportSummary> | null;
  message: string | null;
  submitted_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface EvidenceDocsTable {
  id: Generated<number>;
  submission_id: number;
  kind: 'draft' | 'submitted' | 'imported' | 'seed';
  text: string;
  hash: string;
  /** The score report of this document as `--format json` writes it (byte for byte). */
  report_text: string;
  /** Totals for lists (progress board) without parsing the report. */
  summary: Json<ReportSummary>;
  created_by: number;
  created_at: Timestamp;
}

export interface ReviewDocsTable {
  id: Generated<number>;
  submission_id: number;
  /** The evidence version this review was scored with. */
  evidence_doc_id: number;
  text: string;
  hash: string;
  report_text: string;
  summary: Json<ReportSummary>;
  reason: string | null;
  created_by: number;
  created_at: Timestamp;
}

export interface ReportsTable {
  id: Generated<number>;
  submission_id: number;
  stage: 'provisional' | 'final';
  evidence_doc_id: number;
  review_doc_id: number | null;
  text: string;
  hash: string;
  created_by: number;
  created_at: Timestamp;
}

export interface PublicationsTable {
  id: Generated<number>;
  assessment_id: number;
  stage: 'provisional' | 'final';
  /** The compare report (JSON contract of `zwgk compare --format json`). */
  text: string;
  hash: string;
  created_by: number;
  created_at: Timestamp;
}

export interface AppealsTable {
  id: Generated<number>;
  submission_id: number;
  node_id: string;
  reason: string;
  attachment_ids: Json<number[]>;
  created_by: number;
  created_at: Timestamp;
}

export interface AppealRulingsTable {
  appeal_id: number;
  outcome: 'upheld' | 'rejected';
  reason: string;
  review_doc_id: number | null;
  created_by: number;
  created_at: Timestamp;
}

export interface BlobsTable {
  hash: string;
  mime: string;
  size: number;
  content: Uint8Array;
  created_at: Timestamp;
}

export interface AttachmentsTable {
  id: Generated<number>;
  submission_id: number;
  node_id: string | null;
  name: string;
  hash: string;
  mime: string;
  size: number;
  created_by: number;
  created_at: Timestamp;
}

export interface AnnualReportChecksTable {
  id: Generated<number>;
  submission_id: number;
  name: string;
  hash: string;
  size: number;
  outcome: 'PASS' | 'FAIL' | 'WARN' | 'NOT_ASSESSABLE';
  report_year: number | null;
  previous_hash: string | null;
  /** The check contract of `zwgk report check --format json` (AnnualReportCheck). */
  check_json: Json<unknown>;
  created_by: number;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  assessment_id: number | null;
  agency_code: string | null;
  action: string;
  entity: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  reason: string | null;
}

export interface Database {
  users: UsersTable;
  activation_tokens: ActivationTokensTable;
  sessions: SessionsTable;
  assessments: AssessmentsTable;
  rubric_docs: RubricDocsTable;
  agencies: AgenciesTable;
  submissions: SubmissionsTable;
  evidence_docs: EvidenceDocsTable;
  review_docs: ReviewDocsTable;
  reports: ReportsTable;
  publications: PublicationsTable;
  appeals: AppealsTable;
  appeal_rulings: AppealRulingsTable;
  blobs: BlobsTable;
  attachments: AttachmentsTable;
  annual_report_checks: AnnualReportChecksTable;
  audit_log: AuditLogTable;
}
