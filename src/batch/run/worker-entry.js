// Worker-thread entry for batch scoring. Worker threads start as plain Node, so — like src/bin/zwgk.js — this
// registers tsx to load TypeScript, then runs the worker module. Works from the CLI and inside vitest alike.
import { register } from 'tsx/esm/api';

register();
await import('./score-worker.ts');
