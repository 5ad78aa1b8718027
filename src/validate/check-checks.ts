// Semantic checks of a rubric's `checks:` section (勾稽关系; unique ids are checked with the other ids): exactly one assertion per check, every fact it
// reads declared, arithmetic only over numeric facts, and `implies` values of the fact's type.
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { checkKinds } from '../checks/check-shape.js';
import type { Check, CheckClause } from '../schema/check-schema.js';
import type { FactDef } from '../schema/fact-schema.js';

type Add = (d: Diagnostic, path: PathSegment[], preferKey?: boolean) => void;

const NUMERIC = new Set(['integer', 'number', 'percent']);
const TYPE_WORDS: Record<string, string> = { boolean: '布尔值(true/false)', integer: '数值', number: '数值', percent: '数值', date: '日期字符串', enum: '字符串', text: '字符串' };

function checkFact(id: string, facts: Record<string, FactDef>, path: PathSegment[], add: Add): FactDef | undefined {
  const def = Object.prototype.hasOwnProperty.call(facts, id) ? facts[id] : undefined;
  if (!def) {
    const hint = didYouMean(id, Object.keys(facts));
    add(makeDiagnostic('UNKNOWN_FACT', { actual: id, path, ...(hint ? { hint } : {}) }), path);
  }
  return def;
}

function checkClause(cl: CheckClause, facts: Record<string, FactDef>, path: PathSegment[], add: Add): void {
  const def = checkFact(cl.fact, facts, [...path, 'fact'], add);
  if (!def) return;
  if (def.type === 'list') {
    add(makeDiagnostic('OPERATOR_TYPE_MISMATCH', { reason: '数据核验的比较', actual: cl.operator, expected: def.type, path: [...path, 'operator'] }), [...path, 'operator']);
    return;
  }
  const ordering = cl.operator !== 'equal' && cl.operator !== 'notEqual';
  if (ordering && !NUMERIC.has(def.type) && def.type !== 'date') {
    add(makeDiagnostic('OPERATOR_TYPE_MISMATCH', { reason: '数据核验的比较', actual: cl.operator, expected: def.type, path: [...path, 'operator'] }), [...path, 'operator']);
    return;
  }
  const v = cl.value;
  const ok = def.type === 'boolean' ? typeof v === 'boolean' : NUMERIC.has(def.type) ? typeof v === 'number' : typeof v === 'string';
  if (!ok) add(makeDiagnostic('VALUE_TYPE_MISMATCH', { actual: v, expected: TYPE_WORDS[def.type] ?? def.type, path: [...path, 'value'] }), [...path, 'value']);
  else if (def.type === 'enum' && def.values && !def.values.includes(String(v)))
    add(makeDiagnostic('VALUE_TYPE_MISMATCH', { actual: v, expected: `${def.values.join('、')} 之一`, path: [...path, 'value'] }), [...path, 'value']);
}

/** Validate every declared check; diagnostics point at the check's own YAML. */
export function checkChecks(checks: readonly Check[], facts: Record<string, FactDef>, add: Add): void {
  checks.forEach((c, i) => {
    const p: PathSegment[] = ['checks', i];
    const kinds = checkKinds(c);
    if (kinds.length !== 1) {
      add(
        makeDiagnostic('SCHEMA_INVALID', {
          reason: `数据核验 "${c.id}" 须且只须写 sumEquals、equal、lessOrEqual、greaterOrEqual、implies 之一${kinds.length > 1 ? `(现写了 ${kinds.join('、')})` : ''}`,
          path: [...p, 'id'],
        }),
        [...p, 'id'],
      );
      return;
    }
    const kind = kinds[0]!;
    if (kind === 'implies') {
      checkClause(c.implies!.if, facts, [...p, 'implies', 'if'], add);
      checkClause(c.implies!.then, facts, [...p, 'implies', 'then'], add);
      if (c.tolerance !== undefined)
        add(makeDiagnostic('SCHEMA_INVALID', { reason: `数据核验 "${c.id}" 是 implies(条件推断),不能写容差 tolerance`, path: [...p, 'tolerance'] }), [...p, 'tolerance'], true);
      return;
    }
    const operands: Array<[unknown, PathSegment[]]> =
      kind === 'sumEquals'
        ? [[c.sumEquals!.total, [...p, 'sumEquals', 'total']], ...c.sumEquals!.parts.map((x, j): [unknown, PathSegment[]] => [x, [...p, 'sumEquals', 'parts', j]])]
        : c[kind]!.map((x, j): [unknown, PathSegment[]] => [x, [...p, kind, j]]);
    if (operands.every(([x]) => typeof x === 'number'))
      add(makeDiagnostic('SCHEMA_INVALID', { reason: `数据核验 "${c.id}" 至少要读取一个事实`, path: [...p, kind] }), [...p, kind], true);
    for (const [x, path] of operands) {
      if (typeof x !== 'string') continue;
      const def = checkFact(x, facts, path, add);
      if (def && !NUMERIC.has(def.type))
        add(
          makeDiagnostic('OPERATOR_TYPE_MISMATCH', {
            reason: '数据核验',
            actual: kind,
            expected: def.type,
            path,
            hint: `${kind} 只能读取数值型事实(integer、number 或 percent);是/否等事实请用 implies`,
          }),
          path,
        );
    }
  });
}
