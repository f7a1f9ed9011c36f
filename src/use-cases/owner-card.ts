// The owner's request card (and the reminder that repeats it) carries Approve /
// Decline buttons. Whatever settles the request (a decision made elsewhere, a
// withdrawal, expiry, an opt-out, a removal, a block) replaces those cards in
// place through the outbox, so no stale button is left to click.
import type { CoreContext, IntroWork } from '../context.ts';
import type { MessagingStore } from '../ports.ts';
import { messageKey, ownerCardKeys } from '../messages.ts';
import type { View } from '../views/view.ts';
import { decidedCardFor } from './decide-intro.ts';

/** Call inside the transaction that settled the request; `reason` names the change (one edit per reason). */
// The decided card needs the requester's history and the contact's load: the whole store.
export function updateOwnerCards(ctx: CoreContext<IntroWork>, requestId: number, reason: string, note?: string): void {
  const req = ctx.store.getRequest(requestId);
  const member = req ? ctx.store.getMember(req.memberId) : null;
  const contact = req ? ctx.store.getContact(req.contactId) : null;
  if (!req || !member || !contact) return;
  // The decided card as the click shows it: with Undo (for a while) and the intro text to edit.
  replaceOwnerCards(ctx, requestId, reason, decidedCardFor(ctx, req, member, contact, note));
}

/**
 * Replaces the owner's cards about a request with `view` (the request sent back
 * for changes, revised, or reopened by an undo). `reason` must be new for each
 * change: each edit is made once.
 */
export function replaceOwnerCards(ctx: CoreContext<Pick<MessagingStore, 'enqueue' | 'getMessageByKey'>>, requestId: number, reason: string, view: View): void {
  const at = ctx.clock.now().toISOString();
  for (const key of ownerCardKeys(requestId)) {
    const card = ctx.store.getMessageByKey(key);
    if (!card) continue;
    ctx.store.enqueue({ dedupeKey: messageKey.edit(key, reason), edits: key, platform: card.platform, recipients: card.recipients, kind: 'owner.card_update', view, at });
  }
}
