// A member asks for an intro: validate the form, pass the quality gate, check
// the limits, then write the request, its event and the owner's card together.
import { z } from 'zod';
import { encodeAction } from '../actions.ts';
import type { Actor, Contact, IntroForm, IntroRequest, Member } from '../domain.ts';
import { type CoreContext, daysFrom, nowIso, requireMember, timersOf, who } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkIntroForm } from '../rules/quality-gate.ts';
import { messageKey } from '../messages.ts';
import type { RequestStore } from '../ports.ts';
import { cleanText } from '../rules/text.ts';
import { ownerRequestCard, type ContactLoad, type RequesterHistory } from '../views/cards.ts';
import { requestFormView } from '../views/forms.ts';
import { requestSentView } from '../views/notices.ts';
import type { FieldErrors, FormView, View } from '../views/view.ts';

const text = z.string().max(20_000).transform(cleanText);
export const introFormSchema = z.object({ howKnow: text, whyContact: text, blurb: text });

export type SubmitResult =
  | { ok: true; request: IntroRequest; view: View; duplicate: boolean }
  | { ok: false; errors: FieldErrors; form: FormView };

/** The contact a member may ask for, or a kind refusal. Private fields stay in here. */
export function requestableContact(ctx: CoreContext, contactId: number): Contact {
  const contact = ctx.store.getContact(contactId);
  if (!contact || !contact.vetted || !contact.openToIntros) {
    throw new DomainError('unavailable', "That contact isn't available for introductions right now.");
  }
  return contact;
}

/** The request form, prefilled with whatever the member typed last time it bounced. */
export function openRequestForm(ctx: CoreContext, actor: Actor, contactId: number): FormView {
  const member = requireMember(ctx, actor);
  const contact = requestableContact(ctx, contactId);
  // Say so before anything is typed, unless this member already has that request open.
  if (!ctx.store.findOpenRequest(member.id, contact.id)) checkLimits(ctx, member, contact);
  const draft = ctx.store.getDraft(actor.platform, actor.userId, encodeAction({ type: 'submit_request', contactId }));
  return requestFormView(contact, ctx.policy.ownerName, draft ?? {});
}

export function contactLoad(ctx: CoreContext<RequestStore>, contact: Contact): ContactLoad {
  const load = ctx.store.countContactLoad(contact.id, daysFrom(ctx, -90));
  return { approved90d: load.approved, pending: load.pending, cap: contact.introCap ?? ctx.policy.limits.contactIntrosPer90Days };
}

export function requesterHistory(ctx: CoreContext<RequestStore>, member: Member, exceptRequestId?: number): RequesterHistory {
  const byStatus: RequesterHistory['byStatus'] = { pending: 0, approved: 0, declined: 0, withdrawn: 0, expired: 0, closed: 0 };
  for (const r of ctx.store.listRequests({ memberId: member.id })) if (r.id !== exceptRequestId) byStatus[r.status]++;
  return { byStatus };
}

function checkLimits(ctx: CoreContext, member: Member, contact: Contact): void {
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
  ctx: CoreContext,
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
    if (existing) {
      if (existing.whyContact === form.whyContact && existing.blurb === form.blurb && existing.howKnow === form.howKnow) {
        return { ok: true as const, request: existing, view: requestSentView(existing, contact.name, ctx.policy.ownerName), duplicate: true };
      }
      throw new DomainError('conflict', `You already have a request waiting for an intro to ${contact.name} (#${existing.id}).`);
    }

    const earlier = ctx.store
      .listRequests({ memberId: member.id })
      .filter((r) => r.contactId !== contact.id)
      .map((r) => ({ contactName: ctx.store.getContact(r.contactId)?.name ?? 'someone else', whyContact: r.whyContact }));
    const errors = checkIntroForm(form, { contact, ownerName: ctx.policy.ownerName, earlier });
    const formAction = encodeAction({ type: 'submit_request', contactId: contact.id });
    if (Object.keys(errors).length > 0) {
      // Kept so that reopening the form (Discord's "Edit request", a closed modal) loses nothing.
      ctx.store.saveDraft(actor.platform, actor.userId, formAction, { ...form }, nowIso(ctx));
      return { ok: false as const, errors, form: requestFormView(contact, ctx.policy.ownerName, form) };
    }
    checkLimits(ctx, member, contact);
    ctx.store.deleteDraft(actor.platform, actor.userId, formAction);

    const at = nowIso(ctx);
    const expiresAt = daysFrom(ctx, ctx.policy.limits.requestExpiryDays);
    const request = ctx.store.insertRequest({ ...form, memberId: member.id, contactId: contact.id, at, expiresAt, submissionKey });
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
