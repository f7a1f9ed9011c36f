// A member asks for an intro: validate the form, pass the quality gate, check
// the limits, then write the request, its event and the owner's card together.
import { z } from 'zod';
import { encodeAction } from '../actions.ts';
import type { Actor, Contact, GateSignals, IntroForm, IntroRequest, Member } from '../domain.ts';
import { type ContactLookup, type CoreContext, daysFrom, type IntroTransaction, type IntroWork, type Membership, nowIso, requireMember, timersOf, who } from '../context.ts';
import { DomainError } from '../errors.ts';
import { messageKey } from '../messages.ts';
import { judgeIntro } from '../rules/quality-gate.ts';
import type { RequestStore } from '../ports.ts';
import { cleanText } from '../rules/text.ts';
import { ownerRequestCard, type ContactLoad, type RequesterHistory } from '../views/cards.ts';
import { requestFormView } from '../views/forms.ts';
import { message, requestSentView } from '../views/notices.ts';
import { enqueueOwnerCardEdit } from './request-changes.ts';
import type { FieldErrors, FormView, View } from '../views/view.ts';

const text = z.string().max(20_000).transform(cleanText);
export const introFormSchema = z.object({ howKnow: text, whyContact: text, blurb: text });

export type SubmitResult =
  | { ok: true; request: IntroRequest; view: View; duplicate: boolean }
  | { ok: false; errors: FieldErrors; form: FormView };

/** The contact a member may ask for, or a kind refusal. Private fields stay in here. */
export function requestableContact(ctx: CoreContext<ContactLookup>, contactId: number): Contact {
  const contact = ctx.store.getContact(contactId);
  if (!contact || !contact.vetted || !contact.openToIntros) {
    throw new DomainError('unavailable', "That contact isn't available for introductions right now.");
  }
  return contact;
}

/** The request form, prefilled with whatever the member typed last time it bounced. */
export function openRequestForm(ctx: CoreContext<Membership & ContactLookup & RequestStore>, actor: Actor, contactId: number): FormView {
  const member = requireMember(ctx, actor);
  const contact = requestableContact(ctx, contactId);
  const open = ctx.store.findOpenRequest(member.id, contact.id);
  // Say so before anything is typed, unless this member already has that request open.
  if (!open) checkLimits(ctx, member, contact);
  const draft = ctx.store.getDraft(actor.platform, actor.userId, encodeAction({ type: 'submit_request', contactId }));
  // Sent back by the owner: the form holds their answers (or what they typed since) and his note.
  if (open?.changesRequestedAt) {
    const answers = { howKnow: open.howKnow, whyContact: open.whyContact, blurb: open.blurb };
    return requestFormView(contact, ctx.policy.ownerName, draft ?? answers, formOptions(member, open));
  }
  return requestFormView(contact, ctx.policy.ownerName, draft ?? {}, formOptions(member, null));
}

const formOptions = (member: Member, sentBack: IntroRequest | null) => ({
  requesterName: member.displayName,
  ...(sentBack?.changesNote ? { ownerNote: sentBack.changesNote } : {}),
});

export function contactLoad(ctx: CoreContext<Pick<RequestStore, 'countContactLoad'>>, contact: Contact): ContactLoad {
  const load = ctx.store.countContactLoad(contact.id, daysFrom(ctx, -90));
  return { approved90d: load.approved, pending: load.pending, cap: contact.introCap ?? ctx.policy.limits.contactIntrosPer90Days };
}

export function requesterHistory(ctx: CoreContext<Pick<RequestStore, 'listRequests'>>, member: Member, exceptRequestId?: number): RequesterHistory {
  const byStatus: RequesterHistory['byStatus'] = { pending: 0, approved: 0, declined: 0, withdrawn: 0, expired: 0, closed: 0 };
  for (const r of ctx.store.listRequests({ memberId: member.id })) if (r.id !== exceptRequestId) byStatus[r.status]++;
  return { byStatus };
}

