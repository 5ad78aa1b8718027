// Compile a validated rubric to json-rules-engine rules: one rule per condition site, named by the site key.
// The CompiledRubric is built once per rubric and reused for every agency; its Engine is never run concurrently.
import { Engine, Fact, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { buildRubricModel, type RubricModel } from '../model/rubric-model.js';
import { collectRuleSites, collectScoringFactRefs, conditionFacts, type RuleSite } from '../model/rule-sites.js';
import type { Condition } from '../schema/condition-schema.js';
import type { Rubric } from '../schema/rubric-schema.js';
import { expandToEvidenceFacts, orderDerived } from '../validate/check-facts.js';
import { compileRuleClosures } from './compile-closures.js';
import { CUSTOM_OPERATORS } from './operators.js';
import { ownPropertyPathResolver } from './path-resolver.js';

export interface CompiledSite extends RuleSite {
  /** Facts the site reads; if any is missing the site's outcome is `missing`, never a silent false. */
  requiredFacts: string[];
}

export interface CompiledRubric {
  rubric: Rubric;
  model: RubricModel;
  /** sha256 of the rubric source text. */
  hash: string;
  file?: string;
  sites: CompiledSite[];
  siteByKey: Map<string, CompiledSite>;
  /** The json-rules-engine rules, in site order; JSON-serialisable. */
  rules: RuleProperties[];
  /** Derived facts in dependency order. */
  derivedOrder: string[];
  /** All fact ids in the catalogue (sorted). */
  factIds: string[];
  /** Per node id (and `veto:<id>`), the evidence facts its own rules and scoring read, derived facts expanded
   *  to their inputs. Used to warn about missing facts only where they matter (applicable nodes). */
  factUsers: Map<string, string[]>;
  /** Which rule runner `runRules` is: the compiled closures (default) or json-rules-engine itself. */
  engine: RuleEngineKind;
  /** Run the rules for one agency's facts (the runner `engine` names). */
  runRules(facts: Record<string, unknown>): Promise<RuleOutcomes>;
  /** The compiled closures, synchronous (same outcomes as the reference). */
  runRulesSync(facts: Record<string, unknown>): RuleOutcomes;
  /** json-rules-engine's run of `rules`. Calls are queued: the Engine never runs concurrently. */
  runReferenceRules(facts: Record<string, unknown>): Promise<RuleOutcomes>;
}

/** `compiled`: rules as synchronous closures (the hot path); `reference`: json-rules-engine runs them. */
export type RuleEngineKind = 'compiled' | 'reference';
export const RULE_ENGINES: readonly RuleEngineKind[] = ['compiled', 'reference'];

/** The same compiled rubric with `runRules` switched to the given runner. */
export function withRuleEngine(compiled: CompiledRubric, engine: RuleEngineKind): CompiledRubric {
  if (compiled.engine === engine) return compiled;
  const runRules = engine === 'reference' ? compiled.runReferenceRules : (facts: Record<string, unknown>) => Promise.resolve(compiled.runRulesSync(facts));
  return { ...compiled, engine, runRules };
}

export interface LeafOutcome {
  fact: string;
  operator: string;
  value: unknown;
  factResult: unknown;
  valueResult: unknown;
  result: boolean;
  path?: string;
  name?: string;
}

export interface SiteOutcome {
  result: boolean;
  leaves: LeafOutcome[];
}

export type RuleOutcomes = Map<string, SiteOutcome>;

type EngineCondition = Record<string, unknown>;

/** Our condition → json-rules-engine condition, with {param} values replaced by the parameter's value. */
export function compileCondition(c: Condition, rubric: Rubric): EngineCondition {
  if ('all' in c) return { all: c.all.map((x) => compileCondition(x, rubric)), ...(c.name ? { name: c.name } : {}) };
  if ('any' in c) return { any: c.any.map((x) => compileCondition(x, rubric)), ...(c.name ? { name: c.name } : {}) };
  if ('not' in c) return { not: compileCondition(c.not, rubric), ...(c.name ? { name: c.name } : {}) };
  let value: unknown = c.value;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'param' in value) value = rubric.parameters[(value as { param: string }).param]?.value;
  const out: EngineCondition = { fact: c.fact, operator: c.operator, value };
  if (c.path !== undefined) out.path = c.path;
  if (c.name !== undefined) out.name = c.name;
  return out;
}

function topLevel(c: EngineCondition): TopLevelCondition {
  // json-rules-engine needs all/any/not at the top; a single leaf is wrapped in `all`.
  return ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as unknown as TopLevelCondition;
}

