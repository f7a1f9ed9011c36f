// The owner introduces someone himself: "when a friend or client needs help, I
// can search my connections for a solid contact". He picks a contact and a
// person (a member, or anyone by name and email) and says why; both sides are
// asked first (in chat when they are on it, else an email draft he sends), and
// the intro is made when both said yes. It is an intro_requests row like a
// member's (origin 'owner', approved at once), so follow-ups, expiry, events
// and the funnel are the same. Every step is one transaction with its event,
// its messages (outbox) and its due times (tasks).
import { encodeAction } from '../actions.ts';
import type { Actor, Contact, IntroRequest, Member } from '../domain.ts';
import { chatIdentity } from '../domain.ts';
import { type ContactLookup, type CoreContext, daysFrom, type IntroTransaction, type IntroWork, isOwner, nowIso, type RequestLookup, requireOwner, timersOf, who } from '../context.ts';
import type { MemberStore, MessagingStore, RequestStore } from '../ports.ts';
import { messageKey } from '../messages.ts';
import { DomainError, notFound } from '../errors.ts';
import { cleanText } from '../rules/text.ts';
import {
  contactAskCard,
  contactAskEmailCard,
  INTRODUCE_LIMITS,
  introduceFormView,
  introduceStartedView,
  ownerIntroEmail,
  ownerIntroMessage,
  ownerNotice,
  personAnsweredCard,
  personAskCard,
  personAskEmailCard,
  type IntroduceDraft,
} from '../views/owner-intro.ts';
import { requesterNotice } from '../views/delivery.ts';
import type { FieldErrors, FormView, View } from '../views/view.ts';

export type IntroduceResult = { ok: true; request: IntroRequest; view: View } | { ok: false; errors: FieldErrors; form: FormView };

/** A contact the owner may introduce: any of his, vetted or not, unless they opted out. */
function introducibleContact(ctx: CoreContext<ContactLookup>, contactId: number): Contact {
  const contact = ctx.store.getContact(contactId);
  if (!contact) throw notFound('contact');
  if (!contact.openToIntros) throw new DomainError('unavailable', `${contact.name} opted out of introductions.`);
  return contact;
}

