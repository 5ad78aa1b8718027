// In-memory rubric files for the inheritance tests: a small valid base and a reader over a name → text map.
import { makeDiagnostic, parseRubric, parseSource, type Diagnostic, type Result, type SourceFile } from '../../src/index.js';

export const BASE = `id: base
version: "1"
title: 基础细则
year: 2023
parameters:
  minCount: { label: 最低次数, value: 1, unit: 次 }
facts:
  a: { label: 事实A, type: boolean }
  b: { label: 事实B, type: integer, min: 0 }
  c: { label: 事实C, type: boolean }
nodes:
  - id: "1"
    title: 第一部分
    points: 60
    children:
      - id: "1.1"
        title: 甲项
        points: 30
        scoring: { method: binary, when: { fact: a, operator: equal, value: true } }
      - id: "1.2"
        title: 乙项
        points: 30
        scoring: { method: binary, when: { fact: b, operator: greaterThanInclusive, value: { param: minCount } } }
  - id: "2"
    title: 第二部分
    points: 40
    children:
      - id: "2.1"
        title: 丙项
        points: 40
        scoring: { method: binary, when: { fact: c, operator: equal, value: true } }
`;

/** A child layer header extending base.yaml (identity restated). */
export function child(body: string, head = 'extends: ./base.yaml\nid: child\nversion: "2"\ntitle: 子细则\nyear: 2024\n'): string {
  return head + body;
}

/** A synchronous reader over in-memory files. */
export function memoryReader(files: Record<string, string>): (file: string) => Result<SourceFile> {
  return (file) => {
    const text = files[file];
    if (text === undefined) return { ok: false, diagnostics: [makeDiagnostic('FILE_NOT_FOUND', { file })] };
    return parseSource(file, text);
  };
}

/** Compile `child.yaml` (extending base.yaml unless other files are given). */
export function compileChild(childText: string, files: Record<string, string> = {}) {
  const all = { 'base.yaml': BASE, 'child.yaml': childText, ...files };
  return parseRubric('child.yaml', childText, { read: memoryReader(all) });
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`not found: ${needle}`);
  return i + 1;
}

export function codes(diags: Diagnostic[]): string[] {
  return diags.map((d) => d.code);
}
