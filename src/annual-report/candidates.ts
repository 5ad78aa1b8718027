// Pre-2019 free-form reports: figures stated in the text (「全年共主动公开政府信息783篇」) and the rows of an old
// statistics table become *candidate* facts, each with the sentence or row it came from, for a person to confirm.
import { Decimal } from 'decimal.js';
import type { CandidateFact } from './model.js';
import { halfWidth, parseCellValue } from './normalize.js';
import type { TextLine } from './tokens.js';

/** Clause keywords → the indicator of the pre-2019 statistics table they most likely report (first match wins). */
const INDICATORS: Array<[RegExp, string]> = [
  [/网上申请|网络申请/, '三、依申请公开情况/网络申请数'],
  [/当面申请/, '三、依申请公开情况/当面申请数'],
  [/信函申请|邮寄申请/, '三、依申请公开情况/信函申请数'],
  [/依申请|公开申请|申请公开/, '三、依申请公开情况/收到申请数'],
  [/复议/, '四、行政复议数量'],
  [/诉讼/, '五、行政诉讼数量'],
  [/举报|投诉/, '六、举报投诉数量'],
  [/新闻发布/, '二、回应解读情况/新闻发布会次数'],
  [/在线访谈/, '二、回应解读情况/政府网站在线访谈次数'],
  [/解读/, '二、回应解读情况/政策解读稿件发布数'],
  [/舆情|回应/, '二、回应解读情况/回应公众关注热点或重大舆情数'],
  [/微博/, '一、主动公开情况/政务微博公开政府信息数'],
  [/微信/, '一、主动公开情况/政务微信公开政府信息数'],
  [/网站/, '一、主动公开情况/政府网站公开政府信息数'],
  [/公报/, '一、主动公开情况/政府公报公开政府信息数'],
  [/主动公开/, '一、主动公开情况/主动公开政府信息数'],
  [/培训/, '九、会议和培训情况/培训'],
  [/会议/, '九、会议和培训情况/会议或专题会议数'],
  [/经费/, '八、机构建设和保障经费情况/专项经费'],
  [/信息公开.*(收费|收取.*费)|收取.*信息.*费/, '七、依申请公开信息收取的费用'],
  [/专职|兼职|工作人员/, '八、机构建设和保障经费情况/工作人员数'],
];

const FIGURE = /(?<![\d.A-Za-z])(\d+(?:\.\d+)?)(余|多)?\s*(万元|元|件|条|篇|次|人次|人|个|项|场|期)/g;
const CLAUSE_END = /[,,;;。:、()()!?!?]/;

function indicatorOf(clause: string, unit: string): string | undefined {
  for (const [re, name] of INDICATORS) {
    if (!re.test(clause)) continue;
    if (name.endsWith('/培训')) return unit === '人次' || unit === '人' ? '九、会议和培训情况/接受培训人员数' : '九、会议和培训情况/培训班数';
    return name;
  }
  return undefined;
}

/** Figures in sentences: each number with a unit whose clause names an indicator. */
function fromSentences(lines: TextLine[]): CandidateFact[] {
  const out: CandidateFact[] = [];
  for (const l of lines) {
    const text = halfWidth(l.text).trim();
    for (const sentence of text.split(/(?<=[。;;!?])/)) {
      let prevEnd = 0;
      for (const m of sentence.matchAll(FIGURE)) {
        const start = m.index!;
        let a = start;
        while (a > prevEnd && !CLAUSE_END.test(sentence[a - 1]!)) a--;
        prevEnd = start + m[0].length;
        // The clause runs on after the number (「收到29件依申请公开事项」) up to a delimiter, a conjunction or the
        // next figure — never into the next item's label (「公开3条和政策解读4条」).
        let b = start + m[0].length;
        while (b < sentence.length && !CLAUSE_END.test(sentence[b]!) && !/[和及与\d]/.test(sentence[b]!)) b++;
        const clause = sentence.slice(a, b).trim();
        const indicator = indicatorOf(clause, m[3]!);
        if (!indicator) continue;
        out.push({ indicator, label: clause, value: new Decimal(m[1]!).toFixed(), unit: m[3]!, sentence: sentence.trim(), from: 'text', at: { line: l.line } });
      }
    }
  }
  return out;
}

const UNIT_ONLY = /^(条|件|次|人次|人|个|篇|万元|元|项)$/;
const GROUP = /^[一二三四五六七八九十]、/;
const STATS_START = /统计表|统计指标/;

function lastStatsTitle(lines: TextLine[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (STATS_START.test(halfWidth(lines[i]!.text))) return i;
  return -1;
}

/**
 * Rows of an old statistics table (after a line naming 统计表/统计指标): `序号 | 指标 | 单位 | 统计数` rows, or a label
 * line followed by its value line (with an optional unit line between), as copied from seed-style pages.
 */
function fromStatsTable(all: TextLine[]): CandidateFact[] {
  // The table's own title is the last line naming it (an earlier 「附件:…统计表」 list only announces it).
  const start = lastStatsTitle(all);
  if (start < 0) return [];
  const out: CandidateFact[] = [];
  let group = '';
  const lines = all.slice(start + 1).map((l) => ({ ...l, text: halfWidth(l.text).trim() })).filter((l) => l.text !== '');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text.includes('|')) {
      const cells = l.text.split('|').map((c) => c.trim()).filter((c) => c !== '');
      const labelCell = cells.find((c) => parseCellValue(c).kind === 'text' && !UNIT_ONLY.test(c) && /[\u4e00-\u9fff]/.test(c));
      const last = cells[cells.length - 1];
      if (!labelCell) continue;
      const label = labelCell.replace(/\s+/g, '');
      if (GROUP.test(label)) group = label;
      const v = last ? parseCellValue(last) : undefined;
      if (!v || v.kind !== 'number' || last === labelCell) continue;
      const unit = v.unit ?? cells.find((c) => UNIT_ONLY.test(c));
      out.push({ indicator: GROUP.test(label) || !group ? label : `${group}/${label}`, label, value: v.value, ...(unit ? { unit } : {}), sentence: l.text, from: 'table', at: { line: l.line } });
      continue;
    }
    if (parseCellValue(l.text).kind !== 'text' || UNIT_ONLY.test(l.text) || l.text.length > 80 || /[。]$/.test(l.text)) continue;
    const label = l.text.replace(/\s+/g, '');
    if (GROUP.test(label)) group = label;
    let j = i + 1;
    let unit: string | undefined;
    if (lines[j] && UNIT_ONLY.test(lines[j]!.text)) unit = lines[j++]!.text;
    const v = lines[j] ? parseCellValue(lines[j]!.text) : undefined;
    if (!v || v.kind !== 'number') continue;
    const u = v.unit ?? unit;
    out.push({
      indicator: GROUP.test(label) || !group ? label : `${group}/${label}`,
      label,
      value: v.value,
      ...(u ? { unit: u } : {}),
      sentence: `${label} ${lines[j]!.text}`,
      from: 'table',
      at: { line: l.line },
    });
  }
  return out;
}

/** All candidate facts of a free-form report, in document order. */
export function extractCandidates(prose: TextLine[], allLines: TextLine[]): CandidateFact[] {
  const i = lastStatsTitle(allLines);
  const statsStart = i >= 0 ? allLines[i]!.line : Infinity;
  const text = fromSentences(prose.filter((l) => l.line < statsStart));
  return [...text, ...fromStatsTable(allLines)].sort((a, b) => a.at.line - b.at.line);
}
