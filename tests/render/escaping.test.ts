// Hostile text in a report is rendered inert in every format, one test per attack.
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/index.js';
import { neutraliseFormula, quoteCsvField } from '../../src/formatters/csv.js';
import { escapeMarkdownCell } from '../../src/formatters/md.js';
import { safeHref } from '../../src/render/safe-url.js';
import { seedCopy } from './fixtures.js';

const text = (o: string | Uint8Array): string => (typeof o === 'string' ? o : Buffer.from(o).toString('utf8'));

describe('escaping', () => {
  it('an agency name <script>alert(1)</script> is rendered as text, never as markup', async () => {
    const report = await seedCopy();
    report.agency.name = '<script>alert(1)</script>';
    for (const format of ['html', 'summary-html'] as const) {
      const html = text(await formatReport(report, format));
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      // and no script could run even if something slipped through:
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    }
    const md = text(await formatReport(report, 'md'));
    expect(md).not.toContain('<script');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('an evidence url javascript:alert(1) is shown as text, not as a link', async () => {
    const report = await seedCopy();
    const node = report.nodes.find((n) => n.id === '1.1.1')!;
    node.evidence = [
      { title: '恶意链接', url: 'javascript:alert(1)' },
      { title: '正常链接', url: 'https://www.etqq.gov.cn/zwgk/?a=1&b=2' },
    ];
    const html = text(await formatReport(report, 'html'));
    expect(html).not.toMatch(/href="\s*javascript/i);
    expect(html).toContain('恶意链接 <span class="url">javascript:alert(1)</span>');
    expect(html).toContain('<a href="https://www.etqq.gov.cn/zwgk/?a&#x3D;1&amp;b&#x3D;2">正常链接</a>');
    expect([safeHref('JaVaScRiPt:alert(1)'), safeHref(' javascript:alert(1)'), safeHref('http://a\tb'), safeHref('data:text/html,x'), safeHref('//evil.example')]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('a CSV cell starting with = (or + - @ tab CR) gets a leading quote and RFC 4180 quoting', async () => {
    const report = await seedCopy();
    report.nodes.find((n) => n.id === '1.1.1')!.evidence = [{ title: '=HYPERLINK("http://evil.example","点击")' }];
    const csv = text(await formatReport(report, 'csv'));
    expect(csv.startsWith('\uFEFF序号,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK（""http://evil.example"",""点击""）"`);
    expect(csv.split('\r\n').every((line) => !line.startsWith('='))).toBe(true);
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '正常'].map(neutraliseFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", '正常']);
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('第一行\n第二行')).toBe('"第一行\n第二行"');
  });

  it('a title containing {{ is printed literally, never evaluated as a template', async () => {
    const report = await seedCopy();
    const evil = "{{constructor.constructor 'alert(1)'}} {{> header}} {{{raw}}}";
    report.rubric.title = evil;
    report.nodes.find((n) => n.id === '1')!.title = evil;
    const html = text(await formatReport(report, 'html'));
    const escaped = evil.replace(/'/g, '&#x27;').replace(/>/g, '&gt;');
    expect(html).toContain(`<title>${escaped}自查评分表（暂定）</title>`);
    expect(html).toContain(`${escaped}（15分）`);
    const md = text(await formatReport(report, 'md'));
    expect(md).toContain('{{constructor.constructor');
    expect(escapeMarkdownCell('a|b\nc*d_e')).toBe('a\\|b<br>c\\*d\\_e');
  });
});
