// The owner's search results: every contact he has, private fields included
// (email, notes, LinkedIn URL), with what he can do to each right there. Built
// only for the owner; members' results come from search-results.ts, which
// takes PublicContact and cannot show a private field.
import { encodeAction } from '../actions.ts';
import type { Contact } from '../domain.ts';
import { contactHeadline, OWNER_STRENGTH_WORDS } from './contact-line.ts';
import type { Block, Button, FormView, View } from './view.ts';

function statusLine(c: Contact): string {
  return [c.vetted ? 'vetted' : 'not vetted', c.openToIntros ? 'open to intros' : 'opted out', c.vetted && c.openToIntros ? 'members can find them' : 'hidden from members'].join(' · ');
}

function contactButtons(c: Contact): Button[] {
  const buttons: Button[] = [];
  if (c.openToIntros) buttons.push({ action: encodeAction({ type: 'introduce_form', contactId: c.id }), label: `Introduce ${c.name}`.slice(0, 75), style: 'primary' });
  if (!c.vetted) buttons.push({ action: encodeAction({ type: 'vet_contact', contactId: c.id }), label: 'Vet' });
  buttons.push({ action: encodeAction({ type: 'tag_form', contactId: c.id }), label: 'Tag' });
  if (c.openToIntros) buttons.push({ action: encodeAction({ type: 'opt_out_contact', contactId: c.id }), label: 'Opt out', style: 'danger' });
  return buttons;
}

export function ownerSearchResultsView(input: { query: string; page: number; pageSize: number; items: Contact[]; hasMore: boolean }): View {
  const { query, page, items } = input;
  const first = (page - 1) * input.pageSize + 1;
  const blocks: Block[] = [{ kind: 'context', text: `Results ${first}–${first + items.length - 1} for "${query}" in all your contacts (only you see this)` }];
  for (const c of items) {
    blocks.push({ kind: 'divider' }, { kind: 'header', text: c.name });
    const headline = contactHeadline(c);
    if (headline) blocks.push({ kind: 'text', text: headline });
    const facts = [
      c.email ? `Email: ${c.email}` : '',
      c.linkedinUrl ? `LinkedIn: ${c.linkedinUrl}` : '',
      c.connectedOn ? `Connected on ${c.connectedOn}` : '',
      c.tags.length ? `Tags: ${c.tags.join(', ')}` : '',
      OWNER_STRENGTH_WORDS[c.strength],
    ].filter(Boolean);
    blocks.push({ kind: 'context', text: statusLine(c) }, { kind: 'context', text: facts.join(' · ') });
    if (c.notes) blocks.push({ kind: 'quote', label: 'Your notes', text: c.notes });
    blocks.push({ kind: 'actions', buttons: contactButtons(c) });
  }
  const nav = [];
  if (page > 1) nav.push({ action: encodeAction({ type: 'search_page', page: page - 1, query }), label: 'Previous' });
  if (input.hasMore) nav.push({ action: encodeAction({ type: 'search_page', page: page + 1, query }), label: 'More results' });
  if (nav.length) blocks.push({ kind: 'divider' }, { kind: 'actions', buttons: nav });
  return { summary: `${items.length}${input.hasMore ? '+' : ''} of your contacts for "${query}"`, blocks };
}

export function ownerNoMatchView(query: string): View {
  const text = `None of your contacts match "${query}" (by name, company, role, place, tags, email or notes).`;
  return { summary: text, blocks: [{ kind: 'text', text }, { kind: 'context', text: 'Try a part of a name or a company, or an email domain.' }] };
}

export function ownerEmptyQueryView(): View {
  return {
    summary: 'Search all your contacts',
    blocks: [
      { kind: 'text', text: 'Search all your contacts, vetted or not, by name, company, role, place, tags, email or notes. To introduce someone, find the contact, then click Introduce.' },
      { kind: 'context', text: 'For example: /find-contact lumen   ·   /introduce ana ferreira   ·   /find-contact @acme.com' },
    ],
  };
}

export function tagFormView(c: Contact): FormView {
  return {
    action: encodeAction({ type: 'submit_tags', contactId: c.id }),
    title: 'Tag a contact',
    intro: `Tags for ${c.name}, separated by commas. Members search by tags once the contact is vetted.`,
    submitLabel: 'Save tags',
    fields: [{ id: 'tags', label: 'Tags', hint: 'e.g. fintech, hiring, lisbon', placeholder: 'fintech, hiring', multiline: false, minLength: 1, maxLength: 500, ...(c.tags.length ? { value: c.tags.join(', ') } : {}) }],
  };
}

export const curatedView = (text: string): View => ({ summary: text, blocks: [{ kind: 'text', text }] });
