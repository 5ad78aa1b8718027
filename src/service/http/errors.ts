// Every error an API caller can see, as JSON with a Chinese message: { error: { code, message, diagnostics?, … } }.
// Domain ServiceErrors keep their status and message; request-schema failures, oversized bodies, prototype
// poisoning and multipart limits get their own Chinese text; anything else is a 500 without internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ServiceError } from '../domain/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; diagnostics?: unknown[]; [k: string]: unknown };
}

const TYPE_NAMES: Record<string, string> = { string: '文本', number: '数字', integer: '整数', boolean: '是/否', object: '对象', array: '数组', null: '空值' };

/** One zod issue (as fastify-type-provider-zod reports it) in Chinese. */
function issueText(issue: { code?: string; message?: string; expected?: string; maximum?: unknown; minimum?: unknown; keys?: string[]; values?: unknown[]; origin?: string }): string {
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected ?? ''] ?? issue.expected ?? '正确的类型'}`;
    case 'too_big':
      return issue.origin === 'string' ? `不能超过 ${String(issue.maximum)} 个字符` : issue.origin === 'array' ? `不能超过 ${String(issue.maximum)} 项` : `不能大于 ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' ? (issue.minimum === 1 ? '不能为空' : `至少 ${String(issue.minimum)} 个字符`) : issue.origin === 'array' ? `至少 ${String(issue.minimum)} 项` : `不能小于 ${String(issue.minimum)}`;
    case 'unrecognized_keys':
      return `有不认识的字段:${(issue.keys ?? []).join('、')}`;
    case 'invalid_value':
      return `取值应为:${(issue.values ?? []).map(String).join('、')}`;
    case 'invalid_format':
      return '格式不正确';
    default:
      return '取值不正确';
  }
}

const PART = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' } as Record<string, string>;

export function sendError(reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send({ error: { code, message, ...extra } } satisfies ErrorBody);
}

/** Fastify's error handler for the whole app (pages may install their own inside their plugin). */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof ServiceError) {
    return sendError(reply, err.status, err.code, err.message, {
      ...(err.diagnostics.length ? { diagnostics: err.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, file: d.file, line: d.line, column: d.column, path: d.path, hint: d.hint })) } : {}),
      ...err.details,
    });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => {
      const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const part = PART[err.validationContext ?? 'body'] ?? '请求';
      return `${part}${where ? `的字段 ${where}` : ''}:${issueText({ ...(v.params as object), code: v.keyword } as never)}`;
    });
    return sendError(reply, 400, 'INVALID', `请求有误:${issues.join(';')}`, { issues });
  }
  if (/forbidden prototype property|constructor property/i.test(err.message ?? ''))
    return sendError(reply, 400, 'INVALID', '请求内容含有不允许的键(__proto__ 或 constructor),已拒绝');
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return sendError(reply, 413, 'TOO_LARGE', '提交的内容过大,超过了服务的上限');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendError(reply, 415, 'UNSUPPORTED_TYPE', '不支持的请求内容类型,请用 application/json 或 multipart/form-data');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(reply, 400, 'INVALID', '请求内容为空,应为 JSON');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return sendError(reply, 400, 'INVALID', '请求内容不是有效的 JSON');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return sendError(reply, 415, 'UNSUPPORTED_TYPE', '上传文件须使用 multipart/form-data');
    default:
      break;
  }
  if (err.statusCode === 429) return sendError(reply, 429, 'RATE_LIMITED', '尝试次数过多,请稍后再试');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(reply, err.statusCode, 'INVALID', '请求有误,请检查后重试');
  req.log.error(err);
  return sendError(reply, 500, 'INTERNAL', '服务器内部错误,请稍后重试;如果反复出现,请把发生的时间告诉管理员');
}
