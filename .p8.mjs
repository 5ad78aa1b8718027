var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// src/compile/compile-rubric.ts
import { Engine, Fact } from "json-rules-engine";

// src/score/decimal.ts
import { Decimal } from "decimal.js";
var D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
var ZERO = new D(0);
function dec(n) {
  return new D(n);
}
__name(dec, "dec");
function toOutput(d, precision) {
  const n = d.toDecimalPlaces(precision, D.ROUND_HALF_UP).toNumber();
  return n === 0 ? 0 : n;
}
__name(toOutput, "toOutput");
function clamp(d, lo, hi) {
  let r2 = d;
  if (hi !== null && r2.gt(hi)) r2 = hi;
  if (lo !== null && r2.lt(lo)) r2 = lo;
  return r2;
}
__name(clamp, "clamp");
function sum(values) {
  let s2 = ZERO;
  for (const v of values) s2 = s2.plus(v);
  return s2;
}
__name(sum, "sum");
function parseFactor(f) {
  const [n, d] = f.split("/");
  return [dec(n), dec(d ?? "1")];
}
__name(parseFactor, "parseFactor");
function formatPoints(n, precision = 2) {
  const d = typeof n === "number" ? dec(n) : n;
  return d.toDecimalPlaces(precision, D.ROUND_HALF_UP).toString();
}
__name(formatPoints, "formatPoints");

// src/model/rubric-model.ts
function impliedLeafMax(n) {
  const s2 = n.scoring;
  if (!s2) return null;
  if (s2.method === "perOccurrence" && s2.max !== void 0) return dec(s2.max);
  if (s2.method === "judgement" && s2.max !== void 0) return dec(s2.max);
  return null;
}
__name(impliedLeafMax, "impliedLeafMax");
function computeMax(n, parentMax) {
  if (n.points !== void 0) return dec(n.points);
  if (n.weight !== void 0 && parentMax !== null) return parentMax.times(n.weight).div(100);
  if (n.children && n.children.length > 0) {
    return sum(n.children.map((c2) => c2.points !== void 0 ? dec(c2.points) : impliedLeafMax(c2) ?? dec(0)));
  }
  if (n.cap !== void 0) return dec(n.cap);
  return impliedLeafMax(n) ?? dec(0);
}
__name(computeMax, "computeMax");
function buildRubricModel(rubric) {
  const nodes = [];
  const byId = /* @__PURE__ */ new Map();
  const visit2 = /* @__PURE__ */ __name((n, parent, path) => {
    const kind = n.kind !== "score" ? n.kind : parent ? parent.kind : "score";
    const max = computeMax(n, parent ? parent.max : dec(rubric.total));
    const flat = {
      node: n,
      id: n.id,
      parent: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      kind,
      boundary: kind !== "score" && (parent === null || parent.kind !== kind),
      max,
      path,
      children: (n.children ?? []).map((c2) => c2.id)
    };
    nodes.push(flat);
    if (!byId.has(n.id)) byId.set(n.id, flat);
    (n.children ?? []).forEach((c2, i) => visit2(c2, flat, [...path, "children", i]));
  }, "visit");
  rubric.nodes.forEach((n, i) => visit2(n, null, ["nodes", i]));
  return { rubric, nodes, byId, total: dec(rubric.total) };
}
__name(buildRubricModel, "buildRubricModel");

// src/model/rule-sites.ts
function collectRuleSites(model) {
  const sites = [];
  for (const f of model.nodes) {
    const n = f.node;
    const base = f.path;
    const s2 = n.scoring;
    if (s2?.method === "binary") sites.push({ key: `${n.id}#binary`, nodeId: n.id, kind: "binary", ref: 0, condition: s2.when, path: [...base, "scoring", "when"] });
    if (s2?.method === "clauses")
      s2.clauses.forEach(
        (c2, i) => sites.push({ key: `${n.id}#clause:${c2.id}`, nodeId: n.id, kind: "clause", ref: i, condition: c2.when, path: [...base, "scoring", "clauses", i, "when"] })
      );
    if (s2?.method === "levels")
      s2.levels.forEach((l, i) => {
        if (l.when) sites.push({ key: `${n.id}#level:${i}`, nodeId: n.id, kind: "level", ref: i, condition: l.when, path: [...base, "scoring", "levels", i, "when"] });
      });
    if (s2?.method === "deduct")
      s2.deductions.forEach((d, i) => {
        if (d.when) sites.push({ key: `${n.id}#deduction:${d.id}`, nodeId: n.id, kind: "deduction", ref: d.id, condition: d.when, path: [...base, "scoring", "deductions", i, "when"] });
      });
    n.zeroIf?.forEach((z8, i) => sites.push({ key: `${n.id}#zeroIf:${i}`, nodeId: n.id, kind: "zeroIf", ref: i, condition: z8.when, path: [...base, "zeroIf", i, "when"] }));
    n.ceilingIf?.forEach(
      (z8, i) => sites.push({ key: `${n.id}#ceilingIf:${i}`, nodeId: n.id, kind: "ceilingIf", ref: i, condition: z8.when, path: [...base, "ceilingIf", i, "when"] })
    );
    if (n.eligibleIf?.when)
      sites.push({ key: `${n.id}#eligibility`, nodeId: n.id, kind: "eligibility", ref: 0, condition: n.eligibleIf.when, path: [...base, "eligibleIf", "when"] });
  }
  model.rubric.vetoes.forEach((v, i) => sites.push({ key: `veto:${v.id}`, nodeId: null, kind: "veto", ref: v.id, condition: v.when, path: ["vetoes", i, "when"] }));
  return sites;
}
__name(collectRuleSites, "collectRuleSites");
function walkCondition(c2, path, onLeaf, onGroup) {
  if ("all" in c2) {
    onGroup?.("all", c2.all, path);
    c2.all.forEach((x, i) => walkCondition(x, [...path, "all", i], onLeaf, onGroup));
  } else if ("any" in c2) {
    onGroup?.("any", c2.any, path);
    c2.any.forEach((x, i) => walkCondition(x, [...path, "any", i], onLeaf, onGroup));
  } else if ("not" in c2) walkCondition(c2.not, [...path, "not"], onLeaf, onGroup);
  else onLeaf(c2, path);
}
__name(walkCondition, "walkCondition");
function conditionFacts(c2) {
  const out = /* @__PURE__ */ new Set();
  walkCondition(c2, [], (leaf) => {
    out.add(leaf.fact);
    const v = leaf.value;
    if (v && typeof v === "object" && !Array.isArray(v) && "fact" in v) out.add(v.fact);
  });
  return [...out];
}
__name(conditionFacts, "conditionFacts");
function collectScoringFactRefs(model) {
  const refs = [];
  for (const f of model.nodes) {
    const s2 = f.node.scoring;
    const p = [...f.path, "scoring"];
    if (!s2) continue;
    if (s2.method === "linear" || s2.method === "percent" || s2.method === "external" || s2.method === "stepped") refs.push({ name: s2.fact, path: [...p, "fact"] });
    if (s2.method === "weighted") s2.inputs.forEach((x, i) => refs.push({ name: x.fact, path: [...p, "inputs", i, "fact"] }));
    if (s2.method === "perOccurrence") refs.push({ name: s2.per.fact, path: [...p, "per", "fact"] });
    if (s2.method === "rank" && "fact" in s2.basis) refs.push({ name: s2.basis.fact, path: [...p, "basis", "fact"] });
    if (s2.method === "deduct")
      s2.deductions.forEach((d, i) => {
        if (d.per) refs.push({ name: d.per.fact, path: [...p, "deductions", i, "per", "fact"] });
      });
  }
  return refs;
}
__name(collectScoringFactRefs, "collectScoringFactRefs");
function collectParamRefs(rubric) {
  const refs = [];
  const walk = /* @__PURE__ */ __name((v, path) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") {
      const o = v;
      if (typeof o.param === "string" && Object.keys(o).length === 1) refs.push({ name: o.param, path: [...path, "param"] });
      else for (const [k, x] of Object.entries(o)) if (k !== "parameters") walk(x, [...path, k]);
    }
  }, "walk");
  walk(rubric.nodes, ["nodes"]);
  walk(rubric.vetoes, ["vetoes"]);
  return refs;
}
__name(collectParamRefs, "collectParamRefs");

// src/diagnostics/codes.ts
var DIAGNOSTIC_CODES = {
  FILE_NOT_FOUND: "\u627E\u4E0D\u5230\u6587\u4EF6",
  FILE_UNREADABLE: "\u65E0\u6CD5\u8BFB\u53D6\u6587\u4EF6:{reason}",
  FILE_TOO_LARGE: "\u6587\u4EF6\u8FC7\u5927:{actual} \u5B57\u8282,\u4E0A\u9650\u4E3A {expected} \u5B57\u8282",
  NESTING_TOO_DEEP: "\u5D4C\u5957\u5C42\u7EA7\u8FC7\u6DF1(\u8D85\u8FC7 {expected} \u5C42),\u5DF2\u62D2\u7EDD\u89E3\u6790",
  YAML_SYNTAX: "YAML \u8BED\u6CD5\u9519\u8BEF:{reason}",
  YAML_WARNING: "YAML \u8B66\u544A\u6309\u9519\u8BEF\u5904\u7406:{reason}",
  JSON_SYNTAX: "JSON \u8BED\u6CD5\u9519\u8BEF:{reason}",
  PROTOTYPE_KEY: '\u4E0D\u5141\u8BB8\u4F7F\u7528\u952E\u540D "{actual}"(\u539F\u578B\u6C61\u67D3\u98CE\u9669)',
  SCHEMA_INVALID: "{reason}",
  UNKNOWN_KEY: '\u672A\u77E5\u5B57\u6BB5 "{actual}"',
  ID_NOT_STRING: '\u7F16\u53F7\u5FC5\u987B\u662F\u5B57\u7B26\u4E32:\u8BF7\u7ED9 {actual} \u52A0\u4E0A\u5F15\u53F7,\u5199\u6210 "{expected}"',
  DUPLICATE_ID: '{reason}\u7F16\u53F7 "{actual}" \u91CD\u590D,\u9996\u6B21\u51FA\u73B0\u5728\u7B2C {expected} \u884C',
  POINTS_MISMATCH: "\u4E0B\u7EA7\u5206\u503C\u5408\u8BA1 {actual} \u4E0E\u672C\u7EA7\u5206\u503C {expected} \u4E0D\u4E00\u81F4(\u5982\u5C5E\u6263\u5206\u9879\u3001\u52A0\u5206\u9879\u6216\u6309\u6743\u91CD\u8BA1\u5206,\u8BF7\u58F0\u660E)",
  WEIGHTS_INVALID: "\u4E0B\u7EA7\u6743\u91CD\u5408\u8BA1 {actual}%,\u5E94\u4E3A 100%",
  UNKNOWN_FACT: '\u672A\u5B9A\u4E49\u7684\u4E8B\u5B9E "{actual}"',
  UNKNOWN_PARAMETER: '\u672A\u5B9A\u4E49\u7684\u53C2\u6570 "{actual}"',
  UNKNOWN_OPERATOR: '\u672A\u77E5\u7684\u8FD0\u7B97\u7B26 "{actual}"',
  UNKNOWN_NODE: '\u672A\u5B9A\u4E49\u7684\u8282\u70B9 "{actual}"',
  OPERATOR_TYPE_MISMATCH: '{reason} "{actual}" \u4E0D\u9002\u7528\u4E8E {expected} \u7C7B\u578B\u7684\u4E8B\u5B9E',
  VALUE_TYPE_MISMATCH: "\u6BD4\u8F83\u503C {actual:json} \u4E0E\u4E8B\u5B9E\u7C7B\u578B\u4E0D\u7B26,\u5E94\u4E3A{expected}",
  LEVELS_UNORDERED: '\u7B49\u7EA7\u987B\u6309\u5206\u503C\u4ECE\u9AD8\u5230\u4F4E\u6392\u5217:"{actual}" \u7684\u5206\u503C\u9AD8\u4E8E\u524D\u4E00\u7B49\u7EA7',
  GRADES_UNORDERED: "\u7B49\u6B21\u987B\u6309\u4E0B\u9650\u4ECE\u9AD8\u5230\u4F4E\u6392\u5217",
  INVALID_PATH: 'path \u53EA\u80FD\u662F\u7B80\u5355\u5C5E\u6027\u8DEF\u5F84(\u5982 $.a.b \u6216 $.items[0]),\u4E0D\u80FD\u662F "{actual}"',
  DERIVED_CYCLE: "\u6D3E\u751F\u4E8B\u5B9E\u5B58\u5728\u5FAA\u73AF\u5F15\u7528:{actual}",
  DEDUCTION_OVERLAP_UNDECLARED: "\u6263\u5206\u89C4\u5219 {actual} \u4F9D\u636E\u540C\u4E00\u4E8B\u5B9E,\u53EF\u80FD\u5BF9\u540C\u4E00\u4E8B\u4EF6\u91CD\u590D\u6263\u5206,\u8BF7\u7528 overlap: stack(\u53E0\u52A0)\u6216 exclusive(\u53D6\u6700\u5927)\u58F0\u660E",
  EMPTY_CONDITION: "\u6761\u4EF6\u7EC4\u4E3A\u7A7A:\u7A7A\u7684 all/any \u6C38\u8FDC\u6210\u7ACB,\u8BF7\u81F3\u5C11\u5199\u4E00\u4E2A\u6761\u4EF6",
  METHOD_NEEDS_LEAF: "\u542B\u4E0B\u7EA7\u8282\u70B9\u7684\u8282\u70B9\u4E0D\u80FD\u518D\u5B9A\u4E49\u8BA1\u5206\u65B9\u6CD5 scoring",
  LEAF_NEEDS_SCORING: "\u672B\u7EA7\u8282\u70B9\u987B\u5B9A\u4E49\u8BA1\u5206\u65B9\u6CD5 scoring",
  AMOUNT_EXCEEDS_POINTS: "{reason}",
  RUBRIC_MISMATCH: "\u8BC1\u636E\u6750\u6599\u5BF9\u5E94\u7684\u7EC6\u5219\u4E3A {actual},\u4F46\u5F53\u524D\u7EC6\u5219\u4E3A {expected}",
  VERSION_MISMATCH: "\u8BC1\u636E\u6750\u6599\u5BF9\u5E94\u7684\u7EC6\u5219\u7248\u672C\u4E3A {actual},\u4F46\u5F53\u524D\u7EC6\u5219\u7248\u672C\u4E3A {expected}",
  FACT_TYPE_MISMATCH: '\u4E8B\u5B9E "{name}" \u7684\u503C {actual:json} \u7C7B\u578B\u4E0D\u7B26,\u5E94\u4E3A{expected}',
  FACT_OUT_OF_RANGE: '\u4E8B\u5B9E "{name}" \u7684\u503C {actual} \u8D85\u51FA\u5141\u8BB8\u8303\u56F4 {expected}',
  FACT_DERIVED_GIVEN: '\u4E8B\u5B9E "{actual}" \u7531\u7EC6\u5219\u81EA\u52A8\u8BA1\u7B97,\u4E0D\u5E94\u5728\u8BC1\u636E\u4E2D\u586B\u5199',
  JUDGEMENT_OUT_OF_BOUNDS: "\u8BC4\u5BA1\u5206 {actual} \u8D85\u51FA\u5141\u8BB8\u8303\u56F4 {expected}",
  JUDGEMENT_NOT_ALLOWED: '"{actual}" \u4E0D\u662F\u914C\u60C5\u8BC4\u5206\u9879(\u6216\u914C\u60C5\u6263\u5206\u89C4\u5219),\u4E0D\u80FD\u7ED9\u51FA\u8BC4\u5BA1\u5206',
  NOT_APPLICABLE_NOT_ALLOWED: '\u8282\u70B9 "{actual}" \u4E0D\u5141\u8BB8\u58F0\u660E\u4E3A\u4E0D\u9002\u7528',
  CLAIM_OUT_OF_RANGE: "\u81EA\u8BC4\u5206 {actual} \u8D85\u51FA\u8BE5\u9879\u5206\u503C\u8303\u56F4 {expected}",
  MISSING_FACT: '\u7F3A\u5C11\u4E8B\u5B9E "{actual}",\u76F8\u5173\u8BC4\u5206\u9879\u6309 0 \u5206\u8BA1\u5E76\u6807\u8BB0\u4E3A\u7F3A\u5C11\u4F50\u8BC1',
  EXTENDS_NO_READER: '\u7EC6\u5219\u4F7F\u7528\u4E86 extends \u7EE7\u627F "{actual}",\u4F46\u5F53\u524D\u8C03\u7528\u65B9\u5F0F\u65E0\u6CD5\u8BFB\u53D6\u5176\u4ED6\u6587\u4EF6(\u8BF7\u7528 loadRubric,\u6216\u4E3A parseRubric \u4F20\u5165 read \u8BFB\u53D6\u51FD\u6570)',
  EXTENDS_UNREADABLE: '\u65E0\u6CD5\u8BFB\u53D6\u88AB\u7EE7\u627F\u7684\u7EC6\u5219 "{actual}":{reason}',
  EXTENDS_CYCLE: "\u7EC6\u5219\u7EE7\u627F\u51FA\u73B0\u5FAA\u73AF:{actual}",
  EXTENDS_TOO_DEEP: "\u7EC6\u5219\u7EE7\u627F\u5C42\u7EA7\u8FC7\u6DF1(\u8D85\u8FC7 {expected} \u5C42):{actual}",
  EXTENDS_RESTATE: '\u7EE7\u627F\u7684\u7EC6\u5219\u987B\u91CD\u65B0\u5199\u660E "{actual}":{reason}',
  OVERRIDE_INVALID: "{reason}",
  FORM_INVALID: "{reason}",
  FORM_CELL_INVALID: "{reason}",
  USAGE: "{reason}",
  INTERNAL_ERROR: "\u5185\u90E8\u9519\u8BEF:{reason}"
};
function formatMessage(code, data = {}) {
  return DIAGNOSTIC_CODES[code].replace(/\{(\w+)(:json)?\}/g, (_m, key, json) => {
    const v = data[key];
    if (v === void 0) return "";
    return typeof v === "string" && !json ? v : JSON.stringify(v);
  });
}
__name(formatMessage, "formatMessage");

// src/diagnostics/diagnostic.ts
function toDotPath(path) {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
__name(toDotPath, "toDotPath");
function makeDiagnostic(code, data) {
  const d = {
    code,
    severity: data.severity ?? "error",
    message: formatMessage(code, { ...data, path: data.path ? toDotPath(data.path) : void 0 })
  };
  if (data.file !== void 0) d.file = data.file;
  if (data.path !== void 0) d.path = toDotPath(data.path);
  if (data.nodeId !== void 0) d.nodeId = data.nodeId;
  if (data.expected !== void 0) d.expected = data.expected;
  if (data.actual !== void 0) d.actual = data.actual;
  if (data.hint !== void 0) d.hint = data.hint;
  return d;
}
__name(makeDiagnostic, "makeDiagnostic");
function hasErrors(diags) {
  return diags.some((d) => d.severity === "error");
}
__name(hasErrors, "hasErrors");
function sortDiagnostics(diags) {
  return [...diags].sort(
    (a, b) => (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code) || (a.path ?? "").localeCompare(b.path ?? "")
  );
}
__name(sortDiagnostics, "sortDiagnostics");

// src/diagnostics/suggest.ts
import { distance } from "fastest-levenshtein";
function closestMatch(name, candidates) {
  let best;
  let bestDist = Infinity;
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const c2 of candidates) {
    const lower = c2.toLowerCase();
    const typed = name.toLowerCase();
    const d = lower === typed ? 0.5 : typed.length >= 2 && lower.startsWith(typed) ? Math.min(1.5, distance(name, c2)) : distance(name, c2);
    if (d < bestDist || d === bestDist && best !== void 0 && c2 < best) {
      best = c2;
      bestDist = d;
    }
  }
  return bestDist <= limit && bestDist < name.length ? best : void 0;
}
__name(closestMatch, "closestMatch");
function didYouMean(name, candidates) {
  const m = closestMatch(name, candidates);
  return m === void 0 ? void 0 : `\u662F\u5426\u60F3\u5199 "${m}"?`;
}
__name(didYouMean, "didYouMean");

