// The Handlebars environment: --template overrides by file name, strict mode, known helpers only, escaped output only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../src/index.js';
import { RenderError } from '../../src/render/errors.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplateSet } from '../../src/render/handlebars-env.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { seedReport } from './fixtures.js';

const temp = tempDirs();
afterAll(temp.removeAll);

function templateDir(files: Record<string, string>): string {
  const dir = temp.make('zwgk-tpl-');
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

const text = (o: string | Uint8Array): string => (typeof o === 'string' ? o : Buffer.from(o).toString('utf8'));

describe('templates', () => {
  it('compiles the built-in set once and caches it', async () => {
    const a = await loadTemplateSet();
    expect(await loadTemplateSet()).toBe(a);
    expect(a.sources.sheet).toBe(join(BUILTIN_TEMPLATE_DIR, 'sheet.hbs'));
  });

  it('--template overrides a partial by file name (top level or partials/) and keeps the rest built in', async () => {
    const { report } = await seedReport();
    const dir = templateDir({ 'header.hbs': '<header class="mine">{{agency.name}} · {{periodText}} · {{safeUrl "javascript:x"}}</header>' });
    const html = text(await formatReport(report, 'html', { templateDir: dir }));
    expect(html).toContain('<header class="mine">鄂托克前旗住房和城乡规划建设局 · 2017年度 · </header>');
    expect(html).toContain('<table class="grid sheet-table">');
    const dir2 = templateDir({ 'partials/footer.hbs': '<footer>{{stamp.engine}}</footer>', 'sheet.hbs': '{{#each rows}}{{seq}};{{/each}}{{> footer}}' });
    expect(text(await formatReport(report, 'html', { templateDir: dir2 }))).toMatch(/^1;2;3;4;5;6;;7;.*35;;;<footer>zwgk-score \d/);
  });

  it('a missing field stops rendering (strict mode) with a message naming the template', async () => {
    const { report } = await seedReport();
    const dir = templateDir({ 'sheet.hbs': '<p>{{agency.nmae}}</p>' });
    const err = await formatReport(report, 'html', { templateDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RenderError);
    expect((err as RenderError).code).toBe('TEMPLATE_RENDER_FAILED');
    expect((err as RenderError).message).toMatch(/sheet\.hbs.*nmae/);
  });

  it('refuses unescaped output and unknown helpers', async () => {
    const { report } = await seedReport();
    for (const body of ['{{{title}}}', '{{& title}}']) {
      const err = await formatReport(report, 'html', { templateDir: templateDir({ 'sheet.hbs': body }) }).catch((e: unknown) => e);
      expect((err as RenderError).code).toBe('TEMPLATE_INVALID');
    }
    const err = await formatReport(report, 'html', { templateDir: templateDir({ 'sheet.hbs': '{{lookupEval title}}' }) }).catch((e: unknown) => e);
    expect((err as RenderError).message).toMatch(/knownHelpersOnly/);
  });
});