/** The form, prefilled with what the owner typed when it last bounced (Discord reopens it from a button). */
export function openIntroduceForm(ctx: CoreContext<ContactLookup & Pick<RequestStore, 'getDraft'>>, actor: Actor, contactId: number): FormView {
  requireOwner(ctx, actor);
  const contact = introducibleContact(ctx, contactId);
  const draft = ctx.store.getDraft(actor.platform, actor.userId, encodeAction({ type: 'submit_introduce', contactId: contact.id }));
  return introduceFormView(contact, draft ?? {});
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Members on the owner's platform whose name (or user id, or @handle) is what he typed. */
function membersNamed(ctx: CoreContext<Pick<MemberStore, 'listMembers'>>, actor: Actor, typed: string): Member[] {
  const key = typed.replace(/^<@([^>|]+)(\|[^>]*)?>$/, '$1').replace(/^@/, '').toLowerCase();
  return ctx.store
    .listMembers({ status: 'member' })
    // Not the owner's own row (the carrier of intros for people outside the network).
    .filter((m) => m.platform === actor.platform && m.userId !== actor.userId && (m.displayName.toLowerCase() === key || m.userId.toLowerCase() === key));
}

interface Person {
  member: Member | null;
  name: string;
  email: string | null;
}

function readForm(ctx: CoreContext<Pick<MemberStore, 'listMembers'>>, actor: Actor, values: Record<string, string>): { draft: Required<IntroduceDraft>; person: Person | null; errors: FieldErrors } {
  const draft = {
    person: cleanText(String(values.person ?? '')).slice(0, 1000),
    email: cleanText(String(values.email ?? '')).slice(0, 1000),
    whyContact: cleanText(String(values.whyContact ?? '')).slice(0, 5000),
    blurb: cleanText(String(values.blurb ?? '')).slice(0, 5000),
  };
  const errors: FieldErrors = {};
  for (const id of ['person', 'email', 'whyContact', 'blurb'] as const) {
    if (draft[id].length > INTRODUCE_LIMITS[id].max) errors[id] = `At most ${INTRODUCE_LIMITS[id].max} characters, please.`;
  }
  if (draft.whyContact.length < INTRODUCE_LIMITS.whyContact.min) errors.whyContact = 'A sentence on why they should talk: both read it before saying yes.';
  if (draft.blurb.length < INTRODUCE_LIMITS.blurb.min) errors.blurb = 'A sentence or two about them, so the contact knows who they would meet.';
  if (draft.email && !EMAIL.test(draft.email)) errors.email = "That doesn't look like an email address.";
  if (draft.person.length < INTRODUCE_LIMITS.person.min) {
    errors.person = "Who should they meet? A member's name, or anyone's full name with their email.";
    return { draft, person: null, errors };
  }
  if (draft.email) return { draft, person: errors.email ? null : { member: null, name: draft.person, email: draft.email }, errors };
  const named = membersNamed(ctx, actor, draft.person);
  if (named.length === 1 && named[0]) return { draft, person: { member: named[0], name: named[0].displayName, email: null }, errors };
  errors.person =
    named.length > 1
      ? `${named.length} members are called "${draft.person}": type their user id, or an email to ask them by email.`
      : `No member here is called "${draft.person}". To introduce someone outside the network, add their email.`;
  return { draft, person: null, errors };
}

/** The owner's own member row: the carrier of an intro for someone outside the network. */
function ownerRow(ctx: CoreContext<Pick<MemberStore, 'findMember' | 'saveMember'>>, actor: Actor, at: string): Member {
  const existing = ctx.store.findMember(actor.platform, actor.userId);
  if (existing) return existing;
  return ctx.store.saveMember({ platform: actor.platform, userId: actor.userId, displayName: ctx.policy.ownerName, status: 'member', at });
}

export function submitIntroduce(ctx: CoreContext<IntroTransaction & MemberStore>, actor: Actor, contactId: number, values: Record<string, string>): IntroduceResult {
  requireOwner(ctx, actor);
  return ctx.store.transaction(() => {
    const contact = introducibleContact(ctx, contactId);
    const { draft, person, errors } = readForm(ctx, actor, values);
    const formAction = encodeAction({ type: 'submit_introduce', contactId: contact.id });
    if (!person || Object.keys(errors).length > 0) {
      ctx.store.saveDraft(actor.platform, actor.userId, formAction, { ...draft }, nowIso(ctx));
      return { ok: false as const, errors, form: introduceFormView(contact, draft) };
    }
    if (person.member && chatIdentity(contact, actor.platform) === person.member.userId) {
      return { ok: false as const, errors: { person: `That is ${contact.name} themselves.` }, form: introduceFormView(contact, draft) };
    }
    ctx.store.deleteDraft(actor.platform, actor.userId, formAction);
    const request = startOwnerIntro(ctx, actor, contact, person, draft);
    return { ok: true as const, request, view: introduceStartedView(request, person.name, contact.name, viaOf(contact, person, actor)) };
  });
}

/** The intro row, its events, both questions and the expiry, in the caller's transaction; a retried submit finds the one it started. */
function startOwnerIntro(ctx: CoreContext<IntroWork & MemberStore>, actor: Actor, contact: Contact, person: Person, draft: Required<IntroduceDraft>): IntroRequest {
  const at = nowIso(ctx);
  const carrier = person.member ?? ownerRow(ctx, actor, at);
  const same = ctx.store
    .listRequests({ contactId: contact.id, memberId: carrier.id, status: 'approved' })
    .find((r) => r.origin === 'owner' && r.stage === 'awaiting_contact' && (r.personEmail ?? null) === person.email && r.whyContact === draft.whyContact);
  if (same) return same;

  const request = ctx.store.insertOwnerIntro({
    memberId: carrier.id,
    contactId: contact.id,
    whyContact: draft.whyContact,
    blurb: draft.blurb,
    personName: person.member ? null : person.name,
    personEmail: person.email,
    decidedBy: who(actor),
    at,
    expiresAt: daysFrom(ctx, timersOf(ctx).optinExpiryDays),
  });
  const event = { at, actor: who(actor), requestId: request.id, memberId: carrier.id, contactId: contact.id };
  ctx.store.appendEvent({ ...event, kind: 'request.created', data: { origin: 'owner', person: person.member ? 'member' : 'email' } });
  ctx.store.appendEvent({ ...event, kind: 'request.approved', data: { origin: 'owner' } });
  ctx.store.setStage(request.id, [null], 'awaiting_contact', at);
  askContact(ctx, actor, request, person, contact, at);
  askPerson(ctx, actor, request, person, contact, at);
  ctx.store.scheduleTask({ kind: 'expire_optin', requestId: request.id, dueAt: daysFrom(ctx, timersOf(ctx).optinExpiryDays), dedupeKey: `request:${request.id}:expire_optin`, at });
  return request;
}

function viaOf(contact: Contact, person: Person, actor: Actor) {
  return {
    contact: contact.noOptin ? ('none' as const) : chatIdentity(contact, actor.platform) ? ('chat' as const) : ('email' as const),
    person: person.member ? ('chat' as const) : ('email' as const),
  };
}

function askContact(ctx: CoreContext<IntroWork>, actor: Actor, req: IntroRequest, person: Person, contact: Contact, at: string): void {
  if (contact.noOptin) {
    ctx.store.markContactYes(req.id, at);
    return;
  }
  const chatId = chatIdentity(contact, actor.platform);
  const owner = ctx.policy.ownerName;
  // The same kinds as a member's request, so removing the contact also drops these drafts.
  const ask = chatId
    ? { recipients: [chatId], kind: 'contact.optin' as const, view: contactAskCard(req, person.name, contact, owner) }
    : { recipients: [actor.userId], kind: 'owner.optin_email' as const, view: contactAskEmailCard(req, person.name, contact, owner) };
  ctx.store.enqueue({ dedupeKey: messageKey.request(req.id, 'optin'), platform: actor.platform, at, ...ask });
  ctx.store.appendEvent({ at, actor: 'system', kind: 'optin.asked', requestId: req.id, contactId: contact.id, data: { via: chatId ? 'chat' : 'email' } });
}

function askPerson(ctx: CoreContext<IntroWork>, actor: Actor, req: IntroRequest, person: Person, contact: Contact, at: string): void {
  const owner = ctx.policy.ownerName;
  const ask = person.member
    ? { recipients: [person.member.userId], kind: 'person.optin' as const, view: personAskCard(req, person.name, contact, owner) }
    : { recipients: [actor.userId], kind: 'owner.person_optin_email' as const, view: personAskEmailCard(req, person.name, person.email ?? '', contact, owner) };
  ctx.store.enqueue({ dedupeKey: messageKey.request(req.id, 'person_optin'), platform: actor.platform, at, ...ask });
  ctx.store.appendEvent({ at, actor: 'system', kind: 'person.asked', requestId: req.id, memberId: req.memberId, data: { via: person.member ? 'chat' : 'email' } });
}

export interface OwnerIntroParties {
  req: IntroRequest;
  member: Member;
  contact: Contact;
  ownerId: string;
}

/** The person's name: the member's, or the one the owner typed for someone outside the network. */
export const personNameOf = (p: Pick<OwnerIntroParties, 'req' | 'member'>): string => p.req.personName ?? p.member.displayName;
const isExternal = (req: IntroRequest): boolean => req.personEmail != null || req.personName != null;

/** Both said yes: the intro, in a group message when both are on chat, else an email the owner sends. */
export function makeOwnerIntro(ctx: CoreContext<Pick<RequestStore, 'setStage'> & Pick<MessagingStore, 'appendEvent' | 'enqueue' | 'scheduleTask'>>, p: OwnerIntroParties, at: string, actor: string): void {
  ctx.store.setStage(p.req.id, ['awaiting_contact'], 'introduced', at);
  const platform = p.member.platform;
  const contactChatId = chatIdentity(p.contact, platform);
  const owner = ctx.policy.ownerName;
  const name = personNameOf(p);
  const inChat = contactChatId !== null && !isExternal(p.req);
  if (inChat) {
    const view = ownerIntroMessage(p.req, { userId: p.member.userId, name }, { userId: contactChatId, name: p.contact.name }, owner);
    ctx.store.enqueue({ dedupeKey: messageKey.request(p.req.id, 'intro'), platform, recipients: [p.ownerId, p.member.userId, contactChatId], kind: 'intro.group', view, at });
  } else {
    ctx.store.enqueue({ dedupeKey: messageKey.request(p.req.id, 'intro_email'), platform, recipients: [p.ownerId], kind: 'owner.intro_email', view: ownerIntroEmail(p.req, name, p.req.personEmail ?? null, p.contact, owner), at });
    if (!isExternal(p.req)) {
      ctx.store.enqueue({ dedupeKey: messageKey.request(p.req.id, 'introduced'), platform, recipients: [p.member.userId], kind: 'member.introduced', view: requesterNotice.introducedByEmail(p.contact.name, owner), at });
    }
  }
  ctx.store.appendEvent({ at, actor, kind: 'intro.made', requestId: p.req.id, memberId: p.member.id, contactId: p.contact.id, data: { via: inChat ? 'chat' : 'email', origin: 'owner' } });
  ctx.store.scheduleTask({ kind: 'follow_up', requestId: p.req.id, dueAt: daysFrom(ctx, timersOf(ctx).followUpDays), dedupeKey: messageKey.request(p.req.id, 'follow_up'), at });
}

function ownerParties(ctx: CoreContext<RequestLookup>, requestId: number): OwnerIntroParties {
  const req = ctx.store.getRequest(requestId);
  if (!req || req.origin !== 'owner') throw notFound('introduction');
  const member = ctx.store.getMember(req.memberId);
  const contact = ctx.store.getContact(req.contactId);
  const ownerId = member ? ctx.policy.owners[member.platform] : undefined;
  if (!member || !contact || ownerId === undefined) throw notFound('introduction');
  return { req, member, contact, ownerId };
}

/** The person's answer: clicked by the member in chat, or recorded by the owner after his email. Exactly one counts. */
export function answerForPerson(ctx: CoreContext<IntroTransaction>, actor: Actor, requestId: number, yes: boolean): View {
  return ctx.store.transaction(() => {
    const p = ownerParties(ctx, requestId);
    const byOwner = isOwner(ctx, actor);
    const isPerson = !isExternal(p.req) && actor.platform === p.member.platform && actor.userId === p.member.userId;
    if (!byOwner && !isPerson) throw notFound('introduction');
    const name = personNameOf(p);
    const at = nowIso(ctx);
    if (p.req.status !== 'approved' || p.req.stage !== 'awaiting_contact' || p.req.personStage !== 'awaiting') {
      const state = p.req.stage === 'introduced' ? 'the introduction has been made' : p.req.stage === 'contact_expired' ? 'this question expired' : 'this introduction is closed';
      return ownerNotice(`Already answered: ${state}. Nothing was changed.`);
    }
    const event = { at, actor: who(actor), requestId, memberId: p.member.id, contactId: p.contact.id };
    if (!yes) {
      ctx.store.setPersonStage(requestId, ['awaiting'], 'no', at);
      // Called off: nothing further is asked or sent, and the contact's question is closed.
      ctx.store.transitionRequest(requestId, ['approved'], 'withdrawn', { at });
      ctx.store.appendEvent({ ...event, kind: 'person.no' });
      if (!byOwner) ctx.store.enqueue({ dedupeKey: messageKey.request(requestId, 'person_no'), platform: p.member.platform, recipients: [p.ownerId], kind: 'owner.notice', view: ownerNotice(`${name} would rather not be introduced to ${p.contact.name} now. Nothing was sent to ${p.contact.name}'s side beyond your question.`), at });
      return personAnsweredCard(name, false, byOwner, false);
    }
    ctx.store.setPersonStage(requestId, ['awaiting'], 'yes', at);
    ctx.store.appendEvent({ ...event, kind: 'person.yes' });
    const contactReady = p.req.contactYesAt != null;
    if (contactReady) makeOwnerIntro(ctx, { ...p, req: { ...p.req, personStage: 'yes' } }, at, who(actor));
    return personAnsweredCard(name, true, byOwner, contactReady);
  });
}

/**
 * The contact's answer on an owner's intro (called from answerForContact, in its
 * transaction): a yes waits for the person's, a no closes it and the owner hears.
 */
export function contactAnsweredOwnerIntro(ctx: CoreContext<IntroWork>, p: OwnerIntroParties, actor: Actor, yes: boolean, byOwner: boolean): View {
  const at = nowIso(ctx);
  const name = personNameOf(p);
  const event = { at, actor: who(actor), requestId: p.req.id, contactId: p.contact.id };
  if (p.req.status !== 'approved' || p.req.contactYesAt != null) return ownerNotice('Already answered: this introduction is closed. Nothing was changed.');
  if (yes) {
    ctx.store.markContactYes(p.req.id, at);
    ctx.store.appendEvent({ ...event, kind: 'optin.yes' });
    const personReady = p.req.personStage === 'yes';
    if (personReady) makeOwnerIntro(ctx, p, at, who(actor));
    const text = byOwner ? `Recorded: ${p.contact.name} said yes.${personReady ? ' The intro is on its way.' : ` Waiting for ${name}.`}` : personReady ? 'Thank you! The introduction is on its way.' : `Thank you! You'll be introduced as soon as ${name} says yes too.`;
    return ownerNotice(text);
  }
  ctx.store.setStage(p.req.id, ['awaiting_contact'], 'contact_declined', at);
  ctx.store.appendEvent({ ...event, kind: 'optin.no' });
  if (!byOwner) ctx.store.enqueue({ dedupeKey: messageKey.request(p.req.id, 'contact_declined'), platform: p.member.platform, recipients: [p.ownerId], kind: 'owner.notice', view: ownerNotice(`${p.contact.name} would rather not be introduced to ${name} now.`), at });
  if (!isExternal(p.req)) {
    ctx.store.enqueue({ dedupeKey: messageKey.request(p.req.id, 'member_contact_declined'), platform: p.member.platform, recipients: [p.member.userId], kind: 'member.contact_declined', view: requesterNotice.contactDeclined(p.contact.name), at });
  }
  return ownerNotice(byOwner ? `Recorded: ${p.contact.name} said no. ${isExternal(p.req) ? '' : `${name} will be told kindly, without detail.`}`.trim() : 'Understood, no introduction will be made. Thank you for letting us know.');
}

/** An owner's intro whose answers did not all come in time: the owner is told (inside the task's transaction). */
export function ownerIntroLapsed(ctx: CoreContext<Pick<MessagingStore, 'enqueue'>>, p: OwnerIntroParties, at: string): void {
  const text = `Intro #${p.req.id} of ${personNameOf(p)} and ${p.contact.name} lapsed: not both answered in time. Start it again with /introduce if you like.`;
  ctx.store.enqueue({ dedupeKey: messageKey.request(p.req.id, 'optin_expired'), platform: p.member.platform, recipients: [p.ownerId], kind: 'owner.notice', view: ownerNotice(text), at });
}