function checkLimits(ctx: CoreContext<Pick<RequestStore, 'countOpenRequests' | 'countContactLoad'>>, member: Member, contact: Contact): void {
  const { limits, ownerName } = ctx.policy;
  const open = ctx.store.countOpenRequests(member.id);
  if (open >= limits.maxOpenRequestsPerMember) {
    throw new DomainError(
      'limit',
      `You already have ${open} requests waiting for ${ownerName}, the most at one time. Withdraw one with /intros, or wait for a decision.`,
    );
  }
  const load = contactLoad(ctx, contact);
  if (load.cap === 0 || load.approved90d + load.pending >= load.cap) {
    throw new DomainError(
      'limit',
      `${contact.name} has had as many introduction requests as ${ownerName} allows for now. Please try again in a few weeks.`,
    );
  }
}

export function submitIntroRequest(
  ctx: CoreContext<Membership & IntroTransaction>,
  actor: Actor,
  contactId: number,
  values: Partial<Record<keyof IntroForm, unknown>>,
  opts: { submissionId?: string } = {},
): SubmitResult {
  const submissionKey = opts.submissionId === undefined ? null : `${actor.platform}:${opts.submissionId}`;
  const member = requireMember(ctx, actor);
  const parsed = introFormSchema.safeParse({ howKnow: values.howKnow ?? '', whyContact: values.whyContact ?? '', blurb: values.blurb ?? '' });
  if (!parsed.success) throw new DomainError('invalid', 'Each answer must be text of at most 20,000 characters.');
  const form = parsed.data;

  return ctx.store.transaction(() => {
    // A repeat of a submission already taken (a platform retry, even after the request was decided): nothing new.
    const made = submissionKey === null ? null : ctx.store.findRequestBySubmission(submissionKey);
    if (made) return { ok: true as const, request: made, view: requestSentView(made, ctx.store.getContact(made.contactId)?.name ?? 'the contact', ctx.policy.ownerName), duplicate: true };
    const contact = requestableContact(ctx, contactId);
    // A platform retry or a double submit of the same form finds the request it already made.
    const existing = ctx.store.findOpenRequest(member.id, contact.id);
    if (existing?.changesRequestedAt) return resubmit(ctx, actor, member, contact, existing, form, submissionKey);
    if (existing) {
      if (existing.whyContact === form.whyContact && existing.blurb === form.blurb && existing.howKnow === form.howKnow) {
        return { ok: true as const, request: existing, view: requestSentView(existing, contact.name, ctx.policy.ownerName), duplicate: true };
      }
      throw new DomainError('conflict', `You already have a request waiting for an intro to ${contact.name} (#${existing.id}).`);
    }

    const verdict = gate(ctx, actor, member, contact, form, null);
    if (!verdict.ok) return verdict;
    const formAction = encodeAction({ type: 'submit_request', contactId: contact.id });
    checkLimits(ctx, member, contact);
    ctx.store.deleteDraft(actor.platform, actor.userId, formAction);

    const at = nowIso(ctx);
    const expiresAt = daysFrom(ctx, ctx.policy.limits.requestExpiryDays);
    const request = ctx.store.insertRequest({ ...form, memberId: member.id, contactId: contact.id, at, expiresAt, gateSignals: verdict.signals, submissionKey });
    // Nothing stays open forever: a reminder for the owner, then expiry.
    const reminderDays = timersOf(ctx).reminderDays;
    if (reminderDays < ctx.policy.limits.requestExpiryDays) {
      ctx.store.scheduleTask({ kind: 'remind_owner', requestId: request.id, dueAt: daysFrom(ctx, reminderDays), dedupeKey: `request:${request.id}:remind_owner`, at });
    }
    ctx.store.scheduleTask({ kind: 'expire_request', requestId: request.id, dueAt: expiresAt, dedupeKey: `request:${request.id}:expire_request`, at });
    ctx.store.appendEvent({ at, actor: who(actor), kind: 'request.created', requestId: request.id, memberId: member.id, contactId: contact.id });
    const ownerId = ctx.policy.owners[member.platform];
    if (ownerId === undefined) throw new DomainError('unavailable', 'This bot has no owner configured for this platform yet.');
    ctx.store.enqueue({
      dedupeKey: messageKey.request(request.id, 'owner_card'),
      platform: member.platform,
      recipients: [ownerId],
      kind: 'owner.request_card',
      view: ownerRequestCard(request, member, contact, requesterHistory(ctx, member, request.id), contactLoad(ctx, contact)),
      at,
    });
    const view = requestSentView(request, contact.name, ctx.policy.ownerName);
    // The member's confirmation, when it is a message rather than the form's own answer: through the outbox, so a rate limit cannot lose it.
    if (submissionKey !== null) {
      ctx.store.enqueue({ dedupeKey: messageKey.request(request.id, 'sent'), platform: member.platform, recipients: [actor.userId], kind: 'member.request_sent', view, at });
    }
    ctx.faults?.('submit:before-commit');
    return { ok: true as const, request, view, duplicate: false };
  });
}

