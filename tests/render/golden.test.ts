// Golden files of the seed example (and its blank form). Regenerate only on purpose: npx vitest run tests/render -u,
// then review the diff.
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/index.js';
import { renderSheetCsv } from '../../src/formatters/csv.js';
import { renderSheetMarkdown } from '../../src/formatters/md.js';
import { buildBlankSheetViewModel } from '../../src/render/blank-report.js';
import { seedReport, stable } from './fixtures.js';

const text = (o: string | Uint8Array): string => (typeof o === 'string' ? o : Buffer.from(o).toString('utf8'));

describe('golden files: seed example (鄂托克前旗住建局 2017)', () => {
  it.each([
    ['html', 'seed.sheet.html'],
    ['summary-html', 'seed.summary.html'],
    ['md', 'seed.md'],
    ['csv', 'seed.csv'],
  ] as const)('%s', async (format, file) => {
    const { report } = await seedReport();
    await expect(stable(text(await formatReport(report, format)))).toMatchFileSnapshot(`./__golden__/${file}`);
  });

  it('landscape html differs only in the page orientation', async () => {
    const { report } = await seedReport();
    const portrait = text(await formatReport(report, 'html'));
    const landscape = text(await formatReport(report, 'html', { orientation: 'landscape' }));
    expect(landscape).toContain('@page { size: A4 landscape;');
    expect(landscape).toContain('<body class="sheet landscape">');
    const body = (html: string): string => html.slice(html.indexOf('</head>')).replace(/ (portrait|landscape)">/, '">');
    expect(body(landscape)).toBe(body(portrait));
  });

  it('blank form (Markdown and CSV)', async () => {
    const { compiled } = await seedReport();
    const vm = buildBlankSheetViewModel(compiled);
    await expect(stable(renderSheetMarkdown(vm))).toMatchFileSnapshot('./__golden__/blank.md');
    await expect(stable(renderSheetCsv(vm))).toMatchFileSnapshot('./__golden__/blank.csv');
  });
});
