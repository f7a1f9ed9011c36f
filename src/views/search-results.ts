import { encodeAction } from '../actions.ts';
import type { PublicContact } from '../domain.ts';
import { contactHeadline, STRENGTH_WORDS } from './contact-line.ts';
import type { Block, View } from './view.ts';

export function searchResultsView(input: {
  query: string;
  page: number;
  pageSize: number;
  items: PublicContact[];
  hasMore: boolean;
  ownerName: string;
}): View {
  const { query, page, items, ownerName } = input;
  const first = (page - 1) * input.pageSize + 1;
  const blocks: Block[] = [
    { kind: 'context', text: `Results ${first}–${first + items.length - 1} for "${query}" in ${ownerName}'s vetted contacts` },
  ];
  for (const c of items) {
    blocks.push({ kind: 'divider' });
    blocks.push({ kind: 'header', text: c.name });
    const headline = contactHeadline(c);
    if (headline) blocks.push({ kind: 'text', text: headline });
    const facts = [
      c.tags.length ? `Tags: ${c.tags.join(', ')}` : '',
      c.topics.length ? `Can talk about: ${c.topics.join(', ')}` : '',
      `${ownerName} ${STRENGTH_WORDS[c.strength]}`,
    ].filter(Boolean);
    blocks.push({ kind: 'context', text: facts.join(' · ') });
    if (c.bio) blocks.push({ kind: 'text', text: c.bio });
    blocks.push({ kind: 'actions', buttons: [{ action: encodeAction({ type: 'open_request_form', contactId: c.id }), label: `Request intro to ${c.name}`.slice(0, 75), style: 'primary' }] });
  }
  const nav = [];
  if (page > 1) nav.push({ action: encodeAction({ type: 'search_page', page: page - 1, query }), label: 'Previous' });
  if (input.hasMore) nav.push({ action: encodeAction({ type: 'search_page', page: page + 1, query }), label: 'More results' });
  if (nav.length) blocks.push({ kind: 'divider' }, { kind: 'actions', buttons: nav });
  const count = `${items.length}${input.hasMore ? '+' : ''}`;
  return { summary: `${count} contact${items.length === 1 ? '' : 's'} for "${query}"`, blocks };
}

export function emptyQueryView(ownerName: string): View {
  return {
    summary: 'What kind of person are you looking for?',
    blocks: [
      { kind: 'text', text: `Search ${ownerName}'s vetted contacts by name, company, role, place or topic.` },
      { kind: 'context', text: 'For example: /find-contact fintech lisbon   ·   /find-contact head of design   ·   /find-contact climate investor' },
    ],
  };
}

export function noMatchView(query: string, ownerName: string): View {
  return {
    summary: `No vetted contacts match "${query}".`,
    blocks: [
      { kind: 'text', text: `No vetted contacts match "${query}".` },
      {
        kind: 'context',
        text: `Try fewer or broader words (a company, a role, a city or a topic). ${ownerName} only lists people they have vetted, so not everyone they know is here.`,
      },
    ],
  };
}
