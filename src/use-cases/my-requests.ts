// A member's own requests (and withdrawing one), the owner's queue, and stats.
import type { Actor, IntroRequest, Member } from '../domain.ts';
import { type ContactLookup, type CoreContext, daysFrom, type IntroTransaction, isOwner, type Membership, nowIso, type RequestLookup, requireMember, requireOwner, who } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { admissionCard, ownerRequestCard } from '../views/cards.ts';
import { myRequestsView, withdrawnView } from '../views/notices.ts';
import { pendingQueueView, statsView } from '../views/owner.ts';
import type { View } from '../views/view.ts';
import type { MemberStore, ReportStore, RequestStore } from '../ports.ts';
import { updateOwnerCards } from './owner-card.ts';
import { ownerQueue } from './history.ts';
import { contactLoad, requesterHistory } from './submit-intro-request.ts';

export function listMyRequests(ctx: CoreContext<Membership & ContactLookup & Pick<RequestStore, 'listRequests'>>, actor: Actor): View {
  const member = requireMember(ctx, actor);
  const rows = ctx.store
    .listRequests({ memberId: member.id })
    .reverse()
    .slice(0, 20)
    .map((req) => ({ req, contactName: ctx.store.getContact(req.contactId)?.name ?? 'a removed contact' }));
  return myRequestsView(rows);
}

export function withdrawRequest(ctx: CoreContext<Membership & IntroTransaction>, actor: Actor, requestId: number): View {
  const member = requireMember(ctx, actor);
  return ctx.store.transaction(() => {
    const req = ctx.store.getRequest(requestId);
    // Someone else's request looks exactly like a missing one: no hint it exists.
    if (!req || req.memberId !== member.id) throw notFound('request');
    const at = nowIso(ctx);
    if (!ctx.store.transitionRequest(req.id, ['pending'], 'withdrawn', { at })) {
      throw new DomainError('conflict', `Request #${req.id} was already ${req.status}; there is nothing to withdraw.`);
    }
    ctx.store.appendEvent({ at, actor: who(actor), kind: 'request.withdrawn', requestId: req.id, memberId: member.id, contactId: req.contactId });
    updateOwnerCards(ctx, req.id, 'withdrawn');
    const contact = ctx.store.getContact(req.contactId);
    return withdrawnView(req, { name: contact?.name ?? 'the contact' });
  });
}

export function pendingQueue(ctx: CoreContext<ReportStore & RequestLookup & Pick<MemberStore, 'listMembers'> & Pick<RequestStore, 'listRequests' | 'countContactLoad'>>, actor: Actor): View {
  requireOwner(ctx, actor);
  const cards = ctx.store.listRequests({ status: 'pending' }).flatMap((req: IntroRequest) => {
    const member = ctx.store.getMember(req.memberId) as Member;
    const contact = ctx.store.getContact(req.contactId);
    return contact ? [ownerRequestCard(req, member, contact, requesterHistory(ctx, member, req.id), contactLoad(ctx, contact))] : [];
  });
  const admissions = ctx.store.listMembers({ status: 'pending' }).map(admissionCard);
  const view = pendingQueueView(cards, admissions, ctx.store.funnel());
  // On top: each request's age and what recent intros produced (the App Home, /intros in the terminal and on Discord).
  return { summary: view.summary, blocks: [...ownerQueue(ctx), { kind: 'divider' }, ...view.blocks] };
}

/** /intros: the owner's queue for the owner, a member's own list for members. */
export function intros(ctx: CoreContext<Membership & ReportStore & ContactLookup & Pick<RequestStore, 'getRequest' | 'listRequests' | 'countContactLoad'>>, actor: Actor): View {
  return isOwner(ctx, actor) ? pendingQueue(ctx, actor) : listMyRequests(ctx, actor);
}

export function getStats(ctx: CoreContext<ReportStore>, actor: Actor): View {
  requireOwner(ctx, actor);
  return statsView(ctx.store.stats(daysFrom(ctx, -90)), ctx.store.funnel());
}

