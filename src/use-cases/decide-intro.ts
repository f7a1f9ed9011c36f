// The owner's one click. Exactly one decision ever wins: the transition only
// happens from 'pending', inside a write transaction, so a double click, a
// platform retry or a second process sees the decision already made.
import type { Actor, Contact, DeclineReason, IntroRequest, Member } from '../domain.ts';
import { type CardFigures, type CoreContext, type IntroTransaction, nowIso, requireOwner, who } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { decidedCard, ownerRequestCard } from '../views/cards.ts';
import { decisionNotice } from '../views/notices.ts';
import type { View } from '../views/view.ts';
import { startDelivery } from './deliver-intro.ts';
import { introTextOf } from './intro-text.ts';
import { roundKey } from './request-keys.ts';
import { updateOwnerCards } from './owner-card.ts';
import { contactLoad, requesterHistory } from './submit-intro-request.ts';
import { canUndo } from './undo-decision.ts';

export type Decision = { kind: 'approve' } | { kind: 'decline'; reason: DeclineReason };

export interface DecideResult {
  request: IntroRequest;
  /** The owner's card as it now stands: no buttons once decided. */
  card: View;
  /** False when this call lost the race (already decided, withdrawn or expired). */
  changed: boolean;
}

export function decideIntro(ctx: CoreContext<IntroTransaction>, actor: Actor, requestId: number, decision: Decision): DecideResult {
  requireOwner(ctx, actor);
  const result = decideInTransaction(ctx, actor, requestId, decision);
  if (result.changed) ctx.faults?.('decide:after-commit');
  return result;
}

function decideInTransaction(ctx: CoreContext<IntroTransaction>, actor: Actor, requestId: number, decision: Decision): DecideResult {
  return ctx.store.transaction(() => {
    const before = ctx.store.getRequest(requestId);
    if (!before) throw notFound('request');
    if (decision.kind === 'approve' && before.status === 'pending') {
      // The contact may have opted out or been removed since the request was made.
      const c = ctx.store.getContact(before.contactId);
      if (!c || !c.vetted || !c.openToIntros) {
        throw new DomainError('unavailable', 'This contact is no longer open to introductions (opted out, unvetted or removed). Decline the request instead.');
      }
    }
    const at = nowIso(ctx);
    const to = decision.kind === 'approve' ? 'approved' : 'declined';
    const changed = ctx.store.transitionRequest(requestId, ['pending'], to, {
      at,
      decidedBy: who(actor),
      declineReason: decision.kind === 'decline' ? decision.reason : null,
    });
    const request = ctx.store.getRequest(requestId) as IntroRequest;
    const member = ctx.store.getMember(request.memberId) as Member;
    const contact = ctx.store.getContact(request.contactId);
    if (changed) {
      ctx.store.appendEvent({
        at,
        actor: who(actor),
        kind: `request.${to}`,
        requestId,
        memberId: member.id,
        contactId: request.contactId,
        data: decision.kind === 'decline' ? { reason: decision.reason } : {},
      });
      ctx.store.enqueue({
        dedupeKey: roundKey(ctx, requestId, 'decision'),
        platform: member.platform,
        recipients: [member.userId],
        kind: 'member.decision_notice',
        view: decisionNotice(request, contact?.name ?? 'the contact', ctx.policy.ownerName),
        at,
      });
      // Approval is not yet an intro: the contact is asked first (or, if they need no opt-in, introduced now).
      if (to === 'approved' && contact) startDelivery(ctx, requestId);
      // The card may have been decided elsewhere (/intros, the Home tab, a reminder): every copy shows the decision.
      // One edit per decision: after an undo, the next decision edits the cards again.
      updateOwnerCards(ctx, requestId, `decided:${at}`);
    }
    if (!contact) return { request, card: { summary: `Request #${request.id}`, blocks: [{ kind: 'text', text: `Request #${request.id}: the contact was removed.` }] }, changed };
    const history = requesterHistory(ctx, member, request.id);
    const load = contactLoad(ctx, contact);
    const card =
      request.status === 'pending'
        ? ownerRequestCard(request, member, contact, history, load)
        : decidedCardFor(ctx, request, member, contact, changed ? undefined : 'This request had already been settled; nothing was changed.');
    return { request, card, changed };
  });
}

/** The decided card with what the owner may still do: undo for a while, edit the intro text until it goes. */
export function decidedCardFor(ctx: CoreContext<CardFigures>, request: IntroRequest, member: Member, contact: Contact, note?: string): View {
  const history = requesterHistory(ctx, member, request.id);
  const editable = request.status === 'approved' && (request.stage === null || request.stage === 'awaiting_contact');
  return decidedCard(request, member, contact, history, contactLoad(ctx, contact), note, {
    undo: canUndo(ctx, request, member, contact) === null,
    editIntro: editable,
    ...(editable ? { introText: introTextOf(request, member, contact, ctx.policy.ownerName) } : {}),
  });
}
