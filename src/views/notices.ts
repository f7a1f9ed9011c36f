// What the requester and other members are told. Kind, short, and never a
// detail that embarrasses anyone.
import { encodeAction } from '../actions.ts';
import type { DeclineReason, IntroRequest, PublicContact } from '../domain.ts';
import { OUTCOMES } from '../domain.ts';
import type { Block, View } from './view.ts';

export const message = (text: string, context?: string): View => ({
  summary: text,
  blocks: [{ kind: 'text', text }, ...(context ? [{ kind: 'context', text: context } as Block] : [])],
});

/** To someone from outside the workspace or servers the bot serves. */
export const outsiderNotice = (ownerName: string): string =>
  `Sorry, this bot only serves ${ownerName}'s own workspace or server, so it can't help here. If you know ${ownerName}, ask them to add you there.`;

export function requestSentView(req: IntroRequest, contactName: string, ownerName: string): View {
  return message(
    `Your request for an intro to ${contactName} is with ${ownerName} (request #${req.id}).`,
    'You will hear back here when they decide. /intros shows your requests and lets you withdraw one.',
  );
}

export function decisionNotice(req: IntroRequest, contactName: string, ownerName: string): View {
  if (req.status === 'approved') {
    return message(
      `Good news: ${ownerName} approved your request for an intro to ${contactName}.`,
      `${ownerName} will check with ${contactName} first and make the introduction if they're happy to.`,
    );
  }
  const reason: DeclineReason = req.declineReason ?? 'not_now';
  const text: Record<DeclineReason, string> = {
    not_now: `${ownerName} can't make the intro to ${contactName} right now. It's about timing, not you; you're welcome to ask again in a few weeks.`,
    dont_know_contact: `${ownerName} doesn't know ${contactName} well enough to make a warm intro, and a lukewarm one would start you off on the wrong foot.`,
    dont_know_you: `${ownerName} couldn't place how you know each other, so they can't vouch for you yet. If you have met, a note reminding them where would help.`,
  };
  return message(text[reason]);
}

export function admissionDecisionNotice(admitted: boolean, ownerName: string): View {
  return admitted
    ? message(`${ownerName} admitted you to their network. Try /find-contact with a company, a role or a topic.`)
    : message(`${ownerName} isn't adding people to their network right now. Thank you for asking.`);
}

/** A request's state in the requester's words: no detail that embarrasses anyone. */
export function memberStatusLine(req: IntroRequest): string {
  if (req.status !== 'approved') {
    return { pending: 'waiting for a decision', declined: 'declined', withdrawn: 'withdrawn', expired: 'expired without a decision', closed: 'closed' }[req.status];
  }
  switch (req.stage) {
    case 'awaiting_contact':
      return 'approved; waiting for them to say yes';
    case 'contact_declined':
    case 'contact_expired':
      return "approved, but the intro isn't possible right now";
    case 'introduced':
      return req.outcome ? `introduced; ${OUTCOMES[req.outcome].toLowerCase()}` : 'introduced';
    case null:
      return 'approved';
  }
}

export function myRequestsView(rows: { req: IntroRequest; contactName: string }[]): View {
  if (rows.length === 0) {
    return message("You haven't asked for any introductions yet.", 'Find someone with /find-contact <words>.');
  }
  const blocks: Block[] = [{ kind: 'header', text: 'Your intro requests' }];
  for (const { req, contactName } of rows) {
    blocks.push({ kind: 'text', text: `#${req.id} ${contactName}: ${memberStatusLine(req)}` });
    if (req.status === 'pending') {
      blocks.push({ kind: 'actions', buttons: [{ action: encodeAction({ type: 'withdraw', requestId: req.id }), label: `Withdraw #${req.id}`, style: 'danger' }] });
    }
  }
  return { summary: `${rows.length} intro request${rows.length === 1 ? '' : 's'}`, blocks };
}

export function strangerView(ownerName: string, canAsk: boolean): View {
  return canAsk
    ? {
        summary: `Only members of ${ownerName}'s network can search their contacts.`,
        blocks: [
          { kind: 'text', text: `Only members of ${ownerName}'s network can search their contacts. If you know ${ownerName}, ask to join with a short note on how you know each other.` },
          { kind: 'actions', buttons: [{ action: encodeAction({ type: 'open_admission_form' }), label: 'Ask to join', style: 'primary' }] },
        ],
      }
    : message(`Only members of ${ownerName}'s network can search their contacts. Membership is by invitation from ${ownerName}.`);
}

export function withdrawnView(req: IntroRequest, contact: Pick<PublicContact, 'name'>): View {
  return message(`You withdrew your request #${req.id} for an intro to ${contact.name}.`);
}

export const errorView = (text: string): View => message(text);
