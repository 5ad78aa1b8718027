// The whole yearly process end to end through the JSON API (fastify inject), on PGlite always and on a PostgreSQL
// server when one answers: setup → register → accounts/activation → drafts scored on save → submit → review →
// return → correct → accept → publish provisional → appeal → uphold → publish final → export re-scored by the CLI
// byte for byte → copy to next year. Figures are hand-computed from the bundled 住建局 example:
//   evidence alone 56 (7 任务 and 8.1 pending: provisional) · with the office's review (7 任务 3 分) 56 + 3 = 59 ·
//   after the upheld appeal (7 任务 5 分) 56 + 5 = 61.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { bootstrapAdmin } from '../../src/service/domain/accounts.js';
import type { App } from '../../src/service/http/app.js';
import { Client, EXAMPLES, exampleEvidence, makeApp, openTestDb, PDF_BYTES, postgresAvailable, RUBRIC_2017, RUBRIC_2018, type Backend, type TestDb } from './helpers.js';

const FILES: Record<string, string> = { 'etqq-czj': 'caizhengju.yaml', 'etqq-jtj': 'jiaotongju.yaml', 'etqq-jyj': 'jiaoyuju.yaml', 'etqq-mzj': 'minzhengju.yaml', 'etqq-wjj': 'weijiju.yaml', 'etqq-zjj': 'zhujianju.yaml' };
const review = (code: string): Record<string, unknown> => parseYaml(readFileSync(join(EXAMPLES, 'reviews', `${code}.yaml`), 'utf8'));

const REGISTER_CSV = '\uFEFF单位代码,单位名称,简称,类别,联系人\r\n' + Object.keys(FILES).map((code) => {
  const ag = (exampleEvidence(FILES[code]!) as { agency: { name: string; shortName: string; class: string } }).agency;
  return `${code},${ag.name},${ag.shortName},${ag.class},办公室`;
}).join('\r\n') + '\r\n';

