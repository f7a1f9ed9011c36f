// The owner's way back: a decision can be undone for ten minutes, as long as
// nothing has reached the contact. Undoing is one transaction: the request is
// pending again (decision and delivery stage cleared), the decision's unsent
// messages are dropped from the outbox, the opt-in's expiry timer is cancelled,
// and an event row records it.
//
// The requester: if the decision notice had not gone yet it is simply dropped
// and they hear nothing (nothing changed, from where they stand). If it had
// gone, they are told the decision was reopened, since otherwise they would
// wait for an intro (or give up on one) that is no longer decided.
import type { Actor, Contact, IntroRequest, Member } from '../domain.ts';
import { chatIdentity } from '../domain.ts';
import { type CoreContext, type IntroTransaction, nowIso, requireOwner, who } from '../context.ts';
import type { MessagingStore } from '../ports.ts';
import { DomainError, notFound } from '../errors.ts';
import { messageKey } from '../messages.ts';
import { ownerRequestCard } from '../views/cards.ts';
import { message } from '../views/notices.ts';
import type { View } from '../views/view.ts';
import { replaceOwnerCards } from './owner-card.ts';
import { REOPENED_EVENT, roundKey } from './request-keys.ts';
import { contactLoad, requesterHistory } from './submit-intro-request.ts';

export const UNDO_WINDOW_MS = 10 * 60_000;

/** Why this decision cannot be undone now, in words for the owner; null when it can. */
export function canUndo(ctx: CoreContext<Pick<MessagingStore, 'outboxState' | 'listEvents'>>, req: IntroRequest, member: Member, contact: Contact): string | null {
  if (req.status !== 'approved' && req.status !== 'declined') return 'There is no decision on this request to undo.';
  const decidedAt = req.decidedAt ? Date.parse(req.decidedAt) : NaN;
  if (!(ctx.clock.now().getTime() - decidedAt < UNDO_WINDOW_MS)) return 'A decision can be undone for 10 minutes; this one is older, so it stands.';
  if (req.status === 'declined') return null;
  if (req.stage !== null && req.stage !== 'awaiting_contact') return 'The contact has already been reached, so this decision stands.';
  // In chat, the opt-in question goes to the contact: once it has gone (or is going), they know.
  if (chatIdentity(contact, member.platform)) {
    const optin = ctx.store.outboxState(roundKey(ctx, req.id, 'optin'), nowIso(ctx));
    if (optin === 'sent' || optin === 'in_flight') return `The question has already reached ${contact.name}, so this decision stands.`;
  }
  return null;
}

export function undoDecision(ctx: CoreContext<IntroTransaction>, actor: Actor, requestId: number): View {
  requireOwner(ctx, actor);
  return ctx.store.transaction(() => {
    const req = ctx.store.getRequest(requestId);
    const member = req ? ctx.store.getMember(req.memberId) : null;
    const contact = req ? ctx.store.getContact(req.contactId) : null;
    if (!req || !member || !contact) throw notFound('request');
    const why = canUndo(ctx, req, member, contact);
    if (why) throw new DomainError('conflict', why);
    const at = nowIso(ctx);
    // The keys of this round's messages, read before the reopen event starts the next round.
    const decisionKey = roundKey(ctx, req.id, 'decision');
    const optinKey = roundKey(ctx, req.id, 'optin');
    const dropped = ctx.store.cancelOutbox([decisionKey, optinKey], at);
    const optinState = ctx.store.outboxState(optinKey, at);
    if (!ctx.store.reopenRequest(req.id, [req.status], at)) throw new DomainError('conflict', 'This request changed meanwhile; nothing was undone.');
    ctx.store.cancelTasks(req.id, ['expire_optin'], at);
    const toldRequester = !dropped.includes(decisionKey) && ctx.store.outboxState(decisionKey, at) !== 'none';
    ctx.store.appendEvent({
      at,
      actor: who(actor),
      kind: REOPENED_EVENT,
      requestId: req.id,
      memberId: member.id,
      contactId: contact.id,
      data: { from: req.status, requesterTold: toldRequester },
    });
    if (toldRequester) {
      ctx.store.enqueue({
        dedupeKey: roundKey(ctx, req.id, 'reopened'),
        platform: member.platform,
        recipients: [member.userId],
        kind: 'member.decision_reopened',
        view: message(`${ctx.policy.ownerName} has reopened your request for an intro to ${contact.name}: it is waiting for a decision again. You'll hear back here.`),
        at,
      });
    }
    // The opt-in email the owner was handed is void now: its card says so.
    if (optinState === 'sent' && !chatIdentity(contact, member.platform)) {
      const ownerId = ctx.policy.owners[member.platform];
      if (ownerId !== undefined) {
        ctx.store.enqueue({
          dedupeKey: messageKey.edit(optinKey, `void:${at}`),
          edits: optinKey,
          platform: member.platform,
          recipients: [ownerId],
          kind: 'owner.card_update',
          view: message(`Request #${req.id}: you undid the approval, so this email is no longer needed. Don't send it.`),
          at,
        });
      }
    }
    const reopened = ctx.store.getRequest(req.id) as IntroRequest;
    const card = ownerRequestCard(reopened, member, contact, requesterHistory(ctx, member, req.id), contactLoad(ctx, contact), 'Decision undone: decide again.');
    // Every copy of the card (the first one, a reminder) offers the decision again.
    replaceOwnerCards(ctx, req.id, `reopened:${at}`, card);
    return card;
  });
}
