// Chinese labels of the pages: the board's statuses (未填报 / 填报中 / 已提交 / 已退回 / 已复核 / 申诉中 / 已公示),
// dates and times in Beijing time, file sizes. Display only; the service's states stay the source of truth.
import type { SubmissionState } from '../../service/db/schema.js';

/** The board's status of a submission: its state, with 未填报 for a draft nothing was saved in yet. */
export function stateBadge(state: SubmissionState | null, hasEvidence: boolean): { text: string; cls: string; key: string } {
  if (state === null || (state === 'draft' && !hasEvidence)) return { text: '未填报', cls: 'none', key: 'none' };
  const map: Record<SubmissionState, [string, string]> = {
    draft: ['填报中', 'filling'],
    submitted: ['已提交', 'submitted'],
    returned: ['已退回', 'returned'],
    accepted: ['已复核', 'reviewed'],
    appealed: ['申诉中', 'appealed'],
    provisional: ['已公示', 'published'],
    final: ['已公示（终）', 'final'],
  };
  const [text, cls] = map[state];
  return { text, cls, key: state };
}

/** The board's filter values, in the order the issue lists them. */
export const BOARD_STATES: Array<{ key: string; text: string }> = [
  { key: 'none', text: '未填报' },
  { key: 'draft', text: '填报中' },
  { key: 'submitted', text: '已提交' },
  { key: 'returned', text: '已退回' },
  { key: 'accepted', text: '已复核' },
  { key: 'appealed', text: '申诉中' },
  { key: 'provisional', text: '已公示' },
  { key: 'final', text: '已公示（终）' },
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2018-01-12 09:30" in Beijing time (UTC+8, no daylight saving); '' for null. */
export function dateTimeText(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const b = new Date(d.getTime() + 8 * 3600 * 1000);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** The value of a datetime-local input for an ISO time, in Beijing time. */
export function dateTimeInput(iso: string | null | undefined): string {
  return dateTimeText(iso).replace(' ', 'T');
}

/** A datetime-local input value (Beijing time) → ISO, null when blank, undefined when unreadable. */
export function parseDateTimeInput(v: string | undefined): string | null | undefined {
  const s = (v ?? '').trim();
  if (s === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})()()$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m;
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h || '23'), Number(mi || '59')) - 8 * 3600 * 1000;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
