// The 三栏对照表 (revision-table.ts) as Markdown and as an HTML section with its print stylesheet (A4 landscape
// pages for the table, header row repeated, rows kept whole). Changed characters are bold and underlined (<b>, since
// Markdown's ** does not open next to Chinese punctuation). Every rubric string is escaped.
import { ADDED_PLACEHOLDER, REMOVED_PLACEHOLDER, type ClauseLine, type RevisionTable } from './revision-table.js';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Markdown-escape text inside a table cell (pipes too; no line breaks). */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>#|~])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function mdClause(lines: ClauseLine[] | null, placeholder: string): string {
  if (lines === null) return placeholder;
  return lines
    .map((l) => (l.label ? `${l.label}：` : '') + l.segments.map((s) => (s.changed ? `<b>${md(s.text)}</b>` : md(s.text))).join(''))
    .join('<br>');
}

export function formatRevisionMarkdown(t: RevisionTable): string {
  const out = [`## 修订对照表`, '', `**${md(t.title)}**`, '', ...t.sources.map((s) => `- ${md(s)}`), ''];
  if (t.rows.length === 0) return [...out, '没有需要对照的条款修订。', ''].join('\n');
  out.push(`| ${t.head.join(' | ')} |`, '| --- | --- | --- |');
  for (const r of t.rows) out.push(`| ${mdClause(r.old, ADDED_PLACEHOLDER)} | ${mdClause(r.new, REMOVED_PLACEHOLDER)} | ${r.notes.map((n, i) => md(`${r.notes.length > 1 ? `${i + 1}. ` : ''}${n}`)).join('<br>')} |`);
  out.push('', '注：加粗并加下划线的文字为修订前后不同之处。', '');
  return out.join('\n');
}

function htmlClause(lines: ClauseLine[] | null, placeholder: string): string {
  if (lines === null) return `<p class="placeholder">${placeholder}</p>`;
  return lines
    .map((l) => `<p${l.label ? '' : ' class="head"'}>${l.label ? `<span class="label">${escapeHtml(l.label)}：</span>` : ''}${l.segments.map((s) => (s.changed ? `<b class="chg">${escapeHtml(s.text)}</b>` : escapeHtml(s.text))).join('')}</p>`)
    .join('');
}

/** Print rules for the table section: its own A4 landscape pages (named page), header repeated, rows not split. */
export const REVISION_TABLE_CSS = `
@page revision { size: A4 landscape; margin: 28mm 37mm 26mm 35mm; @bottom-center { content: "— " counter(page) " —"; font-size: 12pt; } }
section.revision { page: revision; break-before: page; }
section.revision h2 { text-align: center; font-family: "Noto Serif CJK SC", "FangSong", "SimSun", serif; font-size: 18pt; font-weight: bold; margin: 0 0 0.4em; }
section.revision .sources { text-align: center; margin: 0 0 0.8em; font-size: 11pt; }
section.revision .sources span + span::before { content: "　　"; }
table.revision { width: 100%; border-collapse: collapse; table-layout: fixed; font-family: "Noto Serif CJK SC", "FangSong", "SimSun", serif; font-size: 11pt; line-height: 1.5; }
table.revision col.clause { width: 40%; } table.revision col.note { width: 20%; }
table.revision th, table.revision td { border: 1px solid #000; padding: 4pt 6pt; vertical-align: top; text-align: left; }
table.revision th { font-family: "Noto Sans CJK SC", "SimHei", sans-serif; text-align: center; background: #f2f2f2; }
table.revision tr { break-inside: avoid; }
table.revision thead { display: table-header-group; }
table.revision p { margin: 0 0 2pt; text-align: justify; }
table.revision p.head { font-weight: bold; }
table.revision p.placeholder { text-align: center; }
table.revision .label { font-family: "Noto Sans CJK SC", "SimHei", sans-serif; }
table.revision b.chg { text-decoration: underline; font-weight: bold; }
table.revision ol { margin: 0; padding-left: 1.4em; }
section.revision .legend { font-size: 10pt; margin-top: 0.5em; }
@media print { section.revision { margin: 0; } }
`;

/** The table as an HTML section (to go inside the diff page's body). */
export function formatRevisionHtmlSection(t: RevisionTable): string {
  const out = [`<section class="revision">`, `<h2>${escapeHtml(t.title)}</h2>`, `<p class="sources">${t.sources.map((s) => `<span>${escapeHtml(s)}</span>`).join('')}</p>`];
  if (t.rows.length === 0) out.push('<p>没有需要对照的条款修订。</p>');
  else {
    out.push('<table class="revision">', '<colgroup><col class="clause"><col class="clause"><col class="note"></colgroup>', `<thead><tr>${t.head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const r of t.rows) {
      const notes = r.notes.length > 1 ? `<ol>${r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ol>` : `<p>${escapeHtml(r.notes[0] ?? '')}</p>`;
      out.push(`<tr class="${r.change}" id="row-${escapeHtml(r.id)}"><td>${htmlClause(r.old, ADDED_PLACEHOLDER)}</td><td>${htmlClause(r.new, REMOVED_PLACEHOLDER)}</td><td>${notes}</td></tr>`);
    }
    out.push('</tbody>', '</table>', '<p class="legend">注：加粗并加下划线的文字为修订前后不同之处。</p>');
  }
  out.push('</section>');
  return out.join('\n');
}
