// Helpers for the batch tests: temp folders of evidence files, small rubrics, and the CLI run in-process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run, type CliIo } from '../../src/cli.js';
import { parseRubric, type CompiledRubric } from '../../src/index.js';
import { compareBatch, type CompareOptions } from '../../src/batch/compare-batch.js';
import type { CompareReport } from '../../src/cohort/compare-report.js';

export interface TempDir {
  dir: string;
  write(rel: string, text: string): string;
  cleanup(): void;
}

export function tempDir(prefix = 'zwgk-batch-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(rel, text) {
      const p = join(dir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, text);
      return rel;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function compile(text: string, file = 'rubric.yaml'): CompiledRubric {
  const r = parseRubric(file, text);
  if (!r.ok) throw new Error('rubric invalid:\n' + r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.path ?? ''} ${d.message}`).join('\n'));
  return r.value;
}

export interface EvidenceSpec {
  code: string;
  name?: string;
  cls?: string;
  facts: Record<string, unknown>;
  claims?: Record<string, number>;
  notApplicable?: Array<{ node: string; reason: string }>;
  rubricId?: string;
  version?: string;
  year?: number;
}

/** Evidence JSON for a test rubric. */
export function evidence(spec: EvidenceSpec, rubricId = 'county-test', version = '1'): string {
  return JSON.stringify(
    {
      rubric: { id: spec.rubricId ?? rubricId, version: spec.version ?? version },
      agency: { name: spec.name ?? `单位${spec.code}`, code: spec.code, ...(spec.cls ? { class: spec.cls } : {}) },
      period: { year: spec.year ?? 2024 },
      facts: spec.facts,
      claims: spec.claims ?? {},
      notApplicable: spec.notApplicable ?? [],
    },
    null,
    2,
  );
}

/** The office's review JSON for one agency of a test rubric (by / date filled in). */
export function reviewJson(code: string, body: Record<string, Record<string, Record<string, unknown>>>, rubricId = 'county-test', version = '1'): string {
  const signed = Object.fromEntries(
    Object.entries(body).map(([k, entries]) => [k, Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, { by: '县政务公开办', date: '2025-01-20', ...e }]))]),
  );
  return JSON.stringify({ rubric: { id: rubricId, version }, agency: { code }, ...signed }, null, 2);
}

/** Run compareBatch in-process (no workers unless asked). */
export function compareIn(dir: string, opts: Omit<CompareOptions, 'cwd'>): Promise<CompareReport> {
  return compareBatch({ workers: 'never', ...opts, cwd: dir });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with a fake terminal. */
export async function cli(argv: string[], cwd: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/**
 * A small county rubric: two sections for everyone, a third only for 甲类 agencies (class A), an optional
 * declarable-not-applicable item, and (with `rank`) a rank-relative criterion.
 */
export function countyRubric(opts: { rank?: 'bands' | 'proportional'; version?: string; points?: [number, number] } = {}): string {
  const [p11, p12] = opts.points ?? [20, 20];
  const rankNode =
    opts.rank === 'bands'
      ? `      - id: "2.2"
        title: 公开数量排名
        points: 20
        scoring:
          method: rank
          basis: { fact: posts }
          order: desc
          scheme:
            bands:
              - { upTo: 3, points: [20, 16, 12] }
              - { upTo: 5, points: 8 }
            otherwise: 2`
      : opts.rank === 'proportional'
        ? `      - id: "2.2"
        title: 公开数量排名
        points: 20
        scoring:
          method: rank
          basis: { fact: posts }
          scheme: { proportionalToFirst: true, upTo: 3 }`
        : `      - id: "2.2"
        title: 公开信息数量
        points: 20
        scoring:
          method: stepped
          fact: posts
          steps: [{ atLeast: 10, points: 10 }, { atLeast: 50, points: 20 }]`;
  return `id: county-test
version: "${opts.version ?? '1'}"
title: 测试县政务公开考核细则
total: 100
precision: 1
classes: [A, B]
facts:
  meetings: { label: 召开政务公开会议次数, type: integer, min: 0, unit: 次 }
  system: { label: 建立政务公开制度, type: boolean }
  posts: { label: 主动公开信息数, type: integer, min: 0, unit: 条 }
  hotline: { label: 开通咨询热线, type: boolean }
  hall: { label: 设立实体办事大厅, type: boolean }
nodes:
  - id: "1"
    title: 组织领导
    points: ${p11 + p12}
    children:
      - id: "1.1"
        title: 召开会议研究部署
        points: ${p11}
        scoring: { method: binary, when: { fact: meetings, operator: greaterThanInclusive, value: 1 } }
      - id: "1.2"
        title: 建立政务公开制度
        points: ${p12}
        scoring: { method: binary, when: { fact: system, operator: equal, value: true } }
  - id: "2"
    title: 信息公开
    points: 40
    children:
      - id: "2.1"
        title: 开通咨询热线
        points: 20
        mayBeNotApplicable: true
        scoring: { method: binary, when: { fact: hotline, operator: equal, value: true } }
${rankNode}
  - id: "3"
    title: 政务服务
    points: ${100 - (p11 + p12) - 40}
    classes: [A]
    children:
      - id: "3.1"
        title: 设立实体办事大厅
        points: ${100 - (p11 + p12) - 40}
        scoring: { method: binary, when: { fact: hall, operator: equal, value: true } }
`;
}
