// The owner's memory: a member's history (requests, declines with reasons,
// outcomes, how they joined), and the queue with its age for his home.
import type { Actor, Member } from '../domain.ts';
import { type ContactLookup, type CoreContext, requireOwner } from '../context.ts';
import type { MemberStore, RequestStore } from '../ports.ts';
import { DomainError, notFound } from '../errors.ts';
import { cleanText } from '../rules/text.ts';
import { memberHistoryView, ownerQueueBlocks } from '../views/history.ts';
import type { Block, View } from '../views/view.ts';

const contactName = (ctx: CoreContext<ContactLookup>, id: number) => ctx.store.getContact(id)?.name ?? 'a removed contact';

export function memberHistory(ctx: CoreContext<ContactLookup & Pick<MemberStore, 'getMember'> & Pick<RequestStore, 'listRequests'>>, actor: Actor, memberId: number): View {
  requireOwner(ctx, actor);
  const member = ctx.store.getMember(memberId);
  if (!member) throw notFound('member');
  const rows = ctx.store
    .listRequests({ memberId })
    .reverse()
    .slice(0, 30)
    .map((req) => ({ req, contactName: contactName(ctx, req.contactId) }));
  return memberHistoryView(member, rows);
}

/** /history <name>: the member whose name (or user id) the owner typed. */
export function historyByName(ctx: CoreContext<ContactLookup & Pick<MemberStore, 'getMember' | 'listMembers'> & Pick<RequestStore, 'listRequests'>>, actor: Actor, text: string): View {
  requireOwner(ctx, actor);
  const key = cleanText(text).replace(/^<@([^>|]+)(\|[^>]*)?>$/, '$1').replace(/^@/, '').trim().toLowerCase();
  if (!key) throw new DomainError('invalid', "Whose history? Type a member's name: /history Alice");
  const matches = ctx.store.listMembers().filter((m: Member) => m.displayName.toLowerCase() === key || m.userId.toLowerCase() === key);
  const found = matches.length ? matches : ctx.store.listMembers().filter((m) => m.displayName.toLowerCase().includes(key));
  if (found.length === 0) throw new DomainError('not_found', `No member is called "${key}".`);
  if (found.length > 1) throw new DomainError('conflict', `Several members match "${key}": ${found.slice(0, 5).map((m) => m.displayName).join(', ')}. Type the full name.`);
  return memberHistory(ctx, actor, (found[0] as Member).id);
}

export function ownerQueue(ctx: CoreContext<ContactLookup & Pick<MemberStore, 'getMember'> & Pick<RequestStore, 'listRequests'>>): Block[] {
  const now = ctx.clock.now().getTime();
  const name = (id: number) => ctx.store.getMember(id)?.displayName ?? 'someone';
  const pending = ctx.store.listRequests({ status: 'pending' }).map((req) => ({
    req,
    memberName: name(req.memberId),
    contactName: contactName(ctx, req.contactId),
    ageDays: Math.floor((now - Date.parse(req.createdAt)) / 86_400_000),
  }));
  const outcomes = ctx.store
    .listRequests({ status: 'approved' })
    .filter((r) => r.outcome !== null)
    .reverse()
    .slice(0, 5)
    .map((req) => ({ req, memberName: req.personName ?? name(req.memberId), contactName: contactName(ctx, req.contactId) }));
  return ownerQueueBlocks(pending, outcomes);
}
