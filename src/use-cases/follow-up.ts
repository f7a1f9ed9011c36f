// Closing the loop: some days after the intro the requester is asked how it
// went; each answer is an event, and good news reaches the owner.
import type { Actor, Outcome } from '../domain.ts';
import { GOOD_OUTCOMES } from '../domain.ts';
import { type CoreContext, daysFrom, type IntroWork, isOwner, type Membership, nowIso, requireMember, timersOf, who } from '../context.ts';
import { notFound } from '../errors.ts';
import { followUpCard, goodNewsNotice, outcomeThanks } from '../views/delivery.ts';
import type { View } from '../views/view.ts';
import { messageKey } from '../messages.ts';

export function recordOutcome(ctx: CoreContext<Membership & IntroWork>, actor: Actor, requestId: number, outcome: Outcome): View {
  // The owner answers for the intros he made for someone outside the network (their follow-up comes to him).
  const byOwner = isOwner(ctx, actor);
  const member = byOwner ? null : requireMember(ctx, actor);
  return ctx.store.transaction(() => {
    const req = ctx.store.getRequest(requestId);
    if (!req || req.stage !== 'introduced') throw notFound('introduction');
    if (member ? req.memberId !== member.id : req.origin !== 'owner') throw notFound('introduction');
    const at = nowIso(ctx);
    const contactName = ctx.store.getContact(req.contactId)?.name ?? 'your contact';
    const same = req.outcome === outcome;
    if (!same) {
      ctx.store.setOutcome(requestId, outcome, at);
      ctx.store.appendEvent({ at, actor: who(actor), kind: `outcome.${outcome}`, requestId, memberId: req.memberId, contactId: req.contactId });
    }
    if (member && !same && GOOD_OUTCOMES.includes(outcome)) {
      const ownerId = ctx.policy.owners[member.platform];
      if (ownerId !== undefined) {
        ctx.store.enqueue({ dedupeKey: messageKey.request(requestId, `good_news:${outcome}`), platform: member.platform, recipients: [ownerId], kind: 'owner.good_news', view: goodNewsNotice(member, contactName, outcome), at });
      }
    }
    // "No reply yet" earns one more check-in later (the dedupe key keeps it to one).
    if (outcome === 'no_reply') {
      ctx.store.scheduleTask({ kind: 'follow_up_nudge', requestId, dueAt: daysFrom(ctx, timersOf(ctx).followUpNudgeDays), dedupeKey: `request:${requestId}:follow_up_nudge`, at });
    }
    return outcomeThanks(req, outcome, contactName);
  });
}

/** Sends the follow-up question (inside a task's transaction). */
export function sendFollowUp(ctx: CoreContext<IntroWork>, requestId: number, nudge: boolean): boolean {
  const req = ctx.store.getRequest(requestId);
  if (!req || req.stage !== 'introduced') return false;
  // A nudge is only for someone who has not said it went somewhere yet.
  if (nudge && req.outcome !== null && req.outcome !== 'no_reply') return false;
  const member = ctx.store.getMember(req.memberId);
  if (!member) return false;
  const at = nowIso(ctx);
  const contactName = ctx.store.getContact(req.contactId)?.name ?? 'your contact';
  const view = req.personName ? aboutSomeoneElse(followUpCard(req, `${req.personName} and ${contactName}`, nudge)) : followUpCard(req, contactName, nudge);
  ctx.store.enqueue({ dedupeKey: messageKey.request(requestId, nudge ? 'nudge' : 'follow_up'), platform: member.platform, recipients: [member.userId], kind: 'member.follow_up', view, at });
  ctx.store.appendEvent({ at, actor: 'system', kind: nudge ? 'follow_up.nudged' : 'follow_up.asked', requestId, memberId: member.id });
  if (!nudge) {
    ctx.store.scheduleTask({ kind: 'follow_up_nudge', requestId, dueAt: daysFrom(ctx, timersOf(ctx).followUpNudgeDays), dedupeKey: `request:${requestId}:follow_up_nudge`, at });
  }
  return true;
}

/**
 * The follow-up of an owner's intro for someone outside the network goes to the
 * owner (the intro's carrier), about them: "How did the intro of Jordan and Ana go?".
 */
function aboutSomeoneElse(card: View): View {
  const reword = (text: string) => text.replace('your intro to', 'the intro of');
  return { summary: reword(card.summary), blocks: card.blocks.map((b) => (b.kind === 'text' ? { ...b, text: reword(b.text) } : b)) };
}
