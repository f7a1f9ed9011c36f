// What the owner sees: a request card with everything needed to decide in one
// click, and the same card after the decision, with the buttons gone.
import { encodeAction } from '../actions.ts';
import type { Contact, GateSignals, IntroRequest, Member, RequestStatus } from '../domain.ts';
import { DECLINE_REASONS, OUTCOMES } from '../domain.ts';
import { contactHeadline } from './contact-line.ts';
import type { Block, Button, View } from './view.ts';

export interface RequesterHistory {
  byStatus: Record<RequestStatus, number>;
}

export interface ContactLoad {
  approved90d: number;
  pending: number;
  cap: number;
}

function historyLine(h: RequesterHistory): string {
  const parts = (Object.entries(h.byStatus) as [RequestStatus, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
  return parts.length ? `Earlier requests: ${parts.join(', ')}` : 'First request from this member';
}

/** "shared history: Initech, 2019–2022 · ask: 20 minutes on hiring fraud analysts" */
export function gateSignalsLine(s: GateSignals): string {
  return `shared history: ${s.history} · ask: ${s.ask}`;
}

function requestBlocks(req: IntroRequest, member: Member, contact: Contact, history: RequesterHistory, load: ContactLoad): Block[] {
  const blocks: Block[] = [
    { kind: 'header', text: `Intro request #${req.id}: ${member.displayName} → ${contact.name}` },
    { kind: 'text', text: contactHeadline(contact) || contact.name },
    { kind: 'quote', label: `How ${member.displayName} knows you`, text: req.howKnow },
    { kind: 'quote', label: `Why ${contact.name}, and the ask`, text: req.whyContact },
    { kind: 'quote', label: 'Blurb to forward', text: req.blurb },
    ...(req.gateSignals ? [{ kind: 'context' as const, text: `Why it passed the gate: ${gateSignalsLine(req.gateSignals)}` }] : []),
    {
      kind: 'fields',
      fields: [
        { label: 'Requester', value: `${member.displayName} (${member.platform}) · ${historyLine(history)}` },
        { label: `${contact.name}'s load`, value: `${load.approved90d} intro${load.approved90d === 1 ? '' : 's'} in 90 days (cap ${load.cap}) · ${load.pending} pending` },
      ],
    },
  ];
  if (member.email) blocks.push({ kind: 'context', text: `${member.displayName}'s email for intros: ${member.email}` });
  return blocks;
}

/** Shown on the owner's card while the request is back with the member. */
export function changesRequestedLine(req: IntroRequest, memberName: string): string {
  const when = req.changesRequestedAt ? ` on ${req.changesRequestedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  return `You asked for changes${when}. Waiting for ${memberName} to edit the request; this card updates when they do.`;
}

export function ownerRequestCard(req: IntroRequest, member: Member, contact: Contact, history: RequesterHistory, load: ContactLoad, note?: string): View {
  const blocks = requestBlocks(req, member, contact, history, load);
  if (note) blocks.push({ kind: 'context', text: note });
  // While the request is back with the member there is nothing to decide yet.
  if (req.changesRequestedAt) {
    if (req.changesNote) blocks.push({ kind: 'quote', label: 'Your note', text: req.changesNote });
    blocks.push({ kind: 'context', text: changesRequestedLine(req, member.displayName) });
    return { summary: `Changes requested: ${member.displayName} → ${contact.name}`, blocks };
  }
  blocks.push({
    kind: 'actions',
    buttons: [
      { action: encodeAction({ type: 'approve', requestId: req.id }), label: 'Approve', style: 'primary' },
      { action: encodeAction({ type: 'ask_changes', requestId: req.id }), label: 'Ask for changes' },
      { action: encodeAction({ type: 'decline', requestId: req.id, reason: 'not_now' }), label: 'Decline: not now' },
      { action: encodeAction({ type: 'decline', requestId: req.id, reason: 'dont_know_contact' }), label: "Decline: don't know them well" },
      { action: encodeAction({ type: 'decline', requestId: req.id, reason: 'dont_know_you' }), label: "Decline: I don't know you", style: 'danger' },
    ],
  });
  // The member's full record, shown to the owner only, before he decides.
  blocks.push({ kind: 'actions', buttons: [{ action: encodeAction({ type: 'history', memberId: member.id }), label: `History: ${member.displayName}`.slice(0, 75) }] });
  return { summary: `${member.displayName} asks for an intro to ${contact.name}`, blocks };
}

export function statusLine(req: IntroRequest): string {
  const when = req.decidedAt ? ` on ${req.decidedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  switch (req.status) {
    case 'approved':
      return `Approved${when}.${deliveryLine(req)}`;
    case 'declined':
      return `Declined (${req.declineReason ? DECLINE_REASONS[req.declineReason] : 'no reason'})${when}.`;
    case 'withdrawn':
      return 'Withdrawn by the requester.';
    case 'expired':
      return 'Expired without a decision.';
    case 'closed':
      return `Closed without a decision${when}.`;
    case 'pending':
      return 'Waiting for your decision.';
  }
}

const STAGE_WORDS: Record<NonNullable<IntroRequest['stage']>, string> = {
  awaiting_contact: ' Waiting for the contact to say yes.',
  contact_declined: ' The contact declined.',
  contact_expired: ' The contact did not answer in time.',
  introduced: ' Introduced.',
};

function deliveryLine(req: IntroRequest): string {
  if (!req.stage) return '';
  const outcome = req.outcome ? ` Outcome: ${OUTCOMES[req.outcome]}.` : '';
  return STAGE_WORDS[req.stage] + outcome;
}

/** What the owner may still do on a decided card: undo (for a while) and edit the intro text before it goes. */
export interface DecidedCardOptions {
  undo?: boolean;
  editIntro?: boolean;
  /** The intro text as it will go (the owner's edit or the draft), shown so he sees his words. */
  introText?: string;
}

/** The card after a decision: same facts, who decided and when; no decision buttons. */
export function decidedCard(req: IntroRequest, member: Member, contact: Contact, history: RequesterHistory, load: ContactLoad, note?: string, opts: DecidedCardOptions = {}): View {
  const blocks = requestBlocks(req, member, contact, history, load);
  blocks.push({ kind: 'context', text: statusLine(req) });
  if (note) blocks.push({ kind: 'context', text: note });
  if (opts.introText) blocks.push({ kind: 'quote', label: req.introText ? 'The intro, in your words' : 'The intro as drafted (edit it before it goes)', text: opts.introText });
  const buttons: Button[] = [];
  if (opts.editIntro) buttons.push({ action: encodeAction({ type: 'edit_intro', requestId: req.id }), label: 'Edit the intro text' });
  if (opts.undo) buttons.push({ action: encodeAction({ type: 'undo', requestId: req.id }), label: 'Undo (10 minutes)' });
  if (buttons.length) blocks.push({ kind: 'actions', buttons });
  return { summary: `Request #${req.id}: ${statusLine(req)}`, blocks };
}

export function admissionCard(member: Member): View {
  const note = parseAdmissionNote(member.admissionNote);
  return {
    summary: `${member.displayName} asks to join your network`,
    blocks: [
      { kind: 'header', text: `${member.displayName} asks to join your network` },
      { kind: 'quote', label: 'How they know you', text: note.howKnow },
      { kind: 'quote', label: 'Why they want to join', text: note.why },
      ...(note.history ? [{ kind: 'context' as const, text: `Why it passed the gate: shared history: ${note.history}` }] : []),
      {
        kind: 'actions',
        buttons: [
          { action: encodeAction({ type: 'admit', memberId: member.id }), label: 'Admit', style: 'primary' },
          { action: encodeAction({ type: 'ignore_admission', memberId: member.id }), label: 'Ignore' },
          { action: encodeAction({ type: 'block_admission', memberId: member.id }), label: "I don't know you", style: 'danger' },
        ],
      },
    ],
  };
}

export function decidedAdmissionCard(member: Member, verdict: string): View {
  const note = parseAdmissionNote(member.admissionNote);
  return {
    summary: `${member.displayName}: ${verdict}`,
    blocks: [
      { kind: 'header', text: `${member.displayName} asked to join your network` },
      { kind: 'quote', label: 'How they know you', text: note.howKnow },
      { kind: 'quote', label: 'Why they want to join', text: note.why },
      { kind: 'context', text: verdict },
      // "I don't know you" is not for good: the owner can take it back.
      ...(member.status === 'blocked' || member.status === 'declined'
        ? [{ kind: 'actions' as const, buttons: [{ action: encodeAction({ type: 'unblock', memberId: member.id }), label: member.status === 'blocked' ? 'Unblock' : 'Reconsider' }] }]
        : []),
    ],
  };
}

export function parseAdmissionNote(raw: string | null): { howKnow: string; why: string; history?: string } {
  try {
    const v = JSON.parse(raw ?? '{}') as { howKnow?: unknown; why?: unknown; history?: unknown };
    return {
      howKnow: typeof v.howKnow === 'string' ? v.howKnow : '',
      why: typeof v.why === 'string' ? v.why : '',
      ...(typeof v.history === 'string' ? { history: v.history } : {}),
    };
  } catch {
    return { howKnow: raw ?? '', why: '' };
  }
}
