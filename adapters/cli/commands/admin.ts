// `members …`, `requests list`, `stats`, `export`, `backup`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupTo } from '../../../db/backup.ts';
import type { SqliteStore } from '../../../db/sqlite-store.ts';
import { daysFrom } from '../../../src/context.ts';
import { MEMBER_STATUSES, PLATFORMS, REQUEST_STATUSES, type MemberStatus, type Platform, type RequestStatus } from '../../../src/domain.ts';
import { setMemberStatus, unblockMember } from '../../../src/use-cases/admission.ts';
import { DomainError } from '../../../src/errors.ts';
import { type CliContext, out, printJson, printTable, UsageError } from '../io.ts';
import type { Flags } from './contacts.ts';
import { renderReport } from '../report/render-html.ts';
import { showMember, showRequest } from './history.ts';
import { buildReport } from '../../../src/use-cases/report.ts';


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
    case 'show':
      return showMember(c, args[0]);
    case 'unblock':
      return unblock(c, parseUser(args[0]));
    default:
      throw new UsageError('members list|show|add|remove|block|unblock');
  }
}

/** Takes back "I don't know you": a join request goes back to the owner's queue, a blocked member is a member again. */
function unblock(c: CliContext, user: { platform: Platform; userId: string }): number {
  const found = c.ctx.store.findMember(user.platform, user.userId);
  if (!found) throw new DomainError('not_found', `No one is known as ${user.platform}:${user.userId}.`);
  const { member, changed } = unblockMember(c.ctx, c.by, found.id);
  if (c.json) return printJson(c, { ...member, changed }), 0;
  const who = `${member.platform}:${member.userId} (${member.displayName})`;
  if (!changed) return out(c, `${who} is not blocked (status: ${member.status}); nothing changed.`), 0;
  out(c, member.status === 'pending' ? `${who} is unblocked: their request to join is back in your queue (/intros).` : `${who} is unblocked and a member again.`);
  return 0;
}

export function runRequests(c: CliContext, sub: string | undefined, f: Flags, args: string[] = []): number {
  if (sub === 'show') return showRequest(c, args[0]);
  if (sub !== 'list') throw new UsageError(`requests list [--status ${REQUEST_STATUSES.join('|')}] | requests show <id>`);
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
  if (c.json) return printJson(c, { ...s, funnel: f, ...(c.databasePath ? { database: c.databasePath } : {}) }), 0;
  // Which file: the bot and the CLI must read the same one (a relative DATABASE_PATH is beside package.json).
  if (c.databasePath) out(c, `Database  ${c.databasePath}`);
  out(c, `Contacts  ${s.contacts.total} total, ${s.contacts.vetted} vetted, ${s.contacts.searchable} searchable, ${s.contacts.optedOut} opted out`);
  out(c, `Members   ${s.members.member} members, ${s.members.pending} waiting to join, ${s.members.blocked} blocked`);
  out(c, `Requests  ${s.requests.pending} pending, ${s.requests.approved} approved, ${s.requests.declined} declined, ${s.requests.withdrawn} withdrawn, ${s.requests.expired} expired`);
  out(c, `Declines  ${s.declines.not_now} not now, ${s.declines.dont_know_contact} don't know the contact, ${s.declines.dont_know_you} don't know you`);
  if (s.topContacts.length) out(c, `Most requested (90 days)  ${s.topContacts.map((t) => `${t.name} (${t.requests})`).join(', ')}`);
  // Intros that needed no opt-in never pass "contact said yes": it is a breakdown of "introduced", not a step before it.
  out(c, `Funnel    ${f.requested} requested → ${f.approved} approved → ${f.introduced} introduced (${f.contactYes} after the contact said yes, ${f.introduced - f.contactYes} needed no opt-in) → ${f.met} met → ${f.opportunity} opportunity (${f.job} job)`);
  return 0;
}

/** `report --out report.html`: the funnel and outcomes over time, as a page a person would rather read than a table. */
export function runReport(c: CliContext, f: Flags): number {
  const file = typeof f.out === 'string' ? f.out : undefined;
  if (!file) throw new UsageError('report --out <file.html>');
  const html = renderReport(buildReport(c.ctx));
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

/** An online backup: safe while the bot is running; the folder is created, the file is the owner's only (0600). */
export async function runBackup(c: CliContext, store: SqliteStore, file: string | undefined): Promise<number> {
  if (!file) throw new UsageError('backup <file>: where to write the copy, e.g. backup ./backups/intro-broker-2026-11-27.db');
  if (c.databasePath && resolve(file) === resolve(c.databasePath)) throw new UsageError('backup <file>: that is the database itself; choose another file.');
  await backupTo(store.db, file);
  out(c, `Backed up to ${file}.`);
  return 0;
}
