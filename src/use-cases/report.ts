// What the owner's report shows, computed once from the store: the funnel (each
// step a true subset of the one before), requests per week with every week in
// the range present, what is pending and for how long, decline reasons, time
// to decision, and outcomes by kind. The owner's own figures; renderers only draw.
import type { EventRecord, IntroRequest } from '../domain.ts';
import { DECLINE_REASONS, OUTCOMES, type DeclineReason, type Outcome } from '../domain.ts';
import { type ContactLookup, type CoreContext, daysFrom } from '../context.ts';
import type { MemberStore, MessagingStore, ReportStore, RequestStore } from '../ports.ts';

export interface Count {
  label: string;
  count: number;
}

export interface FunnelStep {
  label: string;
  /** What the step means, in a few words. */
  hint: string;
  value: number;
  /** Share of the step before, 0–100; null for the first step or when the step before is 0. */
  pctOfPrevious: number | null;
}

export interface ReportData {
  ownerName: string;
  generatedAt: string;
  headline: { searchable: number; members: number; introduced: number; jobs: number };
  funnel: FunnelStep[];
  optIn: { asked: number; yes: number; no: number; expired: number; waiting: number; notNeeded: number };
  /** One entry per ISO week (Monday, UTC) from the first request's week to this week; empty with no requests. */
  weekly: { week: string; requested: number; introduced: number }[];
  pending: { id: number; requester: string; contact: string; ageDays: number }[];
  declines: Count[];
  decisionTime: { decided: number; medianHours: number | null; p90Hours: number | null; buckets: Count[] };
  outcomes: Count[];
  /** The contacts asked for most, with how their requests went. */
  perContact: { name: string; requests: number; approved: number; introduced: number }[];
}

const DAY = 86_400_000;
const MET: readonly Outcome[] = ['met', 'opportunity', 'job'];
const OPPORTUNITY: readonly Outcome[] = ['opportunity', 'job'];

/** The Monday (UTC) of the week `iso` falls in, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY);
  return monday.toISOString().slice(0, 10);
}

export function buildReport(ctx: CoreContext<ReportStore & ContactLookup & Pick<MemberStore, 'getMember'> & Pick<RequestStore, 'listRequests'> & Pick<MessagingStore, 'listEvents'>>): ReportData {
  const now = ctx.clock.now();
  const requests = ctx.store.listRequests();
  const events = ctx.store.listEvents();
  const stats = ctx.store.stats(daysFrom(ctx, -90));
  const nameOfMember = memo((id: number) => ctx.store.getMember(id)?.displayName ?? `member #${id}`);
  const nameOfContact = memo((id: number) => ctx.store.getContact(id)?.name ?? `contact #${id} (removed)`);
  const funnel = funnelOf(requests);
  return {
    ownerName: ctx.policy.ownerName,
    generatedAt: now.toISOString(),
    headline: { searchable: stats.contacts.searchable, members: stats.members.member, introduced: funnel[2]?.value ?? 0, jobs: funnel[5]?.value ?? 0 },
    funnel,
    optIn: optInOf(requests, events),
    weekly: weeklyOf(requests, now),
    pending: requests
      .filter((r) => r.status === 'pending')
      .map((r) => ({ id: r.id, requester: nameOfMember(r.memberId), contact: nameOfContact(r.contactId), ageDays: Math.floor((now.getTime() - Date.parse(r.createdAt)) / DAY) }))
      .sort((a, b) => b.ageDays - a.ageDays || a.id - b.id),
    declines: (Object.keys(DECLINE_REASONS) as DeclineReason[]).map((k) => ({ label: DECLINE_REASONS[k], count: requests.filter((r) => r.status === 'declined' && r.declineReason === k).length })),
    decisionTime: decisionTimeOf(requests),
    outcomes: (Object.keys(OUTCOMES) as Outcome[]).map((k) => ({ label: OUTCOMES[k], count: requests.filter((r) => r.outcome === k).length })),
    perContact: perContactOf(requests, nameOfContact),
  };
}

function memo<T>(fn: (id: number) => T): (id: number) => T {
  const seen = new Map<number, T>();
  return (id) => {
    if (!seen.has(id)) seen.set(id, fn(id));
    return seen.get(id) as T;
  };
}

/** Each step filters the one before, so no step can exceed it (no "110 %"). */
function funnelOf(requests: IntroRequest[]): FunnelStep[] {
  const steps: [string, string, (r: IntroRequest) => boolean][] = [
    ['Requested', 'every request that passed the quality gate', () => true],
    ['Approved', 'you said yes', (r) => r.status === 'approved'],
    ['Introduced', 'the contact agreed, or needed no opt-in', (r) => r.stage === 'introduced'],
    ['Met', 'the requester reported a meeting or better', (r) => r.outcome !== null && MET.includes(r.outcome)],
    ['Opportunity', 'it led to an opportunity or a job', (r) => r.outcome !== null && OPPORTUNITY.includes(r.outcome)],
    ['Job', 'the requester got the job', (r) => r.outcome === 'job'],
  ];
  let set = requests;
  let previous: number | null = null;
  return steps.map(([label, hint, keep]) => {
    set = set.filter(keep);
    const value = set.length;
    const step = { label, hint, value, pctOfPrevious: previous ? Math.round((100 * value) / previous) : null };
    previous = value;
    return step;
  });
}

