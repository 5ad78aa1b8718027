// Benchmark (not a test): time and peak memory of the hostile cases of issue 9, each in a fresh child process so
// the peak RSS is its own. Run: npx tsx tests/hostile/measure.ts  (prints one line per case and a summary line).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED_RUBRIC = 'rubrics/etuokeqianqi-2017.yaml';
const self = fileURLToPath(import.meta.url);

async function measureCase(name: string): Promise<void> {
  const { buildEvidenceWorkbook, writeWorkbook, loadRubric, importEvidenceForm, parseEvidence, formatDiagnostics, compareBatch, parseRubric } = await import('../../src/index.js');
  const { readZipEntries, writeZip } = await import('./zip-writer.js');
  const { countyRubric, evidence } = await import('../batch/helpers.js');
  const r = await loadRubric(SEED_RUBRIC);
  if (!r.ok) throw new Error('seed rubric invalid');
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-measure-'));
  let ms = 0;
  let detail = '';
  try {
    if (name === 'bomb') {
      const form = await readZipEntries(Buffer.from(await writeWorkbook(await buildEvidenceWorkbook(r.value, {}))));
      const MIB = Buffer.alloc(1 << 20, 0x20);
      const bomb = writeZip(form.filter((e) => !e.name.endsWith('/')).map((e) => (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) ? { name: e.name, head: '<worksheet>', unit: MIB, count: 450, tail: '</worksheet>' } : e)));
      const before = process.resourceUsage().maxRSS;
      const t0 = performance.now();
      const res = await importEvidenceForm(bomb, r.value, { file: 'bomb.xlsx' });
      ms = performance.now() - t0;
      // The peak of the whole process is set while building the bomb; what the check itself added:
      detail = `bytes=${bomb.length} code=${res.diagnostics[0]?.code} peak_growth_during_check_mb=${Math.round((process.resourceUsage().maxRSS - before) / 1024)}`;
    } else if (name === 'keys30k') {
      const lines = ['rubric: { id: etuokeqianqi-2017, version: "2017.1" }', 'agency: { name: 测试局, code: cs }', 'period: { year: 2017 }', 'facts:'];
      for (let i = 0; i < 30_000; i++) lines.push(`  unknownFact${String(i).padStart(5, '0')}: 1`);
      const text = lines.join('\n') + '\n';
      const t0 = performance.now();
      const res = parseEvidence('keys30k.yaml', text, r.value);
      const printed = formatDiagnostics(res.diagnostics, new Map([['keys30k.yaml', text]]));
      ms = performance.now() - t0;
      detail = `bytes=${text.length} diagnostics=${res.diagnostics.length} printedLines=${printed.split('\n').length}`;
    } else if (name === 'compare') {
      const rubricText = countyRubric();
      const parsed = parseRubric('rubric.yaml', rubricText);
      if (!parsed.ok) throw new Error('county rubric invalid');
      writeFileSync(join(dir, 'rubric.yaml'), rubricText);
      mkdirSync(join(dir, 'in'));
      const facts = { meetings: 1, system: true, posts: 60, hotline: true, hall: true };
      for (let i = 0; i < 199; i++) writeFileSync(join(dir, 'in', `${String(i).padStart(3, '0')}.json`), evidence({ code: `c${i}`, cls: 'A', facts }));
      writeFileSync(join(dir, 'in', '000-poison.yaml'), `rubric: { id: county-test, version: "1" }\nagency: { name: 毒, code: p }\nperiod: { year: 2024 }\nfacts:\n  meetings: [${'1,'.repeat(1_000_000)}1]\n`);
      const t0 = performance.now();
      const rep = await compareBatch({ inputs: ['in'], rubric: { file: 'rubric.yaml', compiled: parsed.value }, cwd: dir, jobs: 2 });
      ms = performance.now() - t0;
      detail = `scored=${rep.counts.scored} leftOut=${rep.leftOut.map((f) => f.messages[0]?.code).join(',')}`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`${name} ms=${Math.round(ms)} peak_rss_mb=${peak} ${detail}`);
}

const which = process.argv[2];
if (which) await measureCase(which);
else {
  for (const c of ['bomb', 'keys30k', 'compare']) {
    process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', self, c], { encoding: 'utf8' }));
  }
}
