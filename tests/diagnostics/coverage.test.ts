// Every diagnostic code that input can trigger has a test. A new code added to src/diagnostics/codes.ts without
// one fails here: add a case to tests/diagnostics (or to the feature's own tests for the codes listed below).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../src/index.js';

/** A programmer bug turned into data (a batch item that threw), never a property of the input. */
const NOT_FROM_INPUT: DiagnosticCode[] = ['INTERNAL_ERROR'];

/** Codes of features with their own test folders (rubric inheritance, filled-in forms). */
const TESTED_WITH_THEIR_FEATURE = /^(EXTENDS_|OVERRIDE_|FORM_)/;

function filesUnder(dir: string, ext: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
}

const mentioned = (texts: string[], code: string): boolean => texts.some((t) => t.includes(`'${code}'`) || t.includes(`"${code}"`));

describe('diagnostic code coverage', () => {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const diagnosticsTests = filesUnder('tests/diagnostics', '.test.ts').map((f) => readFileSync(f, 'utf8'));
  const allTests = filesUnder('tests', '.ts').map((f) => readFileSync(f, 'utf8'));
  const sources = filesUnder('src', '.ts')
    .filter((f) => !f.endsWith(join('diagnostics', 'codes.ts')))
    .map((f) => readFileSync(f, 'utf8'));

  it('every code input can trigger is exercised by a diagnostics test', () => {
    const missing = codes.filter((c) => !NOT_FROM_INPUT.includes(c) && !TESTED_WITH_THEIR_FEATURE.test(c) && !mentioned(diagnosticsTests, c));
    expect(missing).toEqual([]);
  });

  it('every such code has its formatted output (错误/警告 CODE …) in an inline snapshot', () => {
    const shown = (c: string): boolean => diagnosticsTests.some((t) => t.includes(`错误 ${c}`) || t.includes(`警告 ${c}`));
    expect(codes.filter((c) => !NOT_FROM_INPUT.includes(c) && !TESTED_WITH_THEIR_FEATURE.test(c) && !shown(c))).toEqual([]);
  });

  it('the codes of inheritance and forms are exercised by their own tests', () => {
    const missing = codes.filter((c) => TESTED_WITH_THEIR_FEATURE.test(c) && !mentioned(allTests, c));
    expect(missing).toEqual([]);
  });

  it('every code is emitted somewhere in src (the list holds no dead codes)', () => {
    expect(codes.filter((c) => !mentioned(sources, c))).toEqual([]);
  });
});
