// A batch keeps one AgencySummary per agency until the comparison is written: at 100,000 agencies the plain objects
// (summary, agency, totals and their strings) took ~1.1 KB each and, with the garbage collector's headroom, a
// quarter of the process's peak memory. A PackedSummary holds the same data in two strings and the agency code:
// numbers and hash in a one-byte string (digits, commas, hex), texts that may be Chinese (file, names, grade, veto
// title) in another, so Chinese never doubles the size of the digits. It implements AgencySummary with getters, so
// every reader of a summary is unchanged; objects (agency, totals, veto) are rebuilt on each access, with the same
// keys in the same order, so the comparison's outputs are byte-identical (tests/batch/packed-summary.test.ts).
//
// Packing is done by the cohort when it keeps a summary (score-cohort.ts); summaries crossing the worker boundary
// stay plain objects (getters do not survive structured clone).
import type { Totals } from '../report/score-report.js';
import type { AgencySummary } from './agency-summary.js';

/** Field separator: a control character that parseSource refuses in evidence and no number contains. */
const SEP = '\u0001';
/** An absent optional text (shortName, class, veto). */
const NONE = '\u0002';

const TOTAL_KEYS = ['base', 'bonus', 'penalty', 'final', 'max', 'applicableMax', 'normalized'] as const;
/** Positions in the number string. */
const N_HASH = 0;
const N_YEAR = 1;
const N_TOTALS = 2; // seven totals, then claimed ('' = null)
const N_CLAIMED = N_TOTALS + TOTAL_KEYS.length;
const N_MISSING = N_CLAIMED + 1;
const N_WARNINGS = N_MISSING + 1;
const N_STATUS = N_WARNINGS + 1; // 'p' provisional, 'f' final
const N_PENDING = N_STATUS + 1;
const N_CELLS = N_PENDING + 1; // last: the cells string (contains no SEP)
/** Positions in the text string. */
const T_FILE = 0;
const T_NAME = 1;
const T_SHORT = 2;
const T_CLASS = 3;
const T_GRADE = 4;
const T_VETO_ID = 5;
const T_VETO_TITLE = 6;

/** Field `k` of a SEP-separated string (the last field runs to the end). */
function field(s: string, k: number): string {
  let start = 0;
  for (let i = 0; i < k; i++) start = s.indexOf(SEP, start) + 1;
  const end = s.indexOf(SEP, start);
  return end < 0 ? s.slice(start) : s.slice(start, end);
}

/** Texts are evidence strings: refused by parseSource if they hold control characters, so SEP/NONE cannot occur. */
function text(v: string | undefined): string {
  if (v === undefined) return NONE;
  if (v.includes(SEP) || v === NONE) throw new Error('内部错误：摘要文字含分隔符');
  return v;
}

class PackedSummary implements AgencySummary {
  rankBasis?: Array<number | null>;
  rankApplies?: boolean[];
  leafScores?: Record<string, number>;

  constructor(
    /** The agency code, kept as a string: comparisons sort and look up by it. */
    private readonly code: string,
    /** hash, year, totals, counts, status and the cells: one-byte text. */
    private readonly n: string,
    /** file, name, short name, class, grade, veto: may be Chinese. */
    private readonly t: string,
  ) {}

  get file(): string {
    return field(this.t, T_FILE);
  }
  get hash(): string {
    return 'sha256:' + field(this.n, N_HASH);
  }
  get agency(): AgencySummary['agency'] {
    const shortName = field(this.t, T_SHORT);
    const cls = field(this.t, T_CLASS);
    return { code: this.code, name: field(this.t, T_NAME), ...(shortName !== NONE ? { shortName } : {}), ...(cls !== NONE ? { class: cls } : {}) };
  }
  get year(): number {
    return Number(field(this.n, N_YEAR));
  }
  get totals(): Totals {
    const parts = this.n.split(SEP, N_CLAIMED + 1);
    const claimed = parts[N_CLAIMED]!;
    return {
      base: Number(parts[N_TOTALS]),
      bonus: Number(parts[N_TOTALS + 1]),
      penalty: Number(parts[N_TOTALS + 2]),
      final: Number(parts[N_TOTALS + 3]),
      max: Number(parts[N_TOTALS + 4]),
      applicableMax: Number(parts[N_TOTALS + 5]),
      normalized: Number(parts[N_TOTALS + 6]),
      grade: field(this.t, T_GRADE),
      claimed: claimed === '' ? null : Number(claimed),
    };
  }
  get veto(): AgencySummary['veto'] {
    const id = field(this.t, T_VETO_ID);
    return id === NONE ? null : { id, title: field(this.t, T_VETO_TITLE) };
  }
  get cells(): string {
    return field(this.n, N_CELLS);
  }
  get missingEvidence(): number {
    return Number(field(this.n, N_MISSING));
  }
  get warnings(): number {
    return Number(field(this.n, N_WARNINGS));
  }
  get status(): AgencySummary['status'] {
    return field(this.n, N_STATUS) === 'p' ? 'provisional' : 'final';
  }
  get pending(): number {
    return Number(field(this.n, N_PENDING));
  }
}

/**
 * The summary as a PackedSummary (same data; see above). Exact: numbers are written with String (the shortest
 * decimal that reads back as the same number). A summary whose shape is unusual is returned as it is.
 */
export function packSummary(s: AgencySummary): AgencySummary {
  if (s instanceof PackedSummary) return s;
  const t = s.totals;
  const hash = s.hash.startsWith('sha256:') ? s.hash.slice(7) : null;
  if (hash === null || hash.includes(SEP) || s.cells.includes(SEP)) return s;
  const numbers = [hash, String(s.year), ...TOTAL_KEYS.map((k) => String(t[k])), t.claimed === null ? '' : String(t.claimed), String(s.missingEvidence), String(s.warnings), s.status === 'provisional' ? 'p' : 'f', String(s.pending), s.cells];
  const texts = [s.file, s.agency.name, s.agency.shortName, s.agency.class, t.grade, s.veto?.id, s.veto?.title].map(text);
  // join makes new flat strings: no slice of a larger string (a worker message, a parsed file) is kept alive.
  const p = new PackedSummary(s.agency.code, numbers.join(SEP), texts.join(SEP));
  if (s.rankBasis) p.rankBasis = s.rankBasis;
  if (s.rankApplies) p.rankApplies = s.rankApplies;
  if (s.leafScores) p.leafScores = s.leafScores;
  return p;
}
