// The hot path's rule runner: each json-rules-engine rule (the `compile` output) turned once into a synchronous
// closure that yields exactly what a json-rules-engine run yields after `collectLeaves` — per leaf fact, operator,
// value, factResult, valueResult, result (path, name), in the same key order — without promises, almanacs or
// per-run condition clones. The operators are json-rules-engine's own Operator objects (taken from an Engine
// configured as `createEngine` configures it), so validators and comparisons cannot drift from the reference.
// json-rules-engine stays the reference: `--engine reference` runs it, and tests/differential compares both.
import type { Engine, RuleProperties } from 'json-rules-engine';
import type { LeafOutcome, RuleOutcomes, SiteOutcome } from './compile-rubric.js';
import { ownPropertyPathResolver } from './path-resolver.js';

type Facts = Record<string, unknown>;
/** Evaluates one condition node; pushes its leaves (in document order) and returns the node's result. */
type NodeFn = (facts: Facts, out: LeafOutcome[]) => boolean;
interface EngineOperator {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Almanac.factValue for constant facts: strict (undefined fact throws), path applied to objects only. */
function readFact(facts: Facts, id: string, path: string | undefined): unknown {
  if (!own(facts, id)) throw new Error(`Undefined fact: ${id}`);
  const v = facts[id];
  if (path && v != null && typeof v === 'object') return ownPropertyPathResolver(v, path);
  return v;
}

function compileNode(node: Record<string, unknown>, operators: (name: string) => EngineOperator | undefined): NodeFn {
  if (Array.isArray(node.all)) {
    const parts = (node.all as Array<Record<string, unknown>>).map((c) => compileNode(c, operators));
    return (facts, out) => {
      let ok = true;
      for (const p of parts) if (!p(facts, out)) ok = false; // every part is evaluated, as the engine does
      return ok;
    };
  }
  if (Array.isArray(node.any)) {
    const parts = (node.any as Array<Record<string, unknown>>).map((c) => compileNode(c, operators));
    return (facts, out) => {
      let ok = false;
      for (const p of parts) if (p(facts, out)) ok = true;
      return ok;
    };
  }
  if (node.not && typeof node.not === 'object') {
    const inner = compileNode(node.not as Record<string, unknown>, operators);
    return (facts, out) => !inner(facts, out);
  }
  const fact = String(node.fact);
  const operator = String(node.operator);
  const value = node.value;
  const path = typeof node.path === 'string' ? node.path : undefined;
  const name = typeof node.name === 'string' ? node.name : undefined;
  const valueRef = value != null && typeof value === 'object' && own(value, 'fact') ? (value as { fact: string; path?: string }) : null;
  const op = operators(operator);
  return (facts, out) => {
    if (!op) throw new Error(`Unknown operator: ${operator}`);
    const valueResult = valueRef ? readFact(facts, valueRef.fact, valueRef.path) : value;
    const factResult = readFact(facts, fact, path);
    const result = op.evaluate(factResult, valueResult) === true;
    const leaf: LeafOutcome = { fact, operator, value, factResult, valueResult, result };
    if (path !== undefined) leaf.path = path;
    if (name !== undefined) leaf.name = name;
    out.push(leaf);
    return result;
  };
}

/**
 * Compile json-rules-engine rules into one synchronous function from facts to outcomes per rule name.
 * @param engine an Engine set up by `createEngine` (only its operator map is used; it is never run here).
 */
export function compileRuleClosures(rules: RuleProperties[], engine: Engine): (facts: Facts) => RuleOutcomes {
  const map = (engine as unknown as { operators: { get(name: string): EngineOperator | undefined } }).operators;
  const operators = (name: string): EngineOperator | undefined => map.get(name);
  const compiled = rules.map((r) => ({ name: String(r.name), run: compileNode(r.conditions as unknown as Record<string, unknown>, operators) }));
  return (facts) => {
    const outcomes: RuleOutcomes = new Map();
    for (const r of compiled) {
      const leaves: LeafOutcome[] = [];
      const result = r.run(facts, leaves);
      outcomes.set(r.name, { result, leaves } satisfies SiteOutcome);
    }
    return outcomes;
  };
}
