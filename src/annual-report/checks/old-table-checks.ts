// O1: the 审核关系 of the pre-2019 statistics table (收到申请数 = 四种方式之和 …), read from the candidate facts of a
// free-form report's table. The figures are unconfirmed candidates, so a mismatch only warns.
import { Decimal } from 'decimal.js';
import type { CandidateFact } from '../model.js';
import type { CheckContext } from './check-context.js';
import type { CellRead, CheckItem } from './check-types.js';

interface Relation {
  label: string;
  /** The table section (一、… 九、) the rows sit in. */
  group: RegExp;
  parent: RegExp;
  children: RegExp[];
}

const RESULTS = [/^维持/, /纠错/, /^其[他它]情形/];

export const OLD_TABLE_RELATIONS: readonly Relation[] = [
  { label: '收到申请数 = 当面 + 传真 + 网络 + 信函', group: /依申请/, parent: /收到申请数/, children: [/当面申请/, /传真申请/, /网络申请/, /信函申请/] },
  { label: '申请办结数 = 按时办结 + 延期办结', group: /依申请/, parent: /申请办结数/, children: [/按时办结/, /延期办结/] },
  {
    label: '申请答复数 = 第 1 至 8 项之和',
    group: /依申请/,
    parent: /答复申请数|申请答复数/,
    children: [/已主动公开范围/, /^同意公开/, /^同意部分公开/, /^不同意公开/, /不属于本行政机关/, /申请信息不存在/, /更改补充/, /其[他它]途径/],
  },
  { label: '不同意公开答复数 = 六种情形之和', group: /依申请/, parent: /^不同意公开/, children: [/国家秘密/, /商业秘密/, /个人隐私/, /危及国家安全/, /所指.*政府信息/, /法律法规规定的其他情形/] },
  { label: '行政复议数量 = 维持 + 纠错 + 其他', group: /行政复议/, parent: /^行政复议数量/, children: RESULTS },
  { label: '行政诉讼数量 = 维持 + 纠错 + 其他', group: /行政诉讼/, parent: /^行政诉讼数量/, children: RESULTS },
  { label: '举报投诉数量 = 维持 + 纠错 + 其他', group: /举报投诉/, parent: /^举报投诉数量/, children: RESULTS },
  { label: '工作人员数 = 专职 + 兼职', group: /机构建设|保障经费/, parent: /工作人员数|工作人数/, children: [/^专职/, /^兼职/] },
];

/** 「(三)答复申请数」「1.当面申请数」「其中,涉及国家秘密」 → the words the relations match. */
const stripNumber = (label: string): string =>
  label.replace(/^(其中[,,::]?\s*)?/, '').replace(/^[(（]?[一二三四五六七八九十\d]+[)）.、,]?\s*/, '').replace(/^(其中[,,::]?\s*)/, '');

const groupOf = (c: CandidateFact): string => (c.indicator ?? c.label).split('/')[0]!;

export function checkO1(ctx: CheckContext): CheckItem[] {
  const rows = ctx.report.candidates.filter((c) => c.from === 'table');
  const items: CheckItem[] = [];
  for (const rel of OLD_TABLE_RELATIONS) {
    const inGroup = rows.filter((c) => rel.group.test(groupOf(c)));
    const parent = inGroup.find((c) => rel.parent.test(stripNumber(c.label)));
    if (!parent) continue;
    const children = rel.children.map((re) => inGroup.find((c) => c !== parent && re.test(stripNumber(c.label))));
    const found = children.filter((c): c is CandidateFact => c !== undefined);
    // A table that does not break the row down at all has nothing to check.
    if (found.length === 0) continue;
    const read = (c: CandidateFact): CellRead => ({ report: '本年', ref: `旧统计表第 ${c.at.line} 行/${c.indicator ?? c.label}`, value: c.value });
    const reads = [read(parent), ...found.map(read)];
    if (found.length < children.length) {
      items.push({ label: rel.label, outcome: 'NOT_ASSESSABLE', reads, detail: `表中有 ${children.length - found.length} 项未填数字` });
      continue;
    }
    const sum = found.reduce((s, c) => s.plus(c.value), new Decimal(0));
    const ok = sum.equals(parent.value);
    items.push({ label: rel.label, outcome: ok ? 'PASS' : 'WARN', reads, detail: `${parent.value};${found.map((c) => c.value).join(' + ')} = ${sum.toFixed()}${ok ? '' : ',不相等'}` });
  }
  return items;
}
