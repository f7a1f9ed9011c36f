// Besides yes and no, the owner can send a request back with a note. The
// request stays open (pending) with the note on it; the member is told, with a
// button that reopens the form holding their answers and the note; their
// resubmission passes the quality gate again (submit-intro-request.ts) and
// updates the owner's first card in place rather than sending a second one.
import { z } from 'zod';
import { encodeAction } from '../actions.ts';
import type { Actor, Contact, IntroRequest, Member } from '../domain.ts';
import { type CardFigures, type CoreContext, type IntroTransaction, nowIso, type RequestLookup, requireOwner, who } from '../context.ts';
import type { MessagingStore, RequestStore } from '../ports.ts';
import { DomainError, notFound } from '../errors.ts';
import { messageKey } from '../messages.ts';
import { cleanText } from '../rules/text.ts';
import { ownerRequestCard } from '../views/cards.ts';
import { message } from '../views/notices.ts';
import type { FieldErrors, FormView, View } from '../views/view.ts';
import { replaceOwnerCards } from './owner-card.ts';
import { contactLoad, requesterHistory } from './submit-intro-request.ts';

export const CHANGES_NOTE_LIMITS = { min: 10, max: 1000 } as const;

function pendingRequest(ctx: CoreContext<RequestLookup>, requestId: number): { req: IntroRequest; member: Member; contact: Contact } {
  const req = ctx.store.getRequest(requestId);
  const member = req ? ctx.store.getMember(req.memberId) : null;
  const contact = req ? ctx.store.getContact(req.contactId) : null;
  if (!req || !member || !contact) throw notFound('request');
  if (req.status !== 'pending') throw new DomainError('conflict', `Request #${req.id} was already ${req.status}; there is nothing to send back.`);
  return { req, member, contact };
}

export function openChangesForm(ctx: CoreContext<RequestLookup>, actor: Actor, requestId: number, typed = ''): FormView {
  requireOwner(ctx, actor);
  const { req, member, contact } = pendingRequest(ctx, requestId);
  return {
    action: encodeAction({ type: 'submit_changes', requestId: req.id }),
    title: 'Ask for changes',
    intro: `Your note goes to ${member.displayName} with their request for an intro to ${contact.name}; the form reopens with their answers, and their new version comes back to this card.`,
    submitLabel: 'Send note',
    fields: [
      {
        id: 'note',
        label: `What should ${member.displayName} change?`,
        hint: 'Be specific: what is missing or unclear.',
        placeholder: 'Say what you would ask Ana, and why her rather than anyone on her team.',
        multiline: true,
        minLength: CHANGES_NOTE_LIMITS.min,
        maxLength: CHANGES_NOTE_LIMITS.max,
        ...(typed ? { value: typed } : {}),
      },
    ],
  };
}

const noteSchema = z.string().max(20_000).transform(cleanText).pipe(z.string().min(CHANGES_NOTE_LIMITS.min).max(CHANGES_NOTE_LIMITS.max));

export type ChangesResult = { ok: true; view: View } | { ok: false; errors: FieldErrors; form: FormView };

/** The owner's note is sent: one transaction with its event, the member's notice and the card's edit. */
export function requestChanges(ctx: CoreContext<IntroTransaction>, actor: Actor, requestId: number, values: Record<string, string>): ChangesResult {
  requireOwner(ctx, actor);
  const parsed = noteSchema.safeParse(values.note ?? '');
  if (!parsed.success) {
    return {
      ok: false,
      form: openChangesForm(ctx, actor, requestId, values.note ?? ''),
      errors: { note: `A note of ${CHANGES_NOTE_LIMITS.min} to ${CHANGES_NOTE_LIMITS.max.toLocaleString('en')} characters, please, so they know what to change.` },
    };
  }
  const note = parsed.data;
  return ctx.store.transaction(() => {
    const { req, member, contact } = pendingRequest(ctx, requestId);
    const at = nowIso(ctx);
    // A double submit of the same note finds it already sent.
    if (req.changesRequestedAt && req.changesNote === note) return { ok: true as const, view: sentView(member, contact) };
    ctx.store.requestChanges(req.id, note, at);
    ctx.store.appendEvent({ at, actor: who(actor), kind: 'request.changes_requested', requestId: req.id, memberId: member.id, contactId: contact.id, data: { note } });
    ctx.store.enqueue({
      dedupeKey: messageKey.request(req.id, `changes:${at}`),
      platform: member.platform,
      recipients: [member.userId],
      kind: 'member.changes_requested',
      view: changesNotice(req.id, contact, ctx.policy.ownerName, note),
      at,
    });
    enqueueOwnerCardEdit(ctx, req.id, member, contact, at, 'changes');
    return { ok: true as const, view: sentView(member, contact) };
  });
}

const sentView = (member: Member, contact: Contact): View =>
  message(`Your note is on its way to ${member.displayName}. Their new version of the request for ${contact.name} will update the card.`);

function changesNotice(requestId: number, contact: Contact, ownerName: string, note: string): View {
  return {
    summary: `${ownerName} would like a few changes to your request for an intro to ${contact.name}`,
    blocks: [
      { kind: 'text', text: `${ownerName} read your request for an intro to ${contact.name} (#${requestId}) and would like a few changes before deciding.` },
      { kind: 'quote', label: `${ownerName}'s note`, text: note },
      { kind: 'actions', buttons: [{ action: encodeAction({ type: 'open_request_form', contactId: contact.id }), label: 'Edit my request', style: 'primary' }] },
    ],
  };
}

/** The owner's cards about the request, edited in place (through the outbox) to show it as it now stands. */
export function enqueueOwnerCardEdit(ctx: CoreContext<CardFigures & Pick<RequestStore, 'getRequest'> & Pick<MessagingStore, 'enqueue' | 'getMessageByKey'>>, requestId: number, member: Member, contact: Contact, at: string, why: 'changes' | 'revised'): void {
  const req = ctx.store.getRequest(requestId);
  if (!req) return;
  const note = why === 'revised' ? `${member.displayName} revised the request after your note (${at.slice(0, 16).replace('T', ' ')} UTC).` : undefined;
  const view = ownerRequestCard(req, member, contact, requesterHistory(ctx, member, req.id), contactLoad(ctx, contact), note);
  replaceOwnerCards(ctx, requestId, `${why}:${at}`, view);
}
