// The fastify app factory: security plugins, the session/CSRF hooks, the JSON API under /api (documented at
// /api/openapi.json) and — through `plugins` — the web pages (src/web), all on one instance.
//
//   buildApp({ store, plugins: [webPlugin] })
//     ├─ @fastify/helmet (security headers, strict CSP), @fastify/cookie, @fastify/formbody, @fastify/multipart,
//     │  @fastify/rate-limit (login and activation), body limit, __proto__/constructor refused
//     ├─ installAuth: request.actor from the session cookie; CSRF token on every state-changing request
//     ├─ /api/… routes (thin: zod-validated request → domain function → JSON)
//     └─ plugins: each registered with { store } (pages call the same domain layer; do not re-register the
//        plugins above — cookie, formbody, multipart, helmet and rate-limit are already on the root)
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { escapeControlCharsInJson } from '../../diagnostics/control-chars.js';
import { ENGINE_VERSION } from '../../version.js';
import { ATTACHMENT_LIMITS } from '../domain/attachments.js';
import type { Store } from '../db/store.js';
import { installAuth } from './auth.js';
import { installJsonParser } from './json-body.js';
import { handleError, sendError } from './errors.js';
import { registerAccountRoutes } from './routes-accounts.js';
import { registerAnnualReportRoutes } from './routes-annual-reports.js';
import { registerAssessmentRoutes } from './routes-assessments.js';
import { registerResultRoutes } from './routes-results.js';
import { registerSubmissionRoutes } from './routes-submissions.js';

/** What every plugin (API part or page module) receives. */
export interface ServiceContext {
  store: Store;
  /** Cookie `secure` flag (behind HTTPS). */
  secureCookies: boolean;
}

export type ServicePlugin = FastifyPluginAsync<ServiceContext>;

export interface BuildAppOptions {
  store: Store;
  /** Page modules and other extensions, registered after the API with { store, secureCookies }. */
  plugins?: ServicePlugin[];
  /** JSON body limit in bytes (default 2 MiB: an evidence file is at most that). */
  bodyLimit?: number;
  secureCookies?: boolean;
  /** Login attempts per minute per client address (default 10). */
  loginRateLimit?: number;
  logger?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address used by rate limits). */
  trustProxy?: boolean;
}

/** The HTML answer for an unknown URL outside /api, set by a page plugin. */
export interface PageNotFound {
  handler: ((req: FastifyRequest, reply: FastifyReply) => unknown) | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set `handler` to answer unknown page URLs in HTML (the web plugin does). */
    pageNotFound: PageNotFound;
    /** Every /api route as registered (method, URL pattern). */
    apiRoutes: ReadonlyArray<{ method: string; url: string }>;
  }
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

export type App = FastifyInstance;
export type { ZApp } from './types.js';

/** Build the service's fastify instance (not listening; call `listen` or use `inject` in tests). */
export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: opts.trustProxy ?? false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  installJsonParser(app);
  app.removeContentTypeParser('text/plain'); // JSON, forms and multipart only
  // /api/… (and any client asking for JSON) gets the JSON error; other URLs get the page plugin's Chinese HTML page
  // when one is registered (webPlugin sets `pageNotFound.handler`).
  const pageNotFound: PageNotFound = { handler: null };
  app.decorate('pageNotFound', pageNotFound);
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (pageNotFound.handler && !path.startsWith('/api/') && !(req.headers.accept ?? '').startsWith('application/json')) return pageNotFound.handler(req, reply);
    return sendError(reply, 404, 'NOT_FOUND', `找不到 ${req.method} ${path}`);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '政务公开考核评价服务 API', version: ENGINE_VERSION, description: '年度考核的全过程:细则、单位名单、账号、填报(每次保存即评分)、提交、复核、退回/通过、公示、申诉、终审发布、操作记录、导出导入。错误一律为 { error: { code, message } },message 为中文。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zwgk_session' }, csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' } } },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Plain http on 127.0.0.1 is the default: only ask browsers to upgrade when the service runs behind HTTPS.
        upgradeInsecureRequests: opts.secureCookies ? [] : null,
      },
    },
    hsts: opts.secureCookies ? { maxAge: 31536000 } : false,
    // same-origin, not helmet's no-referrer: under no-referrer Chromium posts the site's own forms with
    // `Origin: null`, which the cross-site check (auth.ts) must refuse. Other sites still get no Referer.
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT });
  // preservePath: the name as sent (with any ../), so the attachment check refuses it instead of busboy trimming it.
  await app.register(multipart, { preservePath: true, limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 }, throwFileSizeLimit: true });
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => ({ statusCode: 429, error: { code: 'RATE_LIMITED', message: '尝试次数过多,请稍后再试' } }) });

  const ctx: ServiceContext = { store: opts.store, secureCookies: opts.secureCookies ?? false };
  installAuth(app, opts.store);
  // JSON answers carry stored text (names, reasons, report sentences): DEL, C1 and bidi controls, which
  // JSON.stringify leaves raw, are written as \uXXXX escapes (the same values once parsed).
  app.addHook('onSend', async (_req, reply, payload) =>
    typeof payload === 'string' && String(reply.getHeader('content-type') ?? '').includes('json') ? escapeControlCharsInJson(payload) : payload,
  );
  // The API's route table (method + URL pattern), for the authorization matrix test and for documentation.
  const apiRoutes: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return;
    for (const m of ([] as string[]).concat(r.method)) if (m !== 'HEAD') apiRoutes.push({ method: m, url: r.url });
  });
  app.decorate('apiRoutes', apiRoutes);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerAccountRoutes(app, ctx, { loginRateLimit: opts.loginRateLimit ?? 10 });
  registerAssessmentRoutes(app, ctx);
  registerSubmissionRoutes(app, ctx);
  registerResultRoutes(app, ctx);
  registerAnnualReportRoutes(app, ctx);

  for (const plugin of opts.plugins ?? []) await app.register(plugin, ctx);
  return app;
}
