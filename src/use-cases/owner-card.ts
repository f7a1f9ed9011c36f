// The owner's request card (and the reminder that repeats it) carries Approve /
// Decline buttons. Whatever settles the request (a decision made elsewhere, a
// withdrawal, expiry, an opt-out, a removal, a block) replaces those cards in
// place through the outbox, so no stale button is left to click.
import type { CoreContext } from '../context.ts';
import { messageKey, ownerCardKeys } from '../messages.ts';
import type { ContactStore, MemberStore, MessagingStore, RequestStore } from '../ports.ts';
import { decidedCard } from '../views/cards.ts';
import { contactLoad, requesterHistory } from './submit-intro-request.ts';

/** Call inside the transaction that settled the request; `reason` names the change (one edit per reason). */
export function updateOwnerCards(ctx: CoreContext<MessagingStore & RequestStore & MemberStore & ContactStore>, requestId: number, reason: string, note?: string): void {
  const req = ctx.store.getRequest(requestId);
  const member = req ? ctx.store.getMember(req.memberId) : null;
  const contact = req ? ctx.store.getContact(req.contactId) : null;
  if (!req || !member || !contact) return;
  const view = decidedCard(req, member, contact, requesterHistory(ctx, member, req.id), contactLoad(ctx, contact), note);
  const at = ctx.clock.now().toISOString();
  for (const key of ownerCardKeys(requestId)) {
    const card = ctx.store.getMessageByKey(key);
    if (!card) continue;
    ctx.store.enqueue({ dedupeKey: messageKey.edit(key, reason), edits: key, platform: card.platform, recipients: card.recipients, kind: 'owner.card_update', view, at });
  }
}
