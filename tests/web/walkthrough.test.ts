// The whole yearly process in a real browser (the system Chromium via playwright-core) against the service started
// in-process on 127.0.0.1 with a fresh embedded PGlite database and the demo seed:
//   住建局 clerk fills the evidence (typing, choosing, a PDF upload), watches the total reach 56, submits;
//   the office rules on the pending judgements and checks, returns once; the clerk adds the performance weight (+2);
//   the office accepts and publishes; the clerk appeals 4.1.4; the office upholds it (8 → 10); final published total 64.
// Hand computation (rubric comments and examples/etuokeqianqi-2017/zhujianju.yaml): the example evidence scores
// base 56 (1.3.1 missing its weight: 0 of 2). + 1.3.1 with a 5% weight (≥ 4%): 2 → base 58. Judgements: 7 任务 4
// (bonus, cap 5), 8.1 创新举措 0 → bonus 4 → 62 (合格). Appeal upheld: 4.1.4 override 8 → 10 → base 60, final 64.
// A second agency's clerk is refused every page of 住建局 by direct URL. Screenshots of each page go to
// tests/web/__screenshots__/ (test artifacts); UPDATE_WALKTHROUGH=1 refreshes the README's copies in
// tests/web/walkthrough-images/.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/render/chromium.js';
import type { Actor } from '../../src/service/domain/actor.js';
import { acceptSubmission, submitEvidence } from '../../src/service/domain/submissions.js';
import { startServer, type RunningServer } from '../../src/service/server.js';
import { fieldId, fieldName } from '../../src/web/form/form-fields.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP_REASON = `SKIPPED: ${CHROMIUM} not found — install it with: apt-get install chromium fonts-noto-cjk`;
const SHOTS = join(import.meta.dirname, '__screenshots__');
const WALKTHROUGH = join(import.meta.dirname, 'walkthrough-images');
const README_SHOTS = new Set(['01-evidence-empty', '02-evidence-live-score', '03-submit-confirm', '04-board', '05-review-desk', '06-setup', '07-appeal', '08-appeal-queue', '09-results']);
const PASSWORD = 'demo-password-2017';
const ZJJ = 'etqq-zjj';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

const example = parseYaml(readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8')) as {
  facts: Record<string, boolean | number | string | null>;
  claims: Record<string, number>;
};


const WAIT = { timeout: 20_000 };
/** Locator assertions (vitest's expect has no Playwright matchers): poll the DOM until it shows what is expected. */
const visible = (l: Locator) => l.first().waitFor({ state: 'visible', ...WAIT });
const hasText = (l: Locator, t: string) => expect.poll(() => l.first().innerText(), WAIT).toBe(t);
const contains = (l: Locator, t: string) => expect.poll(() => l.first().innerText(), WAIT).toContain(t);
const lacks = (l: Locator, t: string) => expect.poll(() => l.first().innerText(), WAIT).not.toContain(t);

if (!existsSync(CHROMIUM)) console.warn(SKIP_REASON);

