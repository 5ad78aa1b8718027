// Fuzzing every loader with random YAML, JSON and xlsx bytes (issue 9): the only acceptable answers are success or
// clear diagnostics — a known code, a Chinese message, no exception, no English internals. Bounded runs keep the
// whole file to a few seconds; a failure prints the counterexample fast-check shrank to.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJsonSourceFast } from '../../src/load/parse-json-fast.js';
import {
  checkZipArchive,
  DIAGNOSTIC_CODES,
  formatDiagnostics,
  importEvidenceForm,
  loadRubric,
  parseEvidence,
  parseRegisterCsv,
  parseRubric,
  parseSource,
  buildEvidenceWorkbook,
  writeWorkbook,
  type CompiledRubric,
  type Diagnostic,
} from '../../src/index.js';
import { SEED_RUBRIC } from '../helpers/cli.js';

const CODES = new Set(Object.keys(DIAGNOSTIC_CODES));
const ENGLISH = /\b(TypeError|RangeError|Error:|undefined|Cannot|Invalid|Unexpected|token|expected|null pointer)\b/;

function expectClear(r: { ok: boolean; diagnostics: Diagnostic[] }): void {
  if (r.ok) return;
  expect(r.diagnostics.length).toBeGreaterThan(0);
  for (const d of r.diagnostics) {
    expect(CODES.has(d.code), d.code).toBe(true);
    expect(d.message, d.message).not.toMatch(ENGLISH);
  }
  expect(() => formatDiagnostics(r.diagnostics)).not.toThrow();
}

/** YAML-ish text: fragments that exercise flow/block structure, tags, anchors, quotes, numbers and odd characters. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'facts', 'claims', 'agency', 'name', 'rubric', 'id', 'nodes', 'toString', '__proto__', 'constructor', '1.10', '-', '- ', '? ', ':', ': ', ', ', '[', ']', '{', '}', '&x ', '*x', '!!js/function ', '!tag ', '"', "'", '|', '>', '#', '\n', '\n  ', '\n    ', '\t', '.nan', '.inf', '-.inf', '1e309', '123456789012345678901234567890', '2025-02-30', '\u001b[2K', '\u0007', '\u202e', '---', '...', '%YAML 1.2'),
      fc.string({ maxLength: 8 }),
      fc.integer().map(String),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

let compiled: CompiledRubric;
let form: Uint8Array;
beforeAll(async () => {
  const r = await loadRubric(SEED_RUBRIC);
  if (!r.ok) throw new Error('seed rubric invalid');
  compiled = r.value;
  form = await writeWorkbook(await buildEvidenceWorkbook(compiled, {}));
});

describe('fuzz: text loaders never throw', () => {
  it('parseSource on random YAML-ish text', () => {
    fc.assert(fc.property(yamlish, (text) => expectClear(parseSource('f.yaml', text))), { numRuns: 400, seed: 9 });
  });

  it('parseSource and the JSON fast path on random JSON (and JSON with a byte flipped)', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), fc.nat(), fc.string({ maxLength: 1 }), (json, at, ch) => {
        const text = `{"x": ${json}}`;
        expectClear(parseJsonSourceFast('f.json', text));
        const i = at % text.length;
        expectClear(parseJsonSourceFast('f.json', text.slice(0, i) + ch + text.slice(i + 1)));
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('parseEvidence against the seed rubric on random evidence-shaped text', () => {
    const head = 'rubric: { id: etuokeqianqi-2017, version: "2017.1" }\nagency: { name: 局, code: c }\nperiod: { year: 2017 }\n';
    fc.assert(fc.property(yamlish, (tail) => expectClear(parseEvidence('e.yaml', head + tail, compiled))), { numRuns: 300, seed: 9 });
  });

  it('parseRubric on random rubric-shaped text', () => {
    const head = 'id: r\nversion: "1"\ntitle: 细则\n';
    fc.assert(fc.property(yamlish, (tail) => expectClear(parseRubric('r.yaml', head + tail))), { numRuns: 300, seed: 9 });
  });

  it('parseRegisterCsv on random CSV text', () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '""', ',', '\r\n', '\n', '单位代码', '单位名称', '\u001b'));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => expectClear(parseRegisterCsv('r.csv', '单位代码,单位名称\n' + cells.join(',')))),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe('fuzz: xlsx loaders never throw', () => {
  it('checkZipArchive and importEvidenceForm on a genuine form with random bytes overwritten or cut off', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const bytes = Buffer.from(form);
          for (const [at, b] of flips) bytes[at % bytes.length] = b;
          const input = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
          expectClear(await checkZipArchive(input, { file: 'f.xlsx' }));
          expectClear(await importEvidenceForm(input, compiled, { file: 'f.xlsx' }));
        },
      ),
      { numRuns: 40, seed: 9 },
    );
  }, 60_000);

  it('checkZipArchive on random bytes that start like a zip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (tail) => {
        expectClear(await checkZipArchive(Buffer.concat([Buffer.from('PK\u0003\u0004'), tail]), { file: 'f.docx' }));
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});