// src/validate/check-facts.ts
function deriveInputs(d) {
  if ("sum" in d) return d.sum;
  if ("min" in d) return d.min;
  if ("max" in d) return d.max;
  if ("difference" in d) return [...d.difference];
  if ("ratio" in d) return [d.ratio.numerator, d.ratio.denominator];
  if ("daysBetween" in d) return [d.daysBetween.from, d.daysBetween.to];
  const c2 = d.count;
  if ("trueOf" in c2) return c2.trueOf;
  if ("list" in c2) return [c2.list];
  return [c2.itemsOf];
}
__name(deriveInputs, "deriveInputs");
function orderDerived(facts) {
  const order = [];
  const state = /* @__PURE__ */ new Map();
  const visit2 = /* @__PURE__ */ __name((id, stack) => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) throw new Error(`cycle:${[...stack, id].join(" \u2192 ")}`);
    state.set(id, 1);
    const d = facts[id]?.derive;
    if (d) {
      for (const i of deriveInputs(d)) if (facts[i]) visit2(i, [...stack, id]);
    }
    state.set(id, 2);
    if (d) order.push(id);
  }, "visit");
  for (const id of Object.keys(facts).sort()) visit2(id, []);
  return order;
}
__name(orderDerived, "orderDerived");
function checkFacts(facts, add) {
  const ids = Object.keys(facts);
  for (const [id, def] of Object.entries(facts)) {
    const p = ["facts", id];
    if (def.type === "enum" && !def.values) add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u679A\u4E3E\u7C7B\u578B\u7684\u4E8B\u5B9E "${id}" \u987B\u5217\u51FA values`, path: p }), p, true);
    if (def.min !== void 0 && def.max !== void 0 && def.min > def.max)
      add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u4E8B\u5B9E "${id}" \u7684 min \u5927\u4E8E max`, path: [...p, "min"] }), [...p, "min"]);
    if (!def.derive) continue;
    if (!["integer", "number", "percent"].includes(def.type))
      add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u6D3E\u751F\u4E8B\u5B9E "${id}" \u7684\u7C7B\u578B\u987B\u4E3A integer\u3001number \u6216 percent`, path: [...p, "type"] }), [...p, "type"]);
    const inputs = deriveInputs(def.derive);
    const key = Object.keys(def.derive)[0];
    inputs.forEach((input, i) => {
      if (!facts[input]) {
        const hint = didYouMean(input, ids);
        add(makeDiagnostic("UNKNOWN_FACT", { actual: input, path: [...p, "derive", key], ...hint ? { hint } : {} }), [...p, "derive", key, i]);
      }
    });
  }
  try {
    orderDerived(facts);
  } catch (err) {
    const chain = String(err.message).replace(/^cycle:/, "");
    const first = chain.split(" \u2192 ")[0];
    add(makeDiagnostic("DERIVED_CYCLE", { actual: chain, path: ["facts", first, "derive"] }), ["facts", first, "derive"]);
  }
}
__name(checkFacts, "checkFacts");

// src/compile/operators.ts
var BUILTIN_OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "contains",
  "doesNotContain"
];
var isDate = /* @__PURE__ */ __name((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v), "isDate");
var isNum = /* @__PURE__ */ __name((v) => typeof v === "number" && Number.isFinite(v), "isNum");
var CUSTOM_OPERATORS = {
  between: /* @__PURE__ */ __name((a, b) => isNum(a) && Array.isArray(b) && b.length === 2 && isNum(b[0]) && isNum(b[1]) && a >= b[0] && a <= b[1], "between"),
  dateBefore: /* @__PURE__ */ __name((a, b) => isDate(a) && isDate(b) && a < b, "dateBefore"),
  dateOnOrBefore: /* @__PURE__ */ __name((a, b) => isDate(a) && isDate(b) && a <= b, "dateOnOrBefore"),
  dateAfter: /* @__PURE__ */ __name((a, b) => isDate(a) && isDate(b) && a > b, "dateAfter"),
  dateOnOrAfter: /* @__PURE__ */ __name((a, b) => isDate(a) && isDate(b) && a >= b, "dateOnOrAfter"),
  isTrue: /* @__PURE__ */ __name((a, b) => a === true === (b !== false), "isTrue"),
  nonEmpty: /* @__PURE__ */ __name((a, b) => (typeof a === "string" ? a.trim().length > 0 : Array.isArray(a) ? a.length > 0 : false) === (b !== false), "nonEmpty")
};
var KNOWN_OPERATORS = /* @__PURE__ */ new Set([...BUILTIN_OPERATORS, ...Object.keys(CUSTOM_OPERATORS)]);
var NUMERIC = ["integer", "number", "percent"];
var OPERATOR_TYPES = {
  lessThan: NUMERIC,
  lessThanInclusive: NUMERIC,
  greaterThan: NUMERIC,
  greaterThanInclusive: NUMERIC,
  between: NUMERIC,
  dateBefore: ["date"],
  dateOnOrBefore: ["date"],
  dateAfter: ["date"],
  dateOnOrAfter: ["date"],
  isTrue: ["boolean"],
  nonEmpty: ["text", "list"],
  contains: ["list", "text"],
  doesNotContain: ["list", "text"]
};
var OPERATOR_TEXT = {
  equal: "=",
  notEqual: "\u2260",
  lessThan: "<",
  lessThanInclusive: "\u2264",
  greaterThan: ">",
  greaterThanInclusive: "\u2265",
  in: "\u5C5E\u4E8E",
  notIn: "\u4E0D\u5C5E\u4E8E",
  contains: "\u5305\u542B",
  doesNotContain: "\u4E0D\u5305\u542B",
  between: "\u4ECB\u4E8E",
  dateBefore: "\u65E9\u4E8E",
  dateOnOrBefore: "\u4E0D\u665A\u4E8E",
  dateAfter: "\u665A\u4E8E",
  dateOnOrAfter: "\u4E0D\u65E9\u4E8E",
  isTrue: "\u4E3A",
  nonEmpty: "\u975E\u7A7A"
};

// src/compile/path-resolver.ts
var SEGMENT = /\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d{1,4})\]/g;
function splitPlainPath(path) {
  const body = path.startsWith("$") ? path.slice(1) : path;
  const out = [];
  let consumed = 0;
  for (const m of body.matchAll(SEGMENT)) {
    if (m.index !== consumed) return null;
    consumed += m[0].length;
    out.push(m[1] !== void 0 ? m[1] : Number(m[2]));
  }
  return consumed === body.length ? out : null;
}
__name(splitPlainPath, "splitPlainPath");
function ownPropertyPathResolver(value, path) {
  const segments = splitPlainPath(path);
  if (segments === null) return void 0;
  let cur = value;
  for (const seg of segments) {
    if (cur === null || typeof cur !== "object") return void 0;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return void 0;
    cur = cur[seg];
  }
  return cur;
}
__name(ownPropertyPathResolver, "ownPropertyPathResolver");

// src/compile/compile-rubric.ts
function compileCondition(c2, rubric) {
  if ("all" in c2) return { all: c2.all.map((x) => compileCondition(x, rubric)), ...c2.name ? { name: c2.name } : {} };
  if ("any" in c2) return { any: c2.any.map((x) => compileCondition(x, rubric)), ...c2.name ? { name: c2.name } : {} };
  if ("not" in c2) return { not: compileCondition(c2.not, rubric), ...c2.name ? { name: c2.name } : {} };
  let value = c2.value;
  if (value && typeof value === "object" && !Array.isArray(value) && "param" in value) value = rubric.parameters[value.param]?.value;
  const out = { fact: c2.fact, operator: c2.operator, value };
  if (c2.path !== void 0) out.path = c2.path;
  if (c2.name !== void 0) out.name = c2.name;
  return out;
}
__name(compileCondition, "compileCondition");
function topLevel(c2) {
  return "all" in c2 || "any" in c2 || "not" in c2 ? c2 : { all: [c2] };
}
__name(topLevel, "topLevel");
function collectLeaves(node, out) {
  if (Array.isArray(node.all)) {
    const r2 = node.all.map((x) => collectLeaves(x, out));
    return r2.every(Boolean);
  }
  if (Array.isArray(node.any)) {
    const r2 = node.any.map((x) => collectLeaves(x, out));
    return r2.some(Boolean);
  }
  if (node.not && typeof node.not === "object") return !collectLeaves(node.not, out);
  const leaf = {
    fact: String(node.fact),
    operator: String(node.operator),
    value: node.value,
    factResult: node.factResult,
    valueResult: node.valueResult,
    result: node.result === true
  };
  if (typeof node.path === "string") leaf.path = node.path;
  if (typeof node.name === "string") leaf.name = node.name;
  out.push(leaf);
  return leaf.result;
}
__name(collectLeaves, "collectLeaves");
function createEngine(rules) {
  const engine = new Engine(rules, { allowUndefinedFacts: false, pathResolver: ownPropertyPathResolver });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, (a, b) => fn(a, b));
  return engine;
}
__name(createEngine, "createEngine");
function compileRubric(rubric, meta) {
  const model = buildRubricModel(rubric);
  const sites = collectRuleSites(model).map((s2) => ({ ...s2, requiredFacts: conditionFacts(s2.condition).sort() }));
  const rules = sites.map((s2) => ({
    name: s2.key,
    priority: 1,
    conditions: topLevel(compileCondition(s2.condition, rubric)),
    event: { type: "zwgk.site", params: { site: s2.key } }
  }));
  let engine = null;
  let tail = Promise.resolve();
  const runRules = /* @__PURE__ */ __name((facts) => {
    engine ??= createEngine(rules);
    const e = engine;
    const run = tail.then(async () => {
      const runtime = {};
      for (const k of Object.keys(facts)) runtime[k] = new Fact(k, facts[k], { cache: false });
      const { results, failureResults } = await e.run(runtime);
      const outcomes = /* @__PURE__ */ new Map();
      for (const r2 of [...results, ...failureResults]) {
        const leaves = [];
        const result = collectLeaves(r2.conditions, leaves);
        outcomes.set(String(r2.name), { result, leaves });
      }
      return outcomes;
    });
    tail = run.catch(() => void 0);
    return run;
  }, "runRules");
  return {
    rubric,
    model,
    hash: meta.hash,
    ...meta.file !== void 0 ? { file: meta.file } : {},
    sites,
    siteByKey: new Map(sites.map((s2) => [s2.key, s2])),
    rules,
    derivedOrder: orderDerived(rubric.facts),
    factIds: Object.keys(rubric.facts).sort(),
    runRules
  };
}
__name(compileRubric, "compileRubric");

// src/diagnostics/locate.ts
import { isCollection, isMap, isScalar, isSeq } from "yaml";
var sameKey = /* @__PURE__ */ __name((key, seg) => isScalar(key) && String(key.value) === String(seg), "sameKey");
function nodeAt(src, path) {
  let cur = src.doc.contents;
  for (const seg of path) {
    if (isMap(cur)) cur = cur.items.find((pair) => sameKey(pair.key, seg))?.value;
    else if (isSeq(cur) && typeof seg === "number") cur = cur.items[seg];
    else return void 0;
    if (cur === null || cur === void 0) return void 0;
  }
  return cur;
}
__name(nodeAt, "nodeAt");
function findNode(src, path) {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? src.doc.contents : nodeAt(src, path.slice(0, n));
    if (node && (isCollection(node) || isScalar(node) || node.range)) return { node, exact: n === path.length };
  }
  return { node: null, exact: false };
}
__name(findNode, "findNode");
function locate(src, path, preferKey = false) {
  if (preferKey && path.length > 0) {
    const parent = path.length === 1 ? src.doc.contents : nodeAt(src, path.slice(0, -1));
    const last = path[path.length - 1];
    if (parent && isCollection(parent) && typeof last === "string") {
      for (const item of parent.items) {
        const key = item.key;
        if (isScalar(key) && sameKey(key, last) && key.range) {
          const p2 = src.lineCounter.linePos(key.range[0]);
          return { line: p2.line, column: p2.col };
        }
      }
    }
  }
  const { node } = findNode(src, path);
  const offset = node?.range?.[0] ?? 0;
  const p = src.lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}
__name(locate, "locate");
function positionDiagnostic(src, d, path, preferKey = false) {
  const moved = src.relocate?.(path);
  if (moved) return relocatedDiagnostic(src, moved, d, path, preferKey);
  const { line, column } = locate(src, path, preferKey);
  return { ...d, file: src.file, line, column };
}
__name(positionDiagnostic, "positionDiagnostic");
function relocatedDiagnostic(src, moved, d, path, preferKey) {
  const out = positionDiagnostic(moved.src, d, moved.path, preferKey);
  if (d.path !== void 0) {
    for (let n = path.length; n >= 0; n--) {
      if (toDotPath(path.slice(0, n)) !== d.path) continue;
      const p = src.relocate?.(path.slice(0, n));
      out.path = toDotPath(p && p.src === moved.src ? p.path : moved.path);
      break;
    }
  }
  return out;
}
__name(relocatedDiagnostic, "relocatedDiagnostic");

// src/evidence/check-evidence.ts
var TYPE_TEXT = {
  boolean: "\u5E03\u5C14\u503C(true/false \u6216 \u662F/\u5426)",
  integer: "\u6574\u6570",
  number: "\u6570\u5B57",
  percent: "0\u2013100 \u7684\u767E\u5206\u6570",
  date: "\u65E5\u671F YYYY-MM-DD",
  enum: "\u679A\u4E3E\u503C",
  text: "\u6587\u672C",
  list: "\u5217\u8868"
};
function normaliseFactValue(def, v) {
  if (v === null) return null;
  switch (def.type) {
    case "boolean":
      if (typeof v === "boolean") return v;
      if (v === "\u662F") return true;
      if (v === "\u5426") return false;
      return void 0;
    case "integer":
      return typeof v === "number" && Number.isInteger(v) ? v : void 0;
    case "number":
    case "percent":
      return typeof v === "number" ? v : void 0;
    case "date":
      return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : void 0;
    case "enum":
      return typeof v === "string" && (def.values ?? []).includes(v) ? v : void 0;
    case "text":
      return typeof v === "string" ? v : void 0;
    case "list": {
      if (!Array.isArray(v)) return void 0;
      const it = def.items;
      const ok = v.every(
        (x) => it === void 0 ? true : it === "number" ? typeof x === "number" : it === "integer" ? typeof x === "number" && Number.isInteger(x) : it === "boolean" ? typeof x === "boolean" : it === "date" ? typeof x === "string" && /^\d{4}-\d{2}-\d{2}$/.test(x) : typeof x === "string"
      );
      return ok ? v : void 0;
    }
  }
}
__name(normaliseFactValue, "normaliseFactValue");
function rangeText(def) {
  const lo = def.min ?? (def.type === "percent" ? 0 : void 0);
  const hi = def.max ?? (def.type === "percent" ? 100 : void 0);
  return `[${lo ?? "-\u221E"}, ${hi ?? "+\u221E"}]`;
}
__name(rangeText, "rangeText");
function checkEvidence(src, ev, compiled) {
  const out = [];
  const add = /* @__PURE__ */ __name((d, path, preferKey = false) => {
    out.push(positionDiagnostic(src, d, path, preferKey));
  }, "add");
  const r2 = compiled.rubric;
  const model = compiled.model;
  if (ev.rubric.id !== r2.id) add(makeDiagnostic("RUBRIC_MISMATCH", { actual: ev.rubric.id, expected: r2.id, path: ["rubric", "id"] }), ["rubric", "id"]);
  else if (ev.rubric.version !== r2.version)
    add(makeDiagnostic("VERSION_MISMATCH", { actual: ev.rubric.version, expected: r2.version, path: ["rubric", "version"] }), ["rubric", "version"]);
  if (ev.agency.class !== void 0 && r2.classes && !r2.classes.includes(ev.agency.class)) {
    const hint = didYouMean(ev.agency.class, r2.classes);
    add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u5355\u4F4D\u7C7B\u522B "${ev.agency.class}" \u4E0D\u5728\u7EC6\u5219\u7684\u7C7B\u522B ${r2.classes.join("\u3001")} \u4E2D`, path: ["agency", "class"], ...hint ? { hint } : {} }), ["agency", "class"]);
  }
  const factIds = Object.keys(r2.facts);
  for (const [id, value] of Object.entries(ev.facts)) {
    const def = r2.facts[id];
    const p = ["facts", id];
    if (!def) {
      const hint = didYouMean(id, factIds);
      add(makeDiagnostic("UNKNOWN_FACT", { actual: id, path: p, ...hint ? { hint } : {} }), p, true);
      continue;
    }
    if (def.derive) {
      add(makeDiagnostic("FACT_DERIVED_GIVEN", { actual: id, path: p }), p, true);
      continue;
    }
    const v = normaliseFactValue(def, value);
    if (v === void 0) {
      add(makeDiagnostic("FACT_TYPE_MISMATCH", { name: id, actual: value, expected: TYPE_TEXT[def.type] + (def.type === "enum" ? `:${(def.values ?? []).join("\u3001")}` : ""), path: p }), p);
      continue;
    }
    if (typeof v === "number") {
      const lo = def.min ?? (def.type === "percent" ? 0 : void 0);
      const hi = def.max ?? (def.type === "percent" ? 100 : void 0);
      if (lo !== void 0 && v < lo || hi !== void 0 && v > hi)
        add(makeDiagnostic("FACT_OUT_OF_RANGE", { name: id, actual: v, expected: rangeText(def), path: p }), p);
    }
  }
  const nodeIds = [...model.byId.keys()];
  const unknownNode = /* @__PURE__ */ __name((id, p, atKey = true) => {
    if (model.byId.has(id)) return false;
    const hint = didYouMean(id, nodeIds);
    add(makeDiagnostic("UNKNOWN_NODE", { actual: id, path: p, ...hint ? { hint } : {} }), p, atKey);
    return true;
  }, "unknownNode");
  for (const id of Object.keys(ev.evidence)) unknownNode(id, ["evidence", id]);
  for (const id of Object.keys(ev.remediation)) unknownNode(id, ["remediation", id]);
  for (const [id, claim] of Object.entries(ev.claims)) {
    if (unknownNode(id, ["claims", id])) continue;
    const f = model.byId.get(id);
    if (dec(claim).gt(f.max)) add(makeDiagnostic("CLAIM_OUT_OF_RANGE", { actual: claim, expected: `[0, ${formatPoints(f.max, 4)}]`, path: ["claims", id] }), ["claims", id]);
  }
  const judgeable = model.nodes.flatMap((f) => {
    const s2 = f.node.scoring;
    if (s2?.method === "judgement") return [f.id];
    if (s2?.method === "deduct") return s2.deductions.filter((d) => d.judgement).map((d) => `${f.id}#${d.id}`);
    return [];
  });
  for (const [key, j] of Object.entries(ev.judgements)) {
    const p = ["judgements", key];
    const [nodeId, dedId] = key.split("#");
    if (unknownNode(nodeId, p)) continue;
    const f = model.byId.get(nodeId);
    const s2 = f.node.scoring;
    let lo;
    let hi;
    if (dedId === void 0 && s2?.method === "judgement") {
      lo = s2.min;
      hi = s2.max ?? f.max.toNumber();
    } else if (dedId !== void 0 && s2?.method === "deduct") {
      const d = s2.deductions.find((x) => x.id === dedId);
      if (d?.judgement) {
        lo = d.judgement.min;
        hi = d.judgement.max;
      }
    }
    if (lo === void 0 || hi === void 0) {
      const hint = judgeable.length > 0 ? `\u672C\u7EC6\u5219\u53EF\u8BC4\u5BA1\u7684\u9879\u76EE:${judgeable.slice(0, 20).join("\u3001")}${judgeable.length > 20 ? " \u7B49" : ""}` : "\u672C\u7EC6\u5219\u6CA1\u6709\u914C\u60C5\u8BC4\u5206\u9879";
      add(makeDiagnostic("JUDGEMENT_NOT_ALLOWED", { actual: key, path: p, hint }), p, true);
      continue;
    }
    if (j.score < lo || j.score > hi) add(makeDiagnostic("JUDGEMENT_OUT_OF_BOUNDS", { actual: j.score, expected: `[${lo}, ${hi}]`, path: [...p, "score"] }), [...p, "score"]);
  }
  ev.notApplicable.forEach((na, i) => {
    const p = ["notApplicable", i, "node"];
    if (unknownNode(na.node, p, false)) return;
    if (!model.byId.get(na.node).node.mayBeNotApplicable)
      add(makeDiagnostic("NOT_APPLICABLE_NOT_ALLOWED", { actual: na.node, path: p, hint: "\u53EA\u6709\u7EC6\u5219\u6CE8\u660E\u53EF\u4F5C\u5408\u7406\u7F3A\u9879(mayBeNotApplicable: true)\u7684\u9879\u76EE\u624D\u80FD\u58F0\u660E\u4E0D\u9002\u7528" }), p);
  });
  return out;
}
__name(checkEvidence, "checkEvidence");

// src/extends/read-chain.ts
import { dirname, isAbsolute, join, normalize } from "node:path";
var MAX_EXTENDS_DEPTH = 8;
var READ_FAILURES = /* @__PURE__ */ new Set(["FILE_NOT_FOUND", "FILE_UNREADABLE", "FILE_TOO_LARGE"]);
function extendsOf(src) {
  const d = src.data;
  if (d === null || typeof d !== "object" || Array.isArray(d) || !Object.prototype.hasOwnProperty.call(d, "extends")) return null;
  return d.extends;
}
__name(extendsOf, "extendsOf");
function hasExtends(src) {
  return extendsOf(src) !== null;
}
__name(hasExtends, "hasExtends");
function parentFileName(childFile, target) {
  return normalize(isAbsolute(target) ? target : join(dirname(childFile), target));
}
__name(parentFileName, "parentFileName");
function at(src, d) {
  return positionDiagnostic(src, d, ["extends"]);
}
__name(at, "at");
function* walkChain(start) {
  const chain = [start];
  const seen = [normalize(start.file)];
  for (let cur = start; ; ) {
    const target = extendsOf(cur);
    if (target === null) return { ok: true, value: chain, diagnostics: [] };
    if (typeof target !== "string" || target.trim() === "") {
      const d = makeDiagnostic("SCHEMA_INVALID", { file: cur.file, reason: "extends \u5E94\u5199\u88AB\u7EE7\u627F\u7EC6\u5219\u6587\u4EF6\u7684\u76F8\u5BF9\u8DEF\u5F84,\u4F8B\u5982 ./etuokeqianqi-2017.yaml", path: ["extends"] });
      return { ok: false, diagnostics: [at(cur, d)] };
    }
    const parent = parentFileName(cur.file, target);
    if (seen.includes(parent)) {
      const loop = [...seen.slice(seen.indexOf(parent)), parent].join(" \u2192 ");
      return { ok: false, diagnostics: [at(cur, makeDiagnostic("EXTENDS_CYCLE", { actual: loop, path: ["extends"], hint: "\u8BF7\u5220\u9664\u5176\u4E2D\u4E00\u5904 extends,\u4F7F\u7EE7\u627F\u5173\u7CFB\u6210\u4E3A\u4E00\u6761\u94FE" }))] };
    }
    if (chain.length > MAX_EXTENDS_DEPTH) {
      return { ok: false, diagnostics: [at(cur, makeDiagnostic("EXTENDS_TOO_DEEP", { expected: MAX_EXTENDS_DEPTH, actual: [...seen, parent].join(" \u2192 "), path: ["extends"] }))] };
    }
    const read = yield parent;
    if (!read.ok) {
      const failure = read.diagnostics.find((d) => READ_FAILURES.has(d.code));
      if (failure) {
        const d = makeDiagnostic("EXTENDS_UNREADABLE", { actual: target, reason: `${parent}:${failure.message}`, path: ["extends"], hint: "\u8DEF\u5F84\u76F8\u5BF9\u4E8E\u5F53\u524D\u7EC6\u5219\u6587\u4EF6\u6240\u5728\u76EE\u5F55" });
        return { ok: false, diagnostics: [at(cur, d)] };
      }
      return read;
    }
    chain.push(read.value);
    seen.push(parent);
    cur = read.value;
  }
}
__name(walkChain, "walkChain");
async function collectChain(start, read) {
  const g = walkChain(start);
  let step = g.next();
  while (!step.done) step = g.next(await read(step.value));
  return step.value;
}
__name(collectChain, "collectChain");

// src/extends/resolve-extends.ts
import { Document, isMap as isMap3, isScalar as isScalar3, LineCounter, parseDocument, visit } from "yaml";

// src/schema/rubric-schema.ts
import * as z6 from "zod";

// src/schema/common.ts
import * as z from "zod";
var IdSchema = z.string().min(1).max(64).regex(/^[\p{L}\p{N}_][\p{L}\p{N}_.\-]*$/u, { message: "ID_PATTERN" });
var FactIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: "FACT_ID_PATTERN" });
var PointsSchema = z.number().finite().min(0).max(1e5);
var SignedNumberSchema = z.number().finite();
var ParamRefSchema = z.strictObject({ param: FactIdSchema });
var NumberOrParamSchema = z.union([z.number().finite(), ParamRefSchema]);
var DateStringSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "DATE_PATTERN" });
var TextSchema = z.string().max(4e3);

// src/schema/condition-schema.ts
import * as z2 from "zod";
var ScalarValue = z2.union([z2.string().max(4e3), z2.number().finite(), z2.boolean(), z2.null()]);
var ConditionValueSchema = z2.union([
  ScalarValue,
  z2.array(z2.union([z2.string().max(4e3), z2.number().finite(), z2.boolean()])).max(1e3),
  z2.strictObject({ fact: FactIdSchema, path: z2.string().max(200).optional() }),
  ParamRefSchema
]);
var FactConditionSchema = z2.strictObject({
  fact: FactIdSchema,
  operator: z2.string().min(1).max(64),
  value: ConditionValueSchema,
  path: z2.string().max(200).optional(),
  /** Shown in explanations instead of the generated text. */
  name: TextSchema.optional()
});
var ConditionSchema = z2.lazy(
  () => z2.union([
    z2.strictObject({ all: z2.array(ConditionSchema).max(200), name: TextSchema.optional() }),
    z2.strictObject({ any: z2.array(ConditionSchema).max(200), name: TextSchema.optional() }),
    z2.strictObject({ not: ConditionSchema, name: TextSchema.optional() }),
    FactConditionSchema
  ])
);

