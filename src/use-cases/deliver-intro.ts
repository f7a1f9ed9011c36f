// From "approved" to "introduced": the contact is asked first (double opt-in),
// in chat when they are on the same platform, else by an email the owner sends.
// Only after a yes is the intro made. Every step is one transaction with its
// event, its messages (outbox) and its next due time (tasks).
import type { Actor, Contact, IntroRequest, Member } from '../domain.ts';
import { chatIdentity } from '../domain.ts';
import { type CoreContext, daysFrom, type IntroTransaction, type IntroWork, isOwner, nowIso, type RequestLookup, timersOf, who } from '../context.ts';
import type { MessagingStore } from '../ports.ts';
import { DomainError, notFound } from '../errors.ts';
import {
  contactAnsweredCard,
  contactOptinCard,
  introMessage,
  ownerIntroEmailCard,
  ownerOptinEmailCard,
  requesterNotice,
} from '../views/delivery.ts';
import type { View } from '../views/view.ts';
import { roundKey } from './request-keys.ts';
import { messageKey } from '../messages.ts';
import { contactAnsweredOwnerIntro, ownerIntroLapsed } from './introduce.ts';

interface Parties {
  req: IntroRequest;
  member: Member;
  contact: Contact;
  ownerId: string;
}

function parties(ctx: CoreContext<RequestLookup>, requestId: number): Parties {
  const req = ctx.store.getRequest(requestId);
  if (!req) throw notFound('request');
  const member = ctx.store.getMember(req.memberId);
  const contact = ctx.store.getContact(req.contactId);
  const ownerId = ctx.policy.owners[member?.platform ?? 'console'];
  if (!member || !contact || ownerId === undefined) throw notFound('introduction');
  return { req, member, contact, ownerId };
}

/** Called inside the approval's transaction. */
export function startDelivery(ctx: CoreContext<IntroWork>, requestId: number): void {
  const p = parties(ctx, requestId);
  const at = nowIso(ctx);
  if (p.contact.noOptin) {
    makeIntro(ctx, p, at, 'system');
    return;
  }
  ctx.store.setStage(p.req.id, [null], 'awaiting_contact', at);
  const contactChatId = chatIdentity(p.contact, p.member.platform);
  const ask = contactChatId
    ? { recipients: [contactChatId], kind: 'contact.optin' as const, view: contactOptinCard(p.req, p.member, p.contact, ctx.policy.ownerName) }
    : { recipients: [p.ownerId], kind: 'owner.optin_email' as const, view: ownerOptinEmailCard(p.req, p.member, p.contact, ctx.policy.ownerName) };
  ctx.store.enqueue({ dedupeKey: roundKey(ctx, p.req.id, 'optin'), platform: p.member.platform, at, ...ask });
  ctx.store.appendEvent({ at, actor: 'system', kind: 'optin.asked', requestId: p.req.id, contactId: p.contact.id, data: { via: contactChatId ? 'chat' : 'email' } });
  ctx.store.scheduleTask({ kind: 'expire_optin', requestId: p.req.id, dueAt: daysFrom(ctx, timersOf(ctx).optinExpiryDays), dedupeKey: roundKey(ctx, p.req.id, 'expire_optin'), at });
}

/** The contact's chat account, unless chat could not reach them for this request (then it is email). */
function reachableInChat(ctx: CoreContext<Pick<MessagingStore, 'listEvents'>>, p: Parties): string | null {
  const id = chatIdentity(p.contact, p.member.platform);
  if (id === null) return null;
  return ctx.store.listEvents({ requestId: p.req.id }).some((e) => e.kind === 'optin.fallback_email') ? null : id;
}

