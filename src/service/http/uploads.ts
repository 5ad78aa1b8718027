// Reading one uploaded file from a multipart request, bounded by the multipart limits set in app.ts.
import type { FastifyRequest } from 'fastify';
import { invalid, ServiceError } from '../domain/errors.js';

export interface Upload {
  name: string;
  bytes: Uint8Array;
  /** Other text fields of the form (first value each). */
  fields: Record<string, string>;
}

/** The single file of a multipart request (field `file`), with its plain fields. */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new ServiceError('UNSUPPORTED_TYPE', '上传文件须使用 multipart/form-data,文件放在字段 file 中');
  const part = await req.file();
  if (!part) throw invalid('没有收到文件(字段 file)');
  if (part.fieldname !== 'file') throw invalid(`文件应放在字段 file 中,收到的是 ${part.fieldname.slice(0, 40)}`);
  const bytes = await part.toBuffer();
  const fields: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(part.fields)) {
    const f = Array.isArray(v) ? v[0] : v;
    if (f && f.type === 'field' && typeof f.value === 'string' && k !== 'file') fields[k] = f.value;
  }
  return { name: part.filename, bytes, fields };
}
