// Attachments (佐证附件): PDF, JPG/PNG, DOCX, XLSX; type checked by content (magic bytes via file-type), never by
// name; size-limited; xlsx/docx archives pass the zip guard first; stored once per content (sha256). The name is
// kept only as a label: path separators, `..`, control characters are refused.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { checkZipArchive } from '../../load/zip-guard.js';
import type { Store } from '../db/store.js';
import { type Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { invalid, notFound, ServiceError } from './errors.js';
import { findSubmission, requireAction, requireRead } from './submission-context.js';
import { writeHooks } from './submissions.js';

export const ATTACHMENT_LIMITS = { maxBytes: 20 * 1024 * 1024, maxPerSubmission: 500, maxNameChars: 120 };

/** Extension → the content type its bytes must have. */
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const KIND_LABEL: Record<string, string> = { pdf: 'PDF', jpg: 'JPG 图片', jpeg: 'JPG 图片', png: 'PNG 图片', docx: 'Word(docx)', xlsx: 'Excel(xlsx)' };

/** Check an attachment's display name; returns its lower-case extension. */
export function checkAttachmentName(name: string): string {
  if (!name || name.length > ATTACHMENT_LIMITS.maxNameChars) throw invalid(`附件名称应为 1–${ATTACHMENT_LIMITS.maxNameChars} 个字符`);
  if (/[\\/]/.test(name) || name.includes('..') || /[\u0000-\u001f\u007f]/.test(name) || name.startsWith('.'))
    throw invalid(`附件名称"${name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 60)}"不能包含路径(/ \\ ..)、控制字符或以点开头`);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!ALLOWED[ext]) throw new ServiceError('UNSUPPORTED_TYPE', `附件"${name}"的类型不受支持:只接受 PDF、JPG、PNG、DOCX、XLSX`);
  return ext;
}

/** Check bytes against the declared extension; returns the verified content type. */
export async function checkAttachmentContent(name: string, ext: string, bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw invalid(`附件"${name}"是空文件`);
  if (bytes.length > ATTACHMENT_LIMITS.maxBytes) throw new ServiceError('TOO_LARGE', `附件"${name}"超过 ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MiB`);
  const expected = ALLOWED[ext]!;
  if (ext === 'docx' || ext === 'xlsx') {
    const guard = await checkZipArchive(bytes, { file: name });
    if (!guard.ok) throw invalid(`附件"${name}":${guard.diagnostics[0]?.message ?? '压缩包无效'}`, guard.diagnostics);
  }
  const found = await fileTypeFromBuffer(bytes);
  if (!found || found.mime !== expected)
    throw new ServiceError('UNSUPPORTED_TYPE', `附件"${name}"的内容不是${KIND_LABEL[ext]}文件(按内容识别为${found ? ` ${found.ext}` : '未知类型'}),请上传真实的 ${KIND_LABEL[ext]} 文件,不要只改扩展名`);
  return expected;
}

export interface AttachmentView {
  id: number;
  nodeId: string | null;
  name: string;
  hash: string;
  mime: string;
  size: number;
  createdAt: string;
}

/** Upload an attachment to an agency's submission: while it may save, or (for an appeal) inside the appeal window. */
export async function uploadAttachment(store: Store, actor: Actor, assessmentId: number, code: string, input: { name: string; bytes: Uint8Array; nodeId?: string | null }): Promise<AttachmentView> {
  const ext = checkAttachmentName(input.name);
  const now = store.now();
  const pre = await findSubmission(store.db, assessmentId, code);
  requireAction(actor, pre, pre.assessment.status === 'provisional' ? 'appeal' : 'save', now);
  const mime = await checkAttachmentContent(input.name, ext, input.bytes);
  const hash = createHash('sha256').update(input.bytes).digest('hex');
  const id = await store.db.transaction().execute(async (tx) => {
    const ref = await findSubmission(tx, assessmentId, code, true);
    requireAction(actor, ref, ref.assessment.status === 'provisional' ? 'appeal' : 'save', now);
    const n = await tx.selectFrom('attachments').select((e) => e.fn.countAll<string>().as('n')).where('submission_id', '=', ref.submissionId).executeTakeFirstOrThrow();
    if (Number(n.n) >= ATTACHMENT_LIMITS.maxPerSubmission) throw invalid(`每个单位最多上传 ${ATTACHMENT_LIMITS.maxPerSubmission} 个附件`);
    await tx.insertInto('blobs').values({ hash, mime, size: input.bytes.length, content: input.bytes, created_at: now }).onConflict((oc) => oc.column('hash').doNothing()).execute();
    const row = await tx
      .insertInto('attachments')
      .values({ submission_id: ref.submissionId, node_id: input.nodeId ?? null, name: input.name, hash, mime, size: input.bytes.length, created_by: actor.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, now, actor, { assessmentId, agencyCode: code, action: 'attachment.upload', entity: `attachment:${row.id}`, after: { name: input.name, hash, size: input.bytes.length, node: input.nodeId ?? null } });
    await writeHooks.beforeCommit?.('attachment.upload');
    return row.id;
  });
  return { id, nodeId: input.nodeId ?? null, name: input.name, hash, mime, size: input.bytes.length, createdAt: now.toISOString() };
}

export async function listAttachments(store: Store, actor: Actor, assessmentId: number, code: string): Promise<AttachmentView[]> {
  const ref = await findSubmission(store.db, assessmentId, code);
  requireRead(actor, ref);
  const rows = await store.db.selectFrom('attachments').selectAll().where('submission_id', '=', ref.submissionId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, nodeId: r.node_id, name: r.name, hash: r.hash, mime: r.mime, size: r.size, createdAt: new Date(r.created_at).toISOString() }));
}

/** The bytes of one attachment (same read rights as the submission). */
export async function readAttachment(store: Store, actor: Actor, assessmentId: number, code: string, id: number): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const ref = await findSubmission(store.db, assessmentId, code);
  requireRead(actor, ref);
  const r = await store.db
    .selectFrom('attachments as a')
    .innerJoin('blobs as b', 'b.hash', 'a.hash')
    .select(['a.name', 'a.mime', 'b.content'])
    .where('a.id', '=', id)
    .where('a.submission_id', '=', ref.submissionId)
    .executeTakeFirst();
  if (!r) throw notFound(`附件 ${id}`);
  return { name: r.name, mime: r.mime, bytes: r.content };
}