function makeIntro(ctx: CoreContext<IntroWork>, p: Parties, at: string, actor: string): void {
  ctx.store.setStage(p.req.id, [null, 'awaiting_contact'], 'introduced', at);
  const platform = p.member.platform;
  const contactChatId = reachableInChat(ctx, p);
  const owner = ctx.policy.ownerName;
  if (contactChatId) {
    // One conversation with all three, where the platform allows it (the messenger decides how).
    ctx.store.enqueue({
      dedupeKey: messageKey.request(p.req.id, 'intro'),
      platform,
      recipients: [p.ownerId, p.member.userId, contactChatId],
      kind: 'intro.group',
      view: introMessage(p.req, p.member, p.contact, owner, contactChatId),
      at,
    });
    // Told only once the group message is out (or, if it fails, told the email path instead).
    const intro = messageKey.request(p.req.id, 'intro');
    ctx.store.enqueue({ dedupeKey: messageKey.request(p.req.id, 'introduced'), after: intro, platform, recipients: [p.member.userId], kind: 'member.introduced', view: requesterNotice.introducedInChat(p.contact.name), at });
  } else {
    ctx.store.enqueue({ dedupeKey: messageKey.request(p.req.id, 'intro_email'), platform, recipients: [p.ownerId], kind: 'owner.intro_email', view: ownerIntroEmailCard(p.req, p.member, p.contact, owner), at });
    ctx.store.enqueue({ dedupeKey: messageKey.request(p.req.id, 'introduced'), platform, recipients: [p.member.userId], kind: 'member.introduced', view: requesterNotice.introducedByEmail(p.contact.name, owner), at });
  }
  ctx.store.appendEvent({ at, actor, kind: 'intro.made', requestId: p.req.id, memberId: p.member.id, contactId: p.contact.id, data: { via: contactChatId ? 'chat' : 'email' } });
  ctx.store.scheduleTask({ kind: 'follow_up', requestId: p.req.id, dueAt: daysFrom(ctx, timersOf(ctx).followUpDays), dedupeKey: `request:${p.req.id}:follow_up`, at });
}

/**
 * The contact's answer: clicked by the contact in chat, or recorded by the owner
 * ("They said yes/no") after the email. Exactly one answer counts.
 */
export function answerForContact(ctx: CoreContext<IntroTransaction>, actor: Actor, requestId: number, yes: boolean): View {
  return ctx.store.transaction(() => {
    const p = parties(ctx, requestId);
    const byOwner = isOwner(ctx, actor);
    const isContact = chatIdentity(p.contact, actor.platform) === actor.userId && actor.platform === p.member.platform;
    if (!byOwner && !isContact) throw new DomainError('not_owner', 'Only the person asked, or the owner, can answer this.');
    const at = nowIso(ctx);
    if (p.req.stage !== 'awaiting_contact') {
      const state = p.req.stage === 'introduced' ? 'the introduction has been made' : p.req.stage === 'contact_expired' ? 'this question expired' : 'this question is closed';
      return { summary: `Already answered: ${state}.`, blocks: [{ kind: 'text', text: `Already answered: ${state}. Nothing was changed.` }] };
    }
    if (p.req.origin === 'owner') return contactAnsweredOwnerIntro(ctx, p, actor, yes, byOwner);
    if (yes) {
      makeIntro(ctx, p, at, who(actor));
      ctx.store.appendEvent({ at, actor: who(actor), kind: 'optin.yes', requestId, contactId: p.contact.id });
    } else {
      ctx.store.setStage(requestId, ['awaiting_contact'], 'contact_declined', at);
      ctx.store.appendEvent({ at, actor: who(actor), kind: 'optin.no', requestId, contactId: p.contact.id });
      ctx.store.enqueue({ dedupeKey: messageKey.request(requestId, 'contact_declined'), platform: p.member.platform, recipients: [p.member.userId], kind: 'member.contact_declined', view: requesterNotice.contactDeclined(p.contact.name), at });
    }
    return contactAnsweredCard(p.contact.name, yes, byOwner);
  });
}

/** The opt-in expired: treated as a quiet no, and the requester is told kindly. Runs inside a task's transaction. */
export function expireOptin(ctx: CoreContext<IntroWork>, requestId: number): boolean {
  const p = parties(ctx, requestId);
  const at = nowIso(ctx);
  if (!ctx.store.setStage(requestId, ['awaiting_contact'], 'contact_expired', at)) return false;
  ctx.store.appendEvent({ at, actor: 'system', kind: 'optin.expired', requestId, contactId: p.contact.id });
  if (p.req.origin === 'owner') {
    ownerIntroLapsed(ctx, p, at);
    return true;
  }
  ctx.store.enqueue({ dedupeKey: messageKey.request(requestId, 'optin_expired'), platform: p.member.platform, recipients: [p.member.userId], kind: 'member.contact_declined', view: requesterNotice.contactDeclined(p.contact.name), at });
  return true;
}
