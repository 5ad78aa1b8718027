// The rubric authoring guide (rubrics/README.md) can never drift from the engine: every ```yaml block in it is run.
//   ```yaml            a complete rubric: must compile with parseRubric.
//   ```yaml fragment   top-level keys of a rubric (no id/version/title): compiled inside a small harness rubric.
//   ```yaml extends    a rubric that extends a file in rubrics/: compiled with a reader for that folder.
//   ```yaml evidence   evidence for the rubric block just before it (rubric/agency/period may be left out):
//                      must validate, and its `# 预期:节点 X 得 N 分` / `# 预期:总分 N` / `# 预期:等次 名称` /
//                      `# 预期:核验 编号 通过|未通过|无法核验` lines must hold.
//   ```yaml review     the office's review for the evidence block just before it (rubric/agency may be left out):
//                      evidence + review must validate, and the review's 预期 lines (and `# 预期:状态 final`) hold.
// It also checks that the guide names every scoring method, operator, not-applicable policy, derived-fact built-in
// and top-level rubric key the schemas define, and maps every mechanism M1–M30.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_OPERATORS } from '../../src/compile/operators.js';
import { formatDiagnostics, parseEvidence, parseReview, parseRubric, parseSource, RubricSchema, scoreEvidence, type CompiledRubric, type LoadedEvidence, type Result, type ScoreReport } from '../../src/index.js';
import { DeriveSchema } from '../../src/schema/fact-schema.js';
import { NA_POLICIES } from '../../src/schema/rubric-schema.js';
import { ScoringSchema } from '../../src/schema/scoring-schema.js';

const GUIDE = 'rubrics/README.md';
const text = readFileSync(GUIDE, 'utf8');

interface Block {
  kind: 'rubric' | 'fragment' | 'extends' | 'evidence' | 'review';
  body: string;
  /** Line of the opening fence in the guide. */
  line: number;
  heading: string;
}

function extractBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^#{1,6} /.test(l)) heading = l.replace(/^#+ /, '');
    const fence = /^```(\S*)(?: (\S+))?\s*$/.exec(l);
    if (!fence || fence[1] === '') continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    const lang = fence[1]!;
    if (lang !== 'yaml' && lang !== 'yml') continue;
    const tag = fence[2] ?? '';
    const kind = tag === '' ? 'rubric' : tag;
    if (lang === 'yml' || !['rubric', 'fragment', 'extends', 'evidence', 'review'].includes(kind)) {
      throw new Error(`${GUIDE}:${start + 1}: unknown block "${l}" (use \`\`\`yaml, \`\`\`yaml fragment, \`\`\`yaml extends, \`\`\`yaml evidence or \`\`\`yaml review)`);
    }
    blocks.push({ kind: kind as Block['kind'], body: body.join('\n') + '\n', line: start + 1, heading });
  }
  return blocks;
}

const blocks = extractBlocks(text);

/** A fragment inside a minimal rubric: header first, a placeholder node when the fragment has none. */
function wrapFragment(body: string): string {
  const hasNodes = /^nodes:/m.test(body);
  const placeholder = hasNodes ? '' : 'nodes:\n  - { id: "0", title: 占位, points: 100, scoring: { method: judgement } }\n';
  return `id: guide-fragment\nversion: "1"\ntitle: 指南片段\n${body}${placeholder}`;
}

/** Reads the parents of an `extends` example from rubrics/ (the folder the guide lives in). */
const readRubricsFolder = (file: string): Result<ReturnType<typeof parseSource> extends Result<infer S> ? S : never> => {
  try {
    return parseSource(file, readFileSync(join('rubrics', file.replace(/^(\.\/|rubrics\/)/, '')), 'utf8'));
  } catch {
    return { ok: false, diagnostics: [{ code: 'FILE_NOT_FOUND', severity: 'error', message: '找不到文件', file }] };
  }
};

function compileBlock(b: Block): CompiledRubric {
  const file = `${GUIDE}:${b.line}`;
  const source = b.kind === 'fragment' ? wrapFragment(b.body) : b.body;
  const r = b.kind === 'extends' ? parseRubric(join('rubrics', 'guide-example.yaml'), source, { read: readRubricsFolder }) : parseRubric(file, source);
  if (!r.ok) throw new Error(`${b.kind} block at ${file} (${b.heading}) does not compile:\n${formatDiagnostics(r.diagnostics, new Map([[file, source]]))}\n--- source ---\n${source}`);
  return r.value;
}

/** Evidence snippets may leave out the header; it is filled in for the rubric the snippet belongs to. */
function completeEvidence(body: string, rubric: CompiledRubric): string {
  let head = '';
  if (!/^rubric:/m.test(body)) head += `rubric: { id: ${rubric.rubric.id}, version: "${rubric.rubric.version}" }\n`;
  if (!/^agency:/m.test(body)) head += 'agency: { name: 示例单位, code: X01 }\n';
  if (!/^period:/m.test(body)) head += 'period: { year: 2024 }\n';
  return head + body;
}

/** The review snippet with its header filled in for the evidence it rules on. */
function completeReview(body: string, rubric: CompiledRubric, agencyCode: string): string {
  let head = '';
  if (!/^rubric:/m.test(body)) head += `rubric: { id: ${rubric.rubric.id}, version: "${rubric.rubric.version}" }\n`;
  if (!/^agency:/m.test(body)) head += `agency: { code: ${agencyCode} }\n`;
  return head + body;
}

