// Running text → the numbered sections 一 … 六 and the report's agency, year and publication date as the page
// states them. Nothing is inferred that the text does not say: unknown stays null.
import type { ReportSection } from './model.js';
import { halfWidth } from './normalize.js';
import type { TextLine } from './tokens.js';

const NUMERALS = '一二三四五六七八九十';
const HEADING = /^\s*([一二三四五六七八九十])\s*[、.．]\s*(\S.{0,40})$/;

/**
 * Split text lines at top-level headings (「一、总体情况」). A heading counts only when its numeral comes later than
 * the previous heading's, so the rows of an old statistics table (「一、主动公开情况」 again) do not restart sections.
 */
export function splitSections(lines: TextLine[]): ReportSection[] {
  const sections: ReportSection[] = [];
  let last = -1;
  let body: string[] = [];
  const close = (): void => {
    const s = sections[sections.length - 1];
    if (s) s.text = body.join('\n').trim();
    body = [];
  };
  for (const l of lines) {
    const m = HEADING.exec(halfWidth(l.text).trim());
    const n = m ? NUMERALS.indexOf(m[1]!) : -1;
    if (m && n > last && !/[。;]$/.test(m[2]!)) {
      close();
      last = n;
      sections.push({ number: m[1]!, heading: `${m[1]}、${m[2]!.trim()}`, text: '', at: { line: l.line } });
      continue;
    }
    if (sections.length) body.push(l.text.trim());
  }
  close();
  return sections;
}

/** The section whose heading names a subject (e.g. 问题 for 「五、存在的主要问题及改进情况」), or by numeral. */
export function findSection(sections: ReportSection[], numeral: string, subject: RegExp): ReportSection | undefined {
  return sections.find((s) => subject.test(s.heading)) ?? sections.find((s) => s.number === numeral);
}

export interface ReportMeta {
  agency: string | null;
  year: number | null;
  publishedOn: string | null;
}

const TITLE = /^(.{0,60}?)\s*(\d{4})\s*年\s*(?:度)?\s*(?:的)?(?:政府)?(?:信息公开|政务公开)/;
const YEAR_FIRST = /^(\d{4})\s*年\s*(?:度)?\s*(.{0,40}?)\s*(?:政府信息公开|信息公开|政务公开)工作年度报告$/;
const PUBLISHED = /(?:发布时间|发布日期|公开日期|发文日期|成文日期|发布于)\s*[::]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const PERIOD = /统计期限(?:自|从|为)?\s*(\d{4})\s*年\s*1\s*月\s*1\s*日/;

const pad = (n: string): string => n.padStart(2, '0');

/** Agency, year and publication date from the title and the first lines (year falls back to the 统计期限 sentence). */
export function readMeta(lines: TextLine[], title: string | undefined): ReportMeta {
  const head = lines.slice(0, 40).map((l) => halfWidth(l.text).trim());
  const candidates = [...(title ? [halfWidth(title).trim()] : []), ...head];
  let agency: string | null = null;
  let year: number | null = null;
  for (const c of candidates) {
    // 「2019年上海市人民政府办公厅政府信息公开工作年度报告」: the year comes first.
    const y = YEAR_FIRST.exec(c);
    if (y) {
      year = Number(y[1]);
      const name = y[2]!.trim();
      if (name && !/[《》::,,。;]/.test(name)) agency = name;
      break;
    }
    const m = TITLE.exec(c);
    if (!m) continue;
    year = Number(m[2]);
    const name = m[1]!.replace(/[\s::、,,]+$/, '').trim();
    if (name && !/^(关于|根据|现将|\d)/.test(name) && !/[《》::,,。;]/.test(name) && name.length <= 40) agency = name;
    break;
  }
  if (year === null) {
    for (const l of lines) {
      const m = PERIOD.exec(halfWidth(l.text));
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  let publishedOn: string | null = null;
  for (const l of [...(title ? [title] : []), ...lines.map((x) => x.text)]) {
    const m = PUBLISHED.exec(halfWidth(l));
    if (m) {
      publishedOn = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
      break;
    }
  }
  return { agency, year, publishedOn };
}

/** The first four-digit year stated in a text (「2024年,我局……」), used when the title names none. */
export function firstYearIn(text: string): number | null {
  const m = /(20\d{2}|19\d{2})\s*年/.exec(halfWidth(text));
  return m ? Number(m[1]) : null;
}