describe.skipIf(!existsSync(CHROMIUM))('the yearly process in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  let aid: number;
  const pages: Page[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zwgk-web-'));
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(WALKTHROUGH, { recursive: true });
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demoPassword: PASSWORD });
    aid = server.seeded!.assessmentId;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  }, 120_000);

  const cspViolations: string[] = [];

  afterAll(async () => {
    expect(cspViolations).toEqual([]);
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(username: string, javaScriptEnabled = true): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', javaScriptEnabled });
    const page = await ctx.newPage();
    pages.push(page);
    page.on('pageerror', (e) => {
      throw new Error(`page script error: ${e.message}`);
    });
    // The service's strict Content-Security-Policy must never have to block anything on our pages.
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (apply|execute|load)/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
    });
    await page.goto(`${server.url}/login`);
    // Keyboard only: type, Tab to the password, Enter submits.
    await page.getByLabel('用户名').focus();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return { ctx, page };
  }

  // Every page is kept as a test artifact (ignored by git); with UPDATE_WALKTHROUGH=1 the README's pictures are
  // refreshed too (on purpose only, like golden files: review them before committing).
  const shot = async (page: Page, name: string, fullPage = false): Promise<void> => {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
    if (process.env.UPDATE_WALKTHROUGH === '1' && README_SHOTS.has(name)) copyFileSync(join(SHOTS, `${name}.png`), join(WALKTHROUGH, `${name}.png`));
  };
  const total = (page: Page) => page.locator('[data-live="final"]');
  const zjj = () => `${server.url}/a/${aid}/agencies/${ZJJ}`;

  /** Fill one fact like a clerk: choose 是/否, or type the figure. */
  async function fillFact(page: Page, id: string, v: boolean | number | string): Promise<void> {
    const name = fieldName.fact(id);
    if (typeof v === 'boolean') await page.locator(`#${fieldId(name)}-o${v ? 1 : 2}`).check();
    else await page.locator(`[name="${name}"]`).fill(String(v));
  }

  async function waitSaved(page: Page): Promise<void> {
    await expect.poll(async () => page.locator('[data-live="saveState"]').textContent(), { timeout: 20_000 }).toMatch(/已(自动)?保存/);
  }

  it('works without script: a plain form post saves, a refused field keeps its text and its last good value', async () => {
    const { page: q } = await signIn('etqq-jyj', false);
    const field = q.locator(`[name="${fieldName.fact('trainingSessions')}"]`);
    const before = await field.inputValue();
    const totalBefore = await total(q).innerText();
    await field.fill('三次');
    await q.getByRole('button', { name: '保存草稿并重新评分' }).click();
    await contains(q.locator('.error-summary'), '有 1 处填写需要更正');
    await contains(q.locator(`#${fieldId(fieldName.fact('trainingSessions'))}-error`), '“三次”不是数字');
    expect(await field.inputValue()).toBe('三次');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain(`${fieldId(fieldName.fact('trainingSessions'))}-error`);
    await hasText(total(q), totalBefore);
    await field.fill(before);
    await q.getByRole('button', { name: '保存草稿并重新评分' }).click();
    await contains(q.locator('.flash'), '草稿已保存并重新评分');
    expect(await q.locator(`[name="${fieldName.fact('trainingSessions')}"]`).inputValue()).toBe(before);
    await hasText(total(q), totalBefore);
  }, 60_000);

  it('sets up a new assessment: rubric check diagnostics on the page, register, account, activation, password change', async () => {
    const { page: a } = await signIn('admin');
    await a.goto(`${server.url}/assessments`);
    await a.getByLabel('考核年度').fill('2018');
    await a.getByLabel('名称').fill('2018年度测试考核');
    await a.getByRole('button', { name: '新建' }).click();
    await contains(a.locator('.flash'), '考核已创建');
    const rubric = readFileSync('rubrics/etuokeqianqi-2017.yaml', 'utf8');
    // A rubric with a typo in a fact name: the page lists the engine's diagnostic with its line and a suggestion.
    const broken = rubric.replace('fact: performanceWeight, operator', 'fact: performanceWieght, operator');
    await a.getByLabel('细则文件（YAML）').setInputFiles({ name: '细则.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    await a.getByRole('button', { name: '上传并校验' }).click();
    await contains(a.locator('.error-summary'), 'UNKNOWN_FACT');
    await contains(a.locator('.error-summary'), 'performanceWieght');
    await shot(a, '14-setup-rubric-diagnostics');
    await a.getByLabel('细则文件（YAML）').setInputFiles({ name: '细则.yaml', mimeType: 'text/yaml', buffer: Buffer.from(rubric) });
    await a.getByRole('button', { name: '上传并校验' }).click();
    await contains(a.locator('.flash'), '评分细则已上传并通过校验');
    await a.getByLabel(/导入名单/).setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from('单位代码,单位名称,简称,类别,联系人\r\netqq-new,鄂托克前旗测试局,测试局,B,王五\r\n') });
    await a.getByRole('button', { name: '导入', exact: true }).click();
    await contains(a.locator('.flash'), '单位名单已导入');
    await a.getByLabel('单位提交截止（北京时间）').fill('2019-01-15T17:30');
    await a.getByRole('button', { name: '保存时间窗口' }).click();
    await contains(a.locator('.flash'), '时间窗口已保存');
    expect(await a.getByLabel('单位提交截止（北京时间）').inputValue()).toBe('2019-01-15T17:30');
    await contains(a.locator('main'), '鄂托克前旗测试局');
    await a.getByLabel('用户名').fill('test-clerk');
    await a.getByLabel('姓名').fill('测试局填报人');
    await a.getByLabel('身份').selectOption('agency');
    await a.getByLabel('所属单位（单位填报人）').selectOption('etqq-new');
    await a.getByRole('button', { name: '创建账号' }).click();
    const link = await a.locator('.copy-box input').first().inputValue();
    expect(link).toMatch(/\/activate\?token=/);
    // The new clerk activates the account, signs in, changes the password.
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const n = await ctx.newPage();
    await n.goto(link);
    await n.getByLabel('新密码', { exact: true }).fill('短密码');
    await n.getByLabel('再次输入新密码').fill('短密码');
    await n.getByRole('button', { name: '设置密码并激活' }).click();
    await contains(n.locator('.error-summary'), '密码至少 10 个字符');
    await n.getByLabel('新密码', { exact: true }).fill('测试局的第一个登录密码');
    await n.getByLabel('再次输入新密码').fill('测试局的第一个登录密码');
    await n.getByRole('button', { name: '设置密码并激活' }).click();
    await contains(n.locator('.flash'), '账号已激活');
    await n.getByLabel('用户名').fill('test-clerk');
    await n.getByLabel('密码').fill('测试局的第一个登录密码');
    await n.getByRole('button', { name: '登录' }).click();
    await n.goto(`${server.url}/password`);
    await n.getByLabel('原密码').fill('测试局的第一个登录密码');
    await n.getByLabel('新密码', { exact: true }).fill('测试局的第二个登录密码');
    await n.getByLabel('再次输入新密码').fill('测试局的第二个登录密码');
    await n.getByRole('button', { name: '修改密码' }).click();
    await contains(n.locator('.flash'), '密码已修改');
    // The spent link does not work twice.
    await n.goto(link);
    await n.getByLabel('新密码', { exact: true }).fill('第三个足够长的登录密码');
    await n.getByLabel('再次输入新密码').fill('第三个足够长的登录密码');
    await n.getByRole('button', { name: '设置密码并激活' }).click();
    await contains(n.locator('.error-summary'), '激活链接无效、已使用或已过期');
    await n.getByRole('button', { name: '退出' }).count();
    await ctx.close();
  }, 90_000);

  it('runs from the empty form to the final published result', async () => {
    // --- the 住建局 clerk fills the form ---
    const clerk = await signIn(ZJJ);
    const p = clerk.page;
    await visible(p.getByRole('heading', { name: '我的自查填报' }));
    await shot(p, '01-evidence-empty');
    for (const [id, v] of Object.entries(example.facts)) if (v !== null) await fillFact(p, id, v);
    for (const [id, v] of Object.entries(example.claims)) await p.locator(`[name="${fieldName.claim(id)}"]`).fill(String(v));
    await p.locator('[data-item="1.3.3"] details.more > summary').first().click();
    await p.locator(`[name="${fieldName.cite('1.3.3', 0, 'title')}"]`).fill('2017年政务公开业务培训通知');
    await p.locator(`[name="${fieldName.cite('1.3.3', 0, 'docNumber')}"]`).fill('鄂前住建发〔2017〕12号');
    await waitSaved(p);
    await hasText(total(p), '56');
    await hasText(p.locator('[data-live="grade"]'), '不合格');
    // The item that lost its points says why and how to earn them.
    const item131 = p.locator('[data-item="1.3.1"]');
    await hasText(item131.locator('.js-status'), '缺少佐证');
    await contains(item131.locator('.js-fixes'), '补充佐证');
    // A wrong figure gets a Chinese message next to its field; the typed text stays.
    await p.locator(`[name="${fieldName.fact('trainingSessions')}"]`).fill('一次');
    await waitSaved(p);
    await contains(p.locator(`#${fieldId(fieldName.fact('trainingSessions'))}-error`), '不是数字');
    expect(await p.locator(`[name="${fieldName.fact('trainingSessions')}"]`).inputValue()).toBe('一次');
    await hasText(total(p), '56'); // the last good value stays saved
    await item131.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(p, '02-evidence-live-score');
    await p.locator(`[name="${fieldName.fact('trainingSessions')}"]`).fill('1');
    await waitSaved(p);
    await hasText(p.locator(`#${fieldId(fieldName.fact('trainingSessions'))}-error`), '');
    // Upload a PDF to 1.3.3.
    await p.locator(`#${fieldId('upload:1.3.3').replace(/\./g, '\\.')}`).setInputFiles({ name: '培训通知.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.locator('button[form="up-item-1.3.3"]').click();
    await contains(p.locator('.flash'), '附件已上传');
    await contains(p.locator('[data-item="1.3.3"] .attachments'), '培训通知.pdf');
    const pdfHref = await p.locator('[data-item="1.3.3"] .attachments a').first().getAttribute('href');
    const pdf = await p.request.get(`${server.url}${pdfHref}`);
    expect([pdf.status(), pdf.headers()['content-type'], pdf.headers()['content-disposition']?.startsWith('inline')]).toEqual([200, 'application/pdf', true]);
    await hasText(total(p), '56');
    // Submit, after the confirmation lists missing evidence and over-claims.
    await p.getByRole('link', { name: '检查并提交…' }).click();
    await visible(p.getByRole('heading', { name: '提交前请确认' }));
    await contains(p.locator('main'), '1.3.1');
    await contains(p.locator('main'), '自评高于核定的项目');
    await shot(p, '03-submit-confirm');
    await p.getByRole('button', { name: '确认提交' }).click();
    await contains(p.locator('.flash'), '已提交');
    await visible(p.locator('.readonly-note'));

    // --- the office reviews: rules on the pending judgements and checks, returns once ---
    const office = await signIn('reviewer');
    const o = office.page;
    await visible(o.getByRole('heading', { name: /填报进度/ }));
    await shot(o, '04-board');
    await o.goto(`${zjj()}/review`);
    await contains(o.locator('main'), '待评审 4 项');
    await shot(o, '05-review-desk');
    const judge = async (key: string, score: string, reason: string) => {
      await o.locator(`#j-${key.replace(/\./g, '\\.')}`).fill(score);
      await o.locator(`#jr-${key.replace(/\./g, '\\.')}`).fill(reason);
      await o.locator(`form:has(#j-${key.replace(/\./g, '\\.')}) button[type="submit"]`).click();
      await contains(o.locator('.flash'), '复核意见已保存');
    };
    await judge('7', '4', '按时完成交办任务,报送材料真实');
    await judge('8.1', '0', '未见创新举措');
    await o.locator('tr[data-item="4.1.4"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(o, '05b-review-rows');
    while ((await o.locator('form:has(input[name="kind"][value="check"])').count()) > 0) {
      const form = o.locator('form:has(input[name="kind"][value="check"])').first();
      await o.locator('details:has(input[name="kind"][value="check"]) > summary').first().click();
      await form.locator('input[name="reason"]').fill('已与单位核实:统计口径说明见总结正文');
      await form.getByRole('button', { name: '保存' }).click();
      await contains(o.locator('.flash'), '复核意见已保存');
    }
    await lacks(o.locator('main'), '待评审');
    await o.getByLabel('退回修改的意见').fill('1.3.1 请补充政务公开在部门绩效评估中的分值权重');
    await o.getByRole('button', { name: '退回修改' }).click();
    await contains(o.locator('.flash'), '已退回');

    // --- the clerk corrects and submits again ---
    await p.goto(`${zjj()}/evidence`);
    await contains(p.locator('main'), '1.3.1 请补充政务公开在部门绩效评估中的分值权重');
    await contains(p.locator('main'), '7 任务');
    await shot(p, '13-returned-feedback');
    await hasText(total(p), '60');
    await hasText(p.locator('[data-live="pendingCount"]'), '0');
    await fillFact(p, 'performanceWeight', 5);
    await waitSaved(p);
    await hasText(total(p), '62');
    await hasText(p.locator('[data-live="grade"]'), '合格');
    await p.getByRole('link', { name: '检查并提交…' }).click();
    await p.getByRole('button', { name: '确认提交' }).click();
    await contains(p.locator('.flash'), '已提交');

    // --- the office accepts; the other five agencies are submitted and accepted through the service; publish ---
    await o.goto(`${zjj()}/review`);
    await o.getByRole('button', { name: '复核通过' }).click();
    await contains(o.locator('.flash'), '已确认复核结果');
    const admin: Actor = { id: 1, username: 'admin', displayName: '旗政务公开办管理员', role: 'admin', agencyCode: null };
    for (const code of ['etqq-czj', 'etqq-jtj', 'etqq-jyj', 'etqq-mzj', 'etqq-wjj']) {
      await submitEvidence(server.store, admin, aid, code);
      await acceptSubmission(server.store, admin, aid, code);
    }
    const boss = await signIn('admin');
    const b = boss.page;
    await b.goto(`${server.url}/a/${aid}/setup`);
    await shot(b, '06-setup');
    await b.getByRole('button', { name: '公示初步结果' }).click();
    await contains(b.locator('.flash'), '结果已公示');

    // --- the clerk appeals 4.1.4 with a reason and a PDF ---
    await p.goto(`${zjj()}/appeals`);
    await p.getByLabel('申诉项目').selectOption('4.1.4');
    await p.getByLabel('申诉理由').fill('本局已在鄂前旗之窗开设公共资源配置栏目(保障性住房分配公示),应计为已完善栏目');
    await p.getByLabel(/附件/).setInputFiles({ name: '公共资源配置栏目截图说明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.getByRole('button', { name: '提交申诉' }).click();
    await contains(p.locator('.flash'), '申诉已提交');
    await shot(p, '07-appeal');

    // --- the office upholds it ---
    await o.goto(`${server.url}/a/${aid}/appeals`);
    const row = o.locator('tr:has-text("4.1.4")');
    await row.getByLabel('支持申诉').check();
    await row.getByLabel(/核定为/).fill('10');
    await row.getByLabel('理由').fill('经核实公共资源配置栏目已开设,4.1.4 按 6 类栏目计分');
    await shot(o, '08-appeal-queue');
    await row.getByRole('button', { name: '保存处理结果' }).click();
    await contains(o.locator('.flash'), '申诉已处理');

    // --- after the appeal window: final results ---
    const later = Date.parse(server.store.now().toISOString()) + 61 * 24 * 3600 * 1000;
    server.store.now = () => new Date(later);
    const boss2 = await signIn('admin');
    await boss2.page.goto(`${server.url}/a/${aid}/setup`);
    await boss2.page.getByRole('button', { name: '发布最终结果' }).click();
    await contains(boss2.page.locator('.flash'), '结果已公示');
    const leader = await signIn('leader');
    const l = leader.page;
    await visible(l.getByRole('heading', { name: /考核结果/ }));
    const zjjRow = l.locator('tr:has-text("住房和城乡规划建设局")');
    await hasText(zjjRow.locator('td').nth(2), '64');
    await hasText(zjjRow.locator('td').nth(4), '合格');
    await shot(l, '09-results');
    // The print stylesheet: no navigation or buttons on paper, the table keeps its header.
    await l.emulateMedia({ media: 'print' });
    expect(await l.locator('.site-header').isVisible()).toBe(false);
    expect(await l.getByRole('link', { name: '完整比较报告' }).isVisible()).toBe(false);
    await shot(l, '09-results-print', true);
    await l.emulateMedia({ media: 'screen' });
    // Leaders see only results.
    const refused = await l.goto(`${server.url}/a/${aid}/board`);
    expect(refused?.status()).toBe(403);
    await l.goto(`${server.url}/a/${aid}/results`);
    await zjjRow.getByRole('link').click();
    await contains(l.locator('body'), '64');
    await shot(l, '10-published-sheet');
    const compare = await l.request.get(`${server.url}/a/${aid}/results/compare.html`);
    expect([compare.status(), (await compare.text()).includes('鄂托克前旗住房和城乡规划建设局')]).toEqual([200, true]);

    // The audit log has every step.
    const b2 = boss2.page;
    await b2.goto(`${server.url}/a/${aid}/audit?agency=${ZJJ}`);
    await contains(b2.locator('main'), '提交材料');
    await contains(b2.locator('main'), '退回修改');
    await shot(b2, '11-audit');
    const csv = await b2.request.get(`${server.url}/a/${aid}/audit.csv?agency=${ZJJ}`);
    const csvText = await csv.text();
    expect([csv.status(), csvText.startsWith('\ufeff序号,'), csvText.includes('退回修改')]).toEqual([200, true, true]);
  }, 300_000);

  it("refuses another agency's clerk every page of 住建局 by direct URL", async () => {
    const other = await signIn('etqq-jyj');
    const q = other.page;
    for (const path of ['evidence', 'submit', 'review', 'sheet.html', 'sheet.pdf', 'appeals', 'log', 'attachments/file/1']) {
      const r = await q.goto(`${zjj()}/${path}`);
      expect([path, r?.status()]).toEqual([path, 403]);
    }
    await hasText(q.locator('h1'), '无权访问');
    await shot(q, '12-forbidden');
    const r = await q.goto(`${server.url}/a/${aid}/results/${ZJJ}`);
    expect(r?.status()).toBe(403);
    // A forged save through the live endpoint is refused too.
    const csrf = await q.evaluate(() => (document.querySelector('input[name="_csrf"]') as HTMLInputElement | null)?.value ?? '');
    const res = await q.request.post(`${zjj()}/evidence.json`, { form: { _csrf: csrf, [fieldName.fact('trainingSessions')]: '1' }, headers: { accept: 'application/json' } });
    expect(res.status()).toBe(403);
  }, 60_000);
});