// src/schema/fact-schema.ts
import * as z3 from "zod";
var FACT_TYPES = ["boolean", "integer", "number", "percent", "date", "enum", "text", "list"];
var FactList = z3.array(FactIdSchema).min(1).max(100);
var DeriveSchema = z3.union([
  z3.strictObject({ sum: FactList }),
  z3.strictObject({ min: FactList }),
  z3.strictObject({ max: FactList }),
  z3.strictObject({ difference: z3.tuple([FactIdSchema, FactIdSchema]) }),
  z3.strictObject({
    ratio: z3.strictObject({
      numerator: FactIdSchema,
      denominator: FactIdSchema,
      /** Multiply by 100 to give a percent. */
      percent: z3.boolean().default(false),
      /** What a zero denominator means: a fixed value, or the fact is missing (criteria using it → missing_evidence). */
      onZeroDenominator: z3.union([z3.strictObject({ value: z3.number().finite() }), z3.literal("missing")])
    })
  }),
  z3.strictObject({
    count: z3.union([
      /** How many of these boolean facts are true. */
      z3.strictObject({ trueOf: FactList }),
      /** How many list elements satisfy a comparison. */
      z3.strictObject({
        list: FactIdSchema,
        operator: z3.enum(["equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]),
        value: z3.union([z3.number().finite(), z3.string().max(200), z3.boolean()])
      }),
      /** How many elements a list has. */
      z3.strictObject({ itemsOf: FactIdSchema })
    ])
  }),
  z3.strictObject({ daysBetween: z3.strictObject({ from: FactIdSchema, to: FactIdSchema }) })
]);
var FactDefSchema = z3.strictObject({
  label: z3.string().min(1).max(200),
  type: z3.enum(FACT_TYPES),
  unit: z3.string().max(20).optional(),
  min: z3.number().finite().optional(),
  max: z3.number().finite().optional(),
  /** Allowed values of an enum fact. */
  values: z3.array(z3.string().min(1).max(100)).min(1).max(100).optional(),
  /** Element type of a list fact. */
  items: z3.enum(["number", "integer", "text", "date", "boolean"]).optional(),
  /** Where the figure comes from, e.g. "附件2 第63行". */
  source: z3.string().max(200).optional(),
  description: TextSchema.optional(),
  derive: DeriveSchema.optional()
});

// src/schema/scoring-schema.ts
import * as z4 from "zod";
var Binary = z4.strictObject({
  method: z4.literal("binary"),
  when: ConditionSchema,
  failReason: TextSchema.optional()
});
var Clauses = z4.strictObject({
  method: z4.literal("clauses"),
  clauses: z4.array(
    z4.strictObject({
      id: IdSchema,
      title: TextSchema,
      points: PointsSchema.optional(),
      percent: z4.number().min(0).max(100).optional(),
      when: ConditionSchema,
      failReason: TextSchema.optional()
    })
  ).min(1).max(50)
});
var Levels = z4.strictObject({
  method: z4.literal("levels"),
  levels: z4.array(
    z4.strictObject({
      label: z4.string().min(1).max(100),
      points: PointsSchema.optional(),
      percent: z4.number().min(0).max(100).optional(),
      when: ConditionSchema.optional(),
      reason: TextSchema.optional()
    })
  ).min(1).max(20)
});
var Linear = z4.strictObject({
  method: z4.literal("linear"),
  fact: FactIdSchema,
  from: z4.strictObject({ value: NumberOrParamSchema, points: PointsSchema }),
  to: z4.strictObject({ value: NumberOrParamSchema, points: PointsSchema })
});
var Percent = z4.strictObject({
  method: z4.literal("percent"),
  fact: FactIdSchema
});
var PerSchema = z4.strictObject({
  fact: FactIdSchema,
  below: NumberOrParamSchema.optional(),
  above: NumberOrParamSchema.optional(),
  step: z4.number().positive().optional()
});
var DeductionSchema = z4.strictObject({
  id: IdSchema,
  /** 失分原因 shown when it fires. */
  reason: TextSchema,
  when: ConditionSchema.optional(),
  /** M1: a fixed amount. */
  amount: PointsSchema.optional(),
  /** M13: a share of the node's points (50 = halving). */
  percentOfPoints: z4.number().min(0).max(100).optional(),
  /** M2/M10: amount × count. */
  per: PerSchema.optional(),
  each: PointsSchema.optional(),
  /** Cap on this rule's total. */
  max: PointsSchema.optional(),
  /** M7: the assessor fixes the amount within bounds (judgements keyed `<node>#<deduction>`). */
  judgement: z4.strictObject({ min: PointsSchema, max: PointsSchema }).optional()
});
var Deduct = z4.strictObject({
  method: z4.literal("deduct"),
  deductions: z4.array(DeductionSchema).min(1).max(50),
  /** Required when two deductions read the same fact: stack (add up) or exclusive (only the largest counts). */
  overlap: z4.enum(["stack", "exclusive"]).optional(),
  /** M5: total deductions never exceed this (default: no cap beyond the floor). */
  cap: PointsSchema.optional()
});
var Judgement = z4.strictObject({
  method: z4.literal("judgement"),
  min: PointsSchema.default(0),
  max: PointsSchema.optional(),
  guidance: TextSchema.optional()
});
var External = z4.strictObject({
  method: z4.literal("external"),
  fact: FactIdSchema,
  scale: z4.enum(["points", "percent"]).default("points"),
  authority: TextSchema
});
var Weighted = z4.strictObject({
  method: z4.literal("weighted"),
  inputs: z4.array(z4.strictObject({ fact: FactIdSchema, weight: z4.number().positive().max(100), label: TextSchema.optional() })).min(1).max(20)
});
var PerOccurrence = z4.strictObject({
  method: z4.literal("perOccurrence"),
  per: PerSchema,
  each: PointsSchema,
  max: PointsSchema.optional()
});
var Stepped = z4.strictObject({
  method: z4.literal("stepped"),
  fact: FactIdSchema,
  steps: z4.array(z4.strictObject({ atLeast: NumberOrParamSchema, points: PointsSchema })).min(1).max(20),
  beyond: z4.strictObject({ from: NumberOrParamSchema, every: z4.number().positive(), points: PointsSchema }).optional()
});
var RankBand = z4.strictObject({
  upTo: z4.number().int().min(1).max(1e6),
  /** One amount for every rank in the band, or one per rank in order ("依次赋予60、57、54、51、48分"). */
  points: z4.union([PointsSchema, z4.array(PointsSchema).min(1).max(1e3)])
});
var Rank = z4.strictObject({
  method: z4.literal("rank"),
  /** What agencies are ranked by: a numeric fact, or another node's (first-pass) score. */
  basis: z4.union([z4.strictObject({ fact: FactIdSchema }), z4.strictObject({ node: IdSchema })]),
  /** desc: the largest value ranks first; asc: the smallest. */
  order: z4.enum(["desc", "asc"]).default("desc"),
  /** Ranked among every agency in the batch, or among agencies of the same class. */
  among: z4.enum(["all", "class"]).default("all"),
  scheme: z4.union([
    /** "排名1-5名的依次赋予60分、57分、54分、51分、48分". */
    z4.strictObject({ bands: z4.array(RankBand).min(1).max(50), otherwise: PointsSchema.default(0) }),
    /** "第1名满分,第2-5名按第1名的比例得分": points × value ÷ first's value (asc: first's ÷ value), up to rank `upTo`. */
    z4.strictObject({ proportionalToFirst: z4.literal(true), upTo: z4.number().int().min(1).max(1e6).optional(), otherwise: PointsSchema.default(0) })
  ])
});
var ScoringSchema = z4.discriminatedUnion("method", [
  Binary,
  Clauses,
  Levels,
  Linear,
  Percent,
  Deduct,
  Judgement,
  External,
  Weighted,
  PerOccurrence,
  Stepped,
  Rank
]);

// src/schema/override-schema.ts
import * as z5 from "zod";
var SETTABLE_NODE_FIELDS = [
  "id",
  "title",
  "description",
  "points",
  "weight",
  "kind",
  "cap",
  "floor",
  "overflow",
  "classes",
  "mayBeNotApplicable",
  "notApplicable",
  "zeroIf",
  "ceilingIf",
  "eligibleIf",
  "note",
  "scoring"
];
var SetOpSchema = z5.strictObject({
  set: IdSchema,
  ...Object.fromEntries(SETTABLE_NODE_FIELDS.map((k) => [k, z5.unknown().optional()]))
});
var RemoveOpSchema = z5.strictObject({ remove: IdSchema });
var Position = { after: IdSchema.optional(), before: IdSchema.optional() };
var MoveOpSchema = z5.strictObject({ move: IdSchema, to: IdSchema.optional(), ...Position });
var AddOpSchema = z5.strictObject({ add: z5.unknown(), under: IdSchema.optional(), ...Position });
var ReplaceOpSchema = z5.strictObject({ replace: IdSchema, with: z5.unknown() });
var OverrideSchema = z5.union([SetOpSchema, RemoveOpSchema, MoveOpSchema, AddOpSchema, ReplaceOpSchema]);

// src/schema/rubric-schema.ts
var NODE_KINDS = ["score", "bonus", "penalty"];
var NA_POLICIES = ["reduce", "renormalize", "rescale", "redistribute"];
var NotApplicablePolicy = z6.strictObject({
  /** M21 reduce: the applicable maximum shrinks; M18 renormalize: score × points / applicable points;
   *  M19 rescale: score × factor; M20 redistribute: the n/a points are spread over the applicable siblings. */
  policy: z6.enum(NA_POLICIES),
  /** For rescale: a ratio such as "4/3" (kept exact as a fraction). */
  factor: z6.string().regex(/^\d+(\.\d+)?(\/\d+(\.\d+)?)?$/, { message: "FACTOR_PATTERN" }).optional(),
  /** For redistribute: evenly (平均计入) or in proportion to points. */
  spread: z6.enum(["even", "proportional"]).default("even")
});
var Override = z6.strictObject({ when: ConditionSchema, reason: TextSchema });
var NodeBase = z6.strictObject({
  id: IdSchema,
  title: z6.string().min(1).max(500),
  /** Full text of the 具体标准 when it differs from the title. */
  description: TextSchema.optional(),
  points: PointsSchema.optional(),
  /** M23: percent of the parent's points instead of `points`. */
  weight: z6.number().positive().max(100).optional(),
  /** score: counts toward the base; bonus / penalty: outside the total (M14–M17, M29). */
  kind: z6.enum(NODE_KINDS).default("score"),
  /** Bonus/penalty cap, or the ceiling of a node whose children may sum above its points (`overflow: cap`). */
  cap: PointsSchema.optional(),
  /** Lowest score; null lets a node overdraw into its parent (M4). Default 0 (扣完为止). */
  floor: z6.number().finite().nullable().default(0),
  /** Children may sum above this node's points; the node caps them (e.g. "一项可得2分,最高不超过6分"). */
  overflow: z6.enum(["error", "cap"]).default("error"),
  /** Only agencies of these classes are assessed on this node; others: not applicable. */
  classes: z6.array(z6.string().min(1).max(20)).min(1).max(20).optional(),
  /** Whether an agency may declare this node not applicable (合理缺项). */
  mayBeNotApplicable: z6.boolean().default(false),
  /** How this node's score treats not-applicable children. */
  notApplicable: NotApplicablePolicy.optional(),
  /** M6: score 0 when any holds (此项不得分). */
  zeroIf: z6.array(Override).max(20).optional(),
  /** M12: score at most `ceiling` points when the condition holds, then the rules deduct. */
  ceilingIf: z6.array(Override.extend({ ceiling: PointsSchema })).max(20).optional(),
  /** M15: a bonus entered only when a condition holds / a node's score reaches a bar. */
  eligibleIf: z6.strictObject({
    node: IdSchema.optional(),
    atLeast: NumberOrParamSchema.optional(),
    above: NumberOrParamSchema.optional(),
    when: ConditionSchema.optional(),
    reason: TextSchema.optional()
  }).optional(),
  /** Remark shown in sheets, e.g. "不在总分内,但得分可计入总分". */
  note: TextSchema.optional(),
  scoring: ScoringSchema.optional()
});
var NodeSchema = z6.lazy(
  () => NodeBase.extend({ children: z6.array(NodeSchema).max(200).optional() })
);
var VetoSchema = z6.strictObject({
  id: IdSchema,
  title: z6.string().min(1).max(500),
  when: ConditionSchema,
  /** "assessment" (the whole sheet) or a node id (an item or a section). */
  target: z6.string().min(1).max(64).default("assessment"),
  /** Fixed result score, e.g. 59 (判定为不合格(59分)); default 0. */
  score: PointsSchema.optional(),
  /** Grade forced by the veto (default: the lowest band). */
  grade: z6.string().max(20).optional(),
  /** 不再对其他指标进行评分: nothing under the target is scored. */
  stopScoring: z6.boolean().default(true),
  reason: TextSchema
});
var GradeSchema = z6.strictObject({ name: z6.string().min(1).max(20), min: z6.number().finite() });
var ParameterSchema = z6.strictObject({
  label: z6.string().min(1).max(200),
  value: z6.union([z6.number().finite(), z6.string().max(200), z6.boolean()]),
  unit: z6.string().max(20).optional(),
  description: TextSchema.optional()
});
var RubricSchema = z6.strictObject({
  id: IdSchema,
  version: z6.string().min(1).max(40),
  title: z6.string().min(1).max(500),
  issuer: z6.string().max(200).optional(),
  year: z6.number().int().min(1990).max(2100).optional(),
  description: TextSchema.optional(),
  /** The total of the score part (usually 100). */
  total: PointsSchema.default(100),
  /** Decimals shown (scores are exact internally). */
  precision: z6.number().int().min(0).max(4).default(2),
  /** Labels of the tree levels, e.g. [考核项目, 目标要求, 具体标准, 评分项]. */
  levels: z6.array(z6.string().min(1).max(20)).max(8).default(["\u8003\u6838\u9879\u76EE", "\u76EE\u6807\u8981\u6C42", "\u5177\u4F53\u6807\u51C6", "\u8BC4\u5206\u9879"]),
  /** Agency classes the rubric knows (A类, B类 …). */
  classes: z6.array(z6.string().min(1).max(20)).max(20).optional(),
  /** Overall caps of the bonus and penalty totals. */
  bonusCap: PointsSchema.optional(),
  penaltyCap: PointsSchema.optional(),
  /** The final score never goes below this (default 0). */
  finalFloor: z6.number().finite().default(0),
  /** M25: grade bands, highest first; `min` inclusive. */
  grades: z6.array(GradeSchema).max(10).default([
    { name: "\u4F18\u79C0", min: 90 },
    { name: "\u826F\u597D", min: 80 },
    { name: "\u5408\u683C", min: 60 },
    { name: "\u4E0D\u5408\u683C", min: -1e9 }
  ]),
  /** Grades read the final score, or the 100-scale normalised one. */
  gradeBasis: z6.enum(["final", "normalized"]).default("final"),
  /** Default policy for not-applicable nodes (a node's own `notApplicable` wins). */
  notApplicable: NotApplicablePolicy.default({ policy: "reduce", spread: "even" }),
  parameters: z6.record(FactIdSchema, ParameterSchema).default({}),
  facts: z6.record(FactIdSchema, FactDefSchema).default({}),
  vetoes: z6.array(VetoSchema).max(50).default([]),
  nodes: z6.array(NodeSchema).min(1).max(200)
});
var RubricLayerSchema = z6.looseObject({
  /** Path of the parent rubric, relative to this file. */
  extends: z6.string().min(1).max(500),
  /** Ordered node operations applied to the parent's tree. */
  overrides: z6.array(OverrideSchema).max(500).optional()
});

// src/schema/zod-issues.ts
import { isMap as isMap2, isScalar as isScalar2 } from "yaml";
var TYPE_NAMES = {
  string: "\u6587\u672C",
  number: "\u6570\u5B57",
  boolean: "\u5E03\u5C14\u503C(true/false)",
  array: "\u5217\u8868",
  object: "\u6620\u5C04(\u952E: \u503C)",
  null: "\u7A7A\u503C",
  undefined: "\u7A7A",
  int: "\u6574\u6570",
  nan: "\u975E\u6570\u5B57",
  record: "\u6620\u5C04(\u952E: \u503C)"
};
var PATTERN_MESSAGES = {
  ID_PATTERN: "\u7F16\u53F7\u53EA\u80FD\u5305\u542B\u6587\u5B57\u3001\u6570\u5B57\u3001\u4E0B\u5212\u7EBF\u3001\u70B9\u548C\u6A2A\u7EBF,\u4E14\u4E0D\u80FD\u4EE5\u70B9\u6216\u6A2A\u7EBF\u5F00\u5934",
  FACT_ID_PATTERN: "\u4E8B\u5B9E/\u53C2\u6570\u7F16\u53F7\u53EA\u80FD\u4F7F\u7528\u82F1\u6587\u5B57\u6BCD\u3001\u6570\u5B57\u548C\u4E0B\u5212\u7EBF,\u4E14\u4E0D\u80FD\u4EE5\u6570\u5B57\u5F00\u5934",
  DATE_PATTERN: "\u65E5\u671F\u683C\u5F0F\u5E94\u4E3A YYYY-MM-DD,\u4F8B\u5982 2017-06-30",
  FACTOR_PATTERN: '\u7CFB\u6570\u5E94\u5199\u6210\u6570\u5B57\u6216\u5206\u6570,\u4F8B\u5982 "4/3"',
  REASON_REQUIRED: "\u5FC5\u987B\u5199\u660E\u7406\u7531"
};
var ID_KEYS = /* @__PURE__ */ new Set(["id", "node", "target", "set", "remove", "move", "to", "under", "after", "before", "replace"]);
function typeName(t) {
  return TYPE_NAMES[String(t)] ?? String(t);
}
__name(typeName, "typeName");
function describe(value) {
  if (value === void 0) return "(\u7F3A\u5931)";
  if (value === null) return "\u7A7A\u503C";
  if (Array.isArray(value)) return "\u5217\u8868";
  if (typeof value === "object") return "\u6620\u5C04";
  return `${typeName(typeof value)} ${JSON.stringify(value)}`;
}
__name(describe, "describe");
function getAt(data, path) {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return void 0;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return void 0;
    cur = cur[seg];
  }
  return cur;
}
__name(getAt, "getAt");
function branchCost(issues) {
  let cost = 0;
  for (const i of issues) cost += i.code === "unrecognized_keys" ? 2 * i.keys.length : i.code === "invalid_union" ? 1 : 1;
  return cost;
}
__name(branchCost, "branchCost");
function flatten(issue, base, out) {
  const path = [...base, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    let best = issue.errors[0];
    for (const b of issue.errors) if (branchCost(b) < branchCost(best)) best = b;
    for (const sub of best) flatten(sub, path, out);
    return;
  }
  out.push({ issue, path });
}
__name(flatten, "flatten");
function knownKeysAt(src, path, ctx) {
  const input = getAt(src.data, path);
  return input !== null && typeof input === "object" ? [...ctx.knownKeys.get(input) ?? []] : [];
}
__name(knownKeysAt, "knownKeysAt");
function rawSource(src, path, value) {
  const node = src.doc.getIn(path, true);
  return isScalar2(node) && typeof node.source === "string" ? node.source : String(value);
}
__name(rawSource, "rawSource");
function commaSplitHint(src, path, key) {
  const map = path.length === 0 ? src.doc.contents : src.doc.getIn(path, true);
  if (!isMap2(map) || !map.flow) return void 0;
  const i = map.items.findIndex((p) => isScalar2(p.key) && p.key.value === key);
  const pair = map.items[i];
  const prev = map.items[i - 1];
  if (!pair || pair.value !== null || !prev || !isScalar2(prev.key) || !isScalar2(prev.value) || typeof prev.value.value !== "string") return void 0;
  return `\u82B1\u62EC\u53F7\u91CC\u7684\u82F1\u6587\u9017\u53F7\u628A\u6587\u5B57\u622A\u65AD\u4E86:\u8BF7\u7ED9\u6574\u6BB5\u6587\u5B57\u52A0\u5F15\u53F7,\u5199\u6210 ${String(prev.key.value)}: "${prev.value.value},${key}"`;
}
__name(commaSplitHint, "commaSplitHint");
function messageFor(src, issue, path, ctx) {
  const input = getAt(src.data, path);
  const last = path[path.length - 1];
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(src, path, ctx);
      return issue.keys.map((key) => {
        const hint = commaSplitHint(src, path, key) ?? didYouMean(key, known) ?? (known.length ? `\u5141\u8BB8\u7684\u5B57\u6BB5:${known.join("\u3001")}` : void 0);
        const d = makeDiagnostic("UNKNOWN_KEY", { actual: key, path: [...path, key], ...hint ? { hint } : {} });
        return positionDiagnostic(src, d, [...path, key], true);
      });
    }
    case "invalid_type": {
      if (path.length === 0) {
        const reason = input === null || input === void 0 ? "\u6587\u4EF6\u5185\u5BB9\u4E3A\u7A7A(\u6216\u53EA\u6709\u6CE8\u91CA)" : `\u6587\u4EF6\u9876\u5C42\u5E94\u4E3A"\u952E: \u503C"\u5F62\u5F0F\u7684\u6620\u5C04,\u5B9E\u9645\u4E3A${describe(input)}`;
        return [positionDiagnostic(src, makeDiagnostic("SCHEMA_INVALID", { reason, path }), path)];
      }
      if (input === void 0) {
        if (ctx.typoTargets.has(JSON.stringify(path))) return [];
        const d2 = makeDiagnostic("SCHEMA_INVALID", { reason: `\u7F3A\u5C11\u5FC5\u586B\u5B57\u6BB5 "${String(last)}"(\u5E94\u4E3A${typeName(issue.expected)})`, path });
        return [positionDiagnostic(src, d2, path)];
      }
      if (typeof input === "number" && issue.expected === "string" && typeof last === "string" && ID_KEYS.has(last)) {
        const raw = rawSource(src, path, input);
        const hint2 = raw !== String(input) ? `YAML \u4F1A\u628A\u4E0D\u5E26\u5F15\u53F7\u7684 ${raw} \u8BFB\u6210\u6570\u5B57 ${input}` : "\u7F16\u53F7\u4E00\u5F8B\u52A0\u5F15\u53F7,\u4EE5\u514D 1.10 \u8FD9\u6837\u7684\u7F16\u53F7\u88AB\u8BFB\u6210\u6570\u5B57 1.1";
        const d2 = makeDiagnostic("ID_NOT_STRING", { actual: raw, expected: raw, path, hint: hint2 });
        return [positionDiagnostic(src, d2, path)];
      }
      const hint = typeof input === "number" && issue.expected === "string" ? `\u8BF7\u52A0\u4E0A\u5F15\u53F7,\u5199\u6210 "${rawSource(src, path, input)}"` : void 0;
      const d = makeDiagnostic("SCHEMA_INVALID", { reason: `"${String(last)}" \u5E94\u4E3A${typeName(issue.expected)},\u5B9E\u9645\u4E3A${describe(input)}`, path, ...hint ? { hint } : {} });
      return [positionDiagnostic(src, d, path)];
    }
    case "invalid_value": {
      const opts = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof input === "string" ? didYouMean(input, issue.values.map(String)) : void 0;
      const d = makeDiagnostic("SCHEMA_INVALID", { reason: `"${String(last)}" \u7684\u503C ${describe(input)} \u65E0\u6548,\u5E94\u4E3A\u4EE5\u4E0B\u4E4B\u4E00:${opts.join("\u3001")}`, path, ...hint ? { hint } : {} });
      return [positionDiagnostic(src, d, path)];
    }
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        const options = issue.options ?? [];
        const hint = typeof input === "string" ? didYouMean(input, options.map(String)) : void 0;
        const d2 = makeDiagnostic("SCHEMA_INVALID", {
          reason: `"${String(last)}" \u7684\u503C ${describe(input)} \u65E0\u6548,\u5E94\u4E3A\u4EE5\u4E0B\u4E4B\u4E00:${options.map((o) => JSON.stringify(o)).join("\u3001")}`,
          path,
          ...hint ? { hint } : {}
        });
        return [positionDiagnostic(src, d2, path)];
      }
      const d = makeDiagnostic("SCHEMA_INVALID", { reason: `"${String(last ?? "\u6587\u6863")}" \u7684\u5199\u6CD5\u4E0D\u7B26\u5408\u4EFB\u4F55\u4E00\u79CD\u5141\u8BB8\u7684\u683C\u5F0F`, path });
      return [positionDiagnostic(src, d, path)];
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const bound = small ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      let reason;
      if (issue.origin === "array") reason = small ? `"${String(last)}" \u81F3\u5C11\u9700\u8981 ${bound} \u9879` : `"${String(last)}" \u6700\u591A\u5141\u8BB8 ${bound} \u9879`;
      else if (issue.origin === "string") reason = small ? Number(bound) <= 1 ? `"${String(last)}" \u4E0D\u80FD\u4E3A\u7A7A` : `"${String(last)}" \u81F3\u5C11 ${bound} \u4E2A\u5B57\u7B26` : `"${String(last)}" \u6700\u591A ${bound} \u4E2A\u5B57\u7B26`;
      else reason = `"${String(last)}" \u7684\u503C ${describe(input)} ${small ? inclusive ? "\u4E0D\u80FD\u5C0F\u4E8E" : "\u5FC5\u987B\u5927\u4E8E" : inclusive ? "\u4E0D\u80FD\u5927\u4E8E" : "\u5FC5\u987B\u5C0F\u4E8E"} ${bound}`;
      return [positionDiagnostic(src, makeDiagnostic("SCHEMA_INVALID", { reason, path }), path)];
    }
    case "invalid_format": {
      const reason = PATTERN_MESSAGES[issue.message] ?? `"${String(last)}" \u7684\u683C\u5F0F\u4E0D\u6B63\u786E`;
      return [positionDiagnostic(src, makeDiagnostic("SCHEMA_INVALID", { reason: `${reason}(\u5B9E\u9645\u4E3A ${describe(input)})`, path }), path)];
    }
    case "invalid_key": {
      const key = last;
      const sub = issue.issues[0];
      const reason = sub && sub.code === "invalid_format" ? PATTERN_MESSAGES[sub.message] ?? "\u952E\u540D\u683C\u5F0F\u4E0D\u6B63\u786E" : "\u952E\u540D\u683C\u5F0F\u4E0D\u6B63\u786E";
      return [positionDiagnostic(src, makeDiagnostic("SCHEMA_INVALID", { reason: `\u952E\u540D "${String(key)}" \u65E0\u6548:${reason}`, path }), path, true)];
    }
    default: {
      const reason = PATTERN_MESSAGES[issue.message] ?? `"${String(last ?? "\u6587\u6863")}" \u7684\u503C\u65E0\u6548`;
      return [positionDiagnostic(src, makeDiagnostic("SCHEMA_INVALID", { reason, path }), path)];
    }
  }
}
__name(messageFor, "messageFor");
function parseWithSchema(schema, src) {
  const ctx = { knownKeys: /* @__PURE__ */ new WeakMap(), typoTargets: /* @__PURE__ */ new Set() };
  const result = schema.safeParse(src.data, {
    error: /* @__PURE__ */ __name((iss) => {
      if (iss.code === "unrecognized_keys" && iss.input !== null && typeof iss.input === "object") {
        const shape = iss.inst?._zod?.def?.shape;
        if (shape) {
          const keys = ctx.knownKeys.get(iss.input) ?? /* @__PURE__ */ new Set();
          for (const k of Object.keys(shape)) keys.add(k);
          ctx.knownKeys.set(iss.input, keys);
        }
      }
      return void 0;
    }, "error")
  });
  if (result.success) return { ok: true, value: result.data, diagnostics: [] };
  const flat = [];
  for (const issue of result.error.issues) flatten(issue, [], flat);
  for (const { issue, path } of flat) {
    if (issue.code !== "unrecognized_keys") continue;
    const known = knownKeysAt(src, path, ctx);
    for (const key of issue.keys) {
      const meant = closestMatch(key, known);
      if (meant !== void 0) ctx.typoTargets.add(JSON.stringify([...path, meant]));
    }
  }
  const diagnostics = [];
  const seen = /* @__PURE__ */ new Set();
  for (const { issue, path } of flat) {
    for (const d of messageFor(src, issue, path, ctx)) {
      const key = `${d.line}:${d.column}:${d.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        diagnostics.push(d);
      }
    }
  }
  return { ok: false, diagnostics };
}
__name(parseWithSchema, "parseWithSchema");

// src/extends/node-ops.ts
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
__name(isPlainObject, "isPlainObject");
function indexNodes(roots) {
  const byId = /* @__PURE__ */ new Map();
  const visit2 = /* @__PURE__ */ __name((siblings, parent) => {
    for (const n of siblings) {
      if (!isPlainObject(n)) continue;
      if (typeof n.id === "string" && !byId.has(n.id)) byId.set(n.id, { node: n, siblings, parent });
      if (Array.isArray(n.children)) visit2(n.children, n);
    }
  }, "visit");
  visit2(roots, null);
  return byId;
}
__name(indexNodes, "indexNodes");
function contains(ancestor, node, byId) {
  for (let cur = node; cur; cur = typeof cur.id === "string" ? byId.get(cur.id)?.parent ?? null : null) if (cur === ancestor) return true;
  return false;
}
__name(contains, "contains");
function applyNodeOps(roots, ops, ctx) {
  const { layer, origins } = ctx;
  const pointsSetHere = /* @__PURE__ */ new WeakSet();
  const report = /* @__PURE__ */ __name((i, key, d, preferKey = false) => {
    ctx.diagnostics.push(positionDiagnostic(layer, d, ["overrides", i, key], preferKey));
  }, "report");
  const from = /* @__PURE__ */ __name((i, ...rest) => ({ src: layer, path: ["overrides", i, ...rest] }), "from");
  const touched = /* @__PURE__ */ __name((parent, i, key) => {
    if (!parent) return;
    origins.setKey(parent, "children", from(i, key));
    if (!pointsSetHere.has(parent)) origins.setKey(parent, "points", from(i, key));
  }, "touched");
  ops.forEach((op, i) => {
    const byId = indexNodes(roots);
    const ids = [...byId.keys()];
    const find = /* @__PURE__ */ __name((id, key) => {
      const hit = typeof id === "string" ? byId.get(id) : void 0;
      if (hit) return hit;
      const hint = typeof id === "string" ? didYouMean(id, ids) : void 0;
      report(i, key, makeDiagnostic("UNKNOWN_NODE", { actual: id, path: ["overrides", i, key], ...hint ? { hint } : {} }));
      return null;
    }, "find");
    const destination = /* @__PURE__ */ __name((parentKey, self) => {
      if (op.after !== void 0 && op.before !== void 0) {
        report(i, "before", makeDiagnostic("OVERRIDE_INVALID", { reason: "after \u4E0E before \u53EA\u80FD\u5199\u4E00\u4E2A", path: ["overrides", i, "before"] }), true);
        return null;
      }
      const anchorKey = op.after !== void 0 ? "after" : op.before !== void 0 ? "before" : null;
      if (anchorKey) {
        const anchor = find(op[anchorKey], anchorKey);
        if (!anchor) return null;
        if (anchor.node === self) {
          report(i, anchorKey, makeDiagnostic("OVERRIDE_INVALID", { reason: "\u8282\u70B9\u4E0D\u80FD\u653E\u5728\u5B83\u81EA\u5DF1\u7684\u524D\u9762\u6216\u540E\u9762", path: ["overrides", i, anchorKey] }));
          return null;
        }
        if (op[parentKey] !== void 0 && op[parentKey] !== anchor.parent?.id) {
          const where = anchor.parent ? `"${String(anchor.parent.id)}"` : "\u9876\u5C42";
          report(i, parentKey, makeDiagnostic("OVERRIDE_INVALID", { reason: `${parentKey} \u4E0E ${anchorKey} \u6307\u5B9A\u7684\u4F4D\u7F6E\u4E0D\u4E00\u81F4:"${String(op[anchorKey])}" \u4F4D\u4E8E ${where} \u4E4B\u4E0B`, path: ["overrides", i, parentKey] }));
          return null;
        }
        return { siblings: anchor.siblings, parent: anchor.parent };
      }
      if (op[parentKey] === void 0) {
        const kind = parentKey === "to" ? "move" : "add";
        report(i, kind, makeDiagnostic("OVERRIDE_INVALID", { reason: `${kind} \u987B\u5199 ${parentKey}(\u4E0A\u7EA7\u8282\u70B9)\u3001after \u6216 before \u4E4B\u4E00,\u6307\u660E\u65B0\u4F4D\u7F6E`, path: ["overrides", i] }), true);
        return null;
      }
      const parent = find(op[parentKey], parentKey);
      if (!parent) return null;
      if (!Array.isArray(parent.node.children)) parent.node.children = [];
      return { siblings: parent.node.children, parent: parent.node };
    }, "destination");
    const insert = /* @__PURE__ */ __name((dest, node) => {
      let index = dest.siblings.length;
      const anchorId = op.after ?? op.before;
      if (anchorId !== void 0) {
        const at2 = dest.siblings.findIndex((s2) => isPlainObject(s2) && s2.id === anchorId);
        index = op.after !== void 0 ? at2 + 1 : at2;
      }
      dest.siblings.splice(index, 0, node);
    }, "insert");
    if ("set" in op) {
      const hit = find(op.set, "set");
      if (!hit) return;
      for (const field of SETTABLE_NODE_FIELDS) {
        if (!(field in op)) continue;
        const v = op[field];
        if (field === "id" && typeof v === "string" && v !== op.set && byId.has(v)) {
          report(i, "id", makeDiagnostic("OVERRIDE_INVALID", { reason: `\u65B0\u7F16\u53F7 "${v}" \u5DF2\u88AB\u5176\u4ED6\u8282\u70B9\u4F7F\u7528`, path: ["overrides", i, "id"] }));
          continue;
        }
        if (v === null) delete hit.node[field];
        else hit.node[field] = v;
        origins.setKey(hit.node, field, from(i, field));
        if (field === "points") pointsSetHere.add(hit.node);
        if (field === "points" || field === "weight" || field === "kind") touched(hit.parent, i, field);
      }
    } else if ("remove" in op) {
      const hit = find(op.remove, "remove");
      if (!hit) return;
      hit.siblings.splice(hit.siblings.indexOf(hit.node), 1);
      touched(hit.parent, i, "remove");
    } else if ("move" in op) {
      const hit = find(op.move, "move");
      if (!hit) return;
      const dest = destination("to", hit.node);
      if (!dest) return;
      if (dest.parent && contains(hit.node, dest.parent, byId)) {
        report(i, "move", makeDiagnostic("OVERRIDE_INVALID", { reason: `\u4E0D\u80FD\u628A\u8282\u70B9 "${String(op.move)}" \u79FB\u5230\u5B83\u81EA\u5DF1\u7684\u4E0B\u7EA7\u4E4B\u4E2D`, path: ["overrides", i, "move"] }));
        return;
      }
      hit.siblings.splice(hit.siblings.indexOf(hit.node), 1);
      insert(dest, hit.node);
      touched(hit.parent, i, "move");
      touched(dest.parent, i, "move");
    } else if ("add" in op) {
      const node = op.add;
      if (!isPlainObject(node)) {
        report(i, "add", makeDiagnostic("OVERRIDE_INVALID", { reason: "add \u7684\u503C\u5E94\u4E3A\u4E00\u4E2A\u5B8C\u6574\u7684\u8282\u70B9(\u542B id\u3001title\u3001points \u7B49)", path: ["overrides", i, "add"] }));
        return;
      }
      if (typeof node.id === "string" && byId.has(node.id)) {
        ctx.diagnostics.push(
          positionDiagnostic(layer, makeDiagnostic("OVERRIDE_INVALID", { reason: `\u65B0\u589E\u8282\u70B9\u7684\u7F16\u53F7 "${node.id}" \u5DF2\u5B58\u5728;\u4FEE\u6539\u5DF2\u6709\u8282\u70B9\u8BF7\u7528 set \u6216 replace`, path: ["overrides", i, "add", "id"] }), ["overrides", i, "add", "id"])
        );
        return;
      }
      const dest = destination("under", null);
      if (!dest) return;
      insert(dest, node);
      touched(dest.parent, i, "add");
    } else if ("replace" in op) {
      const hit = find(op.replace, "replace");
      if (!hit) return;
      const node = op.with;
      if (!isPlainObject(node)) {
        report(i, "with", makeDiagnostic("OVERRIDE_INVALID", { reason: "with \u7684\u503C\u5E94\u4E3A\u4E00\u4E2A\u5B8C\u6574\u7684\u8282\u70B9(\u542B id\u3001title\u3001points \u7B49)", path: ["overrides", i, "with"] }));
        return;
      }
      if (typeof node.id === "string" && node.id !== op.replace && byId.has(node.id)) {
        ctx.diagnostics.push(
          positionDiagnostic(layer, makeDiagnostic("OVERRIDE_INVALID", { reason: `\u66FF\u6362\u540E\u7684\u7F16\u53F7 "${node.id}" \u5DF2\u88AB\u5176\u4ED6\u8282\u70B9\u4F7F\u7528`, path: ["overrides", i, "with", "id"] }), ["overrides", i, "with", "id"])
        );
        return;
      }
      hit.siblings[hit.siblings.indexOf(hit.node)] = node;
      touched(hit.parent, i, "replace");
    }
  });
}
__name(applyNodeOps, "applyNodeOps");

// src/extends/merge-layer.ts
var LAYER_ONLY = /* @__PURE__ */ new Set(["extends", "overrides"]);
function push(ctx, d, path, preferKey = false) {
  ctx.diagnostics.push(positionDiagnostic(ctx.layer, d, path, preferKey));
}
__name(push, "push");
function checkRestated(base, layer, ctx) {
  const required = ["id", "version", "title", ...base.year !== void 0 ? ["year"] : []];
  for (const key of required) {
    if (layer[key] === void 0)
      push(ctx, makeDiagnostic("EXTENDS_RESTATE", { actual: key, reason: `\u4E0D\u6CBF\u7528\u88AB\u7EE7\u627F\u7EC6\u5219(${ctx.parentFile})\u7684 ${key},\u4EE5\u514D\u65B0\u7EC6\u5219\u4E0E\u65E7\u7EC6\u5219\u6DF7\u7528`, path: [key] }), ["extends"], true);
  }
  if (layer.id !== void 0 && layer.id === base.id && layer.version !== void 0 && layer.version === base.version)
    push(ctx, makeDiagnostic("EXTENDS_RESTATE", { actual: "version", reason: `\u7F16\u53F7\u548C\u7248\u672C\u4E0E\u88AB\u7EE7\u627F\u7EC6\u5219\u5B8C\u5168\u76F8\u540C("${String(base.id)}" ${String(base.version)}),\u8BF7\u81F3\u5C11\u6539\u53D8\u5176\u4E00`, path: ["version"] }), ["version"]);
}
__name(checkRestated, "checkRestated");
function mergeById(base, key, value, ctx) {
  const { origins, layer } = ctx;
  if (!isPlainObject(value) || !isPlainObject(base[key])) {
    base[key] = value;
    origins.setKey(base, key, { src: layer, path: [key] });
    return;
  }
  const target = base[key];
  for (const [id, entry] of Object.entries(value)) {
    const at2 = [key, id];
    if (entry === null) {
      if (!(id in target)) {
        const hint = didYouMean(id, Object.keys(target));
        push(ctx, makeDiagnostic("OVERRIDE_INVALID", { reason: `\u8981\u5220\u9664\u7684${key === "facts" ? "\u4E8B\u5B9E" : "\u53C2\u6570"} "${id}" \u5728\u88AB\u7EE7\u627F\u7684\u7EC6\u5219\u4E2D\u4E0D\u5B58\u5728`, path: at2, ...hint ? { hint } : {} }), at2, true);
        continue;
      }
      delete target[id];
      if (key === "facts") ctx.removedFacts.set(id, { src: layer, path: at2 });
      continue;
    }
    const old = target[id];
    if (isPlainObject(old) && isPlainObject(entry)) {
      for (const [field, v] of Object.entries(entry)) {
        if (v === null) delete old[field];
        else old[field] = v;
        origins.setKey(old, field, { src: layer, path: [...at2, field] });
      }
    } else {
      target[id] = entry;
      origins.setKey(target, id, { src: layer, path: at2 });
    }
  }
}
__name(mergeById, "mergeById");
function mergeVetoes(base, value, ctx) {
  const { origins, layer } = ctx;
  if (!Array.isArray(value) || !Array.isArray(base.vetoes)) {
    base.vetoes = value;
    origins.setKey(base, "vetoes", { src: layer, path: ["vetoes"] });
    return;
  }
  const target = base.vetoes;
  const idOf = /* @__PURE__ */ __name((v) => isPlainObject(v) ? v.id : void 0, "idOf");
  value.forEach((entry, i) => {
    const at2 = ["vetoes", i];
    if (isPlainObject(entry) && "remove" in entry && Object.keys(entry).length === 1) {
      const idx = target.findIndex((v) => idOf(v) === entry.remove);
      if (idx < 0) {
        const hint = typeof entry.remove === "string" ? didYouMean(entry.remove, target.map(idOf).filter((x) => typeof x === "string")) : void 0;
        push(ctx, makeDiagnostic("OVERRIDE_INVALID", { reason: `\u8981\u5220\u9664\u7684\u5426\u51B3\u9879 "${String(entry.remove)}" \u5728\u88AB\u7EE7\u627F\u7684\u7EC6\u5219\u4E2D\u4E0D\u5B58\u5728`, path: [...at2, "remove"], ...hint ? { hint } : {} }), [...at2, "remove"]);
      } else target.splice(idx, 1);
      return;
    }
    const old = target.find((v) => idOf(v) !== void 0 && idOf(v) === idOf(entry));
    if (isPlainObject(old) && isPlainObject(entry)) {
      for (const [field, v] of Object.entries(entry)) {
        if (field === "id") continue;
        if (v === null) delete old[field];
        else old[field] = v;
        origins.setKey(old, field, { src: layer, path: [...at2, field] });
      }
    } else target.push(entry);
  });
}
__name(mergeVetoes, "mergeVetoes");
function mergeLayer(base, ctx) {
  const layer = ctx.layer.data;
  checkRestated(base, layer, ctx);
  for (const [key, value] of Object.entries(layer)) {
    if (LAYER_ONLY.has(key)) continue;
    if (key === "nodes") {
      push(ctx, makeDiagnostic("OVERRIDE_INVALID", { reason: "\u7EE7\u627F\u7684\u7EC6\u5219\u4E0D\u80FD\u76F4\u63A5\u5199 nodes(\u90A3\u4F1A\u6574\u4F53\u66FF\u6362\u88AB\u7EE7\u627F\u7EC6\u5219\u7684\u5168\u90E8\u8282\u70B9);\u8BF7\u7528 overrides \u9010\u9879\u4FEE\u6539", path: ["nodes"] }), ["nodes"], true);
      continue;
    }
    if (key === "parameters" || key === "facts") mergeById(base, key, value, ctx);
    else if (key === "vetoes") mergeVetoes(base, value, ctx);
    else {
      base[key] = value;
      ctx.origins.setKey(base, key, { src: ctx.layer, path: [key] });
    }
  }
  const ops = layer.overrides;
  if (Array.isArray(ops) && ops.length > 0) {
    if (!Array.isArray(base.nodes)) base.nodes = [];
    applyNodeOps(base.nodes, ops, ctx);
  }
}
__name(mergeLayer, "mergeLayer");

// src/extends/origin-map.ts
function isContainer(v) {
  return typeof v === "object" && v !== null;
}
__name(isContainer, "isContainer");
var OriginMap = class {
  static {
    __name(this, "OriginMap");
  }
  objects = /* @__PURE__ */ new WeakMap();
  keys = /* @__PURE__ */ new WeakMap();
  /** Register every object and array of a file's data with its path in that file. */
  registerTree(value, src, path = []) {
    if (!isContainer(value)) return;
    this.objects.set(value, { src, path });
    if (Array.isArray(value)) value.forEach((v, i) => this.registerTree(v, src, [...path, i]));
    else for (const [k, v] of Object.entries(value)) this.registerTree(v, src, [...path, k]);
  }
  /** Record that `obj[key]` was last set by `origin` (a later layer). */
  setKey(obj, key, origin) {
    let m = this.keys.get(obj);
    if (!m) this.keys.set(obj, m = /* @__PURE__ */ new Map());
    m.set(key, origin);
  }
  origin(obj) {
    return this.objects.get(obj);
  }
  /** Deep copy `value`, carrying every origin over to the copies, so a layer can edit without touching its parent. */
  clone(value) {
    if (!isContainer(value)) return value;
    const copy = Array.isArray(value) ? value.map((v) => this.clone(v)) : {};
    if (!Array.isArray(value)) for (const [k2, v] of Object.entries(value)) copy[k2] = this.clone(v);
    const o = this.objects.get(value);
    if (o) this.objects.set(copy, o);
    const k = this.keys.get(value);
    if (k) this.keys.set(copy, new Map(k));
    return copy;
  }
  /**
   * The file and path that caused the value at `path` of `root`: the deepest object or key on the way down that has
   * an origin, with the rest of the path appended. The caller's locator walks up to the nearest existing YAML node.
   */
  relocate(root, path) {
    let best = isContainer(root) ? this.objects.get(root) : void 0;
    let cur = root;
    for (let i = 0; i < path.length; i++) {
      if (!isContainer(cur)) break;
      const seg = path[i];
      const rest = path.slice(i + 1);
      const keyOrigin = this.keys.get(cur)?.get(String(seg));
      if (keyOrigin) best = { src: keyOrigin.src, path: [...keyOrigin.path, ...rest] };
      const next = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : void 0;
      const o = isContainer(next) ? this.objects.get(next) : void 0;
      if (o) best = { src: o.src, path: [...o.path, ...rest] };
      cur = next;
    }
    if (best === void 0) return void 0;
    return best;
  }
};

// src/extends/resolve-extends.ts
function stringifyRubricData(data) {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  visit(doc, {
    Map(_key, node) {
      if (node.items.length <= 5 && node.items.every((p) => isScalar3(p.value) || isMap3(p.value) && p.value.flow)) node.flow = node.items.some((p) => isScalar3(p.key) && (p.key.value === "fact" || p.key.value === "param"));
    }
  });
  return doc.toString({ lineWidth: 0 });
}
__name(stringifyRubricData, "stringifyRubricData");
function resolveChain(chain) {
  const root = chain[chain.length - 1];
  const child = chain[0];
  if (!isPlainObject(root.data)) {
    return { ok: false, diagnostics: [positionDiagnostic(root, makeDiagnostic("SCHEMA_INVALID", { reason: "\u7EC6\u5219\u6587\u4EF6\u5E94\u4E3A\u6620\u5C04(\u952E: \u503C)" }), [])] };
  }
  const origins = new OriginMap();
  for (const s2 of chain) origins.registerTree(s2.data, s2);
  const data = origins.clone(root.data);
  const diagnostics = [];
  const removedFacts = /* @__PURE__ */ new Map();
  for (let i = chain.length - 2; i >= 0; i--) {
    const layer = chain[i];
    const shape = parseWithSchema(RubricLayerSchema, layer);
    if (!shape.ok) {
      diagnostics.push(...shape.diagnostics);
      continue;
    }
    mergeLayer(data, { layer, parentFile: chain[i + 1].file, origins, diagnostics, removedFacts });
  }
  delete data.extends;
  delete data.overrides;
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const text = stringifyRubricData(data);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: false });
  const source = {
    file: child.file,
    text,
    data,
    doc,
    lineCounter,
    relocate: /* @__PURE__ */ __name((path) => origins.relocate(data, path), "relocate")
  };
  return { ok: true, value: { source, chain: [...chain], removedFacts }, diagnostics };
}
__name(resolveChain, "resolveChain");
async function resolveRubric(src, read) {
  const chain = await collectChain(src, read);
  return chain.ok ? resolveChain(chain.value) : chain;
}
__name(resolveRubric, "resolveRubric");
function annotateRemovedFacts(diags, removed) {
  if (removed.size === 0) return diags;
  return diags.map((d) => {
    if (d.code !== "UNKNOWN_FACT" || typeof d.actual !== "string") return d;
    const o = removed.get(d.actual);
    if (!o) return d;
    const at2 = positionDiagnostic(o.src, d, o.path, true);
    return { ...d, hint: `\u8BE5\u4E8B\u5B9E\u5DF2\u5728 ${o.src.file}:${at2.line} \u88AB\u7EE7\u627F\u7EC6\u5219\u5220\u9664,\u4F46\u8FD9\u91CC\u4ECD\u5728\u4F7F\u7528;\u8BF7\u4E00\u5E76\u4FEE\u6539\u6216\u5220\u9664\u5F15\u7528\u5B83\u7684\u8BC4\u5206\u9879` };
  });
}
__name(annotateRemovedFacts, "annotateRemovedFacts");

// src/load/hash.ts
import { createHash } from "node:crypto";
function hashText(text) {
  const normalised = (text.charCodeAt(0) === 65279 ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  return "sha256:" + createHash("sha256").update(normalised, "utf8").digest("hex");
}
__name(hashText, "hashText");

// src/load/parse-source.ts
import { isAlias, isMap as isMap4, isPair, isScalar as isScalar4, isSeq as isSeq2, Lexer, LineCounter as LineCounter2, parseDocument as parseDocument2 } from "yaml";
var LIMITS = {
  /** Rubrics and evidence files are small; 2 MiB leaves room for a 500-row 统计表. */
  maxBytes: 2 * 1024 * 1024,
  /** Deepest nesting accepted (flow + block). A rubric tree 8 levels deep is ~40 YAML levels. */
  maxDepth: 64
};
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function findExcessiveNesting(text, maxDepth = LIMITS.maxDepth) {
  let flow = 0;
  let offset = 0;
  let lineIndicators = 0;
  let atLineStart = true;
  let indent = 0;
  for (const token of new Lexer().lex(text)) {
    const first = token[0];
    if (token === "[" || token === "{") flow++;
    else if (token === "]" || token === "}") flow = Math.max(0, flow - 1);
    else if (first === "\n" || first === "\r") {
      atLineStart = true;
      lineIndicators = 0;
      indent = 0;
    } else if (atLineStart && /^ +$/.test(token)) {
      indent = token.length;
      atLineStart = false;
    } else if ((token === "-" || token === "?") && flow === 0) {
      lineIndicators++;
      atLineStart = false;
    } else if (first !== "" && first !== "" && first !== "") {
      atLineStart = false;
    }
    const depth = flow + Math.ceil(indent / 2) + lineIndicators;
    if (depth > maxDepth || indent > maxDepth * 8) return offset;
    if (!(token.length === 1 && token.charCodeAt(0) < 32 && token !== "\n" && token !== "\r" && token !== "	")) offset += token.length;
  }
  return -1;
}
__name(findExcessiveNesting, "findExcessiveNesting");
function yamlReason(e, text) {
  const first = e.message.split("\n")[0];
  const at2 = text.slice(e.pos[0], e.pos[1]).split("\n")[0].trim();
  const close = first.match(/end with an? (\S)$/)?.[1];
  if (close) return `\u62EC\u53F7\u6CA1\u6709\u95ED\u5408:\u7F3A\u5C11 "${close}"(\u6216\u6B64\u5904\u7F29\u8FDB\u4E0D\u591F)`;
  switch (e.code) {
    case "DUPLICATE_KEY": {
      const key = text.slice(e.pos[0]).match(/^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*:/)?.[1] ?? at2;
      return `\u540C\u4E00\u5C42\u7EA7\u51FA\u73B0\u91CD\u590D\u7684\u952E${key ? ` ${key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`}` : ""}`;
    }
    case "TAB_AS_INDENT":
      return "\u4E0D\u80FD\u7528 Tab \u952E\u7F29\u8FDB,\u8BF7\u6539\u7528\u7A7A\u683C";
    case "BAD_INDENT":
      return "\u7F29\u8FDB\u4E0D\u4E00\u81F4:\u540C\u4E00\u5C42\u7EA7\u7684\u5404\u9879\u5FC5\u987B\u4ECE\u540C\u4E00\u5217\u5F00\u59CB";
    case "MULTILINE_IMPLICIT_KEY":
      return '\u952E\u540D\u4E0D\u80FD\u8DE8\u884C:\u8BF7\u68C0\u67E5\u7F29\u8FDB,\u662F\u5426\u6F0F\u5199\u4E86\u5192\u53F7 ":",\u6216\u5192\u53F7\u540E\u9762\u6F0F\u4E86\u7A7A\u683C';
    case "BLOCK_AS_IMPLICIT_KEY":
      return '\u6B64\u5904\u4E0D\u80FD\u5F00\u59CB\u65B0\u7684"\u952E: \u503C":\u8BF7\u68C0\u67E5\u672C\u884C\u4E0E\u4E0B\u4E00\u884C\u7684\u7F29\u8FDB\u662F\u5426\u4E00\u81F4;\u503C\u91CC\u542B\u5192\u53F7\u65F6\u8BF7\u7ED9\u6574\u4E2A\u503C\u52A0\u5F15\u53F7';
    case "BLOCK_IN_FLOW":
      return '\u82B1\u62EC\u53F7 { } \u6216\u65B9\u62EC\u53F7 [ ] \u91CC\u7684\u5404\u9879\u987B\u7528\u82F1\u6587\u9017\u53F7 "," \u5206\u9694';
    case "BAD_SCALAR_START":
      return `\u503C\u4E0D\u80FD\u4EE5 "${at2}" \u5F00\u5934:\u8BF7\u7ED9\u6574\u4E2A\u503C\u52A0\u5F15\u53F7`;
    case "MULTIPLE_DOCS":
      return '\u4E00\u4E2A\u6587\u4EF6\u53EA\u80FD\u6709\u4E00\u4EFD\u6587\u6863(\u4E0D\u80FD\u51FA\u73B0\u7B2C\u4E8C\u4E2A "---")';
    case "TAG_RESOLVE_FAILED":
      return `\u4E0D\u80FD\u4F7F\u7528 YAML \u6807\u7B7E ${at2 || first}(\u4EE5 ! \u5F00\u5934\u7684\u5199\u6CD5)`;
    case "MISSING_CHAR":
      if (/quote/.test(first)) return "\u5F15\u53F7\u6CA1\u6709\u95ED\u5408";
      if (/followed by map values/.test(first)) return '\u952E\u540D\u540E\u7F3A\u5C11\u5192\u53F7 ":"';
      if (/^Missing ,/.test(first)) return '\u7F3A\u5C11\u82F1\u6587\u9017\u53F7 ","';
      if (/space after :/.test(first)) return '\u5192\u53F7 ":" \u540E\u9762\u987B\u6709\u7A7A\u683C';
      return `\u7F3A\u5C11\u5FC5\u8981\u7684\u7B26\u53F7(${first})`;
    default:
      return `\u65E0\u6CD5\u89E3\u6790(${first})`;
  }
}
__name(yamlReason, "yamlReason");
function walkForKeyProblems(node, path, found) {
  if (isAlias(node)) {
    found.push({ code: "YAML_SYNTAX", offset: node.range?.[0] ?? 0, path, data: { reason: "\u4E0D\u652F\u6301\u951A\u70B9\u548C\u522B\u540D(& \u4E0E *),\u8BF7\u628A\u5185\u5BB9\u76F4\u63A5\u5199\u51FA\u6765" } });
  } else if (isMap4(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      const name = isScalar4(key) ? String(key.value) : "";
      const at2 = [...path, name];
      if (isScalar4(key) && typeof key.value === "string" && FORBIDDEN_KEYS.has(key.value)) {
        found.push({ code: "PROTOTYPE_KEY", offset: key.range?.[0] ?? 0, path: at2, data: { actual: key.value } });
      } else if (isScalar4(key) && typeof key.value === "number" && typeof key.source === "string" && key.source.trim() !== name) {
        const raw = key.source.trim();
        const hint = `YAML \u4F1A\u628A\u4E0D\u5E26\u5F15\u53F7\u7684 ${raw} \u8BFB\u6210\u6570\u5B57 ${name}`;
        found.push({ code: "ID_NOT_STRING", offset: key.range?.[0] ?? 0, path: at2, data: { actual: raw, expected: raw, hint } });
      } else if (isAlias(key)) walkForKeyProblems(key, path, found);
      walkForKeyProblems(pair.value, at2, found);
    }
  } else if (isSeq2(node)) {
    node.items.forEach((item, i) => walkForKeyProblems(item, [...path, i], found));
  }
}
__name(walkForKeyProblems, "walkForKeyProblems");
function position(lc, offset) {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}
__name(position, "position");
function parseSource(file, text) {
  const lineCounter = new LineCounter2();
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > LIMITS.maxBytes) {
    return { ok: false, diagnostics: [makeDiagnostic("FILE_TOO_LARGE", { file, actual: bytes, expected: LIMITS.maxBytes })] };
  }
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  const deep = findExcessiveNesting(text);
  if (deep >= 0) {
    const before = text.slice(0, deep);
    const line = before.split("\n").length;
    const column = deep - before.lastIndexOf("\n");
    return { ok: false, diagnostics: [{ ...makeDiagnostic("NESTING_TOO_DEEP", { file, expected: LIMITS.maxDepth }), line, column }] };
  }
  let doc;
  try {
    doc = parseDocument2(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  } catch (err) {
    return { ok: false, diagnostics: [makeDiagnostic("YAML_SYNTAX", { file, reason: err instanceof Error ? err.message : String(err) })] };
  }
  const diagnostics = [];
  const byOffset = /* @__PURE__ */ new Map();
  for (const e of doc.errors) {
    const prev = byOffset.get(e.pos[0]);
    if (!prev || prev.code === "MULTILINE_IMPLICIT_KEY") byOffset.set(e.pos[0], e);
  }
  for (const e of byOffset.values()) {
    const { line, column } = position(lineCounter, e.pos[0]);
    diagnostics.push({ ...makeDiagnostic("YAML_SYNTAX", { file, reason: yamlReason(e, text) }), line, column });
  }
  for (const w of doc.warnings) {
    const { line, column } = position(lineCounter, w.pos[0]);
    diagnostics.push({ ...makeDiagnostic("YAML_WARNING", { file, reason: yamlReason(w, text) }), line, column });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const problems = [];
  walkForKeyProblems(doc.contents, [], problems);
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: problems.map((k) => ({ ...makeDiagnostic(k.code, { file, path: k.path, ...k.data }), ...position(lineCounter, k.offset) }))
    };
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (err) {
    return { ok: false, diagnostics: [makeDiagnostic("YAML_SYNTAX", { file, reason: err instanceof Error ? err.message : String(err) })] };
  }
  return { ok: true, value: { file, text, data, doc, lineCounter }, diagnostics: [] };
}
__name(parseSource, "parseSource");

