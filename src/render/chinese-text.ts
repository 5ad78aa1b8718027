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

/** Han characters, and the full-width marks and quotes that only appear in Chinese text. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\u2018\u2019\u201c\u201d\u2026\u2014]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：' };

const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch);

/**
 * Half-width ( ) , ; : that touch Chinese text → full-width （ ） ， ； ：. A bracket pair is converted as a pair when
 * either bracket touches a Chinese character or it encloses one ("(3分)" → "（3分）"); a comma, semicolon or colon
 * when the character before or after it is Chinese ("2,相符" → "2，相符"). Text without Han characters, URLs
 * ("https://…"), times and numbers ("10:30", "1,000", "2.5") are left as they are.
 */
export function chineseTypography(s: string): string {
  if (!HAN.test(s)) return s;
  const chars = [...s];
  const out = [...chars];
  const open: number[] = [];
  const pairs = new Map<number, number>();
  chars.forEach((ch, i) => {
    if (ch === '(') open.push(i);
    else if (ch === ')' && open.length > 0) pairs.set(open.pop()!, i);
  });
  const inPair = new Set<number>();
  for (const [a, b] of pairs) {
    inPair.add(a);
    inPair.add(b);
    const touches = isCjk(chars[a - 1]) || isCjk(chars[a + 1]) || isCjk(chars[b - 1]) || isCjk(chars[b + 1]);
    if (touches || HAN.test(chars.slice(a + 1, b).join(''))) {
      out[a] = '（';
      out[b] = '）';
    }
  }
  chars.forEach((ch, i) => {
    if (ch === '(' || ch === ')') {
      if (!inPair.has(i) && (isCjk(chars[i - 1]) || isCjk(chars[i + 1]))) out[i] = FULL[ch]!;
      return;
    }
    if (ch !== ',' && ch !== ';' && ch !== ':') return;
    if (ch === ':' && chars[i + 1] === '/' && chars[i + 2] === '/') return;
    const before = out[i - 1];
    const after = chars[i + 1];
    if (isCjk(before) || isCjk(after) || before === '）' || after === '（') out[i] = FULL[ch]!;
  });
  return out.join('');
}

/** Fields of a view model that are never prose: identifiers, links, CSS classes, hashes. */
const NOT_PROSE = new Set(['id', 'key', 'href', 'urlText', 'lang', 'page', 'view', 'kind', 'stamp', 'code', 'fact', 'values']);

/**
 * Apply chineseTypography to every prose string of a view model in place (nested objects and arrays included);
 * identifiers, links, classes (`…Class`) and the reproducibility stamp are left alone. Returns the same object.
 */
export function typesetView<T>(view: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return chineseTypography(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (NOT_PROSE.has(k) || k.endsWith('Class')) continue;
        o[k] = walk(o[k]);
      }
    }
    return v;
  };
  walk(view);
  return view;
}
