import { describe, expect, it } from 'vitest';
import { countJsonKeys, parseJsonSourceFast } from '../../src/load/parse-json-fast.js';
import { parseSource } from '../../src/load/parse-source.js';
import { checkEvidenceSource } from '../../src/index.js';
import { compile, countyRubric } from './helpers.js';

describe('fast JSON evidence loader', () => {
  it.each([
    ['{}', 0],
    ['{"a":1}', 1],
    ['{"a" : "b:\\"c\\":", "d": {"e": [ "x", {"f":1} ]}}', 4],
    ['{"k\\\\":"v"}', 1],
    ['{"a":1,"a":2}', 2],
  ])('counts keys in %s', (text, n) => expect(countJsonKeys(text)).toBe(n));

  it.each([
    ['a duplicate key', '{"rubric": {"id": "x"}, "rubric": {"id": "y"}}'],
    ['a prototype key', '{"facts": {"__proto__": {"polluted": true}}}'],
    ['a syntax error', '{\n  "facts": {\n    "a": 1\n'],
  ])('gives the ordinary diagnostics for %s', (_name, text) => {
    const fast = parseJsonSourceFast('e.json', text);
    const slow = parseSource('e.json', text);
    expect(fast.ok).toBe(false);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
  });

  it('positions diagnostics of valid JSON lazily (file:line of the offending field)', () => {
    const c = compile(countyRubric());
    const text = '{\n  "rubric": {"id": "county-test", "version": "1"},\n  "agency": {"name": "甲", "code": "a"},\n  "period": {"year": 2024},\n  "facts": {\n    "meetings": "三次"\n  }\n}\n';
    const src = parseJsonSourceFast('e.json', text);
    if (!src.ok) throw new Error('parse');
    expect(Object.getOwnPropertyDescriptor(src.value, 'doc')?.get).toBeDefined();
    const r = checkEvidenceSource(src.value, c);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'FACT_TYPE_MISMATCH', line: 6, path: 'facts.meetings' });
  });
});
