// The owner's triage deck: one card per unvetted contact, with what tells two
// namesakes apart (company, title, connected-on date, LinkedIn URL). These are
// the owner's own views: private fields are fine here and nowhere else.
import { encodeAction, type TriageDeck, type TriageVerb } from '../actions.ts';
import type { Contact } from '../domain.ts';
import type { Block, Button, FormView, View } from './view.ts';

const count = (n: number) => n.toLocaleString('en-US');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-03-15` → `15 Mar 2024`, as LinkedIn writes it; anything else as it is. */
export function connectedOnText(iso: string | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return iso ?? 'not known';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export function progressText(position: number, total: number): string {
  return `${count(position)} of ${count(total)}`;
}

export function triageCardView(contact: Contact, position: number, total: number, deck: TriageDeck): View {
  const button = (verb: TriageVerb, label: string, style?: Button['style']): Button => ({
    action: encodeAction({ type: 'triage', verb, contactId: contact.id, deck }),
    label,
    ...(style ? { style } : {}),
  });
  const role = contact.title && contact.company ? `${contact.title} at ${contact.company}` : (contact.title ?? contact.company ?? 'No title or company on file');
  const fields = [
    { label: 'Connected on', value: connectedOnText(contact.connectedOn) },
    { label: 'Company', value: contact.company ?? '—' },
    { label: 'Title', value: contact.title ?? '—' },
    ...(contact.location ? [{ label: 'Location', value: contact.location }] : []),
    ...(contact.tags.length ? [{ label: 'Tags', value: contact.tags.join(', ') }] : []),
    ...(contact.email ? [{ label: 'Email', value: contact.email }] : []),
  ];
  const blocks: Block[] = [
    { kind: 'context', text: `Triage ${progressText(position, total)}${deck.includeSkipped ? ' (skipped ones included)' : ''} · sorted by ${deck.order === 'company' ? 'company' : 'most recently connected'}` },
    { kind: 'header', text: `#${contact.id} ${contact.name}` },
    { kind: 'text', text: role },
    { kind: 'fields', fields },
    ...(contact.linkedinUrl ? [{ kind: 'link' as const, label: 'LinkedIn profile', url: contact.linkedinUrl }] : []),
    {
      kind: 'actions',
      buttons: [button('vet', 'Vet', 'primary'), button('vet_close', 'Vet as close'), button('skip', 'Skip'), button('opt_out', 'Opt out', 'danger'), button('tag', 'Tag…')],
    },
  ];
  return { summary: `Triage ${progressText(position, total)}: ${contact.name}`, blocks };
}

export function triageDoneView(done: number, skippedLeft: number, includeSkipped: boolean): View {
  const head = done > 0 ? `Done: ${count(done)} contact${done === 1 ? '' : 's'} handled in this deck, and none left to triage.` : 'Nothing to triage: every contact is vetted, opted out or skipped.';
  const tail = !includeSkipped && skippedLeft > 0 ? `${count(skippedLeft)} skipped contact${skippedLeft === 1 ? ' waits' : 's wait'}: /triage skipped brings them back.` : undefined;
  return { summary: head, blocks: [{ kind: 'text', text: head }, ...(tail ? [{ kind: 'context' as const, text: tail }] : [])] };
}

export function triageStartedView(total: number): View {
  const text = `Your triage deck is in our direct messages: ${count(total)} contact${total === 1 ? '' : 's'} to go, one card at a time.`;
  return { summary: text, blocks: [{ kind: 'text', text }, { kind: 'context', text: 'Each click replaces the card with the next. Stop any time; /triage picks up where you left off.' }] };
}

export const TAGS_FIELD = 'tags';

export function triageTagFormView(contact: Contact, deck: TriageDeck): FormView {
  return {
    action: encodeAction({ type: 'submit_triage_tags', contactId: contact.id, deck }),
    title: 'Tag and vet',
    intro: `Tags for ${contact.name}, separated by commas. ${contact.name} is vetted with them.`,
    submitLabel: 'Tag and vet',
    fields: [
      {
        id: TAGS_FIELD,
        label: 'Tags',
        hint: 'Words members search for: fintech, investor, hiring.',
        placeholder: 'fintech, investor',
        multiline: false,
        minLength: 1,
        maxLength: 200,
        ...(contact.tags.length ? { value: contact.tags.join(', ') } : {}),
      },
    ],
  };
}
