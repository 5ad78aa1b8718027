// The load stage: what is refused before (or while) YAML is parsed — syntax, size, hostile nesting, prototype keys,
// numeric keys that YAML reads differently from how they are written, and files that cannot be read at all.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics, LIMITS, parseRubric, parseSource, readSource } from '../../src/index.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { brief, checkEvidenceText, checkRubricText, compileRubricText, single, yaml } from '../helpers/diagnostics.js';

const temp = tempDirs();
afterAll(temp.removeAll);

const HEADER = 'id: demo\nversion: "1"\ntitle: 测试细则\n';

describe('malformed YAML (YAML_SYNTAX, YAML_WARNING)', () => {
  it('an unclosed flow sequence is reported in Chinese where the parser notices it', () => {
    const c = checkRubricText(yaml`
      id: demo
      version: "1"
      title: [2017年细则
      nodes: []
    `);
    expect(brief(single(c))).toEqual({ code: 'YAML_SYNTAX', line: 4, column: 1, path: undefined });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:4:1 错误 YAML_SYNTAX:YAML 语法错误:括号没有闭合:缺少 "]"(或此处缩进不够)
        4 | nodes: []
          | ^
      共 1 个错误，0 个警告"
    `);
  });

  it('a duplicate key names the key', () => {
    const c = checkRubricText(HEADER + 'title: 又写了一次\nnodes: []\n');
    expect(brief(single(c))).toEqual({ code: 'YAML_SYNTAX', line: 4, column: 1, path: undefined });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:4:1 错误 YAML_SYNTAX:YAML 语法错误:同一层级出现重复的键 "title"
        4 | title: 又写了一次
          | ^
      共 1 个错误，0 个警告"
    `);
  });

  it('tab indentation, inconsistent indentation and a missing colon each get a Chinese reason', () => {
    const tab = checkRubricText(HEADER + 'nodes:\n\t- id: "1"\n');
    expect(brief(single(tab))).toMatchObject({ code: 'YAML_SYNTAX', line: 5, column: 1 });
    expect(tab.diagnostics[0]!.message).toBe('YAML 语法错误:不能用 Tab 键缩进,请改用空格');

    // Line 2 is read as the continuation of the value "demo"; the parser notices at the value.
    const indent = checkRubricText('id: demo\n version: "1"\n');
    expect(brief(single(indent))).toMatchObject({ code: 'YAML_SYNTAX', line: 1, column: 5 });
    expect(indent.diagnostics[0]!.message).toContain('请检查本行与下一行的缩进是否一致');

    const colon = checkRubricText(HEADER + 'issuer\nnodes: []\n');
    expect(brief(single(colon))).toMatchObject({ code: 'YAML_SYNTAX', line: 4, column: 1 });
    expect(colon.text).toMatchInlineSnapshot(`
      "rubric.yaml:4:1 错误 YAML_SYNTAX:YAML 语法错误:键名不能跨行:请检查缩进,是否漏写了冒号 ":",或冒号后面漏了空格
        4 | issuer
          | ^
      共 1 个错误，0 个警告"
    `);
  });

  it('a YAML tag is a warning treated as an error (it would silently become text)', () => {
    const c = checkRubricText(HEADER.replace('title: 测试细则', 'title: !!js/function "return 1"') + 'nodes: []\n');
    expect(brief(single(c))).toEqual({ code: 'YAML_WARNING', line: 3, column: 8, path: undefined });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:3:8 错误 YAML_WARNING:YAML 警告按错误处理:不能使用 YAML 标签 !!js/function(以 ! 开头的写法)
        3 | title: !!js/function "return 1"
          |        ^
      共 1 个错误，0 个警告"
    `);
  });

  it('anchors and aliases are refused where the alias is used', () => {
    const c = checkRubricText('id: demo\nversion: "1"\ntitle: &t 测试细则\ndescription: *t\nnodes: []\n');
    expect(brief(single(c))).toEqual({ code: 'YAML_SYNTAX', line: 4, column: 14, path: 'description' });
    expect(c.diagnostics[0]!.message).toContain('不支持锚点和别名');
  });
});

describe('refused before parsing: size and nesting', () => {
  it('text over the size limit (FILE_TOO_LARGE), from text and from a file, without reading it', async () => {
    const big = 'description: "' + 'x'.repeat(LIMITS.maxBytes) + '"\n';
    const d = single({ ok: false, diagnostics: parseRubric('big.yaml', big).diagnostics, text: '' });
    expect(d).toMatchObject({ code: 'FILE_TOO_LARGE', file: 'big.yaml', expected: LIMITS.maxBytes, actual: LIMITS.maxBytes + 16 });
    expect(formatDiagnostics([d])).toMatchInlineSnapshot(`
      "big.yaml 错误 FILE_TOO_LARGE:文件过大:2097168 字节,上限为 2097152 字节
      共 1 个错误，0 个警告"
    `);

    const dir = temp.make('zwgk-diag-');
    writeFileSync(join(dir, 'big.yaml'), Buffer.alloc(LIMITS.maxBytes + 1, 0x20));
    const r = await readSource('big.yaml', dir);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((x) => [x.code, x.actual])).toEqual([['FILE_TOO_LARGE', LIMITS.maxBytes + 1]]);
  });

  // ~2 KB: parsed twice by yaml in one process, this kills Node with an uncatchable out-of-memory.
  const flow = 'a: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n';
  // 10 KB: yaml overflows the stack on it, and a second parse in the same process runs out of memory.
  const block = '- '.repeat(5000) + 'x\n';

  it('1,000 nested flow levels are refused by the pre-scan, twice in the same process', () => {
    expect(flow.length).toBeLessThan(2100);
    for (let i = 0; i < 2; i++) {
      const d = parseRubric('deep.yaml', flow).diagnostics;
      expect(d.map(brief)).toEqual([{ code: 'NESTING_TOO_DEEP', line: 1, column: 3 + LIMITS.maxDepth + 1, path: undefined }]);
    }
    const d = parseSource('deep.yaml', flow).diagnostics;
    expect(formatDiagnostics(d)).toMatchInlineSnapshot(`
      "deep.yaml:1:68 错误 NESTING_TOO_DEEP:嵌套层级过深(超过 64 层),已拒绝解析
      共 1 个错误，0 个警告"
    `);
  });

  it('a 5,000-level deep block structure is refused, twice in the same process', () => {
    for (let i = 0; i < 2; i++) {
      const d = parseRubric('deep.yaml', block).diagnostics;
      expect(d.map((x) => x.code)).toEqual(['NESTING_TOO_DEEP']);
      expect(d[0]!.line).toBe(1);
    }
  });

  it('deep indentation (block mappings one space apart) is refused too', () => {
    let text = '';
    for (let i = 0; i < 300; i++) text += ' '.repeat(i) + 'k:\n';
    expect(parseRubric('deep.yaml', text).diagnostics.map((x) => x.code)).toEqual(['NESTING_TOO_DEEP']);
  });

  it('after all of that the process still parses ordinary rubrics', () => {
    expect(checkRubricText(HEADER + 'nodes: []\n').diagnostics.map((x) => x.code)).toEqual(['SCHEMA_INVALID']);
  });
});

describe('keys that could poison objects (PROTOTYPE_KEY)', () => {
  it('__proto__ in the fact catalogue', () => {
    const c = checkRubricText(yaml`
      id: demo
      version: "1"
      title: 测试细则
      facts:
        __proto__: { label: 建立制度, type: boolean }
      nodes: []
    `);
    expect(brief(single(c))).toEqual({ code: 'PROTOTYPE_KEY', line: 5, column: 3, path: 'facts.__proto__' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:5:3 错误 PROTOTYPE_KEY facts.__proto__:不允许使用键名 "__proto__"(原型污染风险)
        5 |   __proto__: { label: 建立制度, type: boolean }
          |   ^
      共 1 个错误，0 个警告"
    `);
  });

  it('constructor and prototype in evidence, all reported at once', () => {
    const compiled = compileRubricText(HEADER + 'facts:\n  ok: { label: 是否, type: boolean }\nnodes:\n  - { id: "1", title: 甲, points: 100, scoring: { method: binary, when: { fact: ok, operator: equal, value: true } } }\n');
    const c = checkEvidenceText(
      compiled,
      yaml`
        rubric: { id: demo, version: "1" }
        agency: { name: 测试局, code: T01 }
        period: { year: 2024 }
        facts:
          constructor: 1
        claims:
          prototype: 2
      `,
    );
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'PROTOTYPE_KEY', line: 5, column: 3, path: 'facts.constructor' },
      { code: 'PROTOTYPE_KEY', line: 7, column: 3, path: 'claims.prototype' },
    ]);
  });
});

