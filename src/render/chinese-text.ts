// Chinese typography for document headers: dates as 2018年1月12日, and titles that do not repeat 评分表.

/** "2018-01-12" (or 2018/1/12, 2018.01.12) → "2018年1月12日"; any other text is returned unchanged. */
export function chineseDate(s: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s.trim());
  if (!m) return s;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * The rubric title with the document's suffix, unless the title already names that kind of document:
 * 「…考核评分表」 + 自查评分表 stays 「…考核评分表」 (never 「…评分表自查评分表」).
 */
export function titleWithSuffix(title: string, suffix: string): string {
  if (suffix.endsWith('评分表') && /评分表$/.test(title)) return title;
  if (title.endsWith(suffix)) return title;
  return `${title}${suffix}`;
}
