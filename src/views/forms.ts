// The request and admission forms, with hints and an example of a good answer.
import { encodeAction } from '../actions.ts';
import type { IntroForm, PublicContact } from '../domain.ts';
import { FIELD_LIMITS } from '../rules/quality-gate.ts';
import type { FormView } from './view.ts';

const clip = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1) + '…');

export const ADMISSION_LIMITS = { howKnow: { min: 20, max: 1000 }, why: { min: 20, max: 1000 } } as const;

export interface RequestFormOptions {
  /** The requester's name, for the blurb's example (never the contact's). */
  requesterName?: string;
  /** The owner's note when he sent the request back for changes. */
  ownerNote?: string;
}

/**
 * The example ask, from the contact's own details: their role and company,
 * and a topic of theirs when there is one. Nothing is made up about them (no
 * "payments" for everyone); with no details it stays neutral.
 */
function askExample(contact: PublicContact, first: string): string {
  const role = [contact.title, contact.company].filter(Boolean).join(' at ');
  const topic = contact.topics[0] ?? contact.tags[0];
  const why = role ? `${first}'s work as ${role}` : `${first}'s experience`;
  const about = topic ? `how they approach ${topic}` : 'one specific question about their work';
  return `For example: "I'm working on <your project or move>, and ${why} is exactly what I need to learn from; I'd like 20 minutes to ask ${about}."`;
}

/** The example blurb, about the requester: their name, or a neutral "I". */
function blurbExample(requesterName: string | undefined): string {
  const who = requesterName?.trim();
  return who
    ? `Two or three sentences that can be forwarded as they are, e.g. "${who} is a <your role> with <years> in <field>, now looking for <what you want>."`
    : 'Two or three sentences that can be forwarded as they are: your role, your experience, and what you are looking for.';
}

export function requestFormView(contact: PublicContact, ownerName: string, draft: Partial<IntroForm> = {}, opts: RequestFormOptions = {}): FormView {
  const first = contact.name.split(/\s+/)[0] ?? contact.name;
  // Labels ≤ 45 and placeholders ≤ 100 characters fit every platform's modal.
  const field = (id: keyof IntroForm, label: string, hint: string, placeholder: string) => ({
    id,
    label: clip(label, 45),
    hint,
    placeholder: clip(placeholder, 100),
    multiline: true,
    minLength: FIELD_LIMITS[id].min,
    maxLength: FIELD_LIMITS[id].max,
    ...(draft[id] !== undefined ? { value: draft[id] } : {}),
  });
  const intro = opts.ownerNote
    ? `${ownerName} asked for changes before deciding: "${clip(opts.ownerNote, 1000)}" Your answers are below; edit them and send again.`
    : `Asking ${ownerName} to introduce you to ${contact.name}. ${ownerName} reads every request; specific ones get made.`;
  return {
    action: encodeAction({ type: 'submit_request', contactId: contact.id }),
    title: opts.ownerNote ? 'Edit your request' : 'Request an intro',
    intro,
    submitLabel: opts.ownerNote ? 'Send again' : 'Send request',
    fields: [
      field('howKnow', `How do you know ${ownerName}?`, 'Where you met or worked together, and when.', `Where and when you met ${ownerName}, e.g. "We worked together at <company> in <year>."`),
      field('whyContact', `Why ${first}? What exactly is your ask?`, `What about ${first}'s work makes them the right person, and the one thing you'd ask them. ${askExample(contact, first)}`, `What about ${first}'s work fits, and the one thing you'd ask`),
      field('blurb', 'A short blurb about you to forward', blurbExample(opts.requesterName), 'Who you are, what you do, what you are looking for'),
    ],
  };
}

export function admissionFormView(ownerName: string): FormView {
  return {
    action: encodeAction({ type: 'submit_admission' }),
    title: 'Ask to join',
    intro: `${ownerName} only admits people they know. Tell them how you know each other.`,
    submitLabel: 'Ask to join',
    fields: [
      {
        id: 'howKnow',
        label: `How do you know ${ownerName}?`,
        hint: 'Where you met or worked together, and when.',
        placeholder: 'We worked together at Northwind in 2021 on the payments launch.',
        multiline: true,
        minLength: ADMISSION_LIMITS.howKnow.min,
        maxLength: ADMISSION_LIMITS.howKnow.max,
      },
      {
        id: 'why',
        label: 'Why would you like to join?',
        hint: 'What you hope to find in the network.',
        placeholder: "I'm looking for a mentor in product design.",
        multiline: true,
        minLength: ADMISSION_LIMITS.why.min,
        maxLength: ADMISSION_LIMITS.why.max,
      },
    ],
  };
}
