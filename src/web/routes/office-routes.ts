// 考核列表 · 考核设置(细则上传与校验诊断、时间窗口、单位名单导入、账号与激活链接、开放填报)· 填报进度 · 公示.
// Thin: read the form or the uploaded file, call the domain function, render or redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDiagnostics } from '../../diagnostics/format-diagnostics.js';
import { createAccounts, listAccounts, resetActivation, type NewAccount } from '../../service/domain/accounts.js';
import { listProgress } from '../../service/domain/agencies.js';
import { importRegister } from '../../service/domain/agencies.js';
import { createAssessment, getAssessment, listAssessments, openAssessment, setWindows, uploadRubric } from '../../service/domain/assessments.js';
import { ServiceError } from '../../service/domain/errors.js';
import { copyAssessment } from '../../service/domain/next-year.js';
import { publishFinal, publishProvisional } from '../../service/domain/publish.js';
import { ASSESSMENT_STATUS_LABELS } from '../../service/domain/state-machine.js';
import type { ServiceContext } from '../../service/http/app.js';
import type { Role } from '../../service/db/schema.js';
import { buildBoardPage, readBoardFilter } from '../pages/board-page.js';
import { withDone } from '../pages/chrome.js';
import { dateTimeText, parseDateTimeInput } from '../pages/labels.js';
import { buildSetupPage, type CreatedLink } from '../pages/setup-page.js';
import { actorOf, chromeFor, formOf, idParam, sendPage } from '../render-page.js';

const ROLES: readonly Role[] = ['admin', 'reviewer', 'agency', 'leader'];