/** Check a block's `# 预期:…` lines against a report (at least one unless `optional`). */
function checkExpectations(file: string, body: string, report: ScoreReport, optional = false): void {
  const expectations = [...body.matchAll(/^#\s*预期[::]\s*(.+)$/gm)].map((m) => m[1]!.trim());
  if (!optional) expect(expectations.length, 'an evidence or review block states at least one 预期').toBeGreaterThan(0);
  for (const e of expectations) {
    const node = /^节点\s*(\S+)\s*得\s*(-?[\d.]+)\s*分/.exec(e);
    const total = /^总分\s*(-?[\d.]+)/.exec(e);
    const grade = /^等次\s*(\S+)/.exec(e);
    const status = /^状态\s*(provisional|final)/.exec(e);
    const check = /^核验\s*(\S+)\s*(通过|未通过|无法核验)/.exec(e);
    if (node) expect(report.nodes.find((n) => n.id === node[1])?.score, `${file}: ${e}`).toBe(Number(node[2]));
    else if (total) expect(report.totals.final, `${file}: ${e}`).toBe(Number(total[1]));
    else if (grade) expect(report.totals.grade, `${file}: ${e}`).toBe(grade[1]);
    else if (status) expect(report.status, `${file}: ${e}`).toBe(status[1]);
    else if (check) expect(report.checks.find((c) => c.id === check[1])?.outcome, `${file}: ${e}`).toBe({ 通过: 'pass', 未通过: 'fail', 无法核验: 'not_assessable' }[check[2]!]);
    else throw new Error(`${file}: cannot read "预期:${e}" (write 节点 X 得 N 分, 总分 N, 等次 名称, 状态 final or 核验 编号 未通过)`);
  }
}

describe(`${GUIDE}: every yaml block`, () => {
  it('the guide has examples of every kind', () => {
    const kinds = new Set(blocks.map((b) => b.kind));
    expect([...kinds].sort()).toEqual(['evidence', 'extends', 'fragment', 'review', 'rubric']);
    expect(blocks.length).toBeGreaterThan(20);
  });

  let last: CompiledRubric | null = null;
  let lastEvidence: LoadedEvidence | null = null;
  for (const b of blocks) {
    const name = `line ${b.line} (${b.heading}): ${b.kind}`;
    if (b.kind === 'review') {
      it(`${name} is a valid review of the evidence before it and scores as the guide says`, async () => {
        expect(lastEvidence, 'a review block must follow an evidence block').not.toBeNull();
        const compiled = last!;
        const file = `${GUIDE}:${b.line}`;
        const source = completeReview(b.body, compiled, lastEvidence!.evidence.agency.code);
        const rv = parseReview(file, source, compiled, lastEvidence!);
        if (!rv.ok) throw new Error(`review at ${file} is invalid:\n${formatDiagnostics(rv.diagnostics, new Map([[file, source]]))}`);
        checkExpectations(file, b.body, await scoreEvidence(compiled, lastEvidence!, rv.value));
      });
      continue;
    }
    if (b.kind !== 'evidence') {
      it(`${name} compiles`, () => {
        last = compileBlock(b);
        lastEvidence = null;
      });
      continue;
    }
    it(`${name} is valid evidence and scores as the guide says`, async () => {
      expect(last, 'an evidence block must follow a rubric block').not.toBeNull();
      const compiled = last!;
      const file = `${GUIDE}:${b.line}`;
      const source = completeEvidence(b.body, compiled);
      const ev = parseEvidence(file, source, compiled);
      if (!ev.ok) throw new Error(`evidence at ${file} is invalid:\n${formatDiagnostics(ev.diagnostics, new Map([[file, source]]))}`);
      lastEvidence = ev.value;
      checkExpectations(file, b.body, await scoreEvidence(compiled, ev.value));
    });
  }
});

describe(`${GUIDE}: names everything the engine has`, () => {
  const yamlText = blocks.map((b) => b.body).join('\n');

  it('every scoring method has an example', () => {
    const methods = (ScoringSchema as unknown as { options: Array<{ shape: { method: { value: string } } }> }).options.map((o) => o.shape.method.value);
    expect(methods.filter((m) => !new RegExp(`method: ${m}\\b`).test(yamlText))).toEqual([]);
  });

  it('every operator (built-in and custom) is in the guide', () => {
    expect([...KNOWN_OPERATORS].filter((op) => !text.includes(`\`${op}\``))).toEqual([]);
  });

  it('every derived-fact built-in has an example', () => {
    const builtins = (DeriveSchema as unknown as { options: Array<{ shape: Record<string, unknown> }> }).options.flatMap((o) => Object.keys(o.shape));
    expect(builtins.filter((k) => !new RegExp(`\\b${k}:`).test(yamlText))).toEqual([]);
  });

  it('every not-applicable policy has an example', () => {
    expect(NA_POLICIES.filter((p) => !new RegExp(`policy: ${p}\\b`).test(yamlText))).toEqual([]);
  });

  it('every top-level rubric key appears in an example', () => {
    expect(Object.keys(RubricSchema.shape).filter((k) => !new RegExp(`^${k}:`, 'm').test(yamlText))).toEqual([]);
  });

  it('the mechanism table maps every M1–M30', () => {
    const missing = Array.from({ length: 30 }, (_, i) => `M${i + 1}`).filter((m) => !new RegExp(`^\\| ${m} \\|`, 'm').test(text));
    expect(missing).toEqual([]);
  });
});
