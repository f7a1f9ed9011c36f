// Strangers ask to be admitted (under the `request` policy); the owner admits,
// ignores, or answers "I don't know you", which blocks.
import { z } from 'zod';
import { encodeAction } from '../actions.ts';
import type { Actor, Member, MemberStatus } from '../domain.ts';
import { type CoreContext, type IntroWork, type Membership, nameOf, nowIso, requireOwner, roleOf, who } from '../context.ts';
import type { MemberStore, MessagingStore, RequestStore, Transactional } from '../ports.ts';
import { DomainError, notFound } from '../errors.ts';
import { messageKey } from '../messages.ts';
import { judgeKnow, judgeSpam } from '../rules/gate/judge.ts';
import { knowGuidance } from '../rules/quality-gate.ts';
import { cleanText } from '../rules/text.ts';
import { closePendingRequests } from './close-requests.ts';
import { admissionCard, decidedAdmissionCard } from '../views/cards.ts';
import { ADMISSION_LIMITS } from '../views/forms.ts';
import { admissionDecisionNotice } from '../views/notices.ts';
import type { FieldErrors, View } from '../views/view.ts';

const admissionSchema = z.object({
  howKnow: z.string().transform(cleanText).pipe(z.string().min(ADMISSION_LIMITS.howKnow.min, 'A little more, please: where you met or worked together, and when.').max(ADMISSION_LIMITS.howKnow.max)),
  why: z.string().transform(cleanText).pipe(z.string().min(ADMISSION_LIMITS.why.min, 'A sentence or two on what you hope to find, please.').max(ADMISSION_LIMITS.why.max)),
});

export type AdmissionResult = { ok: true; view: View } | { ok: false; errors: FieldErrors };

export function requestAdmission(ctx: CoreContext<Membership & MessagingStore & Pick<RequestStore, 'saveDraft' | 'deleteDraft'>>, actor: Actor, values: Record<string, string>): AdmissionResult {
  const role = roleOf(ctx, actor);
  const owner = ctx.policy.ownerName;
  if (role.kind === 'owner' || role.kind === 'member') throw new DomainError('conflict', `You're already in ${owner}'s network.`);
  if (role.kind === 'pending') throw new DomainError('conflict', `Your request to join is already with ${owner}.`);
  if (role.kind === 'blocked' || role.kind === 'declined' || ctx.policy.accessPolicy !== 'request') {
    throw new DomainError('not_member', `${owner} isn't adding people to their network this way.`);
  }
  const typed = { howKnow: String(values.howKnow ?? '').slice(0, 5_000), why: String(values.why ?? '').slice(0, 5_000) };
  const formAction = encodeAction({ type: 'submit_admission' });
  const parsed = admissionSchema.safeParse(typed);
  if (!parsed.success) {
    // Kept, so that reopening the form (Discord's "Edit request") loses nothing.
    ctx.store.saveDraft(actor.platform, actor.userId, formAction, typed, nowIso(ctx));
    return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  }
  const judged = judgeNote(parsed.data, owner);
  if ('history' in judged) {
    // Passed: kept with the note, so the owner's card shows what carried it.
    return admit(ctx, actor, { ...parsed.data, history: judged.history }, formAction);
  }
  if (judged.blocked) ctx.store.deleteDraft(actor.platform, actor.userId, formAction);
  else ctx.store.saveDraft(actor.platform, actor.userId, formAction, typed, nowIso(ctx));
  return { ok: false, errors: judged.errors };
}

function admit(ctx: CoreContext<Membership & MessagingStore & Pick<RequestStore, 'saveDraft' | 'deleteDraft'>>, actor: Actor, note: { howKnow: string; why: string; history: string }, formAction: string): AdmissionResult {
  const owner = ctx.policy.ownerName;
  const ownerId = ctx.policy.owners[actor.platform];
  if (ownerId === undefined) throw new DomainError('unavailable', 'This bot has no owner configured for this platform yet.');
  return ctx.store.transaction(() => {
    const at = nowIso(ctx);
    ctx.store.deleteDraft(actor.platform, actor.userId, formAction);
    const member = ctx.store.saveMember({
      platform: actor.platform,
      userId: actor.userId,
      displayName: nameOf(actor),
      status: 'pending',
      admissionNote: JSON.stringify(note),
      at,
    });
    ctx.store.appendEvent({ at, actor: who(actor), kind: 'admission.requested', memberId: member.id });
    ctx.store.enqueue({
      dedupeKey: messageKey.admission(member.id, 'owner', at),
      platform: actor.platform,
      recipients: [ownerId],
      kind: 'owner.admission_card',
      view: admissionCard(member),
      at,
    });
    return { ok: true as const, view: { summary: 'Asked to join', blocks: [{ kind: 'text' as const, text: `Thanks. Your request to join is with ${owner}; you'll hear back here.` }] } };
  });
}

/**
 * The same "how do you know the owner" judgement as an intro request: a
 * follower or a friend of a friend is told kindly; spam is refused.
 */
function judgeNote(note: { howKnow: string; why: string }, owner: string): { errors: FieldErrors; blocked: boolean } | { history: string } {
  if (judgeSpam({ howKnow: note.howKnow, whyContact: note.why, blurb: '' }).blocked) {
    return { blocked: true, errors: { why: `This can't be sent: it reads like advertising or a scam. ${owner} only admits people they know.` } };
  }
  const know = judgeKnow(note.howKnow, owner);
  if (know.ok) return { history: know.history };
  return { blocked: false, errors: { howKnow: know.problem === 'stranger' ? knowGuidance('stranger', owner, true) : 'A little more, please: where you met or worked together, and when.' } };
}

