// The request and admission forms, with hints and an example of a good answer.
import { encodeAction } from '../actions.ts';
import type { IntroForm, PublicContact } from '../domain.ts';
import { FIELD_LIMITS } from '../rules/quality-gate.ts';
import type { FormView } from './view.ts';

const clip = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1) + '…');

export const ADMISSION_LIMITS = { howKnow: { min: 20, max: 1000 }, why: { min: 20, max: 1000 } } as const;

export function requestFormView(contact: PublicContact, ownerName: string, draft: Partial<IntroForm> = {}): FormView {
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
  return {
    action: encodeAction({ type: 'submit_request', contactId: contact.id }),
    title: 'Request an intro',
    intro: `Asking ${ownerName} to introduce you to ${contact.name}. ${ownerName} reads every request; specific ones get made.`,
    submitLabel: 'Send request',
    fields: [
      field('howKnow', `How do you know ${ownerName}?`, 'Where you met or worked together, and when.', 'We worked together at Northwind in 2021 on the payments launch.'),
      field(
        'whyContact',
        `Why ${first}? What exactly is your ask?`,
        `What about ${first}'s work makes them the right person, and the one thing you'd ask them. For example: "I'm moving into payments risk and ${first}'s team built the fraud models I keep reading about; I'd like 20 minutes to ask how they hire for it."`,
        `What about ${first}'s work fits, and the one thing you'd ask`,
      ),
      field('blurb', 'A short blurb about you to forward', 'Two or three sentences that can be forwarded as they are, e.g. "Ana is a data scientist with six years in lending, now looking for a risk role at a payments company."', 'Who you are, what you do, what you are looking for'),
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
