// The owner introduces someone himself (/introduce): his form, both sides'
// opt-in questions (in chat, or an email draft he sends), and the intro. The
// words are his, in the first person; the person asked sees only what they
// need to say yes or no.
import { encodeAction } from '../actions.ts';
import type { Contact, IntroRequest, PublicContact } from '../domain.ts';
import { contactHeadline } from './contact-line.ts';
import { mailto } from './delivery.ts';
import type { Block, FormView, Person, View } from './view.ts';

const first = (name: string) => name.split(/\s+/)[0] ?? name;

export const INTRODUCE_LIMITS = { person: { min: 2, max: 200 }, email: { min: 0, max: 320 }, whyContact: { min: 20, max: 2000 }, blurb: { min: 20, max: 2000 } } as const;

export interface IntroduceDraft {
  person?: string;
  email?: string;
  whyContact?: string;
  blurb?: string;
}

export function introduceFormView(contact: PublicContact, draft: IntroduceDraft = {}): FormView {
  const field = (id: keyof typeof INTRODUCE_LIMITS, label: string, hint: string, placeholder: string, multiline: boolean) => ({
    id,
    label,
    hint,
    placeholder,
    multiline,
    minLength: INTRODUCE_LIMITS[id].min,
    maxLength: INTRODUCE_LIMITS[id].max,
    ...(draft[id] !== undefined && draft[id] !== '' ? { value: draft[id] } : {}),
  });
  const who = first(contact.name);
  return {
    action: encodeAction({ type: 'submit_introduce', contactId: contact.id }),
    title: `Introduce ${who}`.slice(0, 24),
    intro: `Introduce someone to ${contact.name}${contactHeadline(contact) ? ` (${contactHeadline(contact)})` : ''}. Both are asked first; the intro goes out when both say yes.`,
    submitLabel: 'Ask both',
    fields: [
      field('person', 'Who are you introducing?', "A member's name as it shows here, or anyone's full name.", 'e.g. Jordan Lee', false),
      field('email', 'Their email (if not a member)', 'Leave empty for a member: they are asked in chat.', 'jordan@example.com', false),
      field('whyContact', `Why should they meet ${who}?`, `In your words; ${who} and the person both read it.`, `What they could talk about, and why now`, true),
      field('blurb', 'About them, to forward', `Two or three sentences ${who} reads before saying yes.`, 'Who they are, what they do, what they are looking for', true),
    ],
  };
}

function answerButtons(type: 'contact_answer' | 'person_answer', requestId: number, byOwner: boolean): Block {
  return {
    kind: 'actions',
    buttons: [
      { action: encodeAction({ type, requestId, yes: true }), label: byOwner ? 'They said yes' : 'Happy to be introduced', style: 'primary' },
      { action: encodeAction({ type, requestId, yes: false }), label: byOwner ? 'They said no' : 'Not now' },
    ],
  };
}

/** To the contact, in chat: the owner would like to introduce them to the person. */
export function contactAskCard(req: IntroRequest, personName: string, contact: Contact, ownerName: string): View {
  return {
    summary: `${ownerName} would like to introduce you to ${personName}`,
    blocks: [
      { kind: 'text', text: `Hi ${first(contact.name)}, I'd like to introduce you to ${personName}. Nothing is shared until you both say yes. — ${ownerName}` },
      { kind: 'quote', label: `About ${personName}`, text: req.blurb },
      { kind: 'quote', label: 'Why I think you should talk', text: req.whyContact },
      answerButtons('contact_answer', req.id, false),
    ],
  };
}

/** To the person, when a member: the owner would like to introduce them to the contact (public details only). */
export function personAskCard(req: IntroRequest, personName: string, contact: Contact, ownerName: string): View {
  const headline = contactHeadline(contact);
  return {
    summary: `${ownerName} would like to introduce you to ${contact.name}`,
    blocks: [
      { kind: 'text', text: `Hi ${first(personName)}, I'd like to introduce you to ${contact.name}${headline ? `, ${headline}` : ''}. Nothing is shared until you both say yes. — ${ownerName}` },
      { kind: 'quote', label: 'Why I think you should talk', text: req.whyContact },
      answerButtons('person_answer', req.id, false),
    ],
  };
}

function emailCard(input: { req: IntroRequest; header: string; to: string | null; toName: string; subject: string; body: string; answer: 'contact_answer' | 'person_answer' }): View {
  const blocks: Block[] = [
    { kind: 'header', text: input.header },
    { kind: 'text', text: `${input.toName} is not on chat, so ask them by email first. Send this (edit as you like), then record their answer below.` },
    { kind: 'fields', fields: [{ label: 'To', value: input.to ?? 'no email on file: ask them however you usually do' }, { label: 'Subject', value: input.subject }] },
    { kind: 'quote', label: 'Email', text: input.body },
  ];
  if (input.to) blocks.push({ kind: 'link', label: `Open this email to ${input.toName}`, url: mailto(input.to, input.subject, input.body) });
  blocks.push(answerButtons(input.answer, input.req.id, true));
  return { summary: `Ask ${input.toName} about the intro`, blocks };
}