/**
 * The quality gate. Spam, phishing or fraud is refused, not coached, and not
 * kept as a draft; any other bounce keeps the typed answers as a draft and the
 * form comes back with the errors. A pass returns what carried it.
 */
function gate(ctx: CoreContext<ContactLookup & Pick<RequestStore, 'listRequests' | 'saveDraft' | 'deleteDraft'>>, actor: Actor, member: Member, contact: Contact, form: IntroForm, sentBack: IntroRequest | null): Extract<SubmitResult, { ok: false }> | { ok: true; signals: GateSignals | null } {
  const earlier = ctx.store
    .listRequests({ memberId: member.id })
    .filter((r) => r.contactId !== contact.id)
    .map((r) => {
      const other = ctx.store.getContact(r.contactId);
      return { contactName: other?.name ?? 'someone else', contactCompany: other?.company ?? null, whyContact: r.whyContact };
    });
  const verdict = judgeIntro(form, { contact, ownerName: ctx.policy.ownerName, earlier });
  const formAction = encodeAction({ type: 'submit_request', contactId: contact.id });
  if (verdict.blocked) {
    ctx.store.deleteDraft(actor.platform, actor.userId, formAction);
    return { ok: false, errors: verdict.errors, form: requestFormView(contact, ctx.policy.ownerName, {}, formOptions(member, sentBack)) };
  }
  if (Object.keys(verdict.errors).length === 0) return { ok: true, signals: verdict.signals };
  // Kept so that reopening the form (Discord's "Edit request", a closed modal) loses nothing.
  ctx.store.saveDraft(actor.platform, actor.userId, formAction, { ...form }, nowIso(ctx));
  return { ok: false, errors: verdict.errors, form: requestFormView(contact, ctx.policy.ownerName, form, formOptions(member, sentBack)) };
}

/**
 * The member's new version of a request the owner sent back: through the gate
 * again, then the same request is revised (no new request, no second card)
 * and the owner's card is edited in place. Runs inside the submit's transaction.
 */
function resubmit(ctx: CoreContext<IntroWork>, actor: Actor, member: Member, contact: Contact, sentBack: IntroRequest, form: IntroForm, submissionKey: string | null): SubmitResult {
  const verdict = gate(ctx, actor, member, contact, form, sentBack);
  if (!verdict.ok) return verdict;
  const at = nowIso(ctx);
  // The revising submission now stands for the request: a platform's repeat of it finds the request and makes nothing new.
  ctx.store.reviseRequest(sentBack.id, form, at, submissionKey);
  ctx.store.deleteDraft(actor.platform, actor.userId, encodeAction({ type: 'submit_request', contactId: contact.id }));
  ctx.store.appendEvent({ at, actor: who(actor), kind: 'request.resubmitted', requestId: sentBack.id, memberId: member.id, contactId: contact.id });
  enqueueOwnerCardEdit(ctx, sentBack.id, member, contact, at, 'revised');
  const request = ctx.store.getRequest(sentBack.id) as IntroRequest;
  const view = message(`Your revised request for an intro to ${contact.name} is with ${ctx.policy.ownerName} (request #${request.id}).`, 'You will hear back here when they decide.');
  // As for a new request: where the confirmation is a message (Slack), it goes through the outbox.
  if (submissionKey !== null) {
    ctx.store.enqueue({ dedupeKey: messageKey.request(request.id, `revised:${at}`), platform: member.platform, recipients: [actor.userId], kind: 'member.request_sent', view, at });
  }
  return { ok: true, request, view, duplicate: false };
}