// src/load/read-source.ts
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
async function readSource(file, cwd) {
  const path = cwd ? resolve(cwd, file) : file;
  try {
    const st = await stat(path);
    if (!st.isFile()) {
      const reason = st.isDirectory() ? "\u8FD9\u662F\u4E00\u4E2A\u6587\u4EF6\u5939,\u4E0D\u662F\u6587\u4EF6" : "\u4E0D\u662F\u666E\u901A\u6587\u4EF6";
      return { ok: false, diagnostics: [makeDiagnostic("FILE_UNREADABLE", { file, reason })] };
    }
    if (st.size > LIMITS.maxBytes) {
      return { ok: false, diagnostics: [makeDiagnostic("FILE_TOO_LARGE", { file, actual: st.size, expected: LIMITS.maxBytes })] };
    }
    const buf = await readFile(path);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return parseSource(file, text);
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") return { ok: false, diagnostics: [makeDiagnostic("FILE_NOT_FOUND", { file })] };
    const notUtf8 = err instanceof TypeError;
    const reason = code === "EACCES" ? "\u6CA1\u6709\u8BFB\u53D6\u6743\u9650" : notUtf8 ? "\u4E0D\u662F UTF-8 \u7F16\u7801\u7684\u6587\u672C" : code ?? (err instanceof Error ? err.message : String(err));
    const hint = notUtf8 ? '\u8BF7\u7528\u8BB0\u4E8B\u672C\u6216 WPS \u6253\u5F00,"\u53E6\u5B58\u4E3A"\u65F6\u628A\u7F16\u7801\u9009\u4E3A UTF-8 \u540E\u518D\u8BD5' : void 0;
    return { ok: false, diagnostics: [makeDiagnostic("FILE_UNREADABLE", { file, reason, ...hint ? { hint } : {} })] };
  }
}
__name(readSource, "readSource");

