// The web pages as one fastify plugin on the service's app (buildApp({ plugins: [webPlugin] })): static assets
// (one CSS, one JS), the page routes, and an error handler that answers pages in HTML (a sign-in redirect when the
// session is missing, a Chinese message page otherwise) and the live-score endpoint in JSON. Routes are thin: they
// read the request, call the service's domain functions (authorization is inside them) and render a view model.
//
//   web-plugin ─┬─ routes/auth-routes      登录 · 激活 · 修改密码 · 退出 · 首页
//               ├─ routes/agency-routes    我的自查填报(表单、自动保存与实时评分、提交、附件、评分表)· 申诉
//               ├─ routes/office-routes    考核列表 · 考核设置 · 填报进度 · 公示
//               ├─ routes/review-routes    复核台 · 退回/通过 · 申诉处理
//               ├─ routes/results-routes   考核结果 · 单位评分表 · 操作日志与导出
//               └─ routes/annual-report-routes  年度报告上传与核验结果(单位)· 各单位年报核验结果(政务公开办)
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ServicePlugin } from '../service/http/app.js';
import { stripControlChars } from '../diagnostics/control-chars.js';
import { ServiceError } from '../service/domain/errors.js';
import { chromeFor, sendPage } from './render-page.js';
import { registerAgencyRoutes } from './routes/agency-routes.js';
import { registerAnnualReportPages } from './routes/annual-report-routes.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerOfficeRoutes } from './routes/office-routes.js';
import { registerResultRoutes } from './routes/results-routes.js';
import { registerReviewRoutes } from './routes/review-routes.js';
import { WEB_STATIC_DIR } from './views/page-env.js';

const HEADINGS: Record<string, string> = {
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权访问',
  NOT_FOUND: '找不到页面',
  INVALID: '填写有误',
  CONFLICT: '内容已被他人修改',
  WINDOW_CLOSED: '不在办理时间内',
  WRONG_STATE: '当前状态下不能进行此操作',
  TOO_LARGE: '文件或内容过大',
  UNSUPPORTED_TYPE: '文件类型不受支持',
};

function wantsJson(req: FastifyRequest): boolean {
  return req.url.split('?')[0]!.endsWith('.json') || (req.headers.accept ?? '').startsWith('application/json');
}

function pageError(err: FastifyError | ServiceError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const se = err instanceof ServiceError ? err : null;
  let status = se?.status ?? (err as FastifyError).statusCode ?? 500;
  let code: string = se?.code ?? (status === 413 || (err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE' ? 'TOO_LARGE' : status < 500 ? 'INVALID' : 'INTERNAL');
  if ((err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') status = 413;
  let message = se ? se.message : status === 413 ? '上传的文件或提交的内容超过上限' : status < 500 ? '请求有误，请返回后重试' : '服务器内部错误，请稍后重试；如果反复出现，请把发生的时间告诉管理员';
  if (status >= 500) req.log.error(err);
  if (code === 'UNAUTHENTICATED' && req.method === 'GET' && !wantsJson(req)) {
    return reply.redirect(`/login?next=${encodeURIComponent(req.url.slice(0, 500))}`, 303);
  }
  if (code === 'CONFLICT') message = `${message}。请刷新页面查看最新内容后再操作。`;
  if (wantsJson(req)) return reply.status(status).type('application/json; charset=utf-8').send({ ok: false, message, error: { code, message } });
  const details = se?.diagnostics.filter((d) => d.severity === 'error').slice(0, 20).map((d) => `${d.line ? `第 ${d.line} 行${d.column ? `第 ${d.column} 列` : ''} ` : ''}${d.path ? `${d.path}:` : ''}${d.message}`) ?? [];
  code = HEADINGS[code] ? code : 'INTERNAL';
  return sendPage(
    reply,
    'message',
    {
      ...chromeFor(req, HEADINGS[code] ?? '出错了', 'message', { flash: null }),
      heading: HEADINGS[code] ?? '出错了',
      text: message,
      details,
      back: req.actor ? { href: '/', label: '返回首页' } : { href: '/login', label: '登录' },
    },
    status,
  );
}

/** The page plugin: register it through buildApp's `plugins`. */
export const webPlugin: ServicePlugin = async (app, ctx) => {
  await app.register(fastifyStatic, { root: WEB_STATIC_DIR, prefix: '/static/', index: false, list: false, dotfiles: 'deny', maxAge: 3600 * 1000 });
  app.setErrorHandler(pageError);
  app.pageNotFound.handler = (req, reply) => pageError(new ServiceError('NOT_FOUND', `找不到网址 ${stripControlChars(req.url.split('?')[0]!.slice(0, 200))} 对应的页面，请从导航菜单进入`), req, reply);
  registerAuthRoutes(app, ctx);
  registerAgencyRoutes(app, ctx);
  registerOfficeRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerResultRoutes(app, ctx);
  registerAnnualReportPages(app, ctx);
};
