// The service's schema as ordered, dated migrations, applied at start by kysely's Migrator (each run in one
// transaction, under PostgreSQL's advisory lock, so several instances starting together apply them once).
// The same SQL runs on PGlite and on a PostgreSQL server. Documents (evidence, reviews, reports, publications,
// appeals, rulings, attachments, audit entries) are append-only: triggers refuse UPDATE and DELETE on them.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const APPEND_ONLY = ['rubric_docs', 'evidence_docs', 'review_docs', 'reports', 'publications', 'appeals', 'appeal_rulings', 'attachments', 'audit_log'];

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    const statements = [
      `create table users (
          id serial primary key,
          username text not null unique,
          display_name text not null,
          role text not null check (role in ('admin', 'reviewer', 'agency', 'leader')),
          agency_code text,
          password_hash text,
          active boolean not null default false,
          created_at timestamptz not null default now()
        )`,
      `create table activation_tokens (
          token_hash text primary key,
          user_id integer not null references users(id),
          expires_at timestamptz not null,
          used_at timestamptz
        )`,
      `create table sessions (
          id_hash text primary key,
          user_id integer not null references users(id),
          csrf_token text not null,
          created_at timestamptz not null,
          expires_at timestamptz not null
        )`,
      `create index sessions_user on sessions(user_id)`,
      `create table assessments (
          id serial primary key,
          year integer not null,
          title text not null,
          status text not null check (status in ('setup', 'open', 'provisional', 'final')),
          rubric_doc_id integer,
          submit_deadline timestamptz,
          review_deadline timestamptz,
          appeal_deadline timestamptz,
          previous_id integer references assessments(id),
          created_by integer not null references users(id),
          created_at timestamptz not null
        )`,
      `create table rubric_docs (
          id serial primary key,
          assessment_id integer not null references assessments(id),
          file_name text not null,
          text text not null,
          hash text not null,
          rubric_key text not null,
          rubric_version text not null,
          created_by integer not null references users(id),
          created_at timestamptz not null
        )`,
      `alter table assessments add foreign key (rubric_doc_id) references rubric_docs(id)`,
      `create table agencies (
          id serial primary key,
          assessment_id integer not null references assessments(id),
          code text not null,
          name text not null,
          short_name text,
          class text,
          contact text,
          unique (assessment_id, code)
        )`,
      `create table submissions (
          id serial primary key,
          assessment_id integer not null references assessments(id),
          agency_id integer not null unique references agencies(id),
          state text not null check (state in ('draft', 'submitted', 'returned', 'accepted', 'provisional', 'appealed', 'final')),
          version integer not null,
          evidence_doc_id integer,
          review_doc_id integer,
          report_id integer,
          summary jsonb,
          message text,
          submitted_at timestamptz,
          updated_at timestamptz not null
        )`,
      `create table evidence_docs (
          id serial primary key,
          submission_id integer not null references submissions(id),
          kind text not null check (kind in ('draft', 'submitted', 'imported', 'seed')),
          text text not null,
          hash text not null,
          report_text text not null,
          summary jsonb not null,
          created_by integer not null references users(id),
          created_at timestamptz not null
        )`,
      `create index evidence_docs_submission on evidence_docs(submission_id)`,
      `create table review_docs (
          id serial primary key,
          submission_id integer not null references submissions(id),
          evidence_doc_id integer not null references evidence_docs(id),
          text text not null,
          hash text not null,
          report_text text not null,
          summary jsonb not null,
          reason text,
          created_by integer not null references users(id),
          created_at timestamptz not null
        )`,
      `create table reports (
          id serial primary key,
          submission_id integer not null references submissions(id),
          stage text not null check (stage in ('provisional', 'final')),
          evidence_doc_id integer not null references evidence_docs(id),
          review_doc_id integer references review_docs(id),
          text text not null,
          hash text not null,
          created_by integer not null references users(id),
          created_at timestamptz not null
        )`,
      `alter table submissions add foreign key (evidence_doc_id) references evidence_docs(id)`,
      `alter table submissions add foreign key (review_doc_id) references review_docs(id)`,
      `alter table submissions add foreign key (report_id) references reports(id)`,
      `create table publications (
          id serial primary key,
          assessment_id integer not null references assessments(id),
          stage text not null check (stage in ('provisional', 'final')),
          text text not null,
          hash text not null,
          created_by integer not null references users(id),
          created_at timestamptz not null
        )`,
      `create table appeals (
          id serial primary key,
          submission_id integer not null references submissions(id),
          node_id text not null,
          reason text not null,
          attachment_ids jsonb not null,
          created_by integer not null references users(id),
          created_at timestamptz not null
        )`,
      `create table appeal_rulings (
          appeal_id integer primary key references appeals(id),
          outcome text not null check (outcome in ('upheld', 'rejected')),
          reason text not null,
          review_doc_id integer references review_docs(id),
          created_by integer not null references users(id),
          created_at timestamptz not null
        )`,
      `create table blobs (
          hash text primary key,
          mime text not null,
          size integer not null,
          content bytea not null,
          created_at timestamptz not null
        )`,
      `create table attachments (
          id serial primary key,
          submission_id integer not null references submissions(id),
          node_id text,
          name text not null,
          hash text not null references blobs(hash),
          mime text not null,
          size integer not null,
          created_by integer not null references users(id),
          created_at timestamptz not null
        )`,
      `create table audit_log (
          id bigserial primary key,
          at timestamptz not null,
          actor_id integer references users(id),
          actor_name text not null,
          assessment_id integer references assessments(id),
          agency_code text,
          action text not null,
          entity text not null,
          before jsonb,
          after jsonb,
          reason text
        )`,
      `create index audit_log_assessment on audit_log(assessment_id, id)`,
      `create function zwgk_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'append-only table %: % refused', tg_table_name, tg_op;
        end $$`,
    ];
    for (const statement of statements) await sql.raw(statement).execute(db);
    for (const table of APPEND_ONLY) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete or truncate on ${sql.table(table)}
        for each statement execute function zwgk_append_only()`.execute(db);
    }
  },
};

/** The agencies' uploaded annual reports (政府信息公开工作年度报告) and the outcome of their checks; append-only. */
const annualReports: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table annual_report_checks (
        id serial primary key,
        submission_id integer not null references submissions(id),
        name text not null,
        hash text not null references blobs(hash),
        size integer not null,
        outcome text not null check (outcome in ('PASS', 'FAIL', 'WARN', 'NOT_ASSESSABLE')),
        report_year integer,
        previous_hash text,
        check_json jsonb not null,
        created_by integer not null references users(id),
        created_at timestamptz not null
      )`.execute(db);
    await sql`create index annual_report_checks_submission on annual_report_checks(submission_id, id)`.execute(db);
    await sql`create trigger annual_report_checks_append_only before update or delete or truncate on annual_report_checks
        for each statement execute function zwgk_append_only()`.execute(db);
  },
};

/** All migrations, by name; names sort in the order they apply. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-001-initial': initial,
  '2026-11-23-002-annual-reports': annualReports,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