// src/schema/evidence-schema.ts
import * as z7 from "zod";
var FactValue = z7.union([
  z7.boolean(),
  z7.number().finite(),
  z7.string().max(4e3),
  z7.null(),
  z7.array(z7.union([z7.number().finite(), z7.string().max(4e3), z7.boolean()])).max(1e3)
]);
var CitationSchema = z7.strictObject({
  title: z7.string().min(1).max(500),
  /** 文号, e.g. 鄂前政办发〔2018〕8号 */
  docNumber: z7.string().max(100).optional(),
  url: z7.string().max(2e3).optional(),
  date: DateStringSchema.optional(),
  note: TextSchema.optional()
});
var JudgementSchema = z7.strictObject({
  score: PointsSchema,
  reason: z7.string().min(1, { message: "REASON_REQUIRED" }).max(2e3),
  by: z7.string().min(1).max(100),
  date: DateStringSchema.optional()
});
var EvidenceSchema = z7.strictObject({
  rubric: z7.strictObject({ id: IdSchema, version: z7.string().min(1).max(40) }),
  agency: z7.strictObject({
    name: z7.string().min(1).max(200),
    /** Short name used in titles, e.g. 住建局. */
    shortName: z7.string().max(50).optional(),
    code: z7.string().min(1).max(64),
    class: z7.string().max(20).optional()
  }),
  period: z7.strictObject({ year: z7.number().int().min(1990).max(2100), label: z7.string().max(100).optional() }),
  /** 填表人 / 审核人 / 填表日期 for the printed sheet. */
  preparedBy: z7.string().max(50).optional(),
  reviewedBy: z7.string().max(50).optional(),
  date: DateStringSchema.optional(),
  facts: z7.record(FactIdSchema, FactValue).default({}),
  evidence: z7.record(IdSchema, z7.array(CitationSchema).max(100)).default({}),
  /** 自评分; null = not claimed (the blank form from `zwgk init` lists every item with null), dropped here. */
  claims: z7.record(IdSchema, PointsSchema.nullable()).default({}).transform((r2) => Object.fromEntries(Object.entries(r2).filter(([, v]) => v !== null))),
  /** Keyed by node id, or `<node>#<deduction>` for a judged deduction. */
  judgements: z7.record(z7.string().max(130), JudgementSchema).default({}),
  notApplicable: z7.array(z7.strictObject({ node: IdSchema, reason: z7.string().min(1).max(2e3) })).max(200).default([]),
  /** 整改情况 per node. */
  remediation: z7.record(IdSchema, TextSchema).default({})
});

// src/evidence/derive-facts.ts
var num = /* @__PURE__ */ __name((v) => typeof v === "number" && Number.isFinite(v) ? v : null, "num");
function compare(a, op, b) {
  switch (op) {
    case "equal":
      return a === b;
    case "notEqual":
      return a !== b;
    case "lessThan":
      return typeof a === "number" && typeof b === "number" && a < b;
    case "lessThanInclusive":
      return typeof a === "number" && typeof b === "number" && a <= b;
    case "greaterThan":
      return typeof a === "number" && typeof b === "number" && a > b;
    case "greaterThanInclusive":
      return typeof a === "number" && typeof b === "number" && a >= b;
    default:
      return false;
  }
}
__name(compare, "compare");
function daysOf(s2) {
  if (typeof s2 !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s2)) return null;
  const t = Date.UTC(Number(s2.slice(0, 4)), Number(s2.slice(5, 7)) - 1, Number(s2.slice(8, 10)));
  return Number.isFinite(t) ? Math.round(t / 864e5) : null;
}
__name(daysOf, "daysOf");
function computeDerived(d, values) {
  const inputs = deriveInputs(d);
  if ("count" in d && "trueOf" in d.count) {
    if (inputs.some((i) => values.get(i) === null || values.get(i) === void 0)) return null;
    return inputs.filter((i) => values.get(i) === true).length;
  }
  if ("count" in d) {
    const list = values.get(inputs[0]);
    if (!Array.isArray(list)) return null;
    const c2 = d.count;
    if ("itemsOf" in c2) return list.length;
    if ("list" in c2) return list.filter((x) => compare(x, c2.operator, c2.value)).length;
    return null;
  }
  if ("daysBetween" in d) {
    const a = daysOf(values.get(d.daysBetween.from));
    const b = daysOf(values.get(d.daysBetween.to));
    return a === null || b === null ? null : b - a;
  }
  const nums = inputs.map((i) => num(values.get(i)));
  if (nums.some((n) => n === null)) return null;
  const decs = nums.map((n) => dec(n));
  if ("sum" in d) return decs.reduce((a, b) => a.plus(b), dec(0)).toNumber();
  if ("min" in d) return D.min(...decs).toNumber();
  if ("max" in d) return D.max(...decs).toNumber();
  if ("difference" in d) return decs[0].minus(decs[1]).toNumber();
  const r2 = d.ratio;
  if (decs[1].isZero()) return r2.onZeroDenominator === "missing" ? null : r2.onZeroDenominator.value;
  const q = decs[0].div(decs[1]);
  return (r2.percent ? q.times(100) : q).toDecimalPlaces(10).toNumber();
}
__name(computeDerived, "computeDerived");
function deriveFacts(facts, order, values) {
  for (const id of order) values.set(id, computeDerived(facts[id].derive, values));
}
__name(deriveFacts, "deriveFacts");

// src/report/score-report.ts
var SCHEMA_VERSION = "1.0.0";

// src/report/build-report.ts
function claimedTotal(id, input) {
  const own = input.evidence.claims[id];
  if (own !== void 0) return dec(own);
  let total = null;
  for (const c2 of input.compiled.model.byId.get(id).children) {
    const t = claimedTotal(c2, input);
    if (t !== null) total = (total ?? dec(0)).plus(t);
  }
  return total;
}
__name(claimedTotal, "claimedTotal");
var ID_ORDER = new Intl.Collator("en", { numeric: true });
var MAXIMA = /* @__PURE__ */ new WeakMap();
function roundedMaxima(model, precision) {
  let m = MAXIMA.get(model);
  if (!m) {
    m = new Map(model.nodes.map((f) => [f.max, toOutput(f.max, precision)]));
    MAXIMA.set(model, m);
  }
  return m;
}
__name(roundedMaxima, "roundedMaxima");
function buildReport(input) {
  const { compiled, evidence, results, totals } = input;
  const rubric = compiled.rubric;
  const p = rubric.precision;
  const maxima = roundedMaxima(compiled.model, p);
  const out = /* @__PURE__ */ __name((d) => maxima.get(d) ?? toOutput(d, p), "out");
  const nodes = compiled.model.nodes.map((f) => {
    const r2 = results.get(f.id);
    const n = f.node;
    const node = {
      id: f.id,
      parent: f.parent,
      depth: f.depth,
      kind: f.kind,
      title: n.title,
      method: n.scoring?.method ?? "sum",
      max: out(f.max),
      applicableMax: out(r2.applicableMax),
      score: out(r2.score),
      status: r2.status,
      lost: f.kind === "score" && r2.status !== "not_applicable" ? Math.max(0, out(r2.applicableMax.minus(r2.score))) : 0,
      reasons: r2.reasons,
      deductions: r2.deductions.map((d) => ({
        id: d.id,
        reason: d.reason,
        amount: out(d.amount),
        ...d.count !== void 0 ? { count: d.count.toNumber() } : {},
        ...d.each !== void 0 ? { each: d.each.toNumber() } : {},
        applied: d.applied
      })),
      evidence: (evidence.evidence[f.id] ?? []).map((c2) => ({ ...c2 })),
      missingFacts: r2.missingFacts,
      children: f.children
    };
    if (n.description !== void 0) node.description = n.description;
    if (n.note !== void 0) node.note = n.note;
    const claim = evidence.claims[f.id];
    if (claim !== void 0) {
      node.claimed = out(dec(claim));
      node.difference = out(dec(claim).minus(r2.score));
    }
    if (r2.judgement) node.judgement = { ...r2.judgement };
    const rem = evidence.remediation[f.id];
    if (rem !== void 0) node.remediation = rem;
    return node;
  });
  const topClaims = compiled.model.nodes.filter((f) => f.parent === null && f.kind === "score").map((f) => claimedTotal(f.id, input));
  const claimedBase = topClaims.some((c2) => c2 !== null) ? topClaims.reduce((a, c2) => a.plus(c2 ?? 0), dec(0)) : null;
  const bonusClaims = compiled.model.nodes.filter((f) => f.boundary).map((f) => claimedTotal(f.id, input));
  const claimedAll = claimedBase === null && bonusClaims.every((c2) => c2 === null) ? null : bonusClaims.reduce((a, c2) => a.plus(c2 ?? 0), claimedBase ?? dec(0));
  const veto = input.assessmentVeto;
  const report = {
    schemaVersion: SCHEMA_VERSION,
    engine: { name: "zwgk-score", version: input.opts.engineVersion },
    rubric: {
      id: rubric.id,
      title: rubric.title,
      version: rubric.version,
      hash: compiled.hash,
      total: rubric.total,
      precision: p,
      levels: rubric.levels,
      ...rubric.year !== void 0 ? { year: rubric.year } : {},
      ...rubric.issuer !== void 0 ? { issuer: rubric.issuer } : {}
    },
    agency: { ...evidence.agency },
    period: { ...evidence.period },
    evidence: {
      hash: input.opts.evidenceHash,
      ...input.opts.evidenceFile !== void 0 ? { file: input.opts.evidenceFile } : {},
      ...evidence.preparedBy !== void 0 ? { preparedBy: evidence.preparedBy } : {},
      ...evidence.reviewedBy !== void 0 ? { reviewedBy: evidence.reviewedBy } : {},
      ...evidence.date !== void 0 ? { date: evidence.date } : {}
    },
    totals: {
      base: out(totals.base),
      bonus: out(totals.bonus),
      penalty: out(totals.penalty),
      final: out(totals.final),
      max: rubric.total,
      applicableMax: out(totals.applicableMax),
      normalized: out(totals.normalized),
      grade: totals.grade,
      claimed: claimedAll === null ? null : out(claimedAll)
    },
    veto: veto ? { id: veto.id, title: veto.title, reason: veto.reason, target: veto.target, score: veto.score ?? null, grade: veto.grade ?? totals.grade } : null,
    nodes,
    overClaims: nodes.filter((n) => n.claimed !== void 0 && n.difference !== void 0 && n.difference > 0).map((n) => ({ id: n.id, title: n.title, claimed: n.claimed, score: n.score, difference: n.difference })).sort((a, b) => b.difference - a.difference || ID_ORDER.compare(a.id, b.id)),
    missingEvidence: nodes.filter((n) => n.status === "missing_evidence").map((n) => ({ id: n.id, title: n.title, facts: n.missingFacts })),
    diagnostics: input.diagnostics
  };
  return report;
}
__name(buildReport, "buildReport");

// src/score/methods/status.ts
function statusFromScore(score, max) {
  if (score.gte(max)) return "met";
  if (score.lte(0)) return "unmet";
  return "partial";
}
__name(statusFromScore, "statusFromScore");
function missingResult(missingFacts, max, facts) {
  const uniq = [...new Set(missingFacts)].sort();
  const labels = uniq.map((f) => `${facts[f]?.label ?? f}${facts[f]?.source ? `(${facts[f].source})` : ""}`);
  const reason = { kind: "missing", text: `\u7F3A\u5C11\u4F50\u8BC1\u4E8B\u5B9E:${labels.join("\u3001")},\u6309 0 \u5206\u8BA1`, points: max.neg().toNumber() };
  return { score: dec(0), status: "missing_evidence", reasons: [reason], deductions: [], missingFacts: uniq };
}
__name(missingResult, "missingResult");

// src/score/methods/conditional.ts
function scoreBinary(node, s2, max, ctx) {
  const st = ctx.site(`${node.id}#binary`);
  if (st.state === "missing") return missingResult(st.missingFacts, max, ctx.compiled.rubric.facts);
  const met = st.state === "true";
  const reason = {
    kind: "binary",
    result: met,
    text: met ? "\u7B26\u5408\u8981\u6C42,\u5F97\u6EE1\u5206" : s2.failReason ?? "\u672A\u8FBE\u5230\u8981\u6C42,\u4E0D\u5F97\u5206",
    points: met ? 0 : max.neg().toNumber(),
    conditions: st.conditions
  };
  return { score: met ? max : dec(0), status: met ? "met" : "unmet", reasons: [reason], deductions: [], missingFacts: [] };
}
__name(scoreBinary, "scoreBinary");
function scoreClauses(node, s2, max, ctx) {
  let score = dec(0);
  const reasons = [];
  const missing = [];
  for (const c2 of s2.clauses) {
    const pts = c2.points !== void 0 ? dec(c2.points) : max.times(c2.percent ?? 0).div(100);
    const st = ctx.site(`${node.id}#clause:${c2.id}`);
    if (st.state === "missing") {
      missing.push(...st.missingFacts);
      continue;
    }
    const met = st.state === "true";
    if (met) score = score.plus(pts);
    reasons.push({
      kind: "clause",
      result: met,
      text: met ? `${c2.title}:\u5F97 ${pts.toString()} \u5206` : `${c2.title}:${c2.failReason ?? "\u672A\u8FBE\u5230\u8981\u6C42"},\u5931 ${pts.toString()} \u5206`,
      points: met ? 0 : pts.neg().toNumber(),
      conditions: st.conditions
    });
  }
  if (missing.length > 0) return missingResult(missing, max, ctx.compiled.rubric.facts);
  return { score, status: statusFromScore(score, max), reasons, deductions: [], missingFacts: [] };
}
__name(scoreClauses, "scoreClauses");
function scoreLevels(node, s2, max, ctx) {
  const reasons = [];
  for (let i = 0; i < s2.levels.length; i++) {
    const l = s2.levels[i];
    const pts = l.points !== void 0 ? dec(l.points) : max.times(l.percent ?? 0).div(100);
    if (l.when) {
      const st = ctx.site(`${node.id}#level:${i}`);
      if (st.state === "missing") return missingResult(st.missingFacts, max, ctx.compiled.rubric.facts);
      if (st.state === "false") {
        reasons.push({ kind: "level", result: false, text: `\u672A\u8FBE\u5230"${l.label}"`, conditions: st.conditions });
        continue;
      }
      reasons.push({ kind: "level", result: true, text: `\u8BC4\u4E3A"${l.label}",\u5F97 ${pts.toString()} \u5206${l.reason ? `:${l.reason}` : ""}`, points: pts.minus(max).toNumber(), conditions: st.conditions });
    } else {
      reasons.push({ kind: "level", result: true, text: `\u8BC4\u4E3A"${l.label}",\u5F97 ${pts.toString()} \u5206${l.reason ? `:${l.reason}` : ""}`, points: pts.minus(max).toNumber() });
    }
    return { score: pts, status: statusFromScore(pts, max), reasons, deductions: [], missingFacts: [] };
  }
  reasons.push({ kind: "level", result: false, text: "\u672A\u8FBE\u5230\u4EFB\u4F55\u7B49\u7EA7,\u4E0D\u5F97\u5206", points: max.neg().toNumber() });
  return { score: dec(0), status: "unmet", reasons, deductions: [], missingFacts: [] };
}
__name(scoreLevels, "scoreLevels");

// src/score/numbers.ts
function countOccurrences(per, value, resolve3) {
  if (value === null) return null;
  const step = dec(per.step ?? 1);
  if (per.below !== void 0) {
    const gap = dec(resolve3(per.below)).minus(value);
    return gap.gt(0) ? gap.div(step).floor() : dec(0);
  }
  if (per.above !== void 0) {
    const gap = dec(value).minus(resolve3(per.above));
    return gap.gt(0) ? gap.div(step).floor() : dec(0);
  }
  const v = dec(value);
  return v.lt(0) ? dec(0) : per.step !== void 0 ? v.div(step).floor() : v;
}
__name(countOccurrences, "countOccurrences");

// src/score/explain.ts
function formatValue(v, unit) {
  if (v === null || v === void 0) return "\u7F3A\u5931";
  if (v === true) return "\u662F";
  if (v === false) return "\u5426";
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x)).join("\u3001")}]`;
  if (typeof v === "number") return unit && unit !== "\u662F/\u5426" ? `${v} ${unit}` : String(v);
  return String(v);
}
__name(formatValue, "formatValue");
function explainLeaf(leaf, facts) {
  const def = facts[leaf.fact];
  const label = def?.label ?? leaf.fact;
  const unit = def?.unit;
  const expected = leaf.valueResult !== void 0 ? leaf.valueResult : leaf.value;
  const actual = leaf.factResult === void 0 ? null : leaf.factResult;
  const op = OPERATOR_TEXT[leaf.operator] ?? leaf.operator;
  const where = def?.source ? `(${def.source})` : "";
  let requirement;
  if (leaf.operator === "isTrue") requirement = `\u8981\u6C42\u4E3A${expected === false ? "\u5426" : "\u662F"}`;
  else if (leaf.operator === "nonEmpty") requirement = expected === false ? "\u8981\u6C42\u4E3A\u7A7A" : "\u8981\u6C42\u975E\u7A7A";
  else if (leaf.operator === "between" && Array.isArray(expected)) requirement = `\u8981\u6C42\u4ECB\u4E8E ${expected[0]}\u2013${expected[1]}`;
  else if (leaf.operator === "equal" && typeof expected === "boolean") requirement = `\u8981\u6C42\u4E3A${expected ? "\u662F" : "\u5426"}`;
  else requirement = `\u8981\u6C42 ${op} ${formatValue(expected, typeof expected === "number" ? unit : void 0)}`;
  const text = `${leaf.name ?? label}${where} = ${formatValue(actual, unit)},${requirement}:${leaf.result ? "\u6EE1\u8DB3" : "\u4E0D\u6EE1\u8DB3"}`;
  const r2 = { fact: leaf.fact, label, operator: leaf.operator, actual, expected, result: leaf.result, text };
  if (unit !== void 0) r2.unit = unit;
  if (def?.source !== void 0) r2.source = def.source;
  return r2;
}
__name(explainLeaf, "explainLeaf");

// src/score/methods/deduct.ts
function scoreDeduct(node, s2, max, start, ctx) {
  const reasons = [];
  const fired = [];
  const missing = [];
  let pendingJudgement = false;
  for (const d of s2.deductions) {
    let conditions;
    if (d.when) {
      const st = ctx.site(`${node.id}#deduction:${d.id}`);
      if (st.state === "missing") {
        missing.push(...st.missingFacts);
        continue;
      }
      conditions = st.conditions;
      if (st.state === "false") {
        reasons.push({ kind: "deduction", result: false, text: `\u672A\u89E6\u53D1\u6263\u5206:${d.reason}`, points: 0, conditions });
        continue;
      }
    }
    let amount;
    let count;
    let each;
    let text = d.reason;
    if (d.per) {
      const c2 = countOccurrences(d.per, ctx.number(d.per.fact), ctx.resolve);
      if (c2 === null) {
        missing.push(d.per.fact);
        continue;
      }
      count = c2;
      each = dec(d.each ?? 0);
      amount = c2.times(each);
      const def = ctx.compiled.rubric.facts[d.per.fact];
      text = `${d.reason}(${def?.label ?? d.per.fact} = ${formatValue(ctx.values.get(d.per.fact), def?.unit)},${c2} \u6B21 \xD7 ${each} \u5206)`;
    } else if (d.percentOfPoints !== void 0) {
      amount = max.times(d.percentOfPoints).div(100);
    } else if (d.judgement) {
      const j = ctx.evidence.judgements[`${node.id}#${d.id}`];
      if (!j) {
        pendingJudgement = true;
        reasons.push({ kind: "judgement", result: true, text: `\u5F85\u8BC4\u5BA1:${d.reason}(\u914C\u60C5\u6263 ${d.judgement.min}\u2013${d.judgement.max} \u5206,\u5C1A\u65E0\u8BC4\u5BA1\u610F\u89C1)`, points: 0, conditions });
        continue;
      }
      amount = dec(j.score);
      text = `${d.reason}(${j.by} \u914C\u60C5\u6263\u5206:${j.reason})`;
    } else amount = dec(d.amount ?? 0);
    if (d.max !== void 0 && amount.gt(d.max)) amount = dec(d.max);
    if (amount.isZero() && d.per) {
      reasons.push({ kind: "deduction", result: false, text: `\u672A\u89E6\u53D1\u6263\u5206:${text}`, points: 0, conditions });
      continue;
    }
    const sd = { id: d.id, reason: text, amount, applied: true };
    if (count !== void 0) sd.count = count;
    if (each !== void 0) sd.each = each;
    fired.push(sd);
    reasons.push({ kind: "deduction", result: true, text: `\u6263 ${amount} \u5206:${text}`, points: amount.neg().toNumber(), ...conditions ? { conditions } : {} });
  }
  if (missing.length > 0) return missingResult(missing, max, ctx.compiled.rubric.facts);
  if (s2.overlap === "exclusive" && fired.length > 1) {
    let keep = fired[0];
    for (const f of fired) if (f.amount.gt(keep.amount)) keep = f;
    for (const f of fired) if (f !== keep) {
      f.applied = false;
      reasons.push({ kind: "deduction", result: true, text: `\u4E0E"${keep.reason}"\u4E3A\u540C\u4E00\u4E8B\u4EF6,\u6309 exclusive \u4E0D\u91CD\u590D\u6263\u5206:${f.reason}`, points: f.amount.toNumber() });
    }
  }
  let total = fired.filter((f) => f.applied).reduce((a, f) => a.plus(f.amount), dec(0));
  if (s2.cap !== void 0 && total.gt(s2.cap)) {
    reasons.push({ kind: "deduction", result: true, text: `\u6263\u5206\u5408\u8BA1 ${total} \u5206,\u8D85\u8FC7\u672C\u9879\u6263\u5206\u4E0A\u9650 ${s2.cap} \u5206,\u6309\u4E0A\u9650\u6263`, points: total.minus(s2.cap).toNumber() });
    total = dec(s2.cap);
  }
  const score = start.minus(total);
  const status = pendingJudgement ? "manual" : total.gt(0) ? "deducted" : score.gte(max) ? "met" : "partial";
  return { score, status, reasons, deductions: fired, missingFacts: [] };
}
__name(scoreDeduct, "scoreDeduct");

