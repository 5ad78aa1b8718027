// `zwgk compare --format docx`: the ranking notice (通报) an office circulates, laid out after GB/T 9704 (党政机关公文
// 格式): A4, margins 37/35/28/26 mm, title in 小标宋 二号 centred, 主送 flush left, body in 仿宋 三号 with
// first-line indent of two characters, the ranking table (小四), the common losses, 落款 and 成文日期 at the right,
// 页码 「— 1 —」 at the outer side.
// Everything the office chooses (主送, 发文机关, 日期) comes from options; nothing depends on the clock.
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type IBorderOptions } from 'docx';
import type { CompareReport } from '../../cohort/compare-report.js';
import { gradeText, orderedRows } from './format-common.js';
import { chineseTypography } from '../../render/chinese-text.js';
import { fixZipTimestamps } from '../../io/zip-timestamps.js';

export interface NoticeOptions {
  /** 主送机关, e.g. "各苏木镇人民政府，旗直各部门" (half-width commas are printed full-width). */
  recipients?: string;
  /** 发文机关署名, e.g. "鄂托克前旗人民政府办公室". */
  issuer?: string;
  /** 成文日期 as printed, e.g. "2018年3月1日"; blank line when absent. */
  date?: string;
}

const MM = 56.7; // twips per millimetre
const FONT_TITLE = '方正小标宋简体';
const FONT_BODY = '仿宋_GB2312';
const FONT_HEI = '黑体';
const SIZE_2 = 44; // 二号 22 pt, in half-points
const SIZE_3 = 32; // 三号 16 pt
const SIZE_4 = 28; // 四号 14 pt (page numbers)
const SIZE_TABLE = 24; // 小四 12 pt: the ranking table, so that a 15-character agency name stays on one line

// Every text is printed with Chinese typography: rubric titles and the office's options were often typed with
// half-width marks (「…,…」「(暂定)」).
const run = (text: string, font = FONT_BODY, size = SIZE_3, bold = false): TextRun => new TextRun({ text: chineseTypography(text), font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold });

function body(text: string, indent = true): Paragraph {
  return new Paragraph({ children: [run(text)], indent: indent ? { firstLine: 2 * 16 * 20 } : undefined, spacing: { line: 560, lineRule: 'exact' }, alignment: AlignmentType.JUSTIFIED });
}

function heading(text: string): Paragraph {
  return new Paragraph({ children: [run(text, FONT_HEI)], indent: { firstLine: 2 * 16 * 20 }, spacing: { line: 560, lineRule: 'exact' } });
}

const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(text: string, width: number, bold = false, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: line, bottom: line, left: line, right: line },
    // Narrow padding and centred rows: a name that wraps keeps its 名次, 总分 and 等次 in the middle of its row.
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: align, children: [run(text, bold ? FONT_HEI : FONT_BODY, SIZE_TABLE)] })],
  });
}

function rankingTable(report: CompareReport): Table {
  // 8800 twips, within the 156 mm text width: 等次 holds 不合格（暂定） on one line, 单位 seventeen characters.
  const widths = [700, 4300, 800, 1000, 2000];
  const head = ['名次', '单位', '总分', '百分制', '等次'];
  const rows = orderedRows(report).map((a) => [String(a.rank.normalized), a.name, String(a.totals.final), String(a.totals.normalized), gradeText(a)]);
  return new Table({
    width: { size: widths.reduce((x, y) => x + y, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i]!, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, widths[i]!, false, i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER)) })),
    ],
  });
}

/** The title, in two lines when it is long: 「关于2017年度政务公开工作」「考核评价结果的通报」. */
function titleLines(year: string): string[] {
  return year ? [`关于${year}政务公开工作`, '考核评价结果的通报'] : ['关于政务公开工作考核评价结果的通报'];
}

/**
 * 页码 after GB/T 9704: 「— 1 —」 in 四号 宋体, odd pages at the right and even pages at the left, one character in
 * from the edge of the text area.
 */
