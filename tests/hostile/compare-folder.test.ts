// Entries of a compare folder that cannot be read as evidence are listed with their reason, never skipped silently
// (issue 9): a symbolic-link loop, a dangling link, a FIFO named .yaml (reading it would block for ever).
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompareReport } from '../../src/cohort/compare-report.js';
import { cli, countyRubric, evidence, tempDir, type TempDir } from '../batch/helpers.js';
import { expectNoInternals } from './expect-clean.js';

let t: TempDir;
afterEach(() => t?.cleanup());

describe('compare folder entries that are not files', () => {
  it('lists a link loop, a dangling link and a FIFO as left out with reasons, and scores the good file', async () => {
    t = tempDir();
    t.write('rubric.yaml', countyRubric());
    t.write('in/good.json', evidence({ code: 'g', cls: 'A', facts: { meetings: 1, system: true, posts: 60, hotline: true, hall: true } }));
    symlinkSync('loop.yaml', join(t.dir, 'in/loop.yaml'));
    symlinkSync('missing.json', join(t.dir, 'in/dangling.json'));
    execFileSync('mkfifo', [join(t.dir, 'in/pipe.yaml')]);
    const r = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'json'], t.dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as CompareReport;
    expect(report.agencies.map((a) => a.code)).toEqual(['g']);
    expect(report.leftOut.map((f) => [f.file, f.reason, f.messages[0]!.code])).toEqual([
      ['in/dangling.json', 'unreadable', 'FILE_UNREADABLE'],
      ['in/loop.yaml', 'unreadable', 'FILE_UNREADABLE'],
      ['in/pipe.yaml', 'unreadable', 'FILE_UNREADABLE'],
    ]);
    const why = Object.fromEntries(report.leftOut.map((f) => [f.file, f.messages[0]!.message]));
    expect(why['in/loop.yaml']).toContain('循环');
    expect(why['in/dangling.json']).toContain('悬空');
    expect(why['in/pipe.yaml']).toContain('命名管道');
    expectNoInternals(r);
  });

  it('a FIFO named on the command line is left out too (never read)', async () => {
    t = tempDir();
    t.write('rubric.yaml', countyRubric());
    execFileSync('mkfifo', [join(t.dir, 'pipe.json')]);
    const r = await cli(['compare', 'pipe.json', '--rubric', 'rubric.yaml', '--format', 'json'], t.dir);
    const report = JSON.parse(r.stdout) as CompareReport;
    expect(report.leftOut.map((f) => [f.file, f.messages[0]!.code])).toEqual([['pipe.json', 'FILE_UNREADABLE']]);
  });
});
