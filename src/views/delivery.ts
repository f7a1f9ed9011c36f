// After approval: the contact's opt-in question, the owner's email drafts, the
// intro itself, follow-ups, reminders and expiries. The contact sees only what
// they need to decide: the requester's forwardable blurb and the ask.
import { encodeAction } from '../actions.ts';
import type { Contact, IntroRequest, Member, Outcome } from '../domain.ts';
import { GOOD_OUTCOMES, OUTCOMES } from '../domain.ts';
import { outcomesFor } from '../rules/ask-kind.ts';
import type { Block, View } from './view.ts';

const first = (name: string) => name.split(/\s+/)[0] ?? name;

export function contactOptinCard(req: IntroRequest, member: Member, contact: Contact, ownerName: string): View {
  return {
    summary: `${ownerName} would like to introduce you to ${member.displayName}`,
    blocks: [
      { kind: 'text', text: `Hi ${first(contact.name)}, ${ownerName} would like to introduce you to ${member.displayName}. Nothing is shared until you say yes.` },
      { kind: 'quote', label: `About ${member.displayName}`, text: req.blurb },
      { kind: 'quote', label: `Why they would like to talk to you, as they put it to ${ownerName}`, text: req.whyContact },
      {
        kind: 'actions',
        buttons: [
          { action: encodeAction({ type: 'contact_answer', requestId: req.id, yes: true }), label: 'Happy to be introduced', style: 'primary' },
          { action: encodeAction({ type: 'contact_answer', requestId: req.id, yes: false }), label: 'Not now' },
        ],
      },
    ],
  };
}

const quoteLines = (text: string): string =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

export function mailto(to: string | null, subject: string, body: string): string {
  // Each address keeps its @; several are joined by commas (RFC 6068).
  const recipients = (to ?? '').split(',').filter(Boolean).map((a) => encodeURIComponent(a.trim()).replace('%40', '@'));
  return `mailto:${recipients.join(',')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * For a contact who is not on chat (or, with `unreachable`, whom chat could not
 * reach): a forwardable opt-in email the owner sends, and two buttons to record the answer.
 */
export function ownerOptinEmailCard(req: IntroRequest, member: Member, contact: Contact, ownerName: string, unreachable?: string): View {
  const subject = `Intro to ${member.displayName}?`;
  const body = [
    `Hi ${first(contact.name)},`,
    '',
    `${member.displayName} asked me for an introduction to you. Here is how they describe themselves:`,
    '',
    quoteLines(req.blurb),
    '',
    // Their ask was written to me about you; it is quoted as such, and the email speaks to you.
    `And here is why they would like to talk to you, as they put it to me:`,
    '',
    quoteLines(req.whyContact),
    '',
    `Would you be happy for me to introduce you? A "no" is completely fine, and you don't need to give a reason.`,
    '',
    ownerName,
  ].join('\n');
  const blocks: Block[] = [
    { kind: 'header', text: `Request #${req.id}: ask ${contact.name} first` },
    {
      kind: 'text',
      text: `${unreachable ? `${contact.name} could not be reached in chat (${unreachable})` : `${contact.name} is not on chat`}, so ask them by email before making the intro. Send this (edit as you like), then record their answer below.`,
    },
    { kind: 'fields', fields: [{ label: 'To', value: contact.email ?? 'no email on file: ask them however you usually do' }, { label: 'Subject', value: subject }] },
    { kind: 'quote', label: 'Email', text: body },
  ];
  if (contact.email) blocks.push({ kind: 'link', label: `Open this email to ${contact.name}`, url: mailto(contact.email, subject, body) });
  blocks.push({
    kind: 'actions',
    buttons: [
      { action: encodeAction({ type: 'contact_answer', requestId: req.id, yes: true }), label: 'They said yes', style: 'primary' },
      { action: encodeAction({ type: 'contact_answer', requestId: req.id, yes: false }), label: 'They said no' },
    ],
  });
  return { summary: `Ask ${contact.name} before introducing ${member.displayName}`, blocks };
}