function pageNumberFooter(alignment: typeof AlignmentType.RIGHT | typeof AlignmentType.LEFT): Footer {
  const font = { eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体' };
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: SIZE_4 })],
      }),
    ],
  });
}

/** The notice as .docx bytes (same input and options → same bytes). */
export async function formatCompareDocx(report: CompareReport, opts: NoticeOptions = {}): Promise<Uint8Array> {
  const rows = orderedRows(report);
  const year = report.rubric.year !== undefined ? `${report.rubric.year}年度` : '';
  const title = `关于${year}政务公开工作考核评价结果的通报`;
  const grades = report.gradeDistribution.filter((g) => g.count > 0).map((g) => `${g.grade} ${g.count} 个`).join('、');
  const provisional = report.counts.provisional > 0 ? `其中 ${report.counts.provisional} 个单位尚有事项待评定，结果为暂定。` : '';
  const weak = report.weakSpots.slice(0, 5);
  const children: Paragraph[] | Array<Paragraph | Table> = [
    // The title in two balanced lines (GB/T 9704: 回行时词意完整、排列对称), never 「…结果的」 over a lone 「通报」.
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 560, line: 700, lineRule: 'exact' }, children: titleLines(year).map((t, i) => new TextRun({ text: t, font: { eastAsia: FONT_TITLE, ascii: FONT_TITLE, hAnsi: FONT_TITLE }, size: SIZE_2, break: i > 0 ? 1 : undefined })) }),
    new Paragraph({ children: [run(`${opts.recipients ?? '各有关单位'}：`)], spacing: { line: 560, lineRule: 'exact' } }),
    body(`根据《${report.rubric.title}》，对 ${rows.length} 个单位的政务公开工作进行了考核评价。${grades ? `评定结果为：${grades}。` : ''}${provisional}现将有关情况通报如下。`),
    heading('一、考核评价结果'),
    body('各单位得分及名次如下（按百分制得分排名，得分相同者名次并列）：'),
    rankingTable(report),
    heading('二、存在的主要问题'),
    ...(weak.length === 0
      ? [body('各单位均未出现普遍失分的指标。')]
      : weak.map((w, i) => body(`${i + 1}.${w.title}（${w.sectionTitle}）：${w.agenciesLost} 个单位失分（参评 ${w.agenciesAssessed} 个），合计失分 ${w.totalLost} 分。`))),
    heading('三、下一步工作要求'),
    body('各单位要对照考核评价细则和本通报指出的问题，逐项整改，补齐佐证材料，切实提升政务公开工作水平。'),
    new Paragraph({ spacing: { before: 1120, line: 560, lineRule: 'exact' }, alignment: AlignmentType.RIGHT, indent: { right: 4 * 16 * 20 }, children: [run(opts.issuer ?? report.rubric.issuer ?? '（发文机关署名）')] }),
    new Paragraph({ spacing: { line: 560, lineRule: 'exact' }, alignment: AlignmentType.RIGHT, indent: { right: 4 * 16 * 20 }, children: [run(opts.date ?? '　　年　月　日')] }),
  ];
  const doc = new Document({
    creator: 'zwgk-score',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FONT_BODY, size: SIZE_3 } } } },
    sections: [
      {
        // The page number 7 mm below the text area: its line ends about 23 mm above the paper's edge.
        properties: { page: { size: { width: Math.round(210 * MM), height: Math.round(297 * MM) }, margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(23 * MM) } } },
        footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  // docx stamps docProps/core.xml with the current time: write that part ourselves with a fixed date, and fix the
  // zip entry times, so the same input gives byte-identical files.
  const buf = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(title) }]);
  return fixZipTimestamps(new Uint8Array(buf));
}

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function coreXml(title: string): string {
  const when = '2000-01-01T00:00:00Z';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>zwgk-score</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
