// `members …`, `requests list`, `stats`, `export`, `backup`.
import { writeFileSync } from 'node:fs';
import type { SqliteStore } from '../../../db/sqlite-store.ts';
import { daysFrom } from '../../../src/context.ts';
import { MEMBER_STATUSES, PLATFORMS, REQUEST_STATUSES, type MemberStatus, type Platform, type RequestStatus } from '../../../src/domain.ts';
import { setMemberStatus } from '../../../src/use-cases/admission.ts';
import { type CliContext, out, printJson, printTable, UsageError } from '../io.ts';
import type { Flags } from './contacts.ts';
import { renderReport } from '../report/render-html.ts';


function parseUser(spec: string | undefined): { platform: Platform; userId: string } {
  const m = /^(slack|discord|console):(\S+)$/.exec(spec ?? '');
  if (!m) throw new UsageError(`Give a member as platform:user-id, e.g. slack:U0123ABCD or discord:81234567890123456 (got "${spec ?? ''}").`);
  return { platform: m[1] as Platform, userId: m[2] as string };
}

export function runMembers(c: CliContext, sub: string | undefined, args: string[], f: Flags): number {
  switch (sub) {
    case 'list': {
      const status = typeof f.status === 'string' ? f.status : undefined;
      if (status !== undefined && !MEMBER_STATUSES.includes(status as MemberStatus)) throw new UsageError(`--status must be one of ${MEMBER_STATUSES.join(', ')}.`);
      const rows = c.ctx.store.listMembers(status ? { status: status as MemberStatus } : {});
      if (c.json) return printJson(c, rows), 0;
      printTable(c, ['id', 'member', 'name', 'status', 'since'], rows.map((m) => [m.id, `${m.platform}:${m.userId}`, m.displayName, m.status, m.createdAt.slice(0, 10)]));
      out(c, `${rows.length} member${rows.length === 1 ? '' : 's'}`);
      return 0;
    }
    case 'add':
    case 'remove':
    case 'block': {
      const user = parseUser(args[0]);
      if (!PLATFORMS.includes(user.platform)) throw new UsageError('Unknown platform.');
      const status: MemberStatus = sub === 'add' ? 'member' : sub === 'block' ? 'blocked' : 'declined';
      const name = typeof f.name === 'string' ? f.name : undefined;
      const m = setMemberStatus(c.ctx, c.by, { ...user, status, ...(name ? { displayName: name } : {}) });
      return c.json ? (printJson(c, m), 0) : (out(c, `${m.platform}:${m.userId} (${m.displayName}) is now ${status === 'declined' ? 'removed' : status}.`), 0);
    }
    default:
      throw new UsageError('members list|add|remove|block');
  }
}

export function runRequests(c: CliContext, sub: string | undefined, f: Flags): number {
  if (sub !== 'list') throw new UsageError(`requests list [--status ${REQUEST_STATUSES.join('|')}]`);
  const status = typeof f.status === 'string' ? f.status : undefined;
  if (status !== undefined && !(REQUEST_STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status must be one of ${REQUEST_STATUSES.join(', ')}.`);
  const rows = c.ctx.store.listRequests(status ? { status: status as RequestStatus } : {});
  if (c.json) return printJson(c, rows), 0;
  const name = (id: number) => c.ctx.store.getMember(id)?.displayName ?? `#${id}`;
  const contact = (id: number) => c.ctx.store.getContact(id)?.name ?? `#${id} (removed)`;
  printTable(c, ['id', 'requester', 'contact', 'status', 'reason', 'created'], rows.map((r) => [r.id, name(r.memberId), contact(r.contactId), r.status, r.declineReason, r.createdAt.slice(0, 10)]));
  out(c, `${rows.length} request${rows.length === 1 ? '' : 's'}`);
  return 0;
}

export function runStats(c: CliContext): number {
  const s = c.ctx.store.stats(daysFrom(c.ctx, -90));
  const f = c.ctx.store.funnel();
  if (c.json) return printJson(c, { ...s, funnel: f }), 0;
  out(c, `Contacts  ${s.contacts.total} total, ${s.contacts.vetted} vetted, ${s.contacts.searchable} searchable, ${s.contacts.optedOut} opted out`);
  out(c, `Members   ${s.members.member} members, ${s.members.pending} waiting to join, ${s.members.blocked} blocked`);
  out(c, `Requests  ${s.requests.pending} pending, ${s.requests.approved} approved, ${s.requests.declined} declined, ${s.requests.withdrawn} withdrawn, ${s.requests.expired} expired`);
  out(c, `Declines  ${s.declines.not_now} not now, ${s.declines.dont_know_contact} don't know the contact, ${s.declines.dont_know_you} don't know you`);
  if (s.topContacts.length) out(c, `Most requested (90 days)  ${s.topContacts.map((t) => `${t.name} (${t.requests})`).join(', ')}`);
  out(c, `Funnel    ${f.requested} requested → ${f.approved} approved → ${f.contactYes} contact said yes → ${f.introduced} introduced → ${f.met} met → ${f.opportunity} opportunity (${f.job} job)`);
  return 0;
}

/** `report --out report.html`: the funnel and outcomes over time, as a page a person would rather read than a table. */
export function runReport(c: CliContext, f: Flags): number {
  const file = typeof f.out === 'string' ? f.out : undefined;
  if (!file) throw new UsageError('report --out <file.html>');
  const html = renderReport({ funnel: c.ctx.store.funnel(), stats: c.ctx.store.stats(daysFrom(c.ctx, -90)), ownerName: c.ctx.policy.ownerName, generatedAt: c.ctx.clock.now().toISOString() });
  writeFileSync(file, html);
  out(c, `Wrote ${file}. Open it in a browser.`);
  return 0;
}

/** Everything, as one JSON document: the owner's data is the owner's. */
export function runExport(c: CliContext, f: Flags): number {
  const s = c.ctx.store;
  const data = {
    exportedAt: c.ctx.clock.now().toISOString(),
    contacts: s.listContacts(),
    members: s.listMembers(),
    requests: s.listRequests(),
    events: s.listEvents(),
    outbox: s.listOutbox(),
  };
  const file = typeof f.out === 'string' ? f.out : undefined;
  if (file) {
    writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
    out(c, `Exported ${data.contacts.length} contacts, ${data.members.length} members, ${data.requests.length} requests and ${data.events.length} events to ${file}.`);
  } else {
    printJson(c, data);
  }
  return 0;
}

/** An online backup: safe while the bot is running. */
export async function runBackup(c: CliContext, store: SqliteStore, file: string | undefined): Promise<number> {
  if (!file) throw new UsageError('backup <file>: where to write the copy, e.g. backup ./backups/intro-broker-2026-11-27.db');
  await store.db.backup(file);
  out(c, `Backed up to ${file}.`);
  return 0;
}
