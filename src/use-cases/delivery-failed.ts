// A message the outbox gave up on (a permanent platform error, or too many
// attempts) is never dropped silently: it is marked failed, an event records
// it, and the owner is told in one line with the reason. A chat opt-in that
// cannot reach the contact falls back to the email path, so the intro can go on.
import type { CoreContext, RequestLookup } from '../context.ts';
import { nowIso } from '../context.ts';
import { DomainError } from '../errors.ts';
import { chatIdentity } from '../domain.ts';
import { messageKey } from '../messages.ts';
import type { MemberStore, MessagingStore, OutboxMessage, Transactional } from '../ports.ts';
import { ownerIntroEmailCard, ownerOptinEmailCard, requesterNotice } from '../views/delivery.ts';
import { message } from '../views/notices.ts';

/** The request a message is about, from its dedupe key (`request:<id>:…`). */
function requestIdOf(msg: OutboxMessage): number | null {
  const m = /^request:(\d+):/.exec(msg.dedupeKey);
  return m ? Number(m[1]) : null;
}

/** Marks the message failed, records it, and tells the owner; one transaction. */
export function deliveryFailed(ctx: CoreContext<Transactional & RequestLookup & Pick<MemberStore, 'findMember'> & MessagingStore>, msg: OutboxMessage, reason: string): void {
  ctx.store.transaction(() => {
    const at = nowIso(ctx);
    ctx.store.markGivenUp(msg.id, reason, at);
    const requestId = requestIdOf(msg);
    ctx.store.appendEvent({ at, actor: 'system', kind: 'message.failed', requestId, data: { outboxId: msg.id, kind: msg.kind, reason } });
    // An edit that cannot be made, or a failure notice that cannot reach the owner: the event and the CLI's list are the record.
    if (msg.kind === 'owner.card_update' || msg.kind === 'owner.delivery_failed') return;
    if (msg.kind === 'contact.optin' && requestId !== null && optinByEmail(ctx, requestId, msg, reason, at)) return;
    if (msg.kind === 'intro.group' && requestId !== null && introByEmail(ctx, requestId, msg, reason, at)) return;
    const ownerId = ctx.policy.owners[msg.platform];
    if (ownerId === undefined || msg.recipients.includes(ownerId)) return;
    const who = msg.recipients.map((id) => ctx.store.findMember(msg.platform, id)?.displayName ?? id).join(', ');
    const line = `A message to ${who} could not be delivered (${reason}). It was: "${msg.view.summary}". \`intro-broker outbox retry ${msg.id}\` sends it again.`;
    ctx.store.enqueue({ dedupeKey: `outbox:${msg.id}:failed:${at}`, platform: msg.platform, recipients: [ownerId], kind: 'owner.delivery_failed', view: message(line), at });
  });
}

/** The group message could not be delivered: the owner gets the intro email to send, and the requester is told that instead. */
function introByEmail(ctx: CoreContext<RequestLookup & MessagingStore>, requestId: number, msg: OutboxMessage, reason: string, at: string): boolean {
  const req = ctx.store.getRequest(requestId);
  const member = req ? ctx.store.getMember(req.memberId) : null;
  const contact = req ? ctx.store.getContact(req.contactId) : null;
  const ownerId = ctx.policy.owners[msg.platform];
  if (!req || !member || !contact || ownerId === undefined) return false;
  const owner = ctx.policy.ownerName;
  const view = ownerIntroEmailCard(req, member, contact, owner, reason);
  ctx.store.enqueue({ dedupeKey: messageKey.request(requestId, 'intro_email'), platform: msg.platform, recipients: [ownerId], kind: 'owner.intro_email', view, at });
  // The requester's notice waited for the group message: it now says what is true.
  const notice = messageKey.request(requestId, 'introduced');
  ctx.store.enqueue({ dedupeKey: messageKey.edit(notice, 'by_email'), edits: notice, platform: msg.platform, recipients: [member.userId], kind: 'member.introduced', view: requesterNotice.introducedByEmail(contact.name, owner), at });
  ctx.store.appendEvent({ at, actor: 'system', kind: 'intro.fallback_email', requestId, contactId: contact.id, data: { reason } });
  return true;
}

/** The contact could not be asked in chat: the owner gets the ready-to-send email instead. */
function optinByEmail(ctx: CoreContext<RequestLookup & MessagingStore>, requestId: number, msg: OutboxMessage, reason: string, at: string): boolean {
  const req = ctx.store.getRequest(requestId);
  const member = req ? ctx.store.getMember(req.memberId) : null;
  const contact = req ? ctx.store.getContact(req.contactId) : null;
  const ownerId = ctx.policy.owners[msg.platform];
  if (!req || !member || !contact || ownerId === undefined || req.stage !== 'awaiting_contact') return false;
  if (chatIdentity(contact, msg.platform) === null) return false;
  const view = ownerOptinEmailCard(req, member, contact, ctx.policy.ownerName, reason);
  ctx.store.enqueue({ dedupeKey: messageKey.request(requestId, 'optin_email'), platform: msg.platform, recipients: [ownerId], kind: 'owner.optin_email', view, at });
  ctx.store.appendEvent({ at, actor: 'system', kind: 'optin.fallback_email', requestId, contactId: contact.id, data: { reason } });
  return true;
}

/** The owner sends a failed message again (`intro-broker outbox retry <id>`): pending and due now, with an event. */
export function retryFailedMessage(ctx: CoreContext<Transactional & MessagingStore>, by: string, id: number): void {
  ctx.store.transaction(() => {
    const msg = ctx.store.getMessage(id);
    if (!msg) throw new DomainError('not_found', `There is no message #${id} in the outbox.`);
    const at = nowIso(ctx);
    if (!ctx.store.retryMessage(id, at)) throw new DomainError('conflict', `Message #${id} has not failed (it is ${msg.status}); there is nothing to retry.`);
    ctx.store.appendEvent({ at, actor: by, kind: 'message.retried', requestId: requestIdOf(msg), data: { outboxId: id, kind: msg.kind } });
  });
}