/** The intro as drafted, as one text the owner can edit before it goes (see use-cases/intro-text.ts). */
export function draftIntroText(req: IntroRequest, member: Member, contact: Contact, ownerName: string): string {
  return [
    `${first(contact.name)}, meet ${member.displayName}. ${member.displayName}, meet ${contact.name}. I think you two should talk.`,
    '',
    `About ${member.displayName}: ${req.blurb}`,
    '',
    `What ${member.displayName} would like to ask: ${req.whyContact}`,
    '',
    `— ${ownerName}`,
  ].join('\n');
}

/**
 * The intro itself, posted where owner, requester and contact can all see it.
 * With their user ids, both are mentioned (Slack and Discord show each as their
 * current name) rather than spelled out.
 */
export function introMessage(req: IntroRequest, member: Member, contact: Contact, ownerName: string, contactUserId?: string): View {
  // The owner's own words, when he edited the draft, go as he wrote them.
  if (req.introText) {
    return {
      summary: `${ownerName} introduces ${member.displayName} and ${contact.name}`,
      blocks: [
        { kind: 'text', text: req.introText },
        { kind: 'context', text: `${member.displayName}, over to you: suggest a time that suits ${first(contact.name)}.` },
      ],
    };
  }
  const m = { userId: member.userId, name: member.displayName };
  const greeting: Block = contactUserId
    ? { kind: 'mentions', parts: [{ userId: contactUserId, name: first(contact.name) }, ', meet ', m, '. ', m, ', meet ', { userId: contactUserId, name: contact.name }, `. I think you two should talk. — ${ownerName}`] }
    : { kind: 'text', text: `${first(contact.name)}, meet ${member.displayName}. ${member.displayName}, meet ${contact.name}. I think you two should talk. — ${ownerName}` };
  return {
    summary: `${ownerName} introduces ${member.displayName} and ${contact.name}`,
    blocks: [
      greeting,
      { kind: 'quote', label: `About ${member.displayName}`, text: req.blurb },
      { kind: 'quote', label: `What ${member.displayName} would like to ask`, text: req.whyContact },
      { kind: 'context', text: `${member.displayName}, over to you: suggest a time that suits ${first(contact.name)}.` },
    ],
  };
}

