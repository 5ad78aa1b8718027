// Hostile input refused at load (issue 9): more values than any real file has, over-long values, integers that
// would be silently rounded, control characters aimed at a terminal, non-finite numbers described as such and
// checked against the fact's declared type, impossible dates, prototype members as names, oversized or malformed
// archives (ARCHIVE_INVALID, ARCHIVE_TOO_LARGE) and agency registers (REGISTER_INVALID).
import { describe, expect, it } from 'vitest';
import { checkZipArchive, formatDiagnostics, LIMITS, parseRegisterCsv } from '../../src/index.js';
import { writeZip } from '../hostile/zip-writer.js';
import { brief, checkEvidenceText, checkRubricText, compileRubricText, single, yaml } from '../helpers/diagnostics.js';

const compiled = compileRubricText(yaml`
  id: demo-2024
  version: "2024.1"
  title: 测试细则
  facts:
    hasSystem: { label: 建立制度, type: boolean }
    trainings: { label: 举办培训班次数, type: integer, min: 0, unit: 次 }
    rate: { label: 按时办结率, type: percent }
  nodes:
    - id: "1"
      title: 制度建设
      points: 40
      scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } }
    - id: "2"
      title: 培训
      points: 60
      scoring: { method: binary, when: { fact: trainings, operator: greaterThanInclusive, value: 1 } }
`);

const HEAD = 'rubric: { id: demo-2024, version: "2024.1" }\nagency: { name: 住建局, code: zjj }\nperiod: { year: 2024 }\n';

describe('sizes and counts (TOO_MANY_ITEMS, VALUE_TOO_LONG)', () => {
  it('a flow list with more values than any real file is refused before composing, at the value past the limit', () => {
    const c = checkEvidenceText(compiled, `${HEAD}facts:\n  trainings: [${'1,'.repeat(LIMITS.maxItems)}1]\n`);
    const d = single(c);
    expect(d.code).toBe('TOO_MANY_ITEMS');
    expect(d.line).toBe(5);
    // The code frame shows a window of the 400,000-character line around the column, with the caret in it.
    const [, frame, caret] = c.text.split('\n');
    expect(frame!.startsWith('  5 | …1,1,1')).toBe(true);
    expect(caret!.indexOf('^')).toBeGreaterThan(80);
    expect(caret!.length).toBeLessThan(200);
    expect(c.text.split('\n')[0]).toMatchInlineSnapshot(`"evidence.yaml:5:199977 错误 TOO_MANY_ITEMS:文件中的键和值(字段名、取值、列表项)超过上限 100000 个,已拒绝解析"`);
  });

  it('one value longer than the limit is refused with its length', () => {
    const c = checkEvidenceText(compiled, `${HEAD}preparedBy: ${'张'.repeat(LIMITS.maxValueChars + 1)}\n`);
    expect(brief(single(c))).toEqual({ code: 'VALUE_TOO_LONG', line: 4, column: 13, path: undefined });
    expect(c.text.split('\n')[0]).toMatchInlineSnapshot(`"evidence.yaml:4:13 错误 VALUE_TOO_LONG:文字过长:100001 个字符,上限为 100000 个字符"`);
  });
});

describe('numbers (NUMBER_UNSAFE, non-finite, declared type)', () => {
  it('an integer past 2^53 is refused instead of silently becoming 1.2345678901234568e+29', () => {
    const c = checkEvidenceText(compiled, `${HEAD}facts:\n  trainings: 123456789012345678901234567890\n`);
    expect(brief(single(c))).toEqual({ code: 'NUMBER_UNSAFE', line: 5, column: 14, path: 'facts.trainings' });
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:5:14 错误 NUMBER_UNSAFE facts.trainings:数值 123456789012345678901234567890 超出可精确计算的范围(绝对值不能超过 9007199254740991),读入后会被悄悄改变;请核对数值
        5 |   trainings: 123456789012345678901234567890
          |              ^
      共 1 个错误，0 个警告"
    `);
  });

  it.each([
    ['.nan', 'trainings', '非有限数 .nan(非数)', '整数'],
    ['1e309', 'trainings', '非有限数 .inf(正无穷)', '整数'],
    ['-.inf', 'rate', '非有限数 -.inf(负无穷)', '0–100 的百分数'],
    ['.inf', 'hasSystem', '非有限数 .inf(正无穷)', '布尔值'],
  ])('%s for %s is described as non-finite and checked against the declared type', (value, fact, described, expected) => {
    const d = single(checkEvidenceText(compiled, `${HEAD}facts:\n  ${fact}: ${value}\n`));
    expect(d.code).toBe('FACT_TYPE_MISMATCH');
    expect(d.message).toContain(described);
    expect(d.message).toContain(`应为${expected}`);
    expect(d.message).not.toMatch(/null|undefined/);
  });

  it('a non-finite claim says so rather than "应为数字,实际为数字 null"', () => {
    const c = checkEvidenceText(compiled, `${HEAD}claims:\n  "1": 1e309\n`);
    expect(single(c).message).toMatchInlineSnapshot(`""1" 应为数字,实际为非有限数 .inf(正无穷)"`);
  });

  it('a non-finite rubric value (points) says so', () => {
    const c = checkRubricText('id: x\nversion: "1"\ntitle: 细则\nnodes:\n  - id: "1"\n    title: 一\n    points: .inf\n    scoring: { method: judgement, min: 0, max: 1 }\n');
    expect(c.diagnostics.map((d) => d.message).join('\n')).toContain('非有限数 .inf(正无穷)');
  });
});

describe('dates', () => {
  it.each(['2025-02-30', '2025-13-01', '2023-02-29'])('the impossible date %s is refused', (date) => {
    const c = checkEvidenceText(compiled, `${HEAD}date: ${date}\n`);
    expect(brief(single(c))).toMatchObject({ code: 'SCHEMA_INVALID', path: 'date' });
    expect(c.diagnostics[0]!.message).toContain('日期不存在');
  });

  it('a leap day is a real date', () => {
    expect(checkEvidenceText(compiled, `${HEAD}date: 2024-02-29\n`).ok).toBe(true);
  });
});

describe('control characters (CONTROL_CHARACTER)', () => {
  it('an escape sequence in the agency name is refused with its field and position, and never printed raw', () => {
    const c = checkEvidenceText(compiled, HEAD.replace('name: 住建局', 'name: "住建局\\e[2K\\e[1A伪造行\\a"'));
    expect(brief(single(c))).toEqual({ code: 'CONTROL_CHARACTER', line: 2, column: 17, path: 'agency.name' });
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:2:17 错误 CONTROL_CHARACTER agency.name:文字中含有控制字符 ESC(U+001B)(第 4 个字符),可能用于伪造或隐藏屏幕上的内容;请删除后再提交
        2 | agency: { name: "住建局\\e[2K\\e[1A伪造行\\a", code: zjj }
          |                 ^
      共 1 个错误，0 个警告"
    `);
  });

  it.each([
    ['BEL', '\\a', 'BEL(U+0007)'],
    ['CR', '\\r', '回车符(U+000D)'],
    ['CSI', '\\x9b', 'CSI(U+009B)'],
    ['a bidi override', '\\u202e', 'U+202E'],
  ])('%s in a key or value is refused', (_n, esc, name) => {
    const d = single(checkEvidenceText(compiled, `${HEAD}preparedBy: "张三${esc}"\n`));
    expect(d.code).toBe('CONTROL_CHARACTER');
    expect(d.message).toContain(name);
  });

  it('tab and line feed stay allowed in text', () => {
    expect(checkEvidenceText(compiled, `${HEAD}preparedBy: "张三\\t李四\\n王五"\n`).ok).toBe(true);
  });

  it('printed diagnostics strip control characters even when a message quotes them', () => {
    const text = formatDiagnostics([{ code: 'UNKNOWN_KEY', severity: 'error', message: '未知字段 "a\u001b]8;;http://x\u0007b"' }]);
    expect(text).toContain('未知字段 "a]8;;http://xb"');
  });
});

