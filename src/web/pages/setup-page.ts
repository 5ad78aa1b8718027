// 考核设置: the assessment's rubric (with the engine's check diagnostics after an upload), windows, the agency
// register, accounts and their one-time activation links (shown once, right after creation), open and publish.
// Pure: service views in, page view out.
import type { Role } from '../../service/db/schema.js';
import { ROLE_LABELS } from '../../service/domain/actor.js';
import type { AccountView } from '../../service/domain/accounts.js';
import { ACTIVATION_TTL_MS } from '../../service/domain/accounts.js';
import type { ProgressRow } from '../../service/domain/agencies.js';
import type { AssessmentView } from '../../service/domain/assessments.js';
import { ASSESSMENT_STATUS_LABELS } from '../../service/domain/state-machine.js';
import type { PageChrome } from './chrome.js';
import { dateTimeInput } from './labels.js';

export interface CreatedLink {
  username: string;
  role: Role;
  agencyCode: string | null;
  link: string;
}

export function buildSetupPage(input: {
  chrome: PageChrome;
  assessment: AssessmentView;
  progress: ProgressRow[];
  accounts: AccountView[];
  created?: CreatedLink[];
  error?: string;
  diagnostics?: string[];
}) {
  const a = input.assessment;
  const base = `/a/${a.id}`;
  const accountsByAgency = new Map<string, string[]>();
  for (const u of input.accounts) if (u.agencyCode) accountsByAgency.set(u.agencyCode, [...(accountsByAgency.get(u.agencyCode) ?? []), u.username]);
  const allAccepted = input.progress.length > 0 && input.progress.every((r) => r.state === 'accepted');
  const allProvisional = input.progress.length > 0 && input.progress.every((r) => r.state === 'provisional');
  return {
    ...input.chrome,
    assessment: { id: a.id, title: a.title, year: a.year },
    statusText: ASSESSMENT_STATUS_LABELS[a.status],
    statusClass: a.status === 'open' ? 'filling' : a.status === 'setup' ? 'none' : 'published',
    error: input.error ?? '',
    diagnostics: input.diagnostics ?? [],
    rubric: a.rubric,
    rubricLocked: a.status !== 'setup',
    windows: { submit: dateTimeInput(a.submitDeadline), review: dateTimeInput(a.reviewDeadline), appeal: dateTimeInput(a.appealDeadline) },
    agencies: input.progress.map((r) => ({ code: r.agency.code, name: r.agency.name, shortName: r.agency.shortName ?? '', class: r.agency.class ?? '', contact: r.agency.contact ?? '', accounts: (accountsByAgency.get(r.agency.code) ?? []).join('、') })),
    accounts: input.accounts.map((u) => ({ username: u.username, displayName: u.displayName, roleText: ROLE_LABELS[u.role], agencyCode: u.agencyCode ?? '', active: u.active })),
    roles: (['agency', 'reviewer', 'leader', 'admin'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    created: (input.created ?? []).map((c) => ({ username: c.username, roleText: ROLE_LABELS[c.role], agencyCode: c.agencyCode ?? '', link: c.link })),
    activationDays: Math.round(ACTIVATION_TTL_MS / 86400000),
    canOpen: a.status === 'setup' && a.rubric !== null && input.progress.length > 0,
    canPublishProvisional: a.status === 'open' && allAccepted,
    canPublishFinal: a.status === 'provisional' && allProvisional,
    urls: {
      open: `${base}/open`,
      publish: `${base}/publish`,
      // Multipart forms carry the CSRF token in the query (the body cannot be read before the check).
      rubric: `${base}/rubric?_csrf=${encodeURIComponent(input.chrome.csrf)}`,
      windows: `${base}/windows`,
      register: `${base}/register?_csrf=${encodeURIComponent(input.chrome.csrf)}`,
      accounts: `${base}/accounts`,
      reset: `${base}/accounts/reset`,
    },
  };
}
