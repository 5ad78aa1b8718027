import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handScoreSeed } from '../../src/bench/hand-scorer.js';
import { createRandom } from '../../src/bench/random.js';
import { generateEvidence } from '../../src/bench/synthetic-evidence.js';
import { parseEvidence, scoreEvidence } from '../../src/index.js';
import { compile } from './helpers.js';

describe('benchmark reference scorer', () => {
  const seed = compile(readFileSync('rubrics/etuokeqianqi-2017.yaml', 'utf8'), 'rubrics/etuokeqianqi-2017.yaml');

  it('agrees with the engine on the seed rubric for synthetic agencies and the bundled examples', async () => {
    const rnd = createRandom(99);
    const texts = Array.from({ length: 150 }, (_, i) => JSON.stringify(generateEvidence(seed, i, rnd, 'chk')));
    const dir = 'examples/etuokeqianqi-2017';
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) texts.push(readFileSync(`${dir}/${f}`, 'utf8'));
    for (const text of texts) {
      const ev = parseEvidence('e', text, seed);
      if (!ev.ok) throw new Error(JSON.stringify(ev.diagnostics[0]));
      const report = await scoreEvidence(seed, ev.value);
      const hand = handScoreSeed(ev.value.evidence);
      expect([hand.final, hand.grade], ev.value.evidence.agency.code).toEqual([report.totals.final, report.totals.grade]);
    }
  });
});
