// The official layout of the statistics tables (表二/表三/表四) in the 2021 and 2019 formats, as data: row and
// column names exactly as printed on the template, how a printed label is recognised, and what a cell may hold.
// Readers fill cells by this layout; checks H1–H4 are generated from it.
import type { ReportFormat, TableName } from './model.js';

/** count: integer ≥ 0; delta: integer, may be negative (2019 本年增/减); amount: decimal ≥ 0 (万元). */
export type ValueKind = 'count' | 'delta' | 'amount';

export interface RowSpec {
  /** Short id used by the checks. */
  id: string;
  /** Official row name (a leaf under a group is written 「（三）不予公开/1.属于国家秘密」). */
  name: string;
  /** Recognises the printed label after normalisation (half-width, no spaces, simplified). */
  match: RegExp;
  columns: readonly string[];
  kind: ValueKind;
  /** Unit printed in the column header (kept on the cell when the cell itself has none). */
  unit?: string;
}

export const T3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
export const T4_ROWS = ['行政复议', '行政诉讼(未经复议直接起诉)', '行政诉讼(复议后起诉)'] as const;
export const T4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

const t3 = (id: string, name: string, match: RegExp): RowSpec => ({ id, name, match, columns: T3_COLUMNS, kind: 'count' });
const DENY = '（三）不予公开/';
const UNABLE = '（四）无法提供/';
const REJECT = '（五）不予处理/';
const OTHER = '（六）其他处理/';

const T3_HEAD: RowSpec[] = [
  t3('new', '一、本年新收政府信息公开申请数量', /本年新收/),
  t3('carried', '二、上年结转政府信息公开申请数量', /上年结转/),
  t3('open', '三、本年度办理结果/（一）予以公开', /予以公开/),
  t3('partial', '三、本年度办理结果/（二）部分公开', /部分公开/),
  t3('deny1', `${DENY}1.属于国家秘密`, /国家秘密/),
  t3('deny2', `${DENY}2.其他法律行政法规禁止公开`, /法律行政法规禁止/),
  t3('deny3', `${DENY}3.危及“三安全一稳定”`, /三安全一稳定/),
  t3('deny4', `${DENY}4.保护第三方合法权益`, /第三方合法权益/),
  t3('deny5', `${DENY}5.属于三类内部事务信息`, /内部事务/),
  t3('deny6', `${DENY}6.属于四类过程性信息`, /过程性信息/),
  t3('deny7', `${DENY}7.属于行政执法案卷`, /行政执法案卷/),
  t3('deny8', `${DENY}8.属于行政查询事项`, /行政查询事项/),
  t3('unable1', `${UNABLE}1.本机关不掌握相关政府信息`, /不掌握/),
  t3('unable2', `${UNABLE}2.没有现成信息需要另行制作`, /另行制作/),
  t3('unable3', `${UNABLE}3.补正后申请内容仍不明确`, /仍不明确/),
  t3('reject1', `${REJECT}1.信访举报投诉类申请`, /信访举报投诉/),
  t3('reject2', `${REJECT}2.重复申请`, /重复申请/),
  t3('reject3', `${REJECT}3.要求提供公开出版物`, /公开出版物/),
  t3('reject4', `${REJECT}4.无正当理由大量反复申请`, /大量反复申请/),
  t3('reject5', `${REJECT}5.要求行政机关确认或重新出具已获取信息`, /重新出具/),
];
const T3_TAIL: RowSpec[] = [
  t3('total', '三、本年度办理结果/（七）总计', /^\(七\)总计$/),
  t3('forward', '四、结转下年度继续办理', /结转下年度/),
];

export const T3_ROWS: Record<'2021' | '2019', RowSpec[]> = {
  '2021': [
    ...T3_HEAD,
    t3('other1', `${OTHER}1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请`, /逾期不补正/),
    t3('other2', `${OTHER}2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请`, /缴纳费用/),
    t3('other3', `${OTHER}3.其他`, /^3\.?其他$/),
    ...T3_TAIL,
  ],
  '2019': [...T3_HEAD, t3('other', '三、本年度办理结果/（六）其他处理', /^\(六\)其他处理$/), ...T3_TAIL],
};

