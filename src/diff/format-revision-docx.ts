// `zwgk diff --format docx`: the 三栏对照表 (revision-table.ts) as a Word document to attach to the revision note,
// after the conventions of the 通报 (formatters/compare/format-compare-docx.ts, GB/T 9704): A4 with the standard
// margins — the table page turned landscape as GB/T 9704 §10.1 lets a table be, so top/bottom/left/right are the
// portrait left/right/bottom/top (28/26/35/37 mm) — title in 小标宋 二号, table text in 仿宋 小四, header in 黑体 and
// repeated on every page, full borders, rows not split, page numbers 「— 1 —」; changed characters bold and underlined.
// Same input → the same bytes (fixed document dates, fixed zip entry times).
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type IBorderOptions } from 'docx';
import { fixZipTimestamps } from '../io/zip-timestamps.js';
import { ADDED_PLACEHOLDER, REMOVED_PLACEHOLDER, type ClauseLine, type RevisionTable } from './revision-table.js';

const MM = 56.7; // twips per millimetre
const FONT_TITLE = '方正小标宋简体';
const FONT_BODY = '仿宋_GB2312';
const FONT_HEI = '黑体';
const SIZE_2 = 44; // 二号 22 pt, in half-points
const SIZE_4S = 24; // 小四 12 pt

const font = (name: string) => ({ eastAsia: name, ascii: name, hAnsi: name });
const run = (text: string, opts: { font?: string; size?: number; bold?: boolean; underline?: boolean } = {}): TextRun =>
  new TextRun({ text, font: font(opts.font ?? FONT_BODY), size: opts.size ?? SIZE_4S, bold: opts.bold ?? false, ...(opts.underline ? { underline: {} } : {}) });

const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: line, bottom: line, left: line, right: line };
const WIDTHS = [5100, 5100, 2550]; // 12750 twips: the 225 mm text width of a landscape A4 page

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: BORDERS, margins: { top: 60, bottom: 60, left: 100, right: 100 }, children });
}

function clauseParagraphs(lines: ClauseLine[] | null, placeholder: string): Paragraph[] {
  if (lines === null) return [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(placeholder)] })];
  return lines.map(
    (l) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        children: [
          ...(l.label ? [run(`${l.label}：`, { font: FONT_HEI })] : []),
          ...l.segments.map((s) => run(s.text, { bold: s.changed || l.label === '', underline: s.changed })),
        ],
      }),
  );
}

function revisionTable(t: RevisionTable): Table {
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.head.map((h, i) => new TableCell({ width: { size: WIDTHS[i]!, type: WidthType.DXA }, borders: BORDERS, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' }, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(h, { font: FONT_HEI })] })] })),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(clauseParagraphs(r.old, ADDED_PLACEHOLDER), WIDTHS[0]!),
          cell(clauseParagraphs(r.new, REMOVED_PLACEHOLDER), WIDTHS[1]!),
          cell(r.notes.map((n, i) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [run(`${r.notes.length > 1 ? `${i + 1}.` : ''}${n}`)] })), WIDTHS[2]!),
        ],
      }),
  );
  return new Table({ width: { size: WIDTHS.reduce((x, y) => x + y, 0), type: WidthType.DXA }, columnWidths: WIDTHS, rows: [head, ...rows] });
}

/** The 三栏对照表 as .docx bytes. */
export async function formatRevisionDocx(t: RevisionTable): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200, line: 700, lineRule: 'exact' }, children: [run(t.title, { font: FONT_TITLE, size: SIZE_2 })] }),
    ...t.sources.map((s, i) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: i === t.sources.length - 1 ? 240 : 0 }, children: [run(s)] })),
    ...(t.rows.length === 0 ? [new Paragraph({ children: [run('没有需要对照的条款修订。')] })] : [revisionTable(t)]),
    new Paragraph({ spacing: { before: 120 }, children: [run('注：加粗并加下划线的文字为修订前后不同之处。', { size: 21 })] }),
  ];
  const doc = new Document({
    creator: 'zwgk-score',
    title: t.title,
    styles: { default: { document: { run: { font: FONT_BODY, size: SIZE_4S } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page: give the portrait A4 size.
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM), orientation: PageOrientation.LANDSCAPE },
            margin: { top: Math.round(28 * MM), bottom: Math.round(26 * MM), left: Math.round(35 * MM), right: Math.round(37 * MM) },
          },
        },
        // 页码 as GB/T 9704 prints it: 「— 1 —」, 宋体 四号, centred under the text.
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 })] })],
          }),
        },
        children,
      },
    ],
  });
  // docx stamps docProps/core.xml with the current time: write that part with a fixed date, and fix the zip times.
  const buf = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(t.title) }]);
  return fixZipTimestamps(new Uint8Array(buf));
}

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** docProps/core.xml with a fixed date (as the 通报 writes it). */
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
