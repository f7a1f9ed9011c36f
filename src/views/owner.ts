// The owner's own views: the pending queue and the headline figures.
import type { Stats } from '../ports.ts';
import type { Block, View } from './view.ts';

export function pendingQueueView(cards: View[], admissions: View[]): View {
  if (cards.length === 0 && admissions.length === 0) {
    return { summary: 'Nothing is waiting for you.', blocks: [{ kind: 'text', text: 'Nothing is waiting for you.' }] };
  }
  const blocks: Block[] = [{ kind: 'header', text: `Waiting for you: ${cards.length} intro request${cards.length === 1 ? '' : 's'}, ${admissions.length} to admit` }];
  for (const v of [...cards, ...admissions]) blocks.push({ kind: 'divider' }, ...v.blocks);
  return { summary: `${cards.length + admissions.length} waiting for you`, blocks };
}

export function statsView(s: Stats): View {
  const r = s.requests;
  const decided = r.approved + r.declined;
  const rate = decided ? Math.round((100 * r.approved) / decided) : 0;
  const blocks: Block[] = [
    { kind: 'header', text: 'Your network' },
    {
      kind: 'fields',
      fields: [
        { label: 'Contacts', value: `${s.contacts.total} (${s.contacts.vetted} vetted, ${s.contacts.searchable} searchable, ${s.contacts.optedOut} opted out)` },
        { label: 'Members', value: `${s.members.member} (${s.members.pending} waiting to join, ${s.members.blocked} blocked)` },
        { label: 'Requests', value: `${r.pending} pending, ${r.approved} approved, ${r.declined} declined, ${r.withdrawn} withdrawn, ${r.expired} expired` },
        { label: 'Approval rate', value: decided ? `${rate}% of ${decided} decided` : 'no decisions yet' },
      ],
    },
  ];
  if (s.topContacts.length) {
    blocks.push({ kind: 'context', text: 'Most requested (90 days): ' + s.topContacts.map((t) => `${t.name} ${t.requests}`).join(', ') });
  }
  return { summary: `${r.pending} pending, ${r.approved} approved, ${r.declined} declined`, blocks };
}