function optInOf(requests: IntroRequest[], events: EventRecord[]): ReportData['optIn'] {
  const asked = new Set(events.filter((e) => e.kind === 'optin.asked' && e.requestId !== null).map((e) => e.requestId));
  const withAsk = requests.filter((r) => asked.has(r.id));
  return {
    asked: withAsk.length,
    yes: withAsk.filter((r) => r.stage === 'introduced').length,
    no: withAsk.filter((r) => r.stage === 'contact_declined').length,
    expired: withAsk.filter((r) => r.stage === 'contact_expired').length,
    waiting: withAsk.filter((r) => r.stage === 'awaiting_contact').length,
    notNeeded: requests.filter((r) => r.stage === 'introduced' && !asked.has(r.id)).length,
  };
}

function weeklyOf(requests: IntroRequest[], now: Date): ReportData['weekly'] {
  if (requests.length === 0) return [];
  const counts = new Map<string, { requested: number; introduced: number }>();
  for (const r of requests) {
    const w = weekOf(r.createdAt);
    const c = counts.get(w) ?? { requested: 0, introduced: 0 };
    c.requested++;
    if (r.stage === 'introduced') c.introduced++;
    counts.set(w, c);
  }
  const first = [...counts.keys()].sort()[0] as string;
  const last = [weekOf(now.toISOString()), ...counts.keys()].sort().at(-1) as string;
  const weeks: ReportData['weekly'] = [];
  // Every week in the range, empty ones included, so the time axis is true.
  for (let t = Date.parse(first); t <= Date.parse(last); t += 7 * DAY) {
    const week = new Date(t).toISOString().slice(0, 10);
    weeks.push({ week, ...(counts.get(week) ?? { requested: 0, introduced: 0 }) });
  }
  return weeks;
}

const BUCKETS: [string, number][] = [
  ['within a day', 24],
  ['1–3 days', 72],
  ['3–7 days', 168],
  ['1–2 weeks', 336],
  ['over 2 weeks', Infinity],
];

function decisionTimeOf(requests: IntroRequest[]): ReportData['decisionTime'] {
  const hours = requests
    .filter((r) => (r.status === 'approved' || r.status === 'declined') && r.decidedAt)
    .map((r) => (Date.parse(r.decidedAt as string) - Date.parse(r.createdAt)) / 3_600_000)
    .sort((a, b) => a - b);
  const at = (q: number) => (hours.length ? (hours[Math.min(hours.length - 1, Math.floor(q * hours.length))] as number) : null);
  let from = 0;
  const buckets = BUCKETS.map(([label, upTo]) => {
    const count = hours.filter((h) => h >= from && h < upTo).length;
    from = upTo;
    return { label, count };
  });
  return { decided: hours.length, medianHours: at(0.5), p90Hours: at(0.9), buckets };
}

function perContactOf(requests: IntroRequest[], name: (id: number) => string): ReportData['perContact'] {
  const by = new Map<number, { requests: number; approved: number; introduced: number }>();
  for (const r of requests) {
    const c = by.get(r.contactId) ?? { requests: 0, approved: 0, introduced: 0 };
    c.requests++;
    if (r.status === 'approved') c.approved++;
    if (r.stage === 'introduced') c.introduced++;
    by.set(r.contactId, c);
  }
  return [...by.entries()]
    .map(([id, c]) => ({ name: name(id), ...c }))
    .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name))
    .slice(0, 10);
}