// src/score/methods/judgement.ts
function scoreJudgement(node, s2, max, ctx) {
  const j = ctx.evidence.judgements[node.id];
  const hi = s2.max ?? max.toNumber();
  if (!j) {
    return {
      score: dec(0),
      status: "manual",
      reasons: [{ kind: "judgement", text: `\u5F85\u8BC4\u5BA1:\u914C\u60C5\u7ED9\u5206 ${s2.min}\u2013${hi} \u5206${s2.guidance ? `(${s2.guidance})` : ""},\u5C1A\u65E0\u8BC4\u5BA1\u610F\u89C1,\u6682\u6309 0 \u5206\u8BA1`, points: max.neg().toNumber() }],
      deductions: [],
      missingFacts: []
    };
  }
  const score = dec(j.score);
  return {
    score,
    status: "manual",
    reasons: [{ kind: "judgement", text: `${j.by} \u914C\u60C5\u8BC4\u5B9A ${j.score} \u5206(\u8303\u56F4 ${s2.min}\u2013${hi}):${j.reason}`, points: score.minus(max).toNumber() }],
    deductions: [],
    missingFacts: [],
    judgement: j
  };
}
__name(scoreJudgement, "scoreJudgement");

// src/score/methods/numeric.ts
function factText(ctx, fact) {
  const def = ctx.compiled.rubric.facts[fact];
  return `${def?.label ?? fact}${def?.source ? `(${def.source})` : ""} = ${formatValue(ctx.values.get(fact), def?.unit)}`;
}
__name(factText, "factText");
function valued(score, max, text) {
  return { score, status: statusFromScore(score, max), reasons: [{ kind: "value", text, points: score.minus(max).toNumber() }], deductions: [], missingFacts: [] };
}
__name(valued, "valued");
function scoreLinear(_n, s2, max, ctx) {
  const v = ctx.number(s2.fact);
  if (v === null) return missingResult([s2.fact], max, ctx.compiled.rubric.facts);
  const x0 = dec(ctx.resolve(s2.from.value));
  const x1 = dec(ctx.resolve(s2.to.value));
  const p0 = dec(s2.from.points);
  const p1 = dec(s2.to.points);
  let score;
  if (x0.eq(x1)) score = dec(v).gte(x1) ? p1 : p0;
  else {
    const t = clamp(dec(v).minus(x0).div(x1.minus(x0)), dec(0), dec(1));
    score = p0.plus(t.times(p1.minus(p0)));
  }
  return valued(clamp(score, dec(0), max), max, `${factText(ctx, s2.fact)},\u6309 ${x0}\u2192${p0}\u5206\u3001${x1}\u2192${p1}\u5206 \u7EBF\u6027\u8BA1\u5206`);
}
__name(scoreLinear, "scoreLinear");
function scorePercent(_n, s2, max, ctx) {
  const v = ctx.number(s2.fact);
  if (v === null) return missingResult([s2.fact], max, ctx.compiled.rubric.facts);
  const score = max.times(clamp(dec(v), dec(0), dec(100))).div(100);
  return valued(score, max, `${factText(ctx, s2.fact)},\u6309\u6BD4\u4F8B\u5F97\u5206`);
}
__name(scorePercent, "scorePercent");
function scoreExternal(_n, s2, max, ctx) {
  const v = ctx.number(s2.fact);
  if (v === null) return missingResult([s2.fact], max, ctx.compiled.rubric.facts);
  const score = s2.scale === "percent" ? max.times(clamp(dec(v), dec(0), dec(100))).div(100) : clamp(dec(v), dec(0), max);
  return valued(score, max, `${s2.authority}:${factText(ctx, s2.fact)}`);
}
__name(scoreExternal, "scoreExternal");
function scoreWeighted(_n, s2, max, ctx) {
  const missing = s2.inputs.filter((x) => ctx.number(x.fact) === null).map((x) => x.fact);
  if (missing.length > 0) return missingResult(missing, max, ctx.compiled.rubric.facts);
  let pct = dec(0);
  const parts = [];
  for (const x of s2.inputs) {
    const v = clamp(dec(ctx.number(x.fact)), dec(0), dec(100));
    pct = pct.plus(v.times(x.weight).div(100));
    parts.push(`${x.label ?? ctx.compiled.rubric.facts[x.fact]?.label ?? x.fact} ${v}%\xD7${x.weight}%`);
  }
  return valued(max.times(pct).div(100), max, `\u52A0\u6743\u5F97\u5206\u7387 ${pct.toDecimalPlaces(4)}%(${parts.join(" + ")})`);
}
__name(scoreWeighted, "scoreWeighted");
function scorePerOccurrence(_n, s2, max, ctx) {
  const count = countOccurrences(s2.per, ctx.number(s2.per.fact), ctx.resolve);
  if (count === null) return missingResult([s2.per.fact], max, ctx.compiled.rubric.facts);
  const raw = count.times(s2.each);
  let score = raw;
  if (s2.max !== void 0 && score.gt(s2.max)) score = dec(s2.max);
  if (score.gt(max)) score = max;
  const capped = score.lt(raw) ? `,\u5C01\u9876 ${score} \u5206` : "";
  return valued(score, max, `${factText(ctx, s2.per.fact)},\u8BA1 ${count} \u6B21 \xD7 ${s2.each} \u5206 = ${raw} \u5206${capped}`);
}
__name(scorePerOccurrence, "scorePerOccurrence");
function scoreStepped(_n, s2, max, ctx) {
  const v = ctx.number(s2.fact);
  if (v === null) return missingResult([s2.fact], max, ctx.compiled.rubric.facts);
  let score = dec(0);
  let step = "\u672A\u8FBE\u5230\u6700\u4F4E\u6863";
  for (const st of s2.steps) {
    const at2 = ctx.resolve(st.atLeast);
    if (v >= at2 && dec(st.points).gt(score)) {
      score = dec(st.points);
      step = `\u8FBE\u5230 \u2265${at2} \u6863,\u5F97 ${st.points} \u5206`;
    }
  }
  if (s2.beyond) {
    const from = ctx.resolve(s2.beyond.from);
    if (v > from) {
      const n = dec(v).minus(from).div(s2.beyond.every).floor();
      if (n.gt(0)) {
        score = score.plus(n.times(s2.beyond.points));
        step += `;\u8D85\u8FC7 ${from} \u540E\u6BCF ${s2.beyond.every} \u52A0 ${s2.beyond.points} \u5206,\u52A0 ${n.times(s2.beyond.points)} \u5206`;
      }
    }
  }
  return valued(clamp(score, dec(0), max), max, `${factText(ctx, s2.fact)},${step}`);
}
__name(scoreStepped, "scoreStepped");

// src/score/methods/rank.ts
function describeRankScheme(s2) {
  const sc = s2.scheme;
  if ("bands" in sc) {
    let from = 1;
    const parts = sc.bands.map((b) => {
      const range = b.upTo === from ? `\u7B2C${from}\u540D` : `\u7B2C${from}\u2013${b.upTo}\u540D`;
      const pts = Array.isArray(b.points) ? `\u4F9D\u6B21\u5F97 ${b.points.join("\u3001")} \u5206` : `\u5404\u5F97 ${b.points} \u5206`;
      from = b.upTo + 1;
      return `${range}${pts}`;
    });
    return `${parts.join(";")};\u5176\u4F59 ${sc.otherwise} \u5206`;
  }
  const upTo = sc.upTo !== void 0 ? `\u7B2C2\u2013${sc.upTo}\u540D` : "\u5176\u4F59\u540D\u6B21";
  return `\u7B2C1\u540D\u5F97\u6EE1\u5206,${upTo}\u6309\u4E0E\u7B2C1\u540D\u7684\u6BD4\u4F8B\u5F97\u5206${sc.upTo !== void 0 ? `,\u5176\u4F59 ${sc.otherwise} \u5206` : ""}`;
}
__name(describeRankScheme, "describeRankScheme");
function scoreRank(_node, s2, max, ctx) {
  const basis = "fact" in s2.basis ? ctx.compiled.rubric.facts[s2.basis.fact]?.label ?? s2.basis.fact : `"${s2.basis.node}"\u5F97\u5206`;
  const order = s2.order === "desc" ? "\u4ECE\u9AD8\u5230\u4F4E" : "\u4ECE\u4F4E\u5230\u9AD8";
  return {
    score: dec(0),
    status: "manual",
    reasons: [
      {
        kind: "rank",
        text: `\u6392\u540D\u7C7B\u6307\u6807\u987B\u5728\u6279\u91CF\u6BD4\u8F83\u4E2D\u8BA1\u5206(zwgk compare):\u6309${basis}${order}\u6392\u540D,${describeRankScheme(s2)};\u5355\u72EC\u8BC4\u5206\u65F6\u6682\u6309 0 \u5206\u8BA1`,
        points: max.neg().toNumber()
      }
    ],
    deductions: [],
    missingFacts: []
  };
}
__name(scoreRank, "scoreRank");

// src/score/external.ts
function externalLeafResult(ext, max) {
  let score = dec(ext.score);
  if (score.gt(max)) score = max;
  if (score.lt(0)) score = dec(0);
  const reason = { kind: ext.kind ?? "external", text: ext.reason, points: score.minus(max).toNumber() };
  return { score, status: ext.status ?? statusFromScore(score, max), reasons: [reason], deductions: [], missingFacts: [] };
}
__name(externalLeafResult, "externalLeafResult");

// src/score/score-leaf.ts
function scoreLeaf(node, max, start, ctx) {
  const s2 = node.scoring;
  let r2;
  const external = ctx.externalScores?.get(node.id);
  if (external) r2 = externalLeafResult(external, max);
  else switch (s2.method) {
    case "deduct":
      return scoreDeduct(node, s2, max, start, ctx);
    case "binary":
      r2 = scoreBinary(node, s2, max, ctx);
      break;
    case "clauses":
      r2 = scoreClauses(node, s2, max, ctx);
      break;
    case "levels":
      r2 = scoreLevels(node, s2, max, ctx);
      break;
    case "linear":
      r2 = scoreLinear(node, s2, max, ctx);
      break;
    case "percent":
      r2 = scorePercent(node, s2, max, ctx);
      break;
    case "external":
      r2 = scoreExternal(node, s2, max, ctx);
      break;
    case "weighted":
      r2 = scoreWeighted(node, s2, max, ctx);
      break;
    case "perOccurrence":
      r2 = scorePerOccurrence(node, s2, max, ctx);
      break;
    case "stepped":
      r2 = scoreStepped(node, s2, max, ctx);
      break;
    case "judgement":
      r2 = scoreJudgement(node, s2, max, ctx);
      break;
    case "rank":
      r2 = scoreRank(node, s2, max, ctx);
      break;
  }
  if (r2.score.gt(start)) {
    r2.reasons.push({ kind: "ceilingIf", text: `\u672C\u9879\u4E0D\u9AD8\u4E8E ${start} \u5206`, points: start.minus(r2.score).toNumber() });
    r2.score = start;
  }
  return r2;
}
__name(scoreLeaf, "scoreLeaf");

// src/score/aggregate.ts
function combineChildren(max, children, policy) {
  const applicable = children.filter((c2) => !c2.na);
  const raw = sum(applicable.map((c2) => c2.score));
  const appMax = sum(applicable.map((c2) => c2.applicableMax));
  if (applicable.length === children.length) return { score: raw, applicableMax: appMax };
  const naPoints = sum(children.filter((c2) => c2.na).map((c2) => c2.max));
  switch (policy.policy) {
    case "reduce":
      return { score: raw, applicableMax: appMax, note: `\u4E0D\u9002\u7528\u9879 ${naPoints} \u5206\u4E0D\u8BA1\u5165,\u672C\u9879\u6EE1\u5206\u51CF\u4E3A ${appMax} \u5206` };
    case "renormalize":
      if (appMax.isZero()) return { score: dec(0), applicableMax: dec(0) };
      return { score: raw.times(max).div(appMax), applicableMax: max, note: `\u6309\u9002\u7528\u9879\u6298\u7B97:${raw} \xF7 ${appMax} \xD7 ${max}` };
    case "rescale": {
      const [num2, den] = parseFactor(policy.factor ?? "1");
      const scaled = raw.times(num2).div(den);
      return { score: scaled.gt(max) ? max : scaled, applicableMax: max, note: `\u6309\u56FA\u5B9A\u7CFB\u6570\u6298\u7B97:${raw} \xD7 ${policy.factor}` };
    }
    case "redistribute": {
      if (applicable.length === 0 || appMax.isZero()) return { score: dec(0), applicableMax: dec(0) };
      if (policy.spread === "proportional") return { score: raw.times(max).div(appMax), applicableMax: max, note: `\u4E0D\u9002\u7528\u9879 ${naPoints} \u5206\u6309\u6BD4\u4F8B\u8BA1\u5165\u5176\u4ED6\u6307\u6807` };
      const extra = naPoints.div(applicable.length);
      const score = sum(applicable.map((c2) => c2.applicableMax.isZero() ? dec(0) : c2.score.times(c2.applicableMax.plus(extra)).div(c2.applicableMax)));
      return { score, applicableMax: max, note: `\u4E0D\u9002\u7528\u9879 ${naPoints} \u5206\u5E73\u5747\u8BA1\u5165\u5176\u4ED6 ${applicable.length} \u9879(\u6BCF\u9879\u52A0 ${extra.toDecimalPlaces(4)} \u5206\u6EE1\u5206)` };
    }
  }
}
__name(combineChildren, "combineChildren");
function emptyResult(id, status, text, kind, score = dec(0), applicableMax = dec(0)) {
  return { id, score, applicableMax, status, reasons: [{ kind, text }], deductions: [], missingFacts: [] };
}
__name(emptyResult, "emptyResult");
function aggregateTree(nodes, byId, input) {
  const { ctx } = input;
  const rubric = ctx.compiled.rubric;
  const results = /* @__PURE__ */ new Map();
  const vetoedBy = /* @__PURE__ */ __name((f) => {
    if (input.stopAll) return input.stopAll;
    for (let cur = f; cur; cur = cur.parent ? byId.get(cur.parent) : void 0) {
      const v = input.nodeVetoes.get(cur.id);
      if (v?.stopScoring) return v;
    }
    return null;
  }, "vetoedBy");
  const visit2 = /* @__PURE__ */ __name((f) => {
    const n = f.node;
    const childResults = f.children.map((c2) => visit2(byId.get(c2)));
    const naReason = input.notApplicable.get(f.id);
    if (naReason !== void 0) {
      const r3 = emptyResult(f.id, "not_applicable", `\u4E0D\u9002\u7528:${naReason}`, "notApplicable");
      results.set(f.id, r3);
      return r3;
    }
    const veto = vetoedBy(f);
    if (veto) {
      const fixed = veto.target === f.id && veto.score !== void 0 ? dec(veto.score) : dec(0);
      const r3 = emptyResult(f.id, "vetoed", `\u5355\u9879\u5426\u51B3:${veto.title}\u3002${veto.reason}`, "veto", fixed, f.max);
      results.set(f.id, r3);
      return r3;
    }
    let start = f.max;
    const overrideReasons = [];
    const missing = [];
    let zeroed = null;
    n.ceilingIf?.forEach((c2, i) => {
      const st = ctx.site(`${n.id}#ceilingIf:${i}`);
      if (st.state === "missing") missing.push(...st.missingFacts);
      else if (st.state === "true" && dec(c2.ceiling).lt(start)) {
        start = dec(c2.ceiling);
        overrideReasons.push({ kind: "ceilingIf", result: true, text: `${c2.reason}:\u672C\u9879\u4E0D\u9AD8\u4E8E ${c2.ceiling} \u5206`, points: dec(c2.ceiling).minus(f.max).toNumber(), conditions: st.conditions });
      }
    });
    n.zeroIf?.forEach((z8, i) => {
      const st = ctx.site(`${n.id}#zeroIf:${i}`);
      if (st.state === "missing") missing.push(...st.missingFacts);
      else if (st.state === "true" && !zeroed) zeroed = { kind: "zeroIf", result: true, text: `${z8.reason}:\u6B64\u9879\u4E0D\u5F97\u5206`, points: f.max.neg().toNumber(), conditions: st.conditions };
    });
    let r2;
    if (childResults.length === 0) {
      const leaf = scoreLeaf(n, f.max, start, ctx);
      r2 = { ...leaf, id: f.id, applicableMax: f.max, reasons: [...overrideReasons, ...leaf.reasons] };
    } else {
      const parts = f.children.map((c2) => byId.get(c2)).filter((c2) => !c2.boundary).map((c2) => {
        const cr = results.get(c2.id);
        return { score: cr.score, applicableMax: cr.applicableMax, max: c2.max, na: cr.status === "not_applicable" };
      });
      if (parts.length > 0 && parts.every((p) => p.na)) {
        r2 = emptyResult(f.id, "not_applicable", "\u4E0B\u7EA7\u5404\u9879\u5747\u4E0D\u9002\u7528", "notApplicable");
        results.set(f.id, r2);
        return r2;
      }
      const policy = n.notApplicable ?? rubric.notApplicable;
      const combined = combineChildren(f.max, parts, policy);
      let score = combined.score;
      const reasons = [...overrideReasons];
      if (combined.note) reasons.push({ kind: "notApplicable", text: combined.note });
      const ceiling = n.overflow === "cap" ? f.max : combined.applicableMax;
      if (score.gt(ceiling)) {
        reasons.push({ kind: "cap", text: `\u4E0B\u7EA7\u5F97\u5206\u5408\u8BA1 ${score} \u5206,\u672C\u9879\u6700\u9AD8 ${ceiling} \u5206`, points: ceiling.minus(score).toNumber() });
        score = ceiling;
      }
      if (score.gt(start)) {
        reasons.push({ kind: "ceilingIf", text: `\u672C\u9879\u4E0D\u9AD8\u4E8E ${start} \u5206`, points: start.minus(score).toNumber() });
        score = start;
      }
      const applicableMax = n.overflow === "cap" ? f.max : combined.applicableMax;
      r2 = { id: f.id, score, applicableMax, status: statusFromScore(score, applicableMax), reasons, deductions: [], missingFacts: [] };
    }
    if (missing.length > 0) {
      r2.score = dec(0);
      r2.status = "missing_evidence";
      r2.missingFacts = [.../* @__PURE__ */ new Set([...r2.missingFacts, ...missing])].sort();
      r2.reasons.push({ kind: "missing", text: '\u7F3A\u5C11\u5224\u65AD"\u4E0D\u5F97\u5206/\u5C01\u9876"\u6761\u4EF6\u6240\u9700\u7684\u4E8B\u5B9E,\u6309 0 \u5206\u8BA1' });
    } else if (zeroed) {
      r2.score = dec(0);
      r2.status = "unmet";
      r2.reasons.push(zeroed);
    }
    if (n.cap !== void 0 && r2.score.gt(n.cap)) {
      r2.reasons.push({ kind: "cap", text: `\u672C\u9879\u6700\u9AD8 ${n.cap} \u5206`, points: dec(n.cap).minus(r2.score).toNumber() });
      r2.score = dec(n.cap);
    }
    if (n.floor !== null && r2.score.lt(n.floor)) {
      r2.reasons.push({ kind: "floor", text: `\u6263\u5B8C\u4E3A\u6B62:\u672C\u9879\u6700\u4F4E ${n.floor} \u5206`, points: dec(n.floor).minus(r2.score).toNumber() });
      r2.score = dec(n.floor);
    }
    const nodeVeto = input.nodeVetoes.get(f.id);
    if (nodeVeto && !nodeVeto.stopScoring) {
      const fixed = nodeVeto.score !== void 0 ? dec(nodeVeto.score) : dec(0);
      r2.reasons.push({ kind: "veto", text: `\u5355\u9879\u5426\u51B3:${nodeVeto.title}\u3002${nodeVeto.reason}`, points: fixed.minus(r2.score).toNumber() });
      r2.score = fixed;
      r2.status = "vetoed";
    }
    results.set(f.id, r2);
    return r2;
  }, "visit");
  for (const f of nodes) if (f.parent === null) visit2(f);
  return results;
}
__name(aggregateTree, "aggregateTree");

// src/score/context.ts
function createContext(compiled, evidence, values, outcomes) {
  const facts = compiled.rubric.facts;
  const isMissing = /* @__PURE__ */ __name((f) => values.get(f) === null || values.get(f) === void 0, "isMissing");
  return {
    compiled,
    evidence,
    values,
    outcomes,
    site(key) {
      const site = compiled.siteByKey.get(key);
      const missingFacts = site ? site.requiredFacts.filter(isMissing) : [];
      if (missingFacts.length > 0) return { state: "missing", missingFacts };
      const o = outcomes.get(key);
      if (!o) return { state: "missing", missingFacts: [] };
      return { state: o.result ? "true" : "false", conditions: o.leaves.map((l) => explainLeaf(l, facts)) };
    },
    number(fact) {
      const v = values.get(fact);
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    },
    resolve(v) {
      if (typeof v === "number") return v;
      const p = compiled.rubric.parameters[v.param]?.value;
      return typeof p === "number" ? p : Number(p);
    }
  };
}
__name(createContext, "createContext");

// src/score/totals.ts
function zeroSubtree(model, results, id, reason) {
  const r2 = results.get(id);
  r2.reasons.push(reason);
  r2.score = dec(0);
  r2.status = "unmet";
  for (const c2 of model.byId.get(id).children) zeroSubtree(model, results, c2, { kind: "eligibility", text: "\u4E0A\u7EA7\u52A0\u5206\u9879\u672A\u8FBE\u5230\u52A0\u5206\u6761\u4EF6" });
}
__name(zeroSubtree, "zeroSubtree");
function computeTotals(model, results, ctx, assessmentVeto) {
  const rubric = model.rubric;
  const top = model.nodes.filter((f) => f.parent === null && !f.boundary);
  const combined = combineChildren(
    model.total,
    top.map((f) => {
      const r2 = results.get(f.id);
      return { score: r2.score, applicableMax: r2.applicableMax, max: f.max, na: r2.status === "not_applicable" };
    }),
    rubric.notApplicable
  );
  let base = combined.score;
  if (base.lt(0)) base = dec(0);
  if (base.gt(combined.applicableMax)) base = combined.applicableMax;
  const boundary = model.nodes.filter((f) => f.boundary);
  for (const f of boundary) {
    const e = f.node.eligibleIf;
    if (!e || results.get(f.id).status === "not_applicable") continue;
    const value = e.node ? results.get(e.node).score : base;
    const what = e.node ? `"${model.byId.get(e.node).node.title}"\u5F97\u5206` : "\u57FA\u7840\u5206";
    let ok = true;
    const texts = [];
    if (e.atLeast !== void 0) {
      const bar = ctx.resolve(e.atLeast);
      ok &&= value.gte(bar);
      texts.push(`${what} ${value} ${value.gte(bar) ? "\u2265" : "<"} ${bar}`);
    }
    if (e.above !== void 0) {
      const bar = ctx.resolve(e.above);
      ok &&= value.gt(bar);
      texts.push(`${what} ${value} ${value.gt(bar) ? ">" : "\u2264"} ${bar}`);
    }
    let conditions;
    if (e.when) {
      const st = ctx.site(`${f.id}#eligibility`);
      if (st.state === "missing") {
        ok = false;
        texts.push("\u7F3A\u5C11\u5224\u65AD\u52A0\u5206\u8D44\u683C\u6240\u9700\u7684\u4E8B\u5B9E");
      } else {
        ok &&= st.state === "true";
        conditions = st.conditions;
      }
    }
    const reason = { kind: "eligibility", result: ok, text: `${ok ? "\u5177\u5907" : "\u4E0D\u5177\u5907"}\u52A0\u5206\u8D44\u683C:${texts.join(";") || (e.reason ?? "")}${e.reason ? `(${e.reason})` : ""}`, ...conditions ? { conditions } : {} };
    if (ok) results.get(f.id).reasons.push(reason);
    else zeroSubtree(model, results, f.id, reason);
  }
  let bonus = sum(boundary.filter((f) => f.kind === "bonus").map((f) => results.get(f.id).score));
  let penalty = sum(boundary.filter((f) => f.kind === "penalty").map((f) => results.get(f.id).score));
  if (rubric.bonusCap !== void 0 && bonus.gt(rubric.bonusCap)) bonus = dec(rubric.bonusCap);
  if (rubric.penaltyCap !== void 0 && penalty.gt(rubric.penaltyCap)) penalty = dec(rubric.penaltyCap);
  if (bonus.lt(0)) bonus = dec(0);
  if (penalty.lt(0)) penalty = dec(0);
  const applicableMax = combined.applicableMax;
  let final = base.plus(bonus).minus(penalty);
  if (final.lt(rubric.finalFloor)) final = dec(rubric.finalFloor);
  if (assessmentVeto) {
    final = dec(assessmentVeto.score ?? 0);
    if (assessmentVeto.stopScoring) {
      base = dec(0);
      bonus = dec(0);
      penalty = dec(0);
    }
  }
  const normalized = applicableMax.isZero() ? dec(0) : final.times(100).div(applicableMax);
  const lowest = rubric.grades[rubric.grades.length - 1]?.name ?? "";
  let grade;
  if (assessmentVeto) grade = assessmentVeto.grade ?? lowest;
  else {
    const basis = rubric.gradeBasis === "normalized" ? normalized : final;
    grade = rubric.grades.find((g) => basis.gte(g.min))?.name ?? lowest;
  }
  return { base, bonus, penalty, final, applicableMax, normalized, grade };
}
__name(computeTotals, "computeTotals");

