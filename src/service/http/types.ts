// Shared route types and request schemas (zod: validated by fastify-type-provider-zod, documented in OpenAPI).
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';

export type ZApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
export const AgencyCode = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
export const AgencyParams = IdParams.extend({ code: AgencyCode });
export const Version = z.number().int().min(0).max(2 ** 31 - 1).optional().describe('您读取时的版本号(乐观并发控制:版本已变则返回 409)');
export const DateTime = z.string().max(40).nullable();
/** A document in the engine's format (evidence or review): validated by the engine's own zod schemas in the domain layer. */
export const EngineDocument = z.record(z.string().max(200), z.unknown());

export const Windows = z.strictObject({
  submitDeadline: DateTime.describe('提交截止时间(ISO 8601)'),
  reviewDeadline: DateTime.describe('复核截止时间;退回修改的材料在此之前可重新提交'),
  appealDeadline: DateTime.describe('申诉截止时间'),
});

export const ok = { ok: true } as const;