describe('numeric keys read differently from how they are written (ID_NOT_STRING)', () => {
  const compiled = compileRubricText(yaml`
    id: demo
    version: "1"
    title: 测试细则
    facts:
      ok: { label: 是否, type: boolean }
    nodes:
      - id: "1"
        title: 甲
        points: 100
        children:
          - { id: "1.1", title: 乙, points: 50, scoring: { method: binary, when: { fact: ok, operator: equal, value: true } } }
          - { id: "1.10", title: 丙, points: 50, scoring: { method: binary, when: { fact: ok, operator: equal, value: true } } }
  `);

  it('an unquoted 1.10 as a claim key would become a claim for item 1.1: refused, asking to quote it', () => {
    const c = checkEvidenceText(
      compiled,
      yaml`
        rubric: { id: demo, version: "1" }
        agency: { name: 测试局, code: T01 }
        period: { year: 2024 }
        claims:
          1: 80
          1.10: 50
      `,
    );
    expect(brief(single(c))).toEqual({ code: 'ID_NOT_STRING', line: 6, column: 3, path: 'claims["1.1"]' });
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:6:3 错误 ID_NOT_STRING claims["1.1"]:编号必须是字符串:请给 1.10 加上引号,写成 "1.10"
        6 |   1.10: 50
          |   ^
        提示：YAML 会把不带引号的 1.10 读成数字 1.1
      共 1 个错误，0 个警告"
    `);
  });

  it('a number key that reads back unchanged (1:) is accepted, and is located on its own line', () => {
    const c = checkEvidenceText(
      compiled,
      yaml`
        rubric: { id: demo, version: "1" }
        agency: { name: 测试局, code: T01 }
        period: { year: 2024 }
        claims:
          "1.1": 10
          1: 120
      `,
    );
    expect(brief(single(c))).toEqual({ code: 'CLAIM_OUT_OF_RANGE', line: 6, column: 6, path: 'claims["1"]' });
  });
});

describe('files that cannot be read (FILE_NOT_FOUND, FILE_UNREADABLE)', () => {
  it('a missing file', async () => {
    const r = await readSource('rubrics/no-such-rubric.yaml', process.cwd());
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'FILE_NOT_FOUND', line: undefined, column: undefined, path: undefined }]);
    expect(formatDiagnostics(r.diagnostics)).toMatchInlineSnapshot(`
      "rubrics/no-such-rubric.yaml 错误 FILE_NOT_FOUND:找不到文件
      共 1 个错误，0 个警告"
    `);
  });

  it('a directory', async () => {
    const r = await readSource('rubrics', process.cwd());
    expect(formatDiagnostics(r.diagnostics)).toMatchInlineSnapshot(`
      "rubrics 错误 FILE_UNREADABLE:无法读取文件:这是一个文件夹,不是文件
      共 1 个错误，0 个警告"
    `);
  });

  it('bytes that are not UTF-8 (a GBK file from WPS), with advice on re-saving', async () => {
    const dir = temp.make('zwgk-diag-');
    // "title: 测试" in GBK.
    writeFileSync(join(dir, 'gbk.yaml'), Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]));
    const r = await readSource('gbk.yaml', dir);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
    expect(formatDiagnostics(r.diagnostics)).toMatchInlineSnapshot(`
      "gbk.yaml 错误 FILE_UNREADABLE:无法读取文件:不是 UTF-8 编码的文本
        提示：请用记事本或 WPS 打开,"另存为"时把编码选为 UTF-8 后再试
      共 1 个错误，0 个警告"
    `);
  });

  it('a UTF-8 byte-order mark is fine', async () => {
    const dir = temp.make('zwgk-diag-');
    writeFileSync(join(dir, 'bom.yaml'), '\uFEFF' + HEADER + 'nodes: []\n');
    const r = await readSource('bom.yaml', dir);
    expect(r.ok).toBe(true);
  });
});