// src/score/score-agency.ts
function collectFactValues(compiled, evidence) {
  const values = /* @__PURE__ */ new Map();
  const facts = compiled.rubric.facts;
  for (const id of compiled.factIds) {
    const def = facts[id];
    if (def.derive) continue;
    const raw = Object.prototype.hasOwnProperty.call(evidence.facts, id) ? evidence.facts[id] : void 0;
    const v = raw === void 0 ? null : normaliseFactValue(def, raw);
    values.set(id, v === void 0 ? null : v);
  }
  deriveFacts(facts, compiled.derivedOrder, values);
  return values;
}
__name(collectFactValues, "collectFactValues");
function collectNotApplicable(compiled, evidence) {
  const na = /* @__PURE__ */ new Map();
  const declared = new Map(evidence.notApplicable.map((x) => [x.node, x.reason]));
  const cls = evidence.agency.class;
  for (const f of compiled.model.nodes) {
    const parentReason = f.parent ? na.get(f.parent) : void 0;
    if (parentReason !== void 0) na.set(f.id, parentReason);
    else if (f.node.classes && (cls === void 0 || !f.node.classes.includes(cls)))
      na.set(f.id, `\u4EC5\u9002\u7528\u4E8E ${f.node.classes.join("\u3001")} \u7C7B\u5355\u4F4D${cls ? `,\u672C\u5355\u4F4D\u4E3A ${cls} \u7C7B` : ""}`);
    else if (declared.has(f.id)) na.set(f.id, declared.get(f.id));
  }
  return na;
}
__name(collectNotApplicable, "collectNotApplicable");
function usedFacts(compiled) {
  const used = /* @__PURE__ */ new Set([...compiled.sites.flatMap((s2) => s2.requiredFacts), ...collectScoringFactRefs(compiled.model).map((r2) => r2.name)]);
  const queue = [...used];
  while (queue.length > 0) {
    const d = compiled.rubric.facts[queue.pop()]?.derive;
    if (!d) continue;
    for (const input of deriveInputs(d)) {
      if (!used.has(input)) {
        used.add(input);
        queue.push(input);
      }
    }
  }
  return used;
}
__name(usedFacts, "usedFacts");
async function scoreAgency(compiled, evidence, opts) {
  const values = collectFactValues(compiled, evidence);
  const engineFacts = {};
  for (const [k, v] of values) engineFacts[k] = v;
  const outcomes = await compiled.runRules(engineFacts);
  const ctx = createContext(compiled, evidence, values, outcomes);
  if (opts.externalScores) ctx.externalScores = opts.externalScores;
  const diagnostics = [...opts.diagnostics ?? []];
  let assessmentVeto = null;
  const nodeVetoes = /* @__PURE__ */ new Map();
  for (const v of compiled.rubric.vetoes) {
    const st = ctx.site(`veto:${v.id}`);
    if (st.state === "missing") {
      diagnostics.push(makeDiagnostic("MISSING_FACT", { severity: "warning", actual: st.missingFacts.join("\u3001"), hint: `\u5426\u51B3\u9879"${v.title}"\u65E0\u6CD5\u5224\u65AD,\u6309\u672A\u89E6\u53D1\u5904\u7406` }));
      continue;
    }
    if (st.state !== "true") continue;
    if (v.target === "assessment") assessmentVeto ??= v;
    else if (!nodeVetoes.has(v.target)) nodeVetoes.set(v.target, v);
  }
  const model = compiled.model;
  const results = aggregateTree(model.nodes, model.byId, {
    ctx,
    notApplicable: collectNotApplicable(compiled, evidence),
    nodeVetoes,
    stopAll: assessmentVeto?.stopScoring ? assessmentVeto : null
  });
  const totals = computeTotals(model, results, ctx, assessmentVeto);
  const missing = [...values].filter(([id, v]) => v === null && !compiled.rubric.facts[id].derive).map(([id]) => id);
  const used = usedFacts(compiled);
  for (const id of missing) {
    if (used.has(id)) diagnostics.push(makeDiagnostic("MISSING_FACT", { severity: "warning", actual: id, path: ["facts", id] }));
  }
  return buildReport({ compiled, evidence, results, totals, assessmentVeto, diagnostics, opts });
}
__name(scoreAgency, "scoreAgency");

// src/validate/check-conditions.ts
var PLAIN_PATH = /^(\$)?(\.?[A-Za-z_][A-Za-z0-9_]*|\[\d{1,4}\])+$/;
var OPERATOR_ALIASES = {
  "=": "equal",
  "==": "equal",
  eq: "equal",
  equals: "equal",
  \u7B49\u4E8E: "equal",
  "!=": "notEqual",
  "<>": "notEqual",
  ne: "notEqual",
  neq: "notEqual",
  \u4E0D\u7B49\u4E8E: "notEqual",
  "<": "lessThan",
  lt: "lessThan",
  \u5C0F\u4E8E: "lessThan",
  \u4F4E\u4E8E: "lessThan",
  "<=": "lessThanInclusive",
  lte: "lessThanInclusive",
  le: "lessThanInclusive",
  \u5C0F\u4E8E\u7B49\u4E8E: "lessThanInclusive",
  \u4E0D\u8D85\u8FC7: "lessThanInclusive",
  \u4E0D\u9AD8\u4E8E: "lessThanInclusive",
  ">": "greaterThan",
  gt: "greaterThan",
  \u5927\u4E8E: "greaterThan",
  \u8D85\u8FC7: "greaterThan",
  \u9AD8\u4E8E: "greaterThan",
  ">=": "greaterThanInclusive",
  gte: "greaterThanInclusive",
  ge: "greaterThanInclusive",
  \u5927\u4E8E\u7B49\u4E8E: "greaterThanInclusive",
  \u4E0D\u4F4E\u4E8E: "greaterThanInclusive",
  \u4E0D\u5C11\u4E8E: "greaterThanInclusive"
};
function suggestOperator(op) {
  const alias = OPERATOR_ALIASES[op] ?? OPERATOR_ALIASES[op.toLowerCase()];
  return alias ? `\u662F\u5426\u60F3\u5199 "${alias}"?` : didYouMean(op, KNOWN_OPERATORS);
}
__name(suggestOperator, "suggestOperator");
function operatorsFor(type) {
  return [...KNOWN_OPERATORS].filter((op) => {
    const types = OPERATOR_TYPES[op];
    return !types || types.includes(type);
  });
}
__name(operatorsFor, "operatorsFor");
function quotedNumberHint(v, want) {
  return typeof v === "string" && want === "\u6570\u5B57" && v.trim() !== "" && Number.isFinite(Number(v)) ? `\u53BB\u6389\u5F15\u53F7,\u5199\u6210 value: ${v.trim()}` : void 0;
}
__name(quotedNumberHint, "quotedNumberHint");
function valueFits(def, v, operator) {
  const numeric = def.type === "integer" || def.type === "number" || def.type === "percent";
  if (operator === "in" || operator === "notIn") return Array.isArray(v) ? null : "\u5217\u8868";
  if (operator === "between") return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "number") ? null : "\u4E24\u4E2A\u6570\u5B57\u7EC4\u6210\u7684\u5217\u8868 [\u4E0B\u9650, \u4E0A\u9650]";
  if (operator === "isTrue" || operator === "nonEmpty") return typeof v === "boolean" ? null : "\u5E03\u5C14\u503C";
  if (def.type === "list" && (operator === "contains" || operator === "doesNotContain")) return Array.isArray(v) || v === null ? "\u5355\u4E2A\u503C" : null;
  if (numeric) return typeof v === "number" ? null : "\u6570\u5B57";
  if (def.type === "boolean") return typeof v === "boolean" ? null : "\u5E03\u5C14\u503C(true/false)";
  if (def.type === "date") return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : "\u65E5\u671F YYYY-MM-DD";
  if (def.type === "enum") return typeof v === "string" && (def.values ?? []).includes(v) ? null : `\u4EE5\u4E0B\u4E4B\u4E00:${(def.values ?? []).join("\u3001")}`;
  if (def.type === "text") return typeof v === "string" ? null : "\u6587\u672C";
  return null;
}
__name(valueFits, "valueFits");
function checkCondition(c2, path, ctx) {
  walkCondition(
    c2,
    path,
    (leaf, p) => {
      const def = ctx.facts[leaf.fact];
      if (!def) {
        const hint = didYouMean(leaf.fact, Object.keys(ctx.facts));
        ctx.add(makeDiagnostic("UNKNOWN_FACT", { actual: leaf.fact, path: [...p, "fact"], ...hint ? { hint } : {} }), [...p, "fact"]);
      }
      if (!KNOWN_OPERATORS.has(leaf.operator)) {
        const hint = suggestOperator(leaf.operator);
        ctx.add(makeDiagnostic("UNKNOWN_OPERATOR", { actual: leaf.operator, path: [...p, "operator"], ...hint ? { hint } : {} }), [...p, "operator"]);
      } else if (def) {
        const types = OPERATOR_TYPES[leaf.operator];
        const compared = leaf.path !== void 0 && def.type === "list" ? def.items : def.type;
        if (types && compared !== void 0 && !types.includes(compared)) {
          const hint = `${compared} \u7C7B\u578B\u53EF\u7528\u7684\u8FD0\u7B97\u7B26:${operatorsFor(compared).join("\u3001")}`;
          ctx.add(makeDiagnostic("OPERATOR_TYPE_MISMATCH", { reason: "\u8FD0\u7B97\u7B26", actual: leaf.operator, expected: compared, path: [...p, "operator"], hint }), [...p, "operator"]);
        }
      }
      if (leaf.path !== void 0 && !PLAIN_PATH.test(leaf.path)) {
        ctx.add(makeDiagnostic("INVALID_PATH", { actual: leaf.path, path: [...p, "path"] }), [...p, "path"]);
      }
      const v = leaf.value;
      if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        if ("fact" in v) {
          if (!ctx.facts[v.fact]) {
            const hint = didYouMean(v.fact, Object.keys(ctx.facts));
            ctx.add(makeDiagnostic("UNKNOWN_FACT", { actual: v.fact, path: [...p, "value", "fact"], ...hint ? { hint } : {} }), [...p, "value", "fact"]);
          }
          if (v.path !== void 0 && !PLAIN_PATH.test(v.path)) ctx.add(makeDiagnostic("INVALID_PATH", { actual: v.path, path: [...p, "value", "path"] }), [...p, "value", "path"]);
          return;
        }
        const param = ctx.parameters[v.param];
        if (!param) return;
        if (def && leaf.path === void 0 && KNOWN_OPERATORS.has(leaf.operator)) {
          const want = valueFits(def, param.value, leaf.operator);
          if (want) ctx.add(makeDiagnostic("VALUE_TYPE_MISMATCH", { actual: param.value, expected: want, path: [...p, "value"] }), [...p, "value"]);
        }
        return;
      }
      if (def && leaf.path === void 0 && KNOWN_OPERATORS.has(leaf.operator)) {
        const want = valueFits(def, v, leaf.operator);
        const hint = want ? quotedNumberHint(v, want) : void 0;
        if (want) ctx.add(makeDiagnostic("VALUE_TYPE_MISMATCH", { actual: v, expected: want, path: [...p, "value"], ...hint ? { hint } : {} }), [...p, "value"]);
      }
    },
    (_kind, items, p) => {
      if (items.length === 0) ctx.add(makeDiagnostic("EMPTY_CONDITION", { path: p }), p);
    }
  );
}
__name(checkCondition, "checkCondition");

// src/validate/check-rank.ts
function subtreeHasRank(model, f) {
  if (f.node.scoring?.method === "rank") return true;
  return f.children.some((c2) => subtreeHasRank(model, model.byId.get(c2)));
}
__name(subtreeHasRank, "subtreeHasRank");
function isAncestor(model, maybeAncestor, f) {
  for (let cur = f.parent; cur !== null; cur = model.byId.get(cur)?.parent ?? null) if (cur === maybeAncestor) return true;
  return false;
}
__name(isAncestor, "isAncestor");
function checkRankCriteria(model, add) {
  for (const f of model.nodes) {
    const s2 = f.node.scoring;
    if (s2?.method !== "rank") continue;
    const p = [...f.path, "scoring"];
    if ("node" in s2.basis) {
      const bp = [...p, "basis", "node"];
      const target = model.byId.get(s2.basis.node);
      if (!target) {
        const hint = didYouMean(s2.basis.node, model.byId.keys());
        add(makeDiagnostic("UNKNOWN_NODE", { actual: s2.basis.node, path: bp, ...hint ? { hint } : {} }), bp);
      } else if (target.id === f.id || isAncestor(model, target.id, f) || subtreeHasRank(model, target)) {
        add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u6392\u540D\u4F9D\u636E\u8282\u70B9 "${target.id}" \u4E0D\u80FD\u662F\u6392\u540D\u7C7B\u6307\u6807,\u4E5F\u4E0D\u80FD\u5305\u542B\u6392\u540D\u7C7B\u6307\u6807(\u6392\u540D\u4F9D\u636E\u53D6\u7B2C\u4E00\u8F6E\u5F97\u5206)`, path: bp }), bp);
      }
    }
    const max = f.max;
    const sc = s2.scheme;
    const over = /* @__PURE__ */ __name((amount, at2, what) => {
      if (dec(amount).gt(max)) add(makeDiagnostic("AMOUNT_EXCEEDS_POINTS", { reason: `${what} ${amount} \u8D85\u8FC7\u672C\u9879\u5206\u503C ${formatPoints(max, 4)}`, path: at2 }), at2);
    }, "over");
    over(sc.otherwise, [...p, "scheme", "otherwise"], "\u5176\u4F59\u540D\u6B21\u5206\u503C");
    if (!("bands" in sc)) continue;
    let prevUpTo = 0;
    let prevPoints = null;
    sc.bands.forEach((b, i) => {
      const bp = [...p, "scheme", "bands", i];
      if (b.upTo <= prevUpTo) {
        add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u540D\u6B21\u6BB5\u987B\u6309\u540D\u6B21\u4ECE\u524D\u5230\u540E\u6392\u5217:upTo ${b.upTo} \u4E0D\u5927\u4E8E\u4E0A\u4E00\u6BB5\u7684 ${prevUpTo}`, path: [...bp, "upTo"] }), [...bp, "upTo"]);
        return;
      }
      const size = b.upTo - prevUpTo;
      const list = Array.isArray(b.points) ? b.points : [b.points];
      if (Array.isArray(b.points) && b.points.length !== size)
        add(
          makeDiagnostic("SCHEMA_INVALID", { reason: `\u7B2C${prevUpTo + 1}\u2013${b.upTo}\u540D\u5171 ${size} \u4E2A\u540D\u6B21,\u4F46\u5217\u51FA\u4E86 ${b.points.length} \u4E2A\u5206\u503C`, path: [...bp, "points"] }),
          [...bp, "points"]
        );
      list.forEach((pts, j) => {
        over(pts, Array.isArray(b.points) ? [...bp, "points", j] : [...bp, "points"], "\u540D\u6B21\u5206\u503C");
        if (prevPoints !== null && pts > prevPoints)
          add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u540D\u6B21\u9760\u540E\u7684\u5206\u503C ${pts} \u4E0D\u80FD\u9AD8\u4E8E\u9760\u524D\u540D\u6B21\u7684 ${prevPoints}`, path: [...bp, "points"] }), [...bp, "points"]);
        prevPoints = pts;
      });
      prevUpTo = b.upTo;
    });
    if (prevPoints !== null && sc.otherwise > prevPoints)
      add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u5176\u4F59\u540D\u6B21\u5206\u503C ${sc.otherwise} \u4E0D\u80FD\u9AD8\u4E8E\u6700\u540E\u4E00\u6BB5\u7684 ${prevPoints}`, path: [...p, "scheme", "otherwise"] }), [...p, "scheme", "otherwise"]);
  }
}
__name(checkRankCriteria, "checkRankCriteria");

