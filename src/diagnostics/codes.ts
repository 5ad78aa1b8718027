// Closed set of diagnostic codes and their Chinese message templates.
// Input: a code + typed data. Output: the message users read. Tests assert on codes, never prose.

export const DIAGNOSTIC_CODES = {
  FILE_NOT_FOUND: '找不到文件',
  FILE_UNREADABLE: '无法读取文件:{reason}',
  FILE_TOO_LARGE: '文件过大:{actual} 字节,上限为 {expected} 字节',
  NESTING_TOO_DEEP: '嵌套层级过深(超过 {expected} 层),已拒绝解析',
  YAML_SYNTAX: 'YAML 语法错误:{reason}',
  YAML_WARNING: 'YAML 警告按错误处理:{reason}',
  PROTOTYPE_KEY: '不允许使用键名 "{actual}"(原型污染风险)',
  SCHEMA_INVALID: '{reason}',
  UNKNOWN_KEY: '未知字段 "{actual}"',
  ID_NOT_STRING: '编号必须是字符串:请给 {actual} 加上引号,写成 "{expected}"',
  DUPLICATE_ID: '{reason}编号 "{actual}" 重复,首次出现在{name}第 {expected} 行',
  POINTS_MISMATCH: '下级分值合计 {actual} 与本级分值 {expected} 不一致(如属扣分项、加分项或按权重计分,请声明)',
  WEIGHTS_INVALID: '下级权重合计 {actual}%,应为 100%',
  UNKNOWN_FACT: '未定义的事实 "{actual}"',
  UNKNOWN_PARAMETER: '未定义的参数 "{actual}"',
  UNKNOWN_OPERATOR: '未知的运算符 "{actual}"',
  UNKNOWN_NODE: '未定义的节点 "{actual}"',
  OPERATOR_TYPE_MISMATCH: '{reason} "{actual}" 不适用于 {expected} 类型的事实',
  VALUE_TYPE_MISMATCH: '比较值 {actual:json} 与事实类型不符,应为{expected}',
  LEVELS_UNORDERED: '等级须按分值从高到低排列:"{actual}" 的分值高于前一等级',
  GRADES_UNORDERED: '等次须按下限从高到低排列',
  INVALID_PATH: 'path 只能是简单属性路径(如 $.a.b 或 $.items[0]),不能是 "{actual}"',
  DERIVED_CYCLE: '派生事实存在循环引用:{actual}',
  DEDUCTION_OVERLAP_UNDECLARED: '扣分规则 {actual} 依据同一事实,可能对同一事件重复扣分,请用 overlap: stack(叠加)或 exclusive(同一次只扣一次)声明',
  EMPTY_CONDITION: '条件组为空:空的 all/any 永远成立,请至少写一个条件',
  METHOD_NEEDS_LEAF: '含下级节点的节点不能再定义计分方法 scoring',
  LEAF_NEEDS_SCORING: '末级节点须定义计分方法 scoring',
  AMOUNT_EXCEEDS_POINTS: '{reason}',
  RUBRIC_MISMATCH: '证据材料对应的细则为 {actual}，但当前细则为 {expected}',
  VERSION_MISMATCH: '证据材料对应的细则版本为 {actual}，但当前细则版本为 {expected}',
  PERIOD_YEAR_MISMATCH: '证据材料的考核年度为 {actual} 年，但当前细则是 {expected} 年度的细则',
  FACT_TYPE_MISMATCH: '事实 "{name}" 的值 {actual:json} 类型不符,应为{expected}',
  FACT_OUT_OF_RANGE: '事实 "{name}" 的值 {actual} 超出允许范围 {expected}',
  FACT_DERIVED_GIVEN: '事实 "{actual}" 由细则自动计算,不能手工填写或更正',
  JUDGEMENT_OUT_OF_BOUNDS: '评审分 {actual} 超出允许范围 {expected}',
  JUDGEMENT_NOT_ALLOWED: '"{actual}" 不是酌情评分项(或酌情扣分规则),不能给出评审分',
  NOT_APPLICABLE_NOT_ALLOWED: '节点 "{actual}" 不允许声明为不适用',
  CLAIM_OUT_OF_RANGE: '自评分 {actual} 超出该项分值范围 {expected}',
  PERCENT_SCALE_SUSPECT: '事实 "{name}" 是百分数,填写值 {actual} 不超过 1,而细则的标准是 {expected}%:是否想填 {reason}(即 {reason}%)?',
  MISSING_FACT: '缺少事实 "{actual}",相关评分项按 0 分计并标记为缺少佐证',
  RULING_IN_EVIDENCE: '证据材料由单位填写,不能包含政务公开办的{reason}("{actual}"):请把它写入政务公开办的评审文件,评分时用 --review <评审文件> 指定',
  REVIEW_RUBRIC_MISMATCH: '评审文件对应的细则为 {actual},但当前细则为 {expected}',
  REVIEW_AGENCY_MISMATCH: '评审文件对应的单位代码为 "{actual}",但证据材料的单位代码为 "{expected}"',
  REVIEW_NOT_REQUESTED: '证据材料没有申请节点 "{actual}" 不适用,不能对它作出不适用决定',
  REVIEW_OVERRIDE_OUT_OF_RANGE: '改定分 {actual} 超出该项分值范围 {expected}',
  UNKNOWN_CHECK: '细则中没有编号为 "{actual}" 的数据核验规则',
  REVIEW_UNMATCHED: '评审文件的单位代码 "{actual}" 不属于任何参评单位',
  DUPLICATE_REVIEW: '单位代码 "{actual}" 有两份评审文件,已采用 {name}',
  EXTENDS_NO_READER: '细则使用了 extends 继承 "{actual}",但当前调用方式无法读取其他文件(请用 loadRubric,或为 parseRubric 传入 read 读取函数)',
  EXTENDS_UNREADABLE: '无法读取被继承的细则 "{actual}":{reason}',
  EXTENDS_CYCLE: '细则继承出现循环:{actual}',
  EXTENDS_TOO_DEEP: '细则继承层级过深(超过 {expected} 层):{actual}',
  EXTENDS_RESTATE: '继承的细则须重新写明 "{actual}":{reason}',
  OVERRIDE_INVALID: '{reason}',
  FORM_INVALID: '{reason}',
  FORM_CELL_INVALID: '{reason}',
  FORM_CLAIM_CONFLICT: '{reason}',
  ARCHIVE_INVALID: '无法读取压缩包:{reason}',
  ARCHIVE_TOO_LARGE: '已拒绝读取:{reason}',
  TOO_MANY_ITEMS: '{reason}超过上限 {expected} 个,已拒绝解析',
  VALUE_TOO_LONG: '文字过长:{actual} 个字符,上限为 {expected} 个字符',
  CONTROL_CHARACTER: '文字中含有控制字符 {actual}(第 {expected} 个字符),可能用于伪造或隐藏屏幕上的内容;请删除后再提交',
  NUMBER_UNSAFE: '数值 {actual} {reason}',
  REGISTER_INVALID: '单位名册有误:{reason}',
  REPORT_HTML_LIMIT: '年报页面超出安全限制({reason}),已拒绝读取',
  REPORT_NOT_RECOGNIZED: '未能识别为政府信息公开工作年度报告:{reason}',
  REPORT_ROW_MISSING: '{name}中未找到「{actual}」一行,该行各单元格按空白处理',
  REPORT_CELL_COUNT: '{name}「{reason}」一行读到 {actual} 个数据单元格,应为 {expected} 个;该行按空白处理,请核对原文',
  REPORT_CELL_UNREADABLE: '{name}单元格内容 {actual:json} 不是数字,也不是空白标记(/、—);按空白处理,请核对原文',
  REPORT_YEAR_UNKNOWN: '无法从年报中确定报告年度;请用 --year 指定',
  REPORT_FACT_SOURCE_INVALID: '事实 "{name}" 的年报来源无效:{reason}',
  REPORT_FACT_UNAVAILABLE: '事实 "{name}" 无法从年报得出:{reason};请核实后手工填写',
  REPORT_FACT_CONFLICT: '事实 "{name}" 证据中已填 {actual:json},年报为 {expected:json};已按年报写入,请核实',
  INTERNAL_ERROR: '内部错误:{reason}',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface MessageData {
  actual?: unknown;
  expected?: unknown;
  reason?: string;
  path?: string;
  /** The name a message is about when it is not the dotted path (e.g. a fact id). */
  name?: string;
}

/** A number that JSON cannot show (it would print null): `.nan(非数)`, `.inf(正无穷)`, `-.inf(负无穷)`. */
export function describeNonFinite(n: number): string {
  return Number.isNaN(n) ? '非有限数 .nan(非数)' : n > 0 ? '非有限数 .inf(正无穷)' : '非有限数 -.inf(负无穷)';
}

/**
 * Fill a code's template with its data. Unknown placeholders stay empty. `{key}` prints a string as is;
 * `{key:json}` always prints JSON, so a quoted "1" in the input is not shown as if it were the number 1.
 */
export function formatMessage(code: DiagnosticCode, data: MessageData = {}): string {
  return DIAGNOSTIC_CODES[code].replace(/\{(\w+)(:json)?\}/g, (_m, key: string, json?: string) => {
    const v = (data as Record<string, unknown>)[key];
    if (v === undefined) return '';
    if (typeof v === 'number' && !Number.isFinite(v)) return describeNonFinite(v);
    return typeof v === 'string' && !json ? v : JSON.stringify(v);
  });
}