describe('prototype members as names', () => {
  it.each(['toString', 'valueOf', 'hasOwnProperty'])('an evidence fact named %s is an unknown fact', (name) => {
    const c = checkEvidenceText(compiled, `${HEAD}facts:\n  ${name}: null\n`);
    expect(brief(single(c))).toEqual({ code: 'UNKNOWN_FACT', line: 5, column: 3, path: `facts.${name}` });
  });

  it.each([
    ['fact: toString', 'UNKNOWN_FACT'],
    ['fact: hasSystem, operator: equal, value: { fact: valueOf }', 'UNKNOWN_FACT'],
    ['fact: trainings, operator: equal, value: { param: constructor }', 'UNKNOWN_PARAMETER'],
  ])('a rubric condition with %s fails check with %s', (cond, code) => {
    const full = cond.includes('operator') ? cond : `${cond}, operator: equal, value: true`;
    const c = checkRubricText(`id: x\nversion: "1"\ntitle: 细则\nfacts:\n  hasSystem: { label: 制度, type: boolean }\n  trainings: { label: 培训, type: integer }\nnodes:\n  - id: "1"\n    title: 一\n    points: 100\n    scoring: { method: binary, when: { ${full} } }\n`);
    expect(c.diagnostics.map((d) => d.code)).toEqual([code]);
    expect(c.text).not.toMatch(/Undefined fact|undefined/);
  });
});

describe('archives (ARCHIVE_INVALID, ARCHIVE_TOO_LARGE)', () => {
  it('bytes that are not a zip', async () => {
    const r = await checkZipArchive(Buffer.from('not a zip at all'), { file: '表.xlsx' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ARCHIVE_INVALID']);
    expect(formatDiagnostics(r.diagnostics)).toMatchInlineSnapshot(`
      "表.xlsx 错误 ARCHIVE_INVALID:无法读取压缩包:不是 zip 格式(xlsx、docx 都是 zip 压缩包),文件可能损坏或只是改了扩展名
      共 1 个错误，0 个警告"
    `);
  });

  it('an entry that expands past the limit, from the directory alone', async () => {
    const zip = writeZip([{ name: 'xl/worksheets/sheet1.xml', head: '<x>', unit: Buffer.alloc(1 << 20, 0x20), count: 40, tail: '</x>' }]);
    const r = await checkZipArchive(zip, { file: '表.xlsx' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ARCHIVE_TOO_LARGE']);
    expect(formatDiagnostics(r.diagnostics)).toMatchInlineSnapshot(`
      "表.xlsx 错误 ARCHIVE_TOO_LARGE:已拒绝读取:其中的 xl/worksheets/sheet1.xml 解压后有 40.0 MiB,超过单项上限 32 MiB
      共 1 个错误，0 个警告"
    `);
  });
});

describe('agency registers (REGISTER_INVALID)', () => {
  it('a register without the code column', () => {
    const r = parseRegisterCsv('名册.csv', '名称,类别\n教育局,A\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['REGISTER_INVALID']);
    expect(formatDiagnostics(r.diagnostics)).toMatchInlineSnapshot(`
      "名册.csv 错误 REGISTER_INVALID:单位名册有误:第 1 行第 1 列:第一行缺少列「单位代码」(列名可为 单位代码、代码、code)
      共 1 个错误，0 个警告"
    `);
  });
});