export function registerOfficeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const { store } = ctx;

  const assessmentsPage = async (req: FastifyRequest, reply: FastifyReply, form = { year: '', title: '', error: '' }, status = 200) => {
    const actor = actorOf(req);
    const list = await listAssessments(store, actor);
    const rows = [...list].reverse().map((a) => ({
      id: a.id,
      year: a.year,
      title: a.title,
      statusText: ASSESSMENT_STATUS_LABELS[a.status],
      rubricText: a.rubric ? `${a.rubric.rubricId}(${a.rubric.version})` : '未上传',
      deadlineText: dateTimeText(a.submitDeadline),
      links: [
        ...(actor.role === 'admin' ? [{ href: `/a/${a.id}/setup`, label: '设置' }] : []),
        ...(actor.role === 'admin' || actor.role === 'reviewer' ? [{ href: `/a/${a.id}/board`, label: '进度' }] : []),
        { href: `/a/${a.id}/results`, label: '结果' },
      ],
    }));
    return sendPage(reply, 'assessments', { ...chromeFor(req, '考核列表', 'assessments'), rows, canCreate: actor.role === 'admin', form }, status);
  };

  app.get('/assessments', async (req, reply) => assessmentsPage(req, reply));

  app.post('/assessments', async (req, reply) => {
    const actor = actorOf(req);
    const f = formOf(req);
    const year = Number(f.year);
    const title = (f.title ?? '').trim();
    const again = (error: string) => assessmentsPage(req, reply, { year: f.year ?? '', title, error }, 400);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) return again('考核年度应为 1990–2100 之间的整数');
    if (!title || title.length > 200) return again('请填写考核名称（不超过 200 个字）');
    const previousId = /^\d{1,9}$/.test(f.previousId ?? '') ? Number(f.previousId) : null;
    try {
      const a = previousId !== null ? await copyFromPrevious(actor, previousId, year, title) : await createAssessment(store, actor, { year, title });
      return reply.redirect(withDone(`/a/${a.id}/setup`, 'created'), 303);
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'INVALID') return again(err.message);
      throw err;
    }
  });

  // Next year: the previous assessment's register and accounts carry over; the rubric is uploaded afterwards, so the
  // copy starts from the previous rubric text (replaced on the setup page).
  async function copyFromPrevious(actor: ReturnType<typeof actorOf>, previousId: number, year: number, title: string) {
    const { getRubricText } = await import('../../service/domain/assessments.js');
    const prev = await getRubricText(store, previousId);
    return copyAssessment(store, actor, previousId, { year, title, rubricText: prev.text, rubricFileName: prev.fileName });
  }

  const setupPage = async (req: FastifyRequest, reply: FastifyReply, extra: { created?: CreatedLink[]; error?: string; diagnostics?: string[] } = {}, status = 200) => {
    const actor = actorOf(req);
    const aid = idParam((req.params as Record<string, unknown>).aid, '考核');
    const assessment = await getAssessment(store, actor, aid);
    if (actor.role !== 'admin') throw new ServiceError('FORBIDDEN', '无权进行考核设置（仅政务公开办管理员）');
    const progress = await listProgress(store, actor, aid);
    const accounts = await listAccounts(store, actor);
    const codes = new Set(progress.map((r) => r.agency.code));
    const chrome = chromeFor(req, `${assessment.title} · 考核设置`, 'setup', { assessmentId: aid, ...(extra.error ? { flash: null } : {}) });
    return sendPage(reply, 'setup', buildSetupPage({ chrome, assessment, progress, accounts: accounts.filter((u) => !u.agencyCode || codes.has(u.agencyCode)), ...extra }), status);
  };

  /** Run a setup action; a refused one shows the setup page with the message and the engine's diagnostics. */
  const setupAction = (fn: (req: FastifyRequest, aid: number) => Promise<string | { created: CreatedLink[] }>) => async (req: FastifyRequest, reply: FastifyReply) => {
    const aid = idParam((req.params as Record<string, unknown>).aid, '考核');
    try {
      const out = await fn(req, aid);
      if (typeof out === 'string') return reply.redirect(withDone(`/a/${aid}/setup`, out as never), 303);
      return setupPage(req, reply, { created: out.created });
    } catch (err) {
      if (!(err instanceof ServiceError) || !['INVALID', 'CONFLICT', 'WRONG_STATE', 'UNSUPPORTED_TYPE', 'TOO_LARGE', 'NOT_FOUND'].includes(err.code)) throw err;
      const diagnostics = err.diagnostics.length > 0 ? formatDiagnostics(err.diagnostics).trim().split('\n').slice(0, 60) : [];
      return setupPage(req, reply, { error: err.message, diagnostics }, err.status);
    }
  };

  const upload = async (req: FastifyRequest): Promise<{ name: string; bytes: Buffer }> => {
    const file = await req.file();
    if (!file || !file.filename) throw new ServiceError('INVALID', '请先选择要上传的文件');
    return { name: file.filename, bytes: await file.toBuffer() };
  };

  app.get('/a/:aid/setup', async (req, reply) => setupPage(req, reply));

  app.post(
    '/a/:aid/rubric',
    setupAction(async (req, aid) => {
      const f = await upload(req);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(f.bytes);
      await uploadRubric(store, actorOf(req), aid, text, f.name.replace(/[^\w.\u4e00-\u9fff-]/g, '_').slice(0, 100) || 'rubric.yaml');
      return 'rubric';
    }),
  );

  app.post(
    '/a/:aid/register',
    setupAction(async (req, aid) => {
      const f = await upload(req);
      await importRegister(store, actorOf(req), aid, f.name, f.bytes);
      return 'register';
    }),
  );

  app.post(
    '/a/:aid/windows',
    setupAction(async (req, aid) => {
      const f = formOf(req);
      const w = { submitDeadline: parseDateTimeInput(f.submitDeadline), reviewDeadline: parseDateTimeInput(f.reviewDeadline), appealDeadline: parseDateTimeInput(f.appealDeadline) };
      for (const [k, label] of [['submitDeadline', '提交截止'], ['reviewDeadline', '复核截止'], ['appealDeadline', '申诉截止']] as const)
        if (w[k] === undefined) throw new ServiceError('INVALID', `${label}时间格式不正确，应为 年-月-日 时：分`);
      await setWindows(store, actorOf(req), aid, w as { submitDeadline: string | null; reviewDeadline: string | null; appealDeadline: string | null }, (f.reason ?? '').trim() || undefined);
      return 'windows';
    }),
  );

  app.post(
    '/a/:aid/accounts',
    setupAction(async (req, aid) => {
      const actor = actorOf(req);
      const f = formOf(req);
      let wanted: NewAccount[];
      if (f.bulk === 'agencies') {
        const progress = await listProgress(store, actor, aid);
        const have = new Set((await listAccounts(store, actor)).map((u) => u.agencyCode).filter((c): c is string => c !== null));
        wanted = progress.filter((r) => !have.has(r.agency.code)).map((r) => ({ username: r.agency.code, displayName: `${r.agency.shortName ?? r.agency.name}填报人`, role: 'agency', agencyCode: r.agency.code }));
        if (wanted.length === 0) throw new ServiceError('INVALID', '名单中的单位都已有填报账号');
      } else {
        const role = ROLES.find((r) => r === f.role);
        if (!role) throw new ServiceError('INVALID', '请选择账号身份');
        wanted = [{ username: (f.username ?? '').trim(), displayName: (f.displayName ?? '').trim() || (f.username ?? '').trim(), role, agencyCode: role === 'agency' ? (f.agencyCode ?? '').trim() || null : null }];
      }
      const created = await createAccounts(store, actor, wanted);
      const origin = `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;
      return { created: created.map((c) => ({ username: c.username, role: c.role, agencyCode: c.agencyCode, link: `${origin}/activate?token=${encodeURIComponent(c.activationToken)}` })) };
    }),
  );

  app.post(
    '/a/:aid/accounts/reset',
    setupAction(async (req) => {
      const f = formOf(req);
      const token = await resetActivation(store, actorOf(req), (f.username ?? '').trim());
      const origin = `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;
      const accounts = await listAccounts(store, actorOf(req));
      const u = accounts.find((x) => x.username === f.username)!;
      return { created: [{ username: u.username, role: u.role, agencyCode: u.agencyCode, link: `${origin}/activate?token=${encodeURIComponent(token)}` }] };
    }),
  );

  app.post(
    '/a/:aid/open',
    setupAction(async (req, aid) => {
      await openAssessment(store, actorOf(req), aid);
      return 'opened';
    }),
  );

  app.post(
    '/a/:aid/publish',
    setupAction(async (req, aid) => {
      const f = formOf(req);
      if (f.stage === 'final') await publishFinal(store, actorOf(req), aid);
      else await publishProvisional(store, actorOf(req), aid);
      return 'published';
    }),
  );

  app.get('/a/:aid/board', async (req, reply) => {
    const actor = actorOf(req);
    if (actor.role !== 'admin' && actor.role !== 'reviewer') throw new ServiceError('FORBIDDEN', '无权查看填报进度（仅政务公开办）');
    const aid = idParam((req.params as Record<string, unknown>).aid, '考核');
    const assessment = await getAssessment(store, actor, aid);
    const rows = await listProgress(store, actor, aid);
    const chrome = chromeFor(req, `${assessment.title} · 填报进度`, 'board', { assessmentId: aid });
    return sendPage(reply, 'board', buildBoardPage(chrome, assessment, rows, readBoardFilter(req.query), store.now()));
  });
}
