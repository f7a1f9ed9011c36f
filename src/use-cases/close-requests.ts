// Requests close when their contact or their requester goes: an opt-out (or
// unvetting), a removal, a block. Each pending request is closed with an event,
// the requester is told kindly, and the owner's cards lose their buttons.
// Called inside the transaction of the change that caused it.
import { type CoreContext, type IntroWork, nowIso } from '../context.ts';
import { messageKey } from '../messages.ts';
import { message } from '../views/notices.ts';
import { updateOwnerCards } from './owner-card.ts';

export type CloseReason = 'contact_unavailable' | 'contact_removed' | 'member_removed' | 'member_blocked';

export function closePendingRequests(ctx: CoreContext<IntroWork>, by: string, whose: { contactId: number } | { memberId: number }, reason: CloseReason): number {
  const at = nowIso(ctx);
  let closed = 0;
  for (const req of ctx.store.listRequests({ ...whose, status: 'pending' })) {
    if (!ctx.store.transitionRequest(req.id, ['pending'], 'closed', { at, decidedBy: by })) continue;
    closed++;
    const member = ctx.store.getMember(req.memberId);
    const contactName = ctx.store.getContact(req.contactId)?.name ?? 'the contact';
    ctx.store.appendEvent({ at, actor: by, kind: 'request.closed', requestId: req.id, memberId: req.memberId, contactId: req.contactId, data: { reason } });
    if (member) {
      const view = requesterLine(reason, contactName, ctx.policy.ownerName);
      ctx.store.enqueue({ dedupeKey: messageKey.request(req.id, 'closed'), platform: member.platform, recipients: [member.userId], kind: 'member.request_closed', view, at });
    }
    updateOwnerCards(ctx, req.id, 'closed', ownerLine(reason, contactName, member?.displayName ?? 'the requester'));
  }
  return closed;
}

function requesterLine(reason: CloseReason, contactName: string, ownerName: string) {
  const aboutContact = reason === 'contact_unavailable' || reason === 'contact_removed';
  return aboutContact
    ? message(`Your request for an intro to ${contactName} is closed: ${contactName} isn't taking introductions through ${ownerName} right now. It's nothing about you, and thank you for asking the right way.`)
    : message(`Your request for an intro to ${contactName} is closed. ${ownerName} isn't taking on new introductions for you at the moment.`);
}

function ownerLine(reason: CloseReason, contactName: string, memberName: string): string {
  switch (reason) {
    case 'contact_unavailable':
      return `${contactName} is no longer open to introductions (opted out or unvetted); ${memberName} was told.`;
    case 'contact_removed':
      return `${contactName} was removed from your contacts; ${memberName} was told.`;
    case 'member_removed':
      return `${memberName} was removed from your network; they were told.`;
    case 'member_blocked':
      return `${memberName} was blocked; they were told their request is closed.`;
  }
}