async function unzip(bytes: Buffer, dir: string): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))));
  const names: string[] = [];
  await new Promise<void>((res, rej) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      zip.openReadStream(entry, (err, stream) => {
        if (err) return rej(err);
        const chunks: Buffer[] = [];
        stream!.on('data', (c: Buffer) => chunks.push(c));
        stream!.on('end', () => {
          const p = join(dir, entry.fileName);
          mkdirSync(dirname(p), { recursive: true });
          writeFileSync(p, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => res());
    zip.on('error', rej);
    zip.readEntry();
  });
  return names;
}

const backends: Array<[Backend, boolean]> = [
  ['pglite', true],
  ['postgres', await postgresAvailable()],
];
if (!backends[1]![1]) console.warn('PostgreSQL 未运行(127.0.0.1:5432 或 DATABASE_URL 无应答):跳过 PostgreSQL 上的全过程测试');

describe.each(backends)('全过程(%s)', (backend, available) => {
  let db: TestDb;
  let app: App;
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    if (!available) return;
    db = await openTestDb(backend);
    app = await makeApp(db.store);
    await bootstrapAdmin(db.store, 'admin', '旗政务公开办管理员', 'admin-password-1');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it.skipIf(!available)('runs the year from setup to final publication and export', { timeout: 120_000 }, async () => {
    const admin = (as.admin = new Client(app));
    expect((await admin.login('admin', 'admin-password-1')).status).toBe(200);

    // 1. Create the assessment with its rubric and windows; import the register; open it.
    let r = await admin.post('/api/assessments', {
      year: 2017,
      title: '2017年度政务公开考核',
      rubric: RUBRIC_2017,
      windows: { submitDeadline: '2018-01-15T00:00:00Z', reviewDeadline: '2018-01-31T00:00:00Z', appealDeadline: '2018-02-10T00:00:00Z' },
    });
    expect(r.status).toBe(200);
    const id = r.body.id as number;
    expect(r.body.rubric.rubricId).toBe('etuokeqianqi-2017');
    r = await admin.upload(`/api/assessments/${id}/register`, '单位名单.csv', Buffer.from(REGISTER_CSV));
    expect(r.body).toEqual({ added: 6, updated: 0 });
    r = await admin.post(`/api/assessments/${id}/open`);
    expect(r.body.status).toBe('open');
    const frozenHash = r.body.rubric.hash;
    r = await admin.put(`/api/assessments/${id}/rubric`, { rubric: RUBRIC_2018 });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('冻结');

    // 2. Accounts from the register, each with a one-time activation link.
    r = await admin.post('/api/accounts', {
      accounts: [
        { username: 'reviewer', displayName: '复核人员', role: 'reviewer' },
        { username: 'leader', displayName: '分管领导', role: 'leader' },
        ...Object.keys(FILES).map((code) => ({ username: code, displayName: `${code} 填报人`, role: 'agency', agencyCode: code })),
      ],
    });
    expect(r.status).toBe(200);
    for (const acc of r.body as Array<{ username: string; activationToken: string; activationPath: string }>) {
      expect(acc.activationPath).toBe(`/activate?token=${acc.activationToken}`);
      const c = new Client(app);
      expect((await c.post('/api/auth/activate', { token: acc.activationToken, password: `${acc.username}-pass-1` })).status).toBe(200);
      expect((await c.post('/api/auth/activate', { token: acc.activationToken, password: 'another-pass-1' })).status).toBe(400);
      expect((await c.login(acc.username, `${acc.username}-pass-1`)).status).toBe(200);
      as[acc.username] = c;
    }
    const zjj = as['etqq-zjj']!;
    const reviewer = as.reviewer!;
    const base = `/api/assessments/${id}/agencies`;

    // 3. Drafts, scored on every save: evidence alone gives 56 and is provisional (7 任务, 8.1 await the office).
    r = await zjj.put(`${base}/etqq-zjj/evidence`, { evidence: { ...exampleEvidence('zhujianju.yaml'), facts: {} }, version: 0 });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(1);
    const emptyTotal = r.body.totals.final;
    r = await zjj.put(`${base}/etqq-zjj/evidence`, { evidence: exampleEvidence('zhujianju.yaml'), version: 1 });
    expect(r.body.totals).toMatchObject({ base: 56, bonus: 0, final: 56, claimed: 74, grade: '不合格' });
    expect(r.body.report.status).toBe('provisional');
    expect(emptyTotal).toBeLessThan(56);
    r = await zjj.upload(`${base}/etqq-zjj/attachments`, '年度报告.pdf', PDF_BYTES, { nodeId: '1' });
    expect(r.status).toBe(200);
    const attachment = r.body;
    expect(attachment).toMatchObject({ name: '年度报告.pdf', mime: 'application/pdf', size: PDF_BYTES.length, nodeId: '1' });
    r = await zjj.get(`${base}/etqq-zjj/attachments/${attachment.id}`);
    expect(Buffer.compare(r.raw, PDF_BYTES)).toBe(0);
    r = await zjj.post(`${base}/etqq-zjj/submit`, { version: 2 });
    expect(r.body).toMatchObject({ version: 3, state: 'submitted' });
    r = await zjj.put(`${base}/etqq-zjj/evidence`, { evidence: exampleEvidence('zhujianju.yaml'), version: 3 });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe('当前状态为「已提交」,不能保存材料');

    // The other five agencies import their files (the CLI's evidence format) and submit.
    for (const code of Object.keys(FILES).filter((c) => c !== 'etqq-zjj')) {
      r = await as[code]!.upload(`/api/assessments/${id}/import`, FILES[code]!, readFileSync(join(EXAMPLES, FILES[code]!)));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.code).toBe(code);
      expect((await as[code]!.post(`${base}/${code}/submit`, { version: r.body.version })).status).toBe(200);
    }

    // 4. Review: the office's rulings (7 任务 3 分) → 59, final; returned once with a message, corrected, accepted.
    r = await reviewer.get(`${base}/etqq-zjj`);
    expect(r.body).toMatchObject({ state: 'submitted', version: 3 });
    r = await reviewer.put(`${base}/etqq-zjj/review`, { review: review('etqq-zjj'), version: 3, reason: '初审' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.totals).toMatchObject({ base: 56, bonus: 3, final: 59 });
    expect(r.body.report.status).toBe('final');
    r = await reviewer.post(`${base}/etqq-zjj/return`, { message: '请补充政策解读稿件的佐证', version: r.body.version });
    expect(r.body.version).toBe(5);
    r = await zjj.get(`${base}/etqq-zjj`);
    expect(r.body).toMatchObject({ state: 'returned', message: '请补充政策解读稿件的佐证' });
    expect(r.body.review.judgements['7'].score).toBe(3);
    r = await zjj.put(`${base}/etqq-zjj/evidence`, { evidence: exampleEvidence('zhujianju.yaml'), version: 5 });
    expect(r.status).toBe(200);
    r = await zjj.post(`${base}/etqq-zjj/submit`, { version: r.body.version });
    expect(r.body.state).toBe('submitted');
    r = await reviewer.get(`${base}/etqq-zjj`);
    expect(r.body.report.totals.final).toBe(59); // the rulings carried over to the corrected submission
    for (const code of Object.keys(FILES)) {
      if (code !== 'etqq-zjj') {
        const cur = await reviewer.get(`${base}/${code}`);
        const rv = await reviewer.put(`${base}/${code}/review`, { review: review(code), version: cur.body.version });
        expect(rv.status, `${code}: ${JSON.stringify(rv.body)}`).toBe(200);
      }
      const cur = await reviewer.get(`${base}/${code}`);
      expect((await reviewer.post(`${base}/${code}/accept`, { version: cur.body.version })).status).toBe(200);
    }

    // Progress board: everyone 已复核, with the reviewed score.
    r = await admin.get(`/api/assessments/${id}/progress`);
    expect(r.body.map((p: { state: string }) => p.state)).toEqual(Array(6).fill('accepted'));
    expect(r.body.find((p: { agency: { code: string } }) => p.agency.code === 'etqq-zjj').score.final).toBe(59);
    r = await zjj.get(`/api/assessments/${id}/progress`);
    expect(r.body).toHaveLength(1);

    // 5. Publish provisional; the agency appeals 7 任务; the office upholds it (5 分) → 61.
    db.clock.set('2018-02-01T00:00:00Z');
    for (const c of Object.values(as)) await c.relogin();
    r = await admin.post(`/api/assessments/${id}/publish/provisional`);
    expect(r.body).toEqual({ stage: 'provisional', agencies: 6 });
    r = await zjj.get(`${base}/etqq-zjj/report`);
    expect(r.body.stage).toBe('provisional');
    expect(r.body.report.totals.final).toBe(59);
    r = await reviewer.put(`${base}/etqq-zjj/review`, { review: review('etqq-zjj'), version: 99 });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('只能通过申诉更改');
    r = await zjj.get(`/api/assessments/${id}/results`);
    expect(r.body.compare.agencies.map((a: { code: string }) => a.code)).toEqual(['etqq-zjj']);
    r = await zjj.post(`${base}/etqq-zjj/appeals`, { nodeId: '7', reason: '统计表已按要求报送,不应扣分', attachmentIds: [attachment.id] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const appealId = r.body.id;
    r = await admin.post(`/api/assessments/${id}/publish/final`);
    expect(r.status).toBe(403); // the appeal window is still open
    const upheld = review('etqq-zjj') as { judgements: Record<string, { score: number; reason: string }> };
    upheld.judgements['7'] = { ...upheld.judgements['7']!, score: 5, reason: '申诉成立:统计表按时报送' };
    r = await reviewer.post(`/api/assessments/${id}/appeals/${appealId}/resolve`, { outcome: 'upheld', reason: '核实后申诉成立', review: upheld });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.totals.final).toBe(61);
    expect(r.body.appeal.ruling).toMatchObject({ outcome: 'upheld', reason: '核实后申诉成立' });

    // 6. After the appeal window: final results, frozen with their hashes; the ranking from the compare library.
    db.clock.set('2018-02-11T00:00:00Z');
    for (const c of Object.values(as)) await c.relogin();
    expect((await zjj.post(`${base}/etqq-zjj/appeals`, { nodeId: '8.1', reason: '迟到的申诉' })).status).toBe(403);
    r = await admin.post(`/api/assessments/${id}/publish/final`);
    expect(r.body).toEqual({ stage: 'final', agencies: 6 });
    r = await as.leader!.get(`/api/assessments/${id}/results`);
    expect(r.body.stage).toBe('final');
    const rows = r.body.compare.agencies as Array<{ code: string; totals: { final: number }; rank: { final: number } }>;
    expect(rows).toHaveLength(6);
    expect(rows.find((a) => a.code === 'etqq-zjj')!.totals.final).toBe(61);
    const finals = rows.map((a) => a.totals.final);
    for (const a of rows) expect(a.rank.final).toBe(1 + finals.filter((f) => f > a.totals.final).length);
    r = await zjj.get(`${base}/etqq-zjj/report`);
    expect(r.body).toMatchObject({ stage: 'final' });
    expect(r.body.report.totals.final).toBe(61);
    expect(r.body.report.status).toBe('final');
    expect((await as.leader!.put(`${base}/etqq-zjj/review`, { review: upheld })).status).toBe(403);

    // 7. Audit trail: the office sees everything, the agency its own entries; CSV export.
    r = await admin.get(`/api/assessments/${id}/audit`);
    const actions = (r.body as Array<{ action: string }>).map((e) => e.action);
    for (const a of ['assessment.create', 'rubric.upload', 'agency.add', 'assessment.open', 'evidence.save', 'evidence.submit', 'review.save', 'submission.return', 'submission.accept', 'report.provisional', 'appeal.file', 'appeal.upheld', 'report.final'])
      expect(actions).toContain(a);
    r = await zjj.get(`/api/assessments/${id}/audit`);
    expect(new Set((r.body as Array<{ agencyCode: string }>).map((e) => e.agencyCode))).toEqual(new Set(['etqq-zjj']));
    r = await admin.get(`/api/assessments/${id}/audit?format=csv`);
    expect(String(r.headers['content-type'])).toContain('text/csv');
    expect(r.body.startsWith('\uFEFF序号,时间,操作人')).toBe(true);

    // 8. Export: the CLI re-scores the exported files byte for byte.
    r = await admin.get(`/api/assessments/${id}/export`);
    expect(r.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-export-'));
    try {
      const names = await unzip(r.raw, dir);
      expect(names).toContain('rubric.yaml');
      expect(names).toContain('audit-log.json');
      expect(names).toContain('compare.final.json');
      expect(names).toContain(`attachments/etqq-zjj/${attachment.id}-年度报告.pdf`);
      const meta = JSON.parse(readFileSync(join(dir, 'assessment.json'), 'utf8'));
      expect(meta.rubric.hash).toBe(frozenHash);
      for (const code of Object.keys(FILES)) {
        let out = '';
        const code1 = await run(['score', `evidence/${code}.json`, '--rubric', 'rubric.yaml', '--review', `reviews/${code}.json`, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => undefined, cwd: dir });
        expect(code1).toBe(0);
        expect(out).toBe(readFileSync(join(dir, 'reports', `${code}.json`), 'utf8'));
        expect(out).toBe(readFileSync(join(dir, 'published', `${code}.final.json`), 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // 9. Next year: copy with the 2018 rubric; the register comes along.
    r = await admin.post(`/api/assessments/${id}/copy`, { year: 2018, title: '2018年度政务公开考核', rubric: RUBRIC_2018 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ year: 2018, status: 'setup', previousId: id, submitDeadline: '2019-01-15T00:00:00.000Z' });
    r = await admin.get(`/api/assessments/${r.body.id}/progress`);
    expect(r.body.map((p: { agency: { code: string } }) => p.agency.code)).toEqual(Object.keys(FILES).sort());
  });
});
