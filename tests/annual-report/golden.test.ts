// Golden files of what users read: `report check` text for seed 002 and the blank-cells page, `report show` Markdown
// for seed 004, the HTML check page. Regenerate only on purpose (`npx vitest run tests/annual-report -u`) and review
// the diff.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const FIX = 'tests/annual-report/fixtures/';

describe('annual-report golden outputs', () => {
  it('report check: seed 002 (text)', async () => {
    const r = await cli(['report', 'check', `${FIX}seed-002_e5b39d85801b4d29.txt`, '--level', '县级部门']);
    await expect(r.stdout).toMatchFileSnapshot('./__golden__/seed-002-check.txt');
  });

  it('report check: blank detail cells (text) and the 2019 trial format (html)', async () => {
    const a = await cli(['report', 'check', `${FIX}html-2022-blank-cells.html`, '--level', '县级政府']);
    await expect(a.stdout).toMatchFileSnapshot('./__golden__/html-2022-blank-cells-check.txt');
    const b = await cli(['report', 'check', `${FIX}html-2020-trial.html`, '--format', 'html']);
    await expect(b.stdout).toMatchFileSnapshot('./__golden__/html-2020-trial-check.html');
  });

  it('report show: seed 004 candidate facts (md)', async () => {
    const r = await cli(['report', 'show', `${FIX}seed-004_c487b475468ca4a1.txt`]);
    await expect(r.stdout).toMatchFileSnapshot('./__golden__/seed-004-show.md');
  });
});