/** The opt-in email both sides are asked with: who it is, why, and that a "no" is fine. */
function askEmailBody(toName: string, whoLines: string[], why: string, ownerName: string): string {
  return [
    `Hi ${first(toName)},`,
    '',
    ...whoLines,
    '',
    `Why I think you two should talk: ${why}`,
    '',
    'Would you be happy for me to introduce you? A "no" is completely fine.',
    '',
    ownerName,
  ].join('\n');
}

/** For a contact not on chat: the opt-in email the owner sends, addressed to them. */
export function contactAskEmailCard(req: IntroRequest, personName: string, contact: Contact, ownerName: string): View {
  const body = askEmailBody(contact.name, [`I'd like to introduce you to ${personName}:`, '', req.blurb], req.whyContact, ownerName);
  return emailCard({ req, header: `Intro #${req.id}: ask ${contact.name}`, to: contact.email, toName: contact.name, subject: `Intro to ${personName}?`, body, answer: 'contact_answer' });
}

/** For a person outside the network: the opt-in email the owner sends them. */
export function personAskEmailCard(req: IntroRequest, personName: string, personEmail: string, contact: Contact, ownerName: string): View {
  const headline = contactHeadline(contact);
  const body = askEmailBody(personName, [`I'd like to introduce you to ${contact.name}${headline ? `, ${headline}` : ''}.`], req.whyContact, ownerName);
  return emailCard({ req, header: `Intro #${req.id}: ask ${personName}`, to: personEmail, toName: personName, subject: `Intro to ${contact.name}?`, body, answer: 'person_answer' });
}

/** The intro in a group message: everyone named as a mention where the platform has them. */
export function ownerIntroMessage(req: IntroRequest, person: Person, contact: Person, ownerName: string): View {
  return {
    summary: `${ownerName} introduces ${person.name} and ${contact.name}`,
    blocks: [
      { kind: 'mentions', parts: [contact, ', meet ', person, '. ', person, ', meet ', contact, `. I think you two should talk. — ${ownerName}`] },
      { kind: 'quote', label: `About ${person.name}`, text: req.blurb },
      { kind: 'quote', label: 'Why I think you should talk', text: req.whyContact },
      { kind: 'context', text: `${first(person.name)}, over to you: suggest a time that suits ${first(contact.name)}.` },
    ],
  };
}

/** When either side is not on chat: the intro email, addressed to both, for the owner to send. */
export function ownerIntroEmail(req: IntroRequest, personName: string, personEmail: string | null, contact: Contact, ownerName: string): View {
  const subject = `Intro: ${contact.name} <> ${personName}`;
  const body = [
    `${first(contact.name)}, meet ${personName}. ${first(personName)}, meet ${contact.name}.`,
    '',
    req.blurb,
    '',
    `Why I think you two should talk: ${req.whyContact}`,
    '',
    "I'll let you two take it from here.",
    '',
    ownerName,
  ].join('\n');
  const to = [contact.email, personEmail].filter((e): e is string => !!e);
  const blocks: Block[] = [
    { kind: 'header', text: `Intro #${req.id}: both said yes` },
    { kind: 'text', text: `Send the intro email to both${to.length < 2 ? ' (add the missing address)' : ''}, then you're done.` },
    { kind: 'fields', fields: [{ label: 'To', value: `${contact.email ?? contact.name} and ${personEmail ?? personName}` }, { label: 'Subject', value: subject }] },
    { kind: 'quote', label: 'Email', text: body },
  ];
  if (to.length) blocks.push({ kind: 'link', label: 'Open the intro email', url: mailto(to.join(','), subject, body) });
  return { summary: `Both said yes: send the intro email to ${contact.name} and ${personName}`, blocks };
}

export function introduceStartedView(req: IntroRequest, personName: string, contactName: string, via: { contact: 'chat' | 'email' | 'none'; person: 'chat' | 'email' }): View {
  const how = (who: string, v: 'chat' | 'email' | 'none') => (v === 'chat' ? `${who} is asked in chat` : v === 'email' ? `an email draft to ${who} is on its way to you` : `${who} needs no asking`);
  const text = `Intro #${req.id} started: ${how(contactName, via.contact)}, and ${how(personName, via.person)}. The intro goes out when both say yes.`;
  return { summary: text, blocks: [{ kind: 'text', text }] };
}

export function personAnsweredCard(personName: string, yes: boolean, byOwner: boolean, introNow: boolean): View {
  const text = yes
    ? byOwner
      ? `Recorded: ${personName} said yes.${introNow ? ' The intro is on its way.' : ' Waiting for the other side.'}`
      : introNow
        ? 'Thank you! The introduction is on its way.'
        : "Thank you! You'll be introduced as soon as the other side says yes too."
    : byOwner
      ? `Recorded: ${personName} said no. Nothing more is sent.`
      : 'Understood, no introduction will be made. Thank you for letting us know.';
  return { summary: text, blocks: [{ kind: 'text', text }] };
}

export function ownerNotice(text: string): View {
  return { summary: text, blocks: [{ kind: 'text', text }] };
}
