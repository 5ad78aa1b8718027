// Hostile input through the API: oversized bodies, prototype keys, wrong types, a file renamed to .pdf, a zip-bomb
// xlsx, path traversal in attachment names, deep nesting — each a clear 4xx with a Chinese message, nothing stored.
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/service/http/app.js';
import { writeZip } from '../../src/service/domain/zip-writer.js';
import { Client, exampleEvidence, makeApp, openTestDb, PDF_BYTES, PNG_BYTES, type TestDb } from './helpers.js';
import { makeUsers, OWN, openedAssessment, PASSWORD } from './world.js';

let db: TestDb;
let app: App;
let id: number;
let own: Client;
let admin: Client;

const TABLES = ['evidence_docs', 'review_docs', 'attachments', 'blobs', 'agencies', 'audit_log', 'users'] as const;
async function snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await db.store.db.selectFrom(t).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

beforeAll(async () => {
  db = await openTestDb('pglite');
  app = await makeApp(db.store);
  const w = await makeUsers(db.store);
  id = await openedAssessment(db.store, w);
  own = new Client(app);
  await own.login(OWN, PASSWORD);
  admin = new Client(app);
  await admin.login('admin', PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const CJK = /[\u4e00-\u9fff]/;
const evidenceUrl = () => `/api/assessments/${id}/agencies/${OWN}/evidence`;
const attachUrl = () => `/api/assessments/${id}/agencies/${OWN}/attachments`;

/** A zip bomb dressed as an xlsx: one 40 MiB entry of zeros, about 40 KB packed. */
function zipBombXlsx(): Buffer {
  const ct = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  return writeZip([
    ['[Content_Types].xml', ct],
    ['xl/worksheets/sheet1.xml', Buffer.alloc(40 * 1024 * 1024, 0x20)],
  ]);
}

type Case = [name: string, send: () => Promise<{ status: number; body: any }>, status: number, message: RegExp];

const cases: Case[] = [
  ['an oversized JSON body (3 MiB)', () => own.put(evidenceUrl(), { evidence: { ...exampleEvidence('zhujianju.yaml'), remediation: { '1': 'x'.repeat(3 * 1024 * 1024) } } }), 413, /内容过大/],
  ['__proto__ at the top of the evidence', () => own.call('PUT', evidenceUrl(), '{"evidence":{"__proto__":{"isAdmin":true}},"version":1}', { 'content-type': 'application/json' }), 400, /不允许的键"__proto__"/],
  ['constructor nested in facts', () => own.call('PUT', evidenceUrl(), JSON.stringify({ evidence: { facts: { constructor: { prototype: 1 } } } }), { 'content-type': 'application/json' }), 400, /不允许的键"(constructor|prototype)"/],
  ['JSON nested 200 levels deep', () => own.call('PUT', evidenceUrl(), `{"evidence":${'['.repeat(200)}${']'.repeat(200)}}`, { 'content-type': 'application/json' }), 400, /嵌套超过/],
  ['broken JSON', () => own.call('PUT', evidenceUrl(), '{"evidence": {', { 'content-type': 'application/json' }), 400, /不是有效的 JSON/],
  ['text/plain body', () => own.call('PUT', evidenceUrl(), 'hello', { 'content-type': 'text/plain' }), 415, /不支持的请求内容类型/],
  ['version of the wrong type', () => own.put(evidenceUrl(), { evidence: exampleEvidence('zhujianju.yaml'), version: '1' }), 400, /字段 version:应为数字/],
  ['an unknown field in the body', () => own.put(evidenceUrl(), { evidence: exampleEvidence('zhujianju.yaml'), admin: true }), 400, /不认识的字段:admin/],
  ['evidence missing', () => own.put(evidenceUrl(), { version: 1 }), 400, /字段 evidence/],
  ['a fact of the wrong type', () => own.put(evidenceUrl(), { evidence: { ...exampleEvidence('zhujianju.yaml'), facts: { websitePosts: '很多' } } }), 400, /^佐证材料有误:字段 facts\.websitePosts/],
  ['evidence naming another agency', () => own.put(evidenceUrl(), { evidence: { ...exampleEvidence('zhujianju.yaml'), agency: { name: '财政局', code: 'etqq-czj' } } }), 400, /与本单位代码 etqq-zjj 不一致/],
  ['rulings inside the agency evidence', () => own.put(evidenceUrl(), { evidence: { ...exampleEvidence('zhujianju.yaml'), judgements: { '7': { score: 5, reason: '自评', by: '旗政务公开办' } } } }), 400, /评审|复核|review/i],
  ['a PNG renamed to .pdf', () => own.upload(attachUrl(), '年度报告.pdf', PNG_BYTES), 415, /内容不是PDF文件.按内容识别为 png./],
  ['a text file renamed to .pdf', () => own.upload(attachUrl(), '说明.pdf', Buffer.from('这不是 PDF')), 415, /内容不是PDF文件.按内容识别为未知类型./],
  ['a PDF renamed to .xlsx', () => own.upload(attachUrl(), '表.xlsx', PDF_BYTES), 400, /不是 zip 格式/],
  ['a zip-bomb xlsx as attachment', () => own.upload(attachUrl(), '统计表.xlsx', zipBombXlsx()), 400, /附件"统计表.xlsx":/],
  ['an executable', () => own.upload(attachUrl(), 'setup.exe', Buffer.from('MZ')), 415, /类型不受支持/],
  ['path traversal ../../etc/passwd.pdf', () => own.upload(attachUrl(), '../../etc/passwd.pdf', PDF_BYTES), 400, /不能包含路径/],
  ['a backslash path', () => own.upload(attachUrl(), '..\\..\\boot.pdf', PDF_BYTES), 400, /不能包含路径/],
  ['a hidden file name', () => own.upload(attachUrl(), '.htaccess.pdf', PDF_BYTES), 400, /以点开头/],
  ['a control character in the name', () => own.upload(attachUrl(), 'a\u0007b.pdf', PDF_BYTES), 400, /控制字符/],
  ['an attachment over 20 MiB', () => own.upload(attachUrl(), '大文件.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(21 * 1024 * 1024)])), 413, /过大/],
  ['an upload in the wrong field', () => own.call('POST', attachUrl(), Buffer.from('--b\r\nContent-Disposition: form-data; name="other"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--b--\r\n'), { 'content-type': 'multipart/form-data; boundary=b' }), 400, /字段 file/],
  ['a zip-bomb xlsx as the register', () => admin.upload(`/api/assessments/${id}/register`, '名单.xlsx', zipBombXlsx()), 400, /名单.xlsx:/],
  ['a register line with a bad code', () => admin.upload(`/api/assessments/${id}/register`, '名单.csv', Buffer.from('单位代码,单位名称\r\netqq-ok,甲\r\n../x,乙\r\n')), 400, /名单.csv 第 3 行:单位代码"..\/x"只能由/],
  ['a register without the name column', () => admin.upload(`/api/assessments/${id}/register`, '名单.csv', Buffer.from('代码,电话\r\na1,123\r\n')), 400, /第 1 行:表头应包含"单位代码"和"单位名称"/],
  ['a register in GBK', () => admin.upload(`/api/assessments/${id}/register`, '名单.csv', Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0x0d, 0x0a])), 400, /不是 UTF-8/],
  ['an agency code with a slash in the URL', () => own.put(`/api/assessments/${id}/agencies/..%2Fetqq-czj/evidence`, { evidence: {} }), 400, /路径参数的字段 code/],
  ['an assessment id that is not a number', () => own.get(`/api/assessments/1e400`), 400, /路径参数的字段 id/],
  ['a username with spaces', () => admin.post('/api/accounts', { accounts: [{ username: 'a b', displayName: '甲', role: 'leader' }] }), 400, /用户名"a b"只能由/],
  ['an agency account without its agency', () => admin.post('/api/accounts', { accounts: [{ username: 'x-agency', displayName: '甲', role: 'agency' }] }), 400, /必须指定单位代码/],
  ['a rubric that does not validate', () => admin.post('/api/assessments', { year: 2019, title: '坏细则', rubric: 'id: x\nnodes: 3\n' }), 400, /^评分细则有误/],
];

describe('hostile input gets a clear 4xx in Chinese and stores nothing', () => {
  it.each(cases)('%s', async (_name, send, status, message) => {
    const before = await snapshot();
    const r = await send();
    expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(status);
    expect(r.body.error.message).toMatch(CJK);
    expect(r.body.error.message).toMatch(message);
    expect(JSON.stringify(r.body)).not.toMatch(/at \w+ \(|node_modules|Error:/);
    expect(await snapshot()).toEqual(before);
  });

  it('a real PDF, PNG and xlsx are accepted and stored once per content', async () => {
    const before = await snapshot();
    expect((await own.upload(attachUrl(), '报告.pdf', PDF_BYTES)).status).toBe(200);
    expect((await own.upload(attachUrl(), '报告副本.pdf', PDF_BYTES)).status).toBe(200);
    expect((await own.upload(attachUrl(), '截图.png', PNG_BYTES)).status).toBe(200);
    const after = await snapshot();
    expect(after.attachments! - before.attachments!).toBe(3);
    expect(after.blobs! - before.blobs!).toBe(2);
  });

  it('the zip writer used for the bomb packs 40 MiB into little', () => {
    expect(zipBombXlsx().length).toBeLessThan(200 * 1024);
    expect(deflateRawSync(Buffer.alloc(10)).length).toBeGreaterThan(0);
  });
});