/** For a contact who is not on chat (or, with `unreachable`, whom chat could not reach): the final intro email, for the owner to send to both. */
export function ownerIntroEmailCard(req: IntroRequest, member: Member, contact: Contact, ownerName: string, unreachable?: string): View {
  const subject = `Intro: ${contact.name} <> ${member.displayName}`;
  // The same draft the owner saw (and could edit) on his card: what he read is what goes.
  const drafted = draftIntroText(req, member, contact, ownerName);
  // The owner's own words when he edited the intro; the draft otherwise.
  const body = req.introText ?? drafted;
  const memberEmail = member.email ?? null;
  const to = [contact.email, memberEmail].filter((a): a is string => !!a);
  const blocks: Block[] = [
    { kind: 'header', text: `Request #${req.id}: ${contact.name} said yes` },
    {
      kind: 'text',
      text: `${unreachable ? `The group message could not be delivered (${unreachable}). ` : ''}${memberEmail ? "Send the intro email to both, then you're done." : `Send the intro email to both (add ${member.displayName}'s address), then you're done.`}`,
    },
    { kind: 'fields', fields: [{ label: 'To', value: `${contact.email ?? contact.name} and ${memberEmail ?? member.displayName}` }, { label: 'Subject', value: subject }] },
    { kind: 'quote', label: 'Email', text: body },
  ];
  if (to.length) blocks.push({ kind: 'link', label: 'Open the intro email', url: mailto(to.join(','), subject, body) });
  return { summary: `${contact.name} said yes: send the intro email`, blocks };
}

export function contactAnsweredCard(contactName: string, yes: boolean, byOwner: boolean): View {
  const text = yes
    ? byOwner
      ? `Recorded: ${contactName} said yes. The intro is on its way.`
      : 'Thank you! The introduction is on its way.'
    : byOwner
      ? `Recorded: ${contactName} said no. The requester will be told kindly, without detail.`
      : "Understood, no introduction will be made. Thank you for letting us know.";
  return { summary: text, blocks: [{ kind: 'text', text }] };
}

export function followUpCard(req: IntroRequest, contactName: string, nudge: boolean): View {
  // Outcomes that fit the ask (rules/ask-kind.ts): "hired" for a job ask, "raised" for a fundraising one.
  const outcomes = outcomesFor(req);
  return {
    summary: `How did your intro to ${contactName} go?`,
    blocks: [
      { kind: 'text', text: nudge ? `A last check-in on your intro to ${contactName}: how did it go?` : `How did your intro to ${contactName} go? Your answer helps keep the network strong.` },
      { kind: 'actions', buttons: outcomes.map((o) => ({ action: encodeAction({ type: 'outcome', requestId: req.id, outcome: o }), label: OUTCOMES[o], ...(GOOD_OUTCOMES.includes(o) ? { style: 'primary' as const } : {}) })) },
    ],
  };
}

export function outcomeThanks(req: IntroRequest, outcome: Outcome, contactName: string): View {
  const text: Record<Outcome, string> = {
    met: `Thanks, glad you and ${first(contactName)} met. If it leads somewhere, tell us here.`,
    useful: `Glad it was useful. If it leads somewhere, tell us here.`,
    no_reply: `Thanks for telling us. Give it a few more days; I'll check in once more.`,
    opportunity: `That's great news. Thank you for telling us.`,
    job: `Congratulations! That's wonderful news.`,
    raised: `Congratulations on the raise! That's wonderful news.`,
    not_useful: `Thank you for saying so honestly; it helps make better intros.`,
  };
  const blocks: Block[] = [{ kind: 'text', text: text[outcome] }];
  // Good news often comes later than the meeting: keep a way to report it.
  const fitting = outcomesFor(req).filter((o) => o === 'job' || o === 'raised');
  const later: Outcome[] = outcome === 'met' || outcome === 'useful' ? ['opportunity', ...fitting] : outcome === 'opportunity' ? fitting : [];
  if (later.length) {
    blocks.push({ kind: 'actions', buttons: later.map((o) => ({ action: encodeAction({ type: 'outcome', requestId: req.id, outcome: o }), label: OUTCOMES[o], style: 'primary' as const })) });
  }
  return { summary: text[outcome], blocks };
}

export function goodNewsNotice(member: Member, contactName: string, outcome: Outcome): View {
  const what = outcome === 'job' ? 'a job' : outcome === 'raised' ? 'a raise (funding)' : 'an opportunity';
  const text = `Good news: ${member.displayName}'s intro to ${contactName} led to ${what}.`;
  return { summary: text, blocks: [{ kind: 'text', text }] };
}

export function reminderCard(card: View, days: number): View {
  return {
    summary: `Still waiting for you (${days} days): ${card.summary}`,
    blocks: [{ kind: 'context', text: `A reminder: this has waited ${days} days for your decision.` }, ...card.blocks],
  };
}

export const requesterNotice = {
  contactDeclined: (contactName: string): View => {
    const text = `${contactName} isn't able to take on an introduction right now. That's common and nothing personal; thank you for asking the right way.`;
    return { summary: text, blocks: [{ kind: 'text', text }] };
  },
  introducedInChat: (contactName: string): View => {
    const text = `You've been introduced to ${contactName}: look for the group message.`;
    return { summary: text, blocks: [{ kind: 'text', text }] };
  },
  introducedByEmail: (contactName: string, ownerName: string): View => {
    const text = `${contactName} said yes: ${ownerName} is introducing you by email. Look out for it.`;
    return { summary: text, blocks: [{ kind: 'text', text }] };
  },
  expired: (contactName: string, ownerName: string): View => {
    const text = `Your request for an intro to ${contactName} expired before ${ownerName} could decide. It's not a no; you're welcome to ask again later.`;
    return { summary: text, blocks: [{ kind: 'text', text }] };
  },
};