// src/validate/check-rubric.ts
function checkUnique(ids, listPath, what, add, lineOf) {
  const first = /* @__PURE__ */ new Map();
  ids.forEach((id, i) => {
    const at2 = first.get(id);
    if (at2 === void 0) first.set(id, i);
    else add(makeDiagnostic("DUPLICATE_ID", { reason: what, actual: id, expected: lineOf([...listPath, at2, "id"]), path: [...listPath, i, "id"] }), [...listPath, i, "id"]);
  });
}
__name(checkUnique, "checkUnique");
function checkIds(model, add, lineOf) {
  const first = /* @__PURE__ */ new Map();
  for (const f of model.nodes) {
    const prev = first.get(f.id);
    if (prev) add(makeDiagnostic("DUPLICATE_ID", { reason: "\u8282\u70B9", actual: f.id, expected: lineOf([...prev.path, "id"]), path: [...f.path, "id"] }), [...f.path, "id"]);
    else first.set(f.id, f);
  }
  checkUnique(model.rubric.vetoes.map((v) => v.id), ["vetoes"], "\u5426\u51B3\u9879", add, lineOf);
}
__name(checkIds, "checkIds");
function checkPoints(model, add) {
  for (const f of model.nodes) {
    const n = f.node;
    const children = (n.children ?? []).map((c2) => model.byId.get(c2.id)).filter((c2) => c2 && !c2.boundary);
    if (n.scoring && n.children && n.children.length > 0) add(makeDiagnostic("METHOD_NEEDS_LEAF", { path: [...f.path, "scoring"] }), [...f.path, "scoring"], true);
    if (!n.scoring && (!n.children || n.children.length === 0)) add(makeDiagnostic("LEAF_NEEDS_SCORING", { path: f.path, nodeId: n.id }), [...f.path, "id"]);
    if (n.points === void 0 && n.weight === void 0 && !n.children?.length && f.max.isZero() && f.kind === "score")
      add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u8282\u70B9 "${n.id}" \u7F3A\u5C11\u5206\u503C points(\u6216 weight)`, path: f.path }), [...f.path, "id"]);
    if (n.points === void 0 && n.weight === void 0 && !n.children?.length && f.max.isZero() && f.kind !== "score")
      add(
        makeDiagnostic("SCHEMA_INVALID", { reason: `${f.kind === "bonus" ? "\u52A0\u5206" : "\u51CF\u5206"}\u9879 "${n.id}" \u7F3A\u5C11\u4E0A\u9650:\u8BF7\u5199 points\u3001cap \u6216\u8BA1\u5206\u65B9\u6CD5\u7684 max`, path: f.path }),
        [...f.path, "id"]
      );
    if (n.points !== void 0 && n.weight !== void 0)
      add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u8282\u70B9 "${n.id}" \u4E0D\u80FD\u540C\u65F6\u5199 points \u548C weight`, path: [...f.path, "weight"] }), [...f.path, "weight"], true);
    if (children.length === 0) continue;
    const weighted = children.filter((c2) => c2.node.weight !== void 0);
    if (weighted.length > 0) {
      const total = sum(weighted.map((c2) => dec(c2.node.weight)));
      if (weighted.length !== children.length || !total.eq(100))
        add(makeDiagnostic("WEIGHTS_INVALID", { actual: formatPoints(total, 4), path: [...f.path, "children"] }), [...f.path, "children"], true);
      continue;
    }
    if (n.points === void 0) continue;
    const childSum = sum(children.map((c2) => c2.max));
    const ok = childSum.eq(f.max) || n.overflow === "cap" && childSum.gt(f.max) || classVariantsFit(children, f.max);
    if (!ok)
      add(
        makeDiagnostic("POINTS_MISMATCH", {
          actual: formatPoints(childSum, 4),
          expected: formatPoints(f.max, 4),
          path: [...f.path, "points"],
          hint: childSum.gt(f.max) ? "\u82E5\u4E0B\u7EA7\u5408\u8BA1\u5141\u8BB8\u8D85\u8FC7\u672C\u7EA7\u3001\u7531\u672C\u7EA7\u5C01\u9876,\u8BF7\u5199 overflow: cap" : void 0
        }),
        [...f.path, "points"]
      );
  }
}
__name(checkPoints, "checkPoints");
function classVariantsFit(children, max) {
  const classes = [...new Set(children.flatMap((c2) => c2.node.classes ?? []))];
  if (classes.length === 0) return false;
  const sums = classes.map((cls) => sum(children.filter((c2) => !c2.node.classes || c2.node.classes.includes(cls)).map((c2) => c2.max)));
  return sums.every((s2) => s2.lte(max)) && sums.some((s2) => s2.eq(max));
}
__name(classVariantsFit, "classVariantsFit");
function checkScoring(model, add, lineOf) {
  for (const f of model.nodes) {
    const s2 = f.node.scoring;
    if (!s2) continue;
    const p = [...f.path, "scoring"];
    const max = f.max;
    const exceeds = /* @__PURE__ */ __name((amount, at2, what) => {
      if (dec(amount).gt(max))
        add(makeDiagnostic("AMOUNT_EXCEEDS_POINTS", { reason: `${what} ${amount} \u8D85\u8FC7\u672C\u9879\u5206\u503C ${formatPoints(max, 4)}`, path: at2 }), at2);
    }, "exceeds");
    if (s2.method === "clauses") {
      let total = dec(0);
      s2.clauses.forEach((c2, i) => {
        if (c2.points === void 0 === (c2.percent === void 0))
          add(makeDiagnostic("SCHEMA_INVALID", { reason: "\u6BCF\u4E2A\u6761\u6B3E\u987B\u4E14\u53EA\u987B\u5199 points \u6216 percent \u4E4B\u4E00", path: [...p, "clauses", i] }), [...p, "clauses", i]);
        total = total.plus(c2.points !== void 0 ? dec(c2.points) : max.times(c2.percent ?? 0).div(100));
      });
      if (total.gt(max)) add(makeDiagnostic("AMOUNT_EXCEEDS_POINTS", { reason: `\u6761\u6B3E\u5408\u8BA1 ${formatPoints(total, 4)} \u8D85\u8FC7\u672C\u9879\u5206\u503C ${formatPoints(max, 4)}`, path: [...p, "clauses"] }), [...p, "clauses"], true);
      checkUnique(s2.clauses.map((c2) => c2.id), [...p, "clauses"], "\u6761\u6B3E", add, lineOf);
    }
    if (s2.method === "levels") {
      let prev = null;
      s2.levels.forEach((l, i) => {
        if (l.points === void 0 === (l.percent === void 0))
          add(makeDiagnostic("SCHEMA_INVALID", { reason: "\u6BCF\u4E2A\u7B49\u7EA7\u987B\u4E14\u53EA\u987B\u5199 points \u6216 percent \u4E4B\u4E00", path: [...p, "levels", i] }), [...p, "levels", i]);
        const pts = l.points !== void 0 ? dec(l.points) : max.times(l.percent ?? 0).div(100);
        if (pts.gt(max)) exceeds(pts.toNumber(), [...p, "levels", i], `\u7B49\u7EA7 "${l.label}" \u7684\u5206\u503C`);
        if (prev !== null && pts.gt(prev)) add(makeDiagnostic("LEVELS_UNORDERED", { actual: l.label, path: [...p, "levels", i] }), [...p, "levels", i]);
        if (!l.when && i !== s2.levels.length - 1)
          add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u53EA\u6709\u6700\u540E\u4E00\u4E2A\u7B49\u7EA7\u53EF\u4EE5\u7701\u7565 when(\u515C\u5E95\u7B49\u7EA7),"${l.label}" \u4E4B\u540E\u7684\u7B49\u7EA7\u6C38\u8FDC\u4E0D\u4F1A\u5339\u914D`, path: [...p, "levels", i] }), [...p, "levels", i]);
        prev = pts;
      });
    }
    if (s2.method === "linear") {
      exceeds(s2.from.points, [...p, "from", "points"], "\u8D77\u70B9\u5206\u503C");
      exceeds(s2.to.points, [...p, "to", "points"], "\u7EC8\u70B9\u5206\u503C");
    }
    if (s2.method === "judgement" && s2.max !== void 0) exceeds(s2.max, [...p, "max"], "\u8BC4\u5BA1\u4E0A\u9650");
    if (s2.method === "judgement" && s2.max !== void 0 && s2.min > s2.max)
      add(makeDiagnostic("SCHEMA_INVALID", { reason: "\u8BC4\u5BA1\u4E0B\u9650 min \u5927\u4E8E\u4E0A\u9650 max", path: [...p, "min"] }), [...p, "min"]);
    if (s2.method === "weighted") {
      const total = sum(s2.inputs.map((x) => dec(x.weight)));
      if (!total.eq(100)) add(makeDiagnostic("WEIGHTS_INVALID", { actual: formatPoints(total, 4), path: [...p, "inputs"] }), [...p, "inputs"], true);
    }
    if (s2.method === "perOccurrence" && s2.max !== void 0 && f.kind === "score") exceeds(s2.max, [...p, "max"], "\u7D2F\u8BA1\u4E0A\u9650");
    if (s2.method === "deduct") {
      checkUnique(s2.deductions.map((d) => d.id), [...p, "deductions"], "\u6263\u5206\u89C4\u5219", add, lineOf);
      const byFact = /* @__PURE__ */ new Map();
      s2.deductions.forEach((d, i) => {
        const dp = [...p, "deductions", i];
        const kinds = [d.amount !== void 0, d.percentOfPoints !== void 0, d.per !== void 0, d.judgement !== void 0].filter(Boolean).length;
        if (kinds !== 1) add(makeDiagnostic("SCHEMA_INVALID", { reason: "\u6BCF\u6761\u6263\u5206\u89C4\u5219\u987B\u4E14\u53EA\u987B\u5199 amount\u3001percentOfPoints\u3001per(\u914D\u5408 each)\u6216 judgement \u4E4B\u4E00", path: dp }), [...dp, "id"]);
        if (d.per && d.each === void 0) add(makeDiagnostic("SCHEMA_INVALID", { reason: "\u6309\u6B21\u6263\u5206(per)\u987B\u5199\u6BCF\u6B21\u6263\u5206\u503C each", path: [...dp, "per"] }), [...dp, "per"], true);
        if (d.judgement && d.judgement.min > d.judgement.max)
          add(makeDiagnostic("SCHEMA_INVALID", { reason: "\u914C\u60C5\u6263\u5206\u7684 min \u5927\u4E8E max", path: [...dp, "judgement"] }), [...dp, "judgement"], true);
        const facts = /* @__PURE__ */ new Set([...d.when ? conditionFacts(d.when) : [], ...d.per ? [d.per.fact] : []]);
        for (const fact of facts) byFact.set(fact, [...byFact.get(fact) ?? [], d.id]);
      });
      if (s2.overlap === void 0) {
        for (const [fact, ded] of byFact) {
          if (ded.length > 1) {
            add(makeDiagnostic("DEDUCTION_OVERLAP_UNDECLARED", { actual: ded.join("\u3001"), path: [...p, "deductions"], hint: `\u5B83\u4EEC\u90FD\u8BFB\u53D6\u4E8B\u5B9E "${fact}"` }), [...p, "deductions"], true);
            break;
          }
        }
      }
    }
  }
}
__name(checkScoring, "checkScoring");
function checkReferences(model, add) {
  const r2 = model.rubric;
  const facts = r2.facts;
  const ctx = { facts, parameters: r2.parameters, add };
  for (const site of collectRuleSites(model)) checkCondition(site.condition, site.path, ctx);
  const nodeAt2 = new Map(model.nodes.map((f) => [JSON.stringify(f.path), f]));
  for (const ref of collectScoringFactRefs(model)) {
    const def = facts[ref.name];
    if (!def) {
      const hint = didYouMean(ref.name, Object.keys(facts));
      add(makeDiagnostic("UNKNOWN_FACT", { actual: ref.name, path: ref.path, ...hint ? { hint } : {} }), ref.path);
    } else if (!["integer", "number", "percent"].includes(def.type)) {
      const method = nodeAt2.get(JSON.stringify(ref.path.slice(0, ref.path.lastIndexOf("scoring"))))?.node.scoring?.method ?? "";
      const hint = `\u8BA1\u5206\u65B9\u6CD5 ${method} \u8BFB\u53D6\u7684\u4E8B\u5B9E "${ref.name}" \u987B\u4E3A\u6570\u503C\u578B(integer\u3001number \u6216 percent)`;
      add(makeDiagnostic("OPERATOR_TYPE_MISMATCH", { reason: "\u8BA1\u5206\u65B9\u6CD5", actual: method, expected: def.type, path: ref.path, hint }), ref.path);
    }
  }
  for (const ref of collectParamRefs(r2)) {
    const param = r2.parameters[ref.name];
    if (!param) {
      const hint = didYouMean(ref.name, Object.keys(r2.parameters));
      add(makeDiagnostic("UNKNOWN_PARAMETER", { actual: ref.name, path: ref.path, ...hint ? { hint } : {} }), ref.path);
    }
  }
  const nodeIds = [...model.byId.keys()];
  r2.vetoes.forEach((v, i) => {
    if (v.target !== "assessment" && !model.byId.has(v.target)) {
      const hint = didYouMean(v.target, nodeIds);
      add(makeDiagnostic("UNKNOWN_NODE", { actual: v.target, path: ["vetoes", i, "target"], ...hint ? { hint } : {} }), ["vetoes", i, "target"]);
    }
  });
  for (const f of model.nodes) {
    const e = f.node.eligibleIf;
    if (e?.node && !model.byId.has(e.node)) {
      const hint = didYouMean(e.node, nodeIds);
      add(makeDiagnostic("UNKNOWN_NODE", { actual: e.node, path: [...f.path, "eligibleIf", "node"], ...hint ? { hint } : {} }), [...f.path, "eligibleIf", "node"]);
    }
    const na = f.node.notApplicable;
    if (na?.policy === "rescale" && !na.factor)
      add(makeDiagnostic("SCHEMA_INVALID", { reason: 'rescale(\u56FA\u5B9A\u6298\u7B97)\u987B\u5199\u7CFB\u6570 factor,\u4F8B\u5982 "4/3"', path: [...f.path, "notApplicable"] }), [...f.path, "notApplicable"], true);
    for (const cls of f.node.classes ?? []) {
      if (r2.classes && !r2.classes.includes(cls)) {
        const hint = didYouMean(cls, r2.classes);
        add(makeDiagnostic("SCHEMA_INVALID", { reason: `\u5355\u4F4D\u7C7B\u522B "${cls}" \u672A\u5728\u7EC6\u5219 classes \u4E2D\u58F0\u660E`, path: [...f.path, "classes"], ...hint ? { hint } : {} }), [...f.path, "classes"], true);
      }
    }
  }
  if (r2.notApplicable.policy === "rescale" && !r2.notApplicable.factor)
    add(makeDiagnostic("SCHEMA_INVALID", { reason: "rescale(\u56FA\u5B9A\u6298\u7B97)\u987B\u5199\u7CFB\u6570 factor", path: ["notApplicable"] }), ["notApplicable"], true);
}
__name(checkReferences, "checkReferences");
function checkGrades(rubric, add) {
  for (let i = 1; i < rubric.grades.length; i++) {
    if (rubric.grades[i].min >= rubric.grades[i - 1].min) {
      add(makeDiagnostic("GRADES_UNORDERED", { path: ["grades", i] }), ["grades", i]);
      break;
    }
  }
}
__name(checkGrades, "checkGrades");
function checkRubric(src, rubric) {
  const diagnostics = [];
  const add = /* @__PURE__ */ __name((d, path, preferKey = false) => diagnostics.push(positionDiagnostic(src, d, path, preferKey)), "add");
  const lineOf = /* @__PURE__ */ __name((path) => positionDiagnostic(src, makeDiagnostic("DUPLICATE_ID", {}), path).line, "lineOf");
  const model = buildRubricModel(rubric);
  checkIds(model, add, lineOf);
  checkFacts(rubric.facts, add);
  checkPoints(model, add);
  checkScoring(model, add, lineOf);
  checkReferences(model, add);
  checkGrades(rubric, add);
  checkRankCriteria(model, add);
  return diagnostics;
}
__name(checkRubric, "checkRubric");

// src/version.ts
var ENGINE_VERSION = "0.1.0";

// src/api.ts
function compileRubricSource(src) {
  const shape = parseWithSchema(RubricSchema, src);
  if (!shape.ok) return { ok: false, diagnostics: sortDiagnostics(shape.diagnostics) };
  const diagnostics = sortDiagnostics(checkRubric(src, shape.value));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: compileRubric(shape.value, { hash: hashText(src.text), file: src.file }), diagnostics };
}
__name(compileRubricSource, "compileRubricSource");
function compileResolvedRubric(resolved) {
  const res = compileRubricSource(resolved.source);
  return { ...res, diagnostics: annotateRemovedFacts(res.diagnostics, resolved.removedFacts) };
}
__name(compileResolvedRubric, "compileResolvedRubric");
async function loadRubric(file, cwd) {
  const src = await readSource(file, cwd);
  if (!src.ok) return src;
  if (!hasExtends(src.value)) return compileRubricSource(src.value);
  const resolved = await resolveRubric(src.value, (f) => readSource(f, cwd));
  return resolved.ok ? compileResolvedRubric(resolved.value) : resolved;
}
__name(loadRubric, "loadRubric");
function checkEvidenceSource(src, compiled) {
  const shape = parseWithSchema(EvidenceSchema, src);
  if (!shape.ok) return { ok: false, diagnostics: sortDiagnostics(shape.diagnostics) };
  const diagnostics = sortDiagnostics(checkEvidence(src, shape.value, compiled));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: { evidence: shape.value, file: src.file, hash: hashText(src.text), warnings: diagnostics }, diagnostics };
}
__name(checkEvidenceSource, "checkEvidenceSource");

// src/batch/score-file.ts
import { resolve as resolve2 } from "node:path";

// src/batch/agency-summary.ts
function summariseReport(report, plan, file, wantLeafScores) {
  const byId = new Map(report.nodes.map((n) => [n.id, n]));
  const scores = [];
  const appMax = [];
  for (const id of plan.tracked) {
    const n = byId.get(id);
    scores.push(n.score);
    appMax.push(n.status === "not_applicable" ? -1 : n.applicableMax);
  }
  const lost = [];
  const notApplicable = [];
  plan.leaves.forEach((l, i) => {
    const n = byId.get(l.id);
    if (n.status === "not_applicable") notApplicable.push(i);
    else if (n.lost > 0) lost.push(i, n.lost);
  });
  const a = report.agency;
  const s2 = {
    file,
    hash: report.evidence.hash,
    agency: { code: a.code, name: a.name, ...a.shortName !== void 0 ? { shortName: a.shortName } : {}, ...a.class !== void 0 ? { class: a.class } : {} },
    year: report.period.year,
    totals: report.totals,
    veto: report.veto ? { id: report.veto.id, title: report.veto.title } : null,
    scores,
    appMax,
    lost,
    notApplicable,
    overClaims: report.overClaims.flatMap((o) => [plan.nodeIndex.get(o.id), o.claimed, o.score, o.difference]),
    missingEvidence: report.missingEvidence.length,
    warnings: report.diagnostics.length
  };
  if (wantLeafScores && wantLeafScores.length > 0) {
    s2.leafScores = {};
    for (const id of wantLeafScores) {
      const n = byId.get(id);
      if (n) s2.leafScores[id] = n.score;
    }
  }
  return s2;
}
__name(summariseReport, "summariseReport");

// src/batch/batch-plan.ts
function buildBatchPlan(compiled) {
  const model = compiled.model;
  const p = compiled.rubric.precision;
  const sections = [];
  const tracked = [];
  const leaves = [];
  const rankNodes = [];
  const sectionOf = /* @__PURE__ */ new Map();
  for (const f of model.nodes) {
    const top = f.parent === null ? { id: f.id, title: f.node.title } : sectionOf.get(f.parent);
    sectionOf.set(f.id, top);
    if (f.parent === null) {
      sections.push({ id: f.id, title: f.node.title, kind: f.kind, max: toOutput(f.max, p), children: [] });
      tracked.push(f.id);
    } else if (f.depth === 1) {
      sections[sections.length - 1].children.push({ id: f.id, title: f.node.title, max: toOutput(f.max, p) });
      tracked.push(f.id);
    }
    if (f.children.length === 0 && f.kind === "score") leaves.push({ id: f.id, title: f.node.title, max: toOutput(f.max, p), sectionId: top.id, sectionTitle: top.title });
    const s2 = f.node.scoring;
    if (s2?.method === "rank") rankNodes.push({ id: f.id, title: f.node.title, max: toOutput(f.max, p), spec: s2 });
  }
  const nodeIds = model.nodes.map((f) => f.id);
  return {
    sections,
    tracked,
    leaves,
    leafIndex: new Map(leaves.map((l, i) => [l.id, i])),
    rankNodes,
    nodeIds,
    nodeTitles: model.nodes.map((f) => f.node.title),
    nodeIndex: new Map(nodeIds.map((id, i) => [id, i])),
    precision: p
  };
}
__name(buildBatchPlan, "buildBatchPlan");

// src/batch/carry-evidence.ts
function judgementAllowed(to, key, score) {
  const [nodeId, dedId] = key.split("#");
  const s2 = to.model.byId.get(nodeId)?.node.scoring;
  if (dedId === void 0 && s2?.method === "judgement") {
    const hi = s2.max ?? to.model.byId.get(nodeId).max.toNumber();
    return score >= s2.min && score <= hi;
  }
  if (dedId !== void 0 && s2?.method === "deduct") {
    const d = s2.deductions.find((x) => x.id === dedId)?.judgement;
    return d !== void 0 && score >= d.min && score <= d.max;
  }
  return false;
}
__name(judgementAllowed, "judgementAllowed");
function carryEvidence(ev, to) {
  const facts = {};
  const dropped = [];
  for (const [id, value] of Object.entries(ev.facts)) {
    const def = to.rubric.facts[id];
    const v = def && !def.derive ? normaliseFactValue(def, value) : void 0;
    const lo = def?.min ?? (def?.type === "percent" ? 0 : void 0);
    const hi = def?.max ?? (def?.type === "percent" ? 100 : void 0);
    const outOfRange = typeof v === "number" && (lo !== void 0 && v < lo || hi !== void 0 && v > hi);
    if (v === void 0 || outOfRange) dropped.push(id);
    else facts[id] = value;
  }
  const judgements = {};
  for (const [key, j] of Object.entries(ev.judgements)) if (judgementAllowed(to, key, j.score)) judgements[key] = j;
  const cls = ev.agency.class;
  return {
    evidence: {
      ...ev,
      rubric: { id: to.rubric.id, version: to.rubric.version },
      agency: { ...ev.agency, ...cls !== void 0 && to.rubric.classes && !to.rubric.classes.includes(cls) ? { class: void 0 } : {} },
      facts,
      evidence: {},
      claims: {},
      judgements,
      notApplicable: ev.notApplicable.filter((x) => to.model.byId.get(x.node)?.node.mayBeNotApplicable === true),
      remediation: {}
    },
    droppedFacts: dropped.sort()
  };
}
__name(carryEvidence, "carryEvidence");
function rootFacts(to, fact, out) {
  const def = to.rubric.facts[fact];
  if (def?.derive) for (const i of deriveInputs(def.derive)) rootFacts(to, i, out);
  else out.add(fact);
}
__name(rootFacts, "rootFacts");
function findNotComparable(report, from, to, carried) {
  const out = [];
  const dropped = new Set(carried.droppedFacts);
  for (const n of report.nodes) {
    if (n.children.length > 0) continue;
    if (n.status === "missing_evidence") {
      const roots = /* @__PURE__ */ new Set();
      for (const f of n.missingFacts) rootFacts(to, f, roots);
      const fresh = [...roots].filter((f) => dropped.has(f) || !(f in from.rubric.facts)).sort();
      if (fresh.length > 0) out.push({ id: n.id, title: n.title, reason: `\u53BB\u5E74\u7684\u4F50\u8BC1\u4E2D\u6CA1\u6709\u4ECA\u5E74\u7EC6\u5219\u6240\u9700\u7684\u4E8B\u5B9E:${fresh.join("\u3001")}` });
    } else if (n.status === "manual" && n.method === "judgement") {
      const old = from.model.byId.get(n.id)?.node.scoring;
      if (old?.method !== "judgement") out.push({ id: n.id, title: n.title, reason: "\u4ECA\u5E74\u65B0\u589E\u7684\u914C\u60C5\u8BC4\u5206\u9879,\u53BB\u5E74\u65E0\u8BC4\u5BA1\u610F\u89C1" });
    }
  }
  return out;
}
__name(findNotComparable, "findNotComparable");

// src/batch/read-evidence.ts
import { readFileSync } from "node:fs";

// src/load/parse-json-fast.ts
var FORBIDDEN_KEYS2 = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function countJsonKeys(text) {
  let keys = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 34) continue;
    let j = i + 1;
    while (j < n) {
      const c2 = text.charCodeAt(j);
      if (c2 === 92) j += 2;
      else if (c2 === 34) break;
      else j++;
    }
    let k = j + 1;
    while (k < n) {
      const c2 = text.charCodeAt(k);
      if (c2 === 32 || c2 === 10 || c2 === 13 || c2 === 9) k++;
      else break;
    }
    if (text.charCodeAt(k) === 58) keys++;
    i = j;
  }
  return keys;
}
__name(countJsonKeys, "countJsonKeys");
function inspect(value, depth) {
  if (depth > LIMITS.maxDepth) return -1;
  if (Array.isArray(value)) {
    let keys = 0;
    for (const v of value) {
      if (v !== null && typeof v === "object") {
        const k = inspect(v, depth + 1);
        if (k < 0) return -1;
        keys += k;
      }
    }
    return keys;
  }
  if (value !== null && typeof value === "object") {
    let keys = 0;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS2.has(key)) return -1;
      keys++;
      const v = value[key];
      if (v !== null && typeof v === "object") {
        const k = inspect(v, depth + 1);
        if (k < 0) return -1;
        keys += k;
      }
    }
    return keys;
  }
  return 0;
}
__name(inspect, "inspect");
function parseJsonSourceFast(file, text) {
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  const first = text.trimStart().charCodeAt(0);
  if (first !== 123 || text.length * 3 > LIMITS.maxBytes) return parseSource(file, text);
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return parseSource(file, text);
  }
  const keys = inspect(data, 1);
  if (keys < 0 || keys !== countJsonKeys(text)) return parseSource(file, text);
  let full = null;
  const positioned = /* @__PURE__ */ __name(() => {
    if (full === null) {
      const r2 = parseSource(file, text);
      full = r2.ok ? r2.value : parseSource(file, "{}").value;
    }
    return full;
  }, "positioned");
  const src = {
    file,
    text,
    data,
    get doc() {
      return positioned().doc;
    },
    get lineCounter() {
      return positioned().lineCounter;
    }
  };
  return { ok: true, value: src, diagnostics: [] };
}
__name(parseJsonSourceFast, "parseJsonSourceFast");

// src/batch/read-evidence.ts
var decoder = new TextDecoder("utf-8", { fatal: true });
function readEvidenceSource(path, file) {
  let text;
  try {
    const buf = readFileSync(path);
    if (buf.length > LIMITS.maxBytes) return { ok: false, diagnostics: [makeDiagnostic("FILE_TOO_LARGE", { file, actual: buf.length, expected: LIMITS.maxBytes })] };
    text = decoder.decode(buf);
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT") return { ok: false, diagnostics: [makeDiagnostic("FILE_NOT_FOUND", { file })] };
    const reason = code === "EACCES" ? "\u6CA1\u6709\u8BFB\u53D6\u6743\u9650" : code === "EISDIR" ? "\u4E0D\u662F\u666E\u901A\u6587\u4EF6" : err instanceof TypeError ? "\u4E0D\u662F UTF-8 \u7F16\u7801\u7684\u6587\u672C" : code ?? (err instanceof Error ? err.message : String(err));
    return { ok: false, diagnostics: [makeDiagnostic("FILE_UNREADABLE", { file, reason })] };
  }
  return file.toLowerCase().endsWith(".json") ? parseJsonSourceFast(file, text) : parseSource(file, text);
}
__name(readEvidenceSource, "readEvidenceSource");
function looksLikeRubric(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const o = data;
  return Array.isArray(o.nodes) && !("agency" in o);
}
__name(looksLikeRubric, "looksLikeRubric");

// src/batch/score-file.ts
function messagesOf(diags) {
  return diags.filter((d) => d.severity === "error").map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...d.line !== void 0 ? { line: d.line } : {},
    ...d.column !== void 0 ? { column: d.column } : {},
    ...d.path !== void 0 ? { path: d.path } : {},
    ...d.hint !== void 0 ? { hint: d.hint } : {}
  }));
}
__name(messagesOf, "messagesOf");
function codeOf(data) {
  const a = data?.agency;
  return a && typeof a.code === "string" ? a.code : void 0;
}
__name(codeOf, "codeOf");
function rankBasis(plan, compiled, evidence, summaryNodes) {
  let values = null;
  const basis = [];
  const applies = [];
  for (const r2 of plan.rankNodes) {
    applies.push(!summaryNodes.get(r2.id).na);
    const b = r2.spec.basis;
    if ("fact" in b) {
      values ??= collectFactValues(compiled, evidence);
      const v = values.get(b.fact);
      basis.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    } else {
      const n = summaryNodes.get(b.node);
      basis.push(n && !n.na ? n.score : null);
    }
  }
  return { basis, applies };
}
__name(rankBasis, "rankBasis");
var FileScorer = class {
  constructor(rubrics, cwd) {
    this.rubrics = rubrics;
    this.cwd = cwd;
    this.plans = { current: buildBatchPlan(rubrics.current), ...rubrics.baseline ? { baseline: buildBatchPlan(rubrics.baseline) } : {} };
  }
  rubrics;
  cwd;
  static {
    __name(this, "FileScorer");
  }
  plans;
  /** Run one task; never throws for bad input (an internal error becomes an `invalid` outcome). */
  async run(task) {
    try {
      return await this.runUnsafe(task);
    } catch (err) {
      const message = `\u5185\u90E8\u9519\u8BEF:${err instanceof Error ? err.message : String(err)}`;
      return { ok: false, file: task.file, reason: "invalid", messages: [{ code: "INTERNAL_ERROR", severity: "error", message }] };
    }
  }
  async runUnsafe(task) {
    const { file, mode } = task;
    const loadUnder = mode === "current" ? this.rubrics.current : this.rubrics.baseline;
    if (!loadUnder) throw new Error("\u6CA1\u6709\u63D0\u4F9B\u57FA\u51C6\u5E74\u7EC6\u5219");
    const src = readEvidenceSource(resolve2(this.cwd, file), file);
    if (!src.ok) {
      const reason = src.diagnostics.some((d) => d.code === "FILE_NOT_FOUND" || d.code === "FILE_UNREADABLE" || d.code === "FILE_TOO_LARGE") ? "unreadable" : "invalid";
      return { ok: false, file, reason, messages: messagesOf(src.diagnostics) };
    }
    if (looksLikeRubric(src.value.data)) return { ok: false, file, reason: "rubricFile", messages: [] };
    const checked = checkEvidenceSource(src.value, loadUnder);
    if (!checked.ok) {
      const code = codeOf(src.value.data);
      const wrong = checked.diagnostics.some((d) => d.code === "RUBRIC_MISMATCH" || d.code === "VERSION_MISMATCH");
      return { ok: false, file, reason: wrong ? "wrongRubric" : "invalid", ...code !== void 0 ? { code } : {}, messages: messagesOf(checked.diagnostics) };
    }
    const loaded = checked.value;
    const external = task.external && task.external.length > 0 ? new Map(task.external) : void 0;
    let evidence = loaded.evidence;
    let scoreUnder = loadUnder;
    let plan = mode === "baseline" ? this.plans.baseline : this.plans.current;
    let carried = null;
    if (mode === "rescore") {
      carried = carryEvidence(loaded.evidence, this.rubrics.current);
      evidence = carried.evidence;
      scoreUnder = this.rubrics.current;
      plan = this.plans.current;
    }
    const report = await scoreAgency(scoreUnder, evidence, {
      evidenceHash: loaded.hash,
      evidenceFile: file,
      engineVersion: ENGINE_VERSION,
      diagnostics: mode === "rescore" ? [] : loaded.warnings,
      ...external ? { externalScores: external } : {}
    });
    const summary = summariseReport(report, plan, file, task.leafScoresFor);
    if (plan.rankNodes.length > 0 && !external) {
      const nodes = new Map(report.nodes.map((n) => [n.id, { score: n.score, na: n.status === "not_applicable" }]));
      const r2 = rankBasis(plan, scoreUnder, evidence, nodes);
      summary.rankBasis = r2.basis;
      summary.rankApplies = r2.applies;
    }
    if (carried) {
      return { ok: true, file, summary, carry: { droppedFacts: carried.droppedFacts, notComparable: findNotComparable(report, loadUnder, this.rubrics.current, carried) } };
    }
    return { ok: true, file, summary };
  }
};

// ../../tmp/zw/p8.mts
import { readdirSync } from "node:fs";
var dir = process.argv[2];
var rub = process.argv[3] ?? "/work/main/rubrics/etuokeqianqi-2017.yaml";
var r = await loadRubric(rub);
if (!r.ok) throw 1;
var s = new FileScorer({ current: r.value }, dir);
var files = readdirSync(dir).sort().slice(0, Number(process.argv[4] ?? 3e3));
for (const f of files.slice(0, 500)) await s.run({ file: f, mode: "current" });
var c0 = process.cpuUsage();
var t0 = performance.now();
for (const f of files) {
  const o = await s.run({ file: f, mode: "current" });
  if (!o.ok) throw new Error(JSON.stringify(o));
}
var c = process.cpuUsage(c0);
console.log("cpu \xB5s/agency", ((c.user + c.system) / files.length).toFixed(0), "wall \xB5s/agency", ((performance.now() - t0) * 1e3 / files.length).toFixed(0));
