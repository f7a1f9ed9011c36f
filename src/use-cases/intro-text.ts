// His words: before an intro goes, the owner sees the text and can edit it.
// The edit is kept on the request and used for the group message (chat) or
// the intro email's body; until he edits it, the drafted text is used.
import { z } from 'zod';
import { encodeAction } from '../actions.ts';
import type { Actor, Contact, IntroRequest, Member } from '../domain.ts';
import { type CoreContext, nowIso, type RequestLookup, requireOwner, who } from '../context.ts';
import type { MessagingStore, RequestStore, Transactional } from '../ports.ts';
import { DomainError, notFound } from '../errors.ts';
import { cleanText } from '../rules/text.ts';
import { draftIntroText } from '../views/delivery.ts';
import { message } from '../views/notices.ts';
import type { FieldErrors, FormView, View } from '../views/view.ts';

/** Slack's plain_text_input holds 3,000 characters; the intro fits in one. */
export const INTRO_TEXT_LIMITS = { min: 20, max: 3000 } as const;

export function introTextOf(req: IntroRequest, member: Member, contact: Contact, ownerName: string): string {
  return req.introText ?? draftIntroText(req, member, contact, ownerName);
}

/** The intro can be edited until it is made: approved, and the contact not yet introduced or gone. */
function editableRequest(ctx: CoreContext<RequestLookup>, requestId: number): { req: IntroRequest; member: Member; contact: Contact } {
  const req = ctx.store.getRequest(requestId);
  const member = req ? ctx.store.getMember(req.memberId) : null;
  const contact = req ? ctx.store.getContact(req.contactId) : null;
  if (!req || !member || !contact) throw notFound('request');
  if (req.status !== 'approved' || (req.stage !== null && req.stage !== 'awaiting_contact')) {
    throw new DomainError('conflict', req.stage === 'introduced' ? 'This intro has already been made; its text can no longer change.' : 'This intro is no longer going ahead, so there is no text to edit.');
  }
  return { req, member, contact };
}

export function openIntroTextForm(ctx: CoreContext<RequestLookup>, actor: Actor, requestId: number): FormView {
  requireOwner(ctx, actor);
  const { req, member, contact } = editableRequest(ctx, requestId);
  return {
    action: encodeAction({ type: 'submit_intro_text', requestId }),
    title: 'The intro, your words',
    intro: `This is what ${member.displayName} and ${contact.name} will read when the intro is made. Edit it as you like.`,
    submitLabel: 'Save',
    fields: [
      {
        id: 'text',
        label: 'Intro text',
        hint: 'Sent as it is, once the contact says yes.',
        placeholder: 'Ana, meet Alice…',
        multiline: true,
        minLength: INTRO_TEXT_LIMITS.min,
        maxLength: INTRO_TEXT_LIMITS.max,
        value: introTextOf(req, member, contact, ctx.policy.ownerName),
      },
    ],
  };
}

const textSchema = z.string().max(20_000).transform(cleanText).pipe(z.string().min(INTRO_TEXT_LIMITS.min).max(INTRO_TEXT_LIMITS.max));

export type IntroTextResult = { ok: true; view: View } | { ok: false; errors: FieldErrors; form: FormView };

export function saveIntroText(ctx: CoreContext<Transactional & RequestLookup & Pick<RequestStore, 'setIntroText'> & Pick<MessagingStore, 'appendEvent'>>, actor: Actor, requestId: number, values: Record<string, string>): IntroTextResult {
  requireOwner(ctx, actor);
  const parsed = textSchema.safeParse(values.text ?? '');
  if (!parsed.success) {
    const form = openIntroTextForm(ctx, actor, requestId);
    form.fields = form.fields.map((f) => ({ ...f, value: values.text ?? '' }));
    return { ok: false, form, errors: { text: `Between ${INTRO_TEXT_LIMITS.min} and ${INTRO_TEXT_LIMITS.max.toLocaleString('en')} characters, please.` } };
  }
  return ctx.store.transaction(() => {
    const { req, contact } = editableRequest(ctx, requestId);
    const at = nowIso(ctx);
    ctx.store.setIntroText(req.id, parsed.data, at);
    ctx.store.appendEvent({ at, actor: who(actor), kind: 'intro.text_edited', requestId: req.id, memberId: req.memberId, contactId: req.contactId });
    return { ok: true as const, view: message(`Saved: the intro to ${contact.name} (request #${req.id}) will go in your words.`, parsed.data) };
  });
}