/** Leaves of 办理结果 (H2): everything between 上年结转 and 总计. */
export function resultLeaves(format: '2021' | '2019'): RowSpec[] {
  return T3_ROWS[format].filter((r) => !['new', 'carried', 'total', 'forward'].includes(r.id));
}

const C21_DOC = ['本年制发件数', '本年废止件数', '现行有效件数'] as const;
const C21_DECISION = ['本年处理决定数量'] as const;
const C19_DOC = ['本年新制作数量', '本年新公开数量', '对外公开总数量'] as const;
const C19_ITEM = ['上一年项目数量', '本年增/减', '处理决定数量'] as const;

export const T2_ROWS: Record<'2021' | '2019', RowSpec[]> = {
  '2021': [
    { id: 'rules', name: '规章', match: /^规章$/, columns: C21_DOC, kind: 'count' },
    { id: 'normative', name: '行政规范性文件', match: /规范性文件$/, columns: C21_DOC, kind: 'count' },
    { id: 'license', name: '行政许可', match: /^行政许可$/, columns: C21_DECISION, kind: 'count' },
    { id: 'penalty', name: '行政处罚', match: /^行政处罚$/, columns: C21_DECISION, kind: 'count' },
    { id: 'coercion', name: '行政强制', match: /^行政强制$/, columns: C21_DECISION, kind: 'count' },
    { id: 'fees', name: '行政事业性收费', match: /行政事业性收费/, columns: ['本年收费金额'], kind: 'amount', unit: '万元' },
  ],
  '2019': [
    { id: 'rules', name: '规章', match: /^规章$/, columns: C19_DOC, kind: 'count' },
    { id: 'normative', name: '规范性文件', match: /规范性文件$/, columns: C19_DOC, kind: 'count' },
    { id: 'license', name: '行政许可', match: /^行政许可$/, columns: C19_ITEM, kind: 'delta' },
    { id: 'services', name: '其他对外管理服务事项', match: /其他对外管理服务事项/, columns: C19_ITEM, kind: 'delta' },
    { id: 'penalty', name: '行政处罚', match: /^行政处罚$/, columns: C19_ITEM, kind: 'delta' },
    { id: 'coercion', name: '行政强制', match: /^行政强制$/, columns: C19_ITEM, kind: 'delta' },
    { id: 'fees', name: '行政事业性收费', match: /行政事业性收费/, columns: ['上一年项目数量', '本年增/减'], kind: 'delta' },
    { id: 'procurement', name: '政府集中采购', match: /政府集中采购/, columns: ['采购项目数量', '采购总金额'], kind: 'amount' },
  ],
};

/** The kind of one 2019 表二 cell: 本年增/减 may be negative, 采购总金额 is a decimal, the rest are counts. */
export function cellKind(table: TableName, row: RowSpec, column: string): ValueKind {
  if (table !== '表二') return 'count';
  if (row.kind === 'amount' && (column === '本年收费金额' || column === '采购总金额')) return 'amount';
  if (column === '本年增/减') return 'delta';
  return 'count';
}

/** Official row names of a format, per table (for `report show` and for checking fact references). */
export function layoutOf(format: ReportFormat): Array<{ table: TableName; rows: RowSpec[] }> {
  if (format === 'free') return [];
  const t4: RowSpec[] = T4_ROWS.map((name, i) => ({ id: `t4-${i}`, name, match: /$^/, columns: T4_COLUMNS, kind: 'count' }));
  return [
    { table: '表二', rows: T2_ROWS[format] },
    { table: '表三', rows: T3_ROWS[format] },
    { table: '表四', rows: t4 },
  ];
}
