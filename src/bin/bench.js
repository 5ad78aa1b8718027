#!/usr/bin/env node
// Bench entry (`npm run bench`): load TypeScript through tsx and run the benchmark (src/bench/run-bench.ts).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/run-bench.ts');
process.exitCode = await main(process.argv.slice(2));
