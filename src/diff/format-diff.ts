// Render a RubricDiff as Chinese text, Markdown or a standalone HTML page (every rubric string escaped).
// Input: RubricDiff (and, for md and html, the 三栏对照表 built from the same rubrics). Output: a string. The three
// formats share one outline (outlineDiff) so they never disagree; md and html end with the 三栏对照表, which docx
// (format-revision-docx.ts) holds alone.
import { displayWidth, padDisplay } from '../formatters/labels.js';
import type { NodeChange, NodeRef, RubricDiff } from './diff-rubrics.js';
import { stripControlChars } from '../diagnostics/control-chars.js';
import { formatRevisionHtmlSection, formatRevisionMarkdown, REVISION_TABLE_CSS } from './format-revision-table.js';
import { chinesePunctuation, type RevisionTable } from './revision-table.js';

export const DIFF_FORMATS = ['text', 'md', 'html', 'docx'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
/** The formats written as text (docx is written by formatRevisionDocx). */
export type DiffTextFormat = Exclude<DiffFormat, 'docx'>;

interface Item {
  mark: '+' | '−' | '~' | '·';
  text: string;
  sub?: string[];
}

interface Part {
  title: string;
  items?: Item[];
  /** The section totals table. */
  table?: { head: string[]; rows: string[][] };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function delta(before: number | null, after: number | null): string {
  if (before === null) return '新增';
  if (after === null) return '删除';
  const d = Math.round((after - before) * 10000) / 10000;
  return d === 0 ? '' : d > 0 ? `+${d}` : `−${-d}`;
}

function where(r: NodeRef): string {
  return r.parent ? `${r.parent.id} ${r.parent.title}` : '顶层';
}

function changeItem(c: NodeChange): Item {
  const parts: string[] = [];
  if (c.moved) parts.push(`由「${where(c.old)}」移至「${where(c.new)}」`);
  if (c.renumbered) parts.push(`编号 ${c.old.id} → ${c.new.id}（按标题匹配，相似度 ${Math.round(c.similarity * 100)}%）`);
  if (c.retitled) parts.push(`标题「${c.old.title}」→「${c.new.title}」`);
  return { mark: '~', text: `${c.new.id} ${c.new.title}:${parts.join(';')}` };
}

/** The outline every format renders. */
export function outlineDiff(d: RubricDiff): { heading: string; lines: string[]; parts: Part[] } {
  const name = (x: RubricDiff['old']): string => `${x.title}（${x.id}，版本 ${x.version}）${x.file ? ` ${x.file}` : ''}`;
  const parts: Part[] = [];
  if (d.meta.length > 0) parts.push({ title: '基本信息', items: d.meta.map((t) => ({ mark: '·', text: t })) });
  const kindNote = (k: string): string => (k === 'bonus' ? '（加分项）' : k === 'penalty' ? '（减分项）' : '');
  parts.push({
    title: '各部分分值（修订前 → 修订后）',
    table: {
      head: ['编号', '考核项目', '修订前', '修订后', '变化'],
      rows: [
        ...d.sections.map((s) => [s.id, s.title + kindNote(s.kind), s.before === null ? '—' : String(s.before), s.after === null ? '—' : String(s.after), delta(s.before, s.after)]),
        ['', '基本分合计', String(d.total.before), String(d.total.after), delta(d.total.before, d.total.after)],
      ],
    },
  });
  if (d.added.length > 0)
    parts.push({ title: `新增条目（${d.added.length}）`, items: d.added.map((n) => ({ mark: '+', text: `${n.id} ${n.title}（${n.max}分，位于「${where(n)}」）` })) });
  if (d.removed.length > 0)
    parts.push({ title: `删除条目（${d.removed.length}）`, items: d.removed.map((n) => ({ mark: '−', text: `${n.id} ${n.title}（${n.max}分，原位于「${where(n)}」）` })) });
  const structural = d.changed.filter((c) => c.moved || c.renumbered || c.retitled);
  if (structural.length > 0) parts.push({ title: `移动、改编号、改标题（${structural.length}）`, items: structural.map(changeItem) });
  const points = d.changed.filter((c) => c.pointsChanged);
  if (points.length > 0)
    parts.push({ title: `分值变化（${points.length}）`, items: points.map((c) => ({ mark: '~', text: `${c.new.id} ${c.new.title}:${c.old.max} → ${c.new.max}(${delta(c.old.max, c.new.max)})` })) });
  const rules = d.changed.filter((c) => c.rules.length > 0);
  if (rules.length > 0) parts.push({ title: `评分规则变化（${rules.length}）`, items: rules.map((c) => ({ mark: '~', text: `${c.new.id} ${c.new.title}`, sub: c.rules })) });
  const entries = (title: string, list: RubricDiff['facts']): void => {
    if (list.length === 0) return;
    const mark = { added: '+', removed: '−', changed: '~' } as const;
    const verb = { added: '新增', removed: '删除', changed: '修改' } as const;
    parts.push({ title: `${title}(${list.length})`, items: list.map((e) => ({ mark: mark[e.change], text: `${verb[e.change]} ${e.id} ${e.label}`, sub: e.details })) });
  };
  entries('参数与阈值', d.parameters);
  entries('事实（证据填报项）', d.facts);
  entries('单项否决', d.vetoes);
  entries('数据核验（勾稽关系）', d.checks);
  const lines = [`修订前：${name(d.old)}`, `修订后：${name(d.new)}`];
  if (d.identical) lines.push('两份细则内容相同。');
  // Chinese typography for every format: （）：，； in Chinese text.
  const cn = chinesePunctuation;
  return {
    heading: '评分细则修订对比',
    lines: lines.map(cn),
    parts: parts.map((p) => ({
      title: cn(p.title),
      ...(p.items ? { items: p.items.map((it) => ({ mark: it.mark, text: cn(it.text), ...(it.sub ? { sub: it.sub.map(cn) } : {}) })) } : {}),
      ...(p.table ? { table: { head: p.table.head, rows: p.table.rows.map((r) => r.map(cn)) } } : {}),
    })),
  };
}

/** Plain text for a terminal. */
export function formatDiffText(d: RubricDiff): string {
  const o = outlineDiff(d);
  const out: string[] = [o.heading, ...o.lines.map((l) => `  ${l}`), ''];
  o.parts.forEach((p, i) => {
    out.push(`${NUMERALS[i] ?? i + 1}、${p.title}`);
    if (p.table) {
      const widths = p.table.head.map((h, c) => Math.max(displayWidth(h), ...p.table!.rows.map((r) => displayWidth(r[c] ?? ''))));
      const fmt = (r: string[]): string => '  ' + r.map((cell, c) => padDisplay(cell, widths[c]!, c >= 2)).join('  ').trimEnd();
      out.push(fmt(p.table.head));
      for (const r of p.table.rows) out.push(fmt(r));
    }
    for (const it of p.items ?? []) {
      out.push(`  ${it.mark} ${it.text}`);
      for (const s of it.sub ?? []) out.push(`      ${s}`);
    }
    out.push('');
  });
  if (!d.identical) out.push('修订前后的条款原文逐条对照（三栏对照表：原条款、修订后条款、修订说明）请用 --format html、md 或 docx 输出。', '');
  return out.join('\n');
}

/** Markdown-escape inline text (tables also escape the pipe). */
function md(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\r?\n/g, ' ');
}

export function formatDiffMarkdown(d: RubricDiff, table?: RevisionTable): string {
  const o = outlineDiff(d);
  const out: string[] = [`# ${md(o.heading)}`, '', ...o.lines.map((l) => `- ${md(l)}`), ''];
  for (const p of o.parts) {
    out.push(`## ${md(p.title)}`, '');
    if (p.table) {
      out.push(`| ${p.table.head.map(md).join(' | ')} |`, `| ${p.table.head.map((_h, c) => (c >= 2 ? '---:' : '---')).join(' | ')} |`);
      for (const r of p.table.rows) out.push(`| ${r.map(md).join(' | ')} |`);
      out.push('');
    }
    for (const it of p.items ?? []) {
      out.push(`- ${it.mark === '·' ? '' : `${it.mark} `}${md(it.text)}`);
      for (const s of it.sub ?? []) out.push(`  - ${md(s)}`);
    }
    if (p.items) out.push('');
  }
  if (table) out.push(formatRevisionMarkdown(table));
  return out.join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function formatDiffHtml(d: RubricDiff, table?: RevisionTable): string {
  const o = outlineDiff(d);
  const h = escapeHtml;
  const cls = { '+': 'add', '−': 'del', '~': 'chg', '·': 'info' } as const;
  const body: string[] = [`<h1>${h(o.heading)}</h1>`, '<ul class="meta">', ...o.lines.map((l) => `<li>${h(l)}</li>`), '</ul>'];
  o.parts.forEach((p, i) => {
    body.push(`<h2>${h(`${NUMERALS[i] ?? i + 1}、${p.title}`)}</h2>`);
    if (p.table) {
      body.push('<table>', `<thead><tr>${p.table.head.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead>`, '<tbody>');
      for (const r of p.table.rows) body.push(`<tr>${r.map((c, j) => `<td${j >= 2 ? ' class="num"' : ''}>${h(c)}</td>`).join('')}</tr>`);
      body.push('</tbody>', '</table>');
    }
    if (p.items) {
      // The mark (+ − ~ ·) is the bullet: no list bullet beside it (no 「• ·」).
      body.push('<ul class="items">');
      for (const it of p.items) {
        const sub = it.sub && it.sub.length > 0 ? `<ul>${it.sub.map((s) => `<li>${h(s)}</li>`).join('')}</ul>` : '';
        body.push(`<li class="${cls[it.mark]}"><span class="mark">${h(it.mark)}</span> ${h(it.text)}${sub}</li>`);
      }
      body.push('</ul>');
    }
  });
  if (table) body.push(formatRevisionHtmlSection(table));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${h(`${o.heading}:${d.old.title} → ${d.new.title}`)}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; line-height: 1.6; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #999; padding: 0.2em 0.6em; }
td.num { text-align: right; }
li.add .mark { color: #1a7f37; } li.del .mark { color: #cf222e; } li.chg .mark { color: #9a6700; }
ul.meta { list-style: none; padding-left: 0; }
ul.items { list-style: none; padding-left: 1.4em; }
ul.items > li > .mark { display: inline-block; width: 1.2em; margin-left: -1.4em; text-align: center; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; @bottom-center { content: "— " counter(page) " —"; font-size: 12pt; } }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr, ul.items > li { break-inside: avoid; } }
${table ? REVISION_TABLE_CSS : ''}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

export function formatDiff(d: RubricDiff, format: DiffTextFormat, table?: RevisionTable): string {
  // Rubrics with control characters are refused at load; stripping here is the second defence for every format.
  return stripControlChars(format === 'md' ? formatDiffMarkdown(d, table) : format === 'html' ? formatDiffHtml(d, table) : formatDiffText(d));
}
