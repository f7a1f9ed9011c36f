// `members show <id|platform:user>` and `requests show <id>`: a member's or a
// request's whole history from the event log, for the owner's terminal.
import type { EventRecord, IntroRequest, Member, Platform } from '../../../src/domain.ts';
import { DECLINE_REASONS, OUTCOMES } from '../../../src/domain.ts';
import { type CliContext, out, printJson, printTable, UsageError } from '../io.ts';

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

function findMember(c: CliContext, spec: string | undefined): Member {
  if (spec && /^[1-9][0-9]*$/.test(spec)) {
    const m = c.ctx.store.getMember(Number(spec));
    if (!m) throw new UsageError(`No member #${spec}. \`members list\` shows the ids.`);
    return m;
  }
  const parts = /^(slack|discord|console):(\S+)$/.exec(spec ?? '');
  if (!parts) throw new UsageError(`members show <id|platform:user-id>, e.g. members show 3 or members show slack:U0123ABCD (got "${spec ?? ''}").`);
  const m = c.ctx.store.findMember(parts[1] as Platform, parts[2] as string);
  if (!m) throw new UsageError(`No member ${spec}. \`members list\` shows who is known.`);
  return m;
}

const contactName = (c: CliContext, id: number) => c.ctx.store.getContact(id)?.name ?? `#${id} (removed)`;
const reason = (r: IntroRequest) => (r.declineReason ? DECLINE_REASONS[r.declineReason] : '');
const outcome = (r: IntroRequest) => (r.outcome ? OUTCOMES[r.outcome] : '');

/** One line per event: when, what, who, and the event's data (ids and codes only). */
function printEvents(c: CliContext, events: EventRecord[]): void {
  if (events.length === 0) return void out(c, '  (no events)');
  for (const e of events) {
    const data = Object.keys(e.data).length ? ` ${JSON.stringify(e.data)}` : '';
    out(c, `  ${when(e.at)}  ${e.kind.padEnd(24)} ${e.actor}${e.requestId !== null ? `  request #${e.requestId}` : ''}${data}`);
  }
}

export function showMember(c: CliContext, spec: string | undefined): number {
  const m = findMember(c, spec);
  const requests = c.ctx.store.listRequests({ memberId: m.id });
  const events = c.ctx.store.listEvents({ memberId: m.id });
  if (c.json) return printJson(c, { member: m, requests: requests.map((r) => ({ ...r, contactName: contactName(c, r.contactId) })), events }), 0;
  out(c, `#${m.id} ${m.displayName} (${m.platform}:${m.userId}): ${m.status}, since ${m.createdAt.slice(0, 10)}`);
  if (m.admissionNote) {
    const note = JSON.parse(m.admissionNote) as Record<string, string>;
    for (const [k, v] of Object.entries(note)) out(c, `  asked to join — ${k}: ${v}`);
  }
  out(c, `\nRequests (${requests.length})`);
  if (requests.length) {
    printTable(c, ['id', 'contact', 'status', 'decline reason', 'stage', 'outcome', 'asked'], requests.map((r) => [r.id, contactName(c, r.contactId), r.status, reason(r), r.stage, outcome(r), r.createdAt.slice(0, 10)]));
  }
  out(c, '\nEvents');
  printEvents(c, events);
  return 0;
}

export function showRequest(c: CliContext, spec: string | undefined): number {
  if (!spec || !/^[1-9][0-9]*$/.test(spec)) throw new UsageError(`requests show <id>: a request number, as \`requests list\` shows (got "${spec ?? ''}").`);
  const r = c.ctx.store.getRequest(Number(spec));
  if (!r) throw new UsageError(`No request #${spec}. \`requests list\` shows the ids.`);
  const member = c.ctx.store.getMember(r.memberId);
  const events = c.ctx.store.listEvents({ requestId: r.id });
  if (c.json) return printJson(c, { request: r, requester: member, contact: { id: r.contactId, name: contactName(c, r.contactId) }, events }), 0;
  out(c, `Request #${r.id}: ${member?.displayName ?? `member #${r.memberId}`} → ${contactName(c, r.contactId)}`);
  const facts: [string, string][] = [
    ['status', r.status],
    ['decline reason', reason(r)],
    ['delivery', r.stage ?? ''],
    ['outcome', outcome(r)],
    ['asked', when(r.createdAt)],
    ['decided', r.decidedAt ? `${when(r.decidedAt)} by ${r.decidedBy ?? '?'}` : ''],
    ['introduced', when(r.introducedAt)],
  ];
  for (const [k, v] of facts) if (v) out(c, `  ${k.padEnd(15)}${v}`);
  out(c, `\nHow they know you\n  ${r.howKnow}\nWhy this contact, and the ask\n  ${r.whyContact}\nBlurb\n  ${r.blurb}`);
  out(c, '\nEvents');
  printEvents(c, events);
  return 0;
}