function collectLeaves(node: Record<string, unknown>, out: LeafOutcome[]): boolean {
  if (Array.isArray(node.all)) {
    const r = (node.all as Array<Record<string, unknown>>).map((x) => collectLeaves(x, out));
    return r.every(Boolean);
  }
  if (Array.isArray(node.any)) {
    const r = (node.any as Array<Record<string, unknown>>).map((x) => collectLeaves(x, out));
    return r.some(Boolean);
  }
  if (node.not && typeof node.not === 'object') return !collectLeaves(node.not as Record<string, unknown>, out);
  const leaf: LeafOutcome = {
    fact: String(node.fact),
    operator: String(node.operator),
    value: node.value,
    factResult: node.factResult,
    valueResult: node.valueResult,
    result: node.result === true,
  };
  if (typeof node.path === 'string') leaf.path = node.path;
  if (typeof node.name === 'string') leaf.name = node.name;
  out.push(leaf);
  return leaf.result;
}

function collectFactUsers(rubric: Rubric, model: RubricModel, sites: CompiledSite[]): Map<string, string[]> {
  const raw = new Map<string, string[]>();
  const add = (key: string, facts: string[]): void => {
    raw.set(key, [...(raw.get(key) ?? []), ...facts]);
  };
  for (const s of sites) add(s.nodeId ?? s.key, s.requiredFacts);
  for (const r of collectScoringFactRefs(model)) if (r.nodeId) add(r.nodeId, [r.name]);
  const users = new Map<string, string[]>();
  for (const [k, v] of raw) users.set(k, expandToEvidenceFacts(rubric.facts, v));
  return users;
}

/** Create the one Engine a compiled rubric uses: strict facts, safe paths, custom operators. */
export function createEngine(rules: RuleProperties[]): Engine {
  const engine = new Engine(rules, { allowUndefinedFacts: false, pathResolver: ownPropertyPathResolver });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, (a: unknown, b: unknown) => fn(a, b));
  return engine;
}

/** Compile a validated rubric. Assumes checkRubric found no errors. */
export function compileRubric(rubric: Rubric, meta: { hash: string; file?: string; engine?: RuleEngineKind }): CompiledRubric {
  const model = buildRubricModel(rubric);
  const sites: CompiledSite[] = collectRuleSites(model).map((s) => ({ ...s, requiredFacts: conditionFacts(s.condition).sort() }));
  const rules: RuleProperties[] = sites.map((s) => ({
    name: s.key,
    priority: 1,
    conditions: topLevel(compileCondition(s.condition, rubric)),
    event: { type: 'zwgk.site', params: { site: s.key } },
  }));
  let engine: Engine | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  const runReferenceRules = (facts: Record<string, unknown>): Promise<RuleOutcomes> => {
    engine ??= createEngine(rules);
    const e = engine;
    const run = tail.then(async () => {
      // Facts as constant Facts without the engine's per-value cache: every value is given, so the cache (an
      // object hash per fact per run, ~5% of a batch) buys nothing.
      const runtime: Record<string, Fact> = {};
      for (const k of Object.keys(facts)) runtime[k] = new Fact(k, facts[k] as never, { cache: false });
      const { results, failureResults } = await e.run(runtime);
      const outcomes: RuleOutcomes = new Map();
      for (const r of [...results, ...failureResults]) {
        const leaves: LeafOutcome[] = [];
        const result = collectLeaves(r.conditions as unknown as Record<string, unknown>, leaves);
        outcomes.set(String(r.name), { result, leaves });
      }
      return outcomes;
    });
    tail = run.catch(() => undefined);
    return run;
  };
  let closures: ((facts: Record<string, unknown>) => RuleOutcomes) | null = null;
  const runRulesSync = (facts: Record<string, unknown>): RuleOutcomes => {
    // Built on first use from the same rules and an Engine's operator map (the Engine itself is not run).
    closures ??= compileRuleClosures(rules, createEngine([]));
    return closures(facts);
  };
  const kind = meta.engine ?? 'compiled';
  return {
    rubric,
    model,
    hash: meta.hash,
    ...(meta.file !== undefined ? { file: meta.file } : {}),
    sites,
    siteByKey: new Map(sites.map((s) => [s.key, s])),
    rules,
    derivedOrder: orderDerived(rubric.facts),
    factIds: Object.keys(rubric.facts).sort(),
    factUsers: collectFactUsers(rubric, model, sites),
    engine: kind,
    runRules: kind === 'reference' ? runReferenceRules : (facts) => Promise.resolve(runRulesSync(facts)),
    runRulesSync,
    runReferenceRules,
  };
}
