#!/usr/bin/env node
// Bench entry (`npm run bench:serve`): load TypeScript through tsx and run the service load benchmark
// (src/bench/serve-bench.ts).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/serve-bench.ts');
process.exitCode = await main(process.argv.slice(2));