export type AdmissionDecision = 'admit' | 'ignore' | 'block';

/** Exactly one decision wins; a second click sees the card as it now stands. */
export function decideAdmission(ctx: CoreContext<Transactional & MemberStore & MessagingStore>, actor: Actor, memberId: number, decision: AdmissionDecision): { card: View; changed: boolean } {
  requireOwner(ctx, actor);
  return ctx.store.transaction(() => {
    const member = ctx.store.getMember(memberId);
    if (!member) throw notFound('request to join');
    const at = nowIso(ctx);
    const to = decision === 'admit' ? 'member' : decision === 'block' ? 'blocked' : 'declined';
    // Only from pending, so a double click or a stale card cannot undo a decision by accident;
    // the way back from "I don't know you" or "Ignore" is unblockMember (the card's Unblock button).
    const changed = ctx.store.transitionMember(member.id, ['pending'], to, at);
    const current = ctx.store.getMember(member.id) as Member;
    if (changed) {
      ctx.store.appendEvent({ at, actor: who(actor), kind: `admission.${decision === 'admit' ? 'admitted' : decision === 'block' ? 'blocked' : 'ignored'}`, memberId: member.id });
      // "Ignore" sends nothing, as the owner's own rule has it; admit and block are answered.
      if (decision !== 'ignore') {
        ctx.store.enqueue({
          dedupeKey: messageKey.admission(member.id, `decision:${decision}`, at),
          platform: member.platform,
          recipients: [member.userId],
          kind: 'member.admission_decision',
          view: admissionDecisionNotice(decision === 'admit', ctx.policy.ownerName),
          at,
        });
      }
    }
    return { card: decidedAdmissionCard(current, verdictLine(current)), changed };
  });
}

/**
 * Takes back "I don't know you" (or "Ignore"). Someone who had asked to join
 * goes back to the owner's queue: pending, so the card offers Admit, Ignore and
 * "I don't know you" again, and an old card's Admit button works again. Anyone
 * else (blocked from the CLI) is a member again, as they were before.
 */
export function unblockMember(ctx: CoreContext<Membership & Pick<MessagingStore, 'listEvents'>>, by: string, memberId: number): { member: Member; changed: boolean } {
  return ctx.store.transaction(() => {
    const member = ctx.store.getMember(memberId);
    if (!member) throw notFound('person');
    const at = nowIso(ctx);
    // Where they were before: the last block (or "Ignore") of a join request sends it back to the queue.
    const last = ctx.store
      .listEvents({ memberId: member.id })
      .filter((e) => ['admission.blocked', 'admission.ignored', 'member.blocked'].includes(e.kind))
      .at(-1);
    const fromAdmission = last !== undefined && last.kind !== 'member.blocked';
    const to: MemberStatus = fromAdmission ? 'pending' : 'member';
    const changed = ctx.store.transitionMember(member.id, fromAdmission ? ['blocked', 'declined'] : ['blocked'], to, at);
    if (changed) ctx.store.appendEvent({ at, actor: by, kind: 'member.unblocked', memberId: member.id, data: { to } });
    return { member: ctx.store.getMember(member.id) as Member, changed };
  });
}

/** The Unblock button on a decided join card: the card shows the request again, with its buttons. */
export function unblockFromCard(ctx: CoreContext<Membership & Pick<MessagingStore, 'listEvents'>>, actor: Actor, memberId: number): View {
  requireOwner(ctx, actor);
  const { member } = unblockMember(ctx, who(actor), memberId);
  return member.status === 'pending' ? admissionCard(member) : decidedAdmissionCard(member, verdictLine(member));
}

function verdictLine(m: Member): string {
  const when = m.updatedAt.slice(0, 16).replace('T', ' ');
  switch (m.status) {
    case 'member':
      return `Admitted on ${when} UTC.`;
    case 'blocked':
      return `Marked "I don't know you" on ${when} UTC.`;
    case 'declined':
      return `Ignored on ${when} UTC.`;
    case 'pending':
      return 'Waiting for your decision.';
  }
}

/** Owner commands: add, remove and block members directly. */
export function setMemberStatus(ctx: CoreContext<Membership & IntroWork>, by: string, input: { platform: Actor['platform']; userId: string; displayName?: string; status: Member['status'] }): Member {
  return ctx.store.transaction(() => {
    const at = nowIso(ctx);
    const existing = ctx.store.findMember(input.platform, input.userId);
    const member = ctx.store.saveMember({
      platform: input.platform,
      userId: input.userId,
      displayName: input.displayName ?? existing?.displayName ?? input.userId,
      status: input.status,
      at,
    });
    ctx.store.appendEvent({ at, actor: by, kind: `member.${input.status}`, memberId: member.id });
    // Removed ('declined') or blocked: what they asked for and is still waiting closes.
    if (input.status === 'blocked' || input.status === 'declined') {
      closePendingRequests(ctx, by, { memberId: member.id }, input.status === 'blocked' ? 'member_blocked' : 'member_removed');
    }
    return member;
  });
}
