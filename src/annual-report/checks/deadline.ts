// S9: the publication deadline by agency level (政府信息公开条例第四十九条 and the usual provincial schedule).

export interface Deadline {
  level: string;
  /** Month and day in the year after the report year. */
  month: number;
  day: number;
  basis: string;
}

/** Levels accepted by --level, with their deadlines. */
export const DEADLINES: readonly Deadline[] = [
  { level: '县级部门', month: 1, day: 31, basis: '条例第四十九条:县级以上人民政府部门每年1月31日前提交并公布' },
  { level: '市级部门', month: 1, day: 31, basis: '条例第四十九条:县级以上人民政府部门每年1月31日前提交并公布' },
  { level: '省级部门', month: 1, day: 31, basis: '条例第四十九条:县级以上人民政府部门每年1月31日前提交并公布' },
  { level: '乡镇', month: 1, day: 31, basis: '按县级部门期限(1月31日前)报县级主管部门汇总' },
  { level: '县级政府', month: 2, day: 20, basis: '县级政府信息公开工作主管部门汇总本级年报:2月20日前' },
  { level: '市级政府', month: 3, day: 10, basis: '设区的市级政府汇总本级年报:3月10日前' },
  { level: '省级政府', month: 3, day: 31, basis: '条例第四十九条:县级以上地方人民政府主管部门每年3月31日前公布本级政府年报' },
  { level: '垂直管理', month: 3, day: 31, basis: '垂直管理系统:3月31日前' },
];

export function findDeadline(level: string): Deadline | undefined {
  return DEADLINES.find((d) => d.level === level);
}

/** The last day (YYYY-MM-DD) to publish a report of `year` at `level`. */
export function deadlineDate(year: number, d: Deadline): string {
  return `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Report years up to 2018 (2008 条例第三十一条): every agency publishes by 3月31日. */
export const OLD_DEADLINE: Deadline = { level: '2019年以前', month: 3, day: 31, basis: '2008年条例第三十一条:每年3月31日前公布上一年度年报' };
