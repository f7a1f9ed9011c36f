// The owner's own views: the pending queue and the headline figures.
import type { Funnel, Stats } from '../ports.ts';
import type { Block, View } from './view.ts';

/** What the network produced, from request to job: the owner's funnel. */
export function funnelBlocks(f: Funnel): Block[] {
  const pct = (n: number, of: number) => (of ? ` (${Math.round((100 * n) / of)}%)` : '');
  const blocks: Block[] = [
    { kind: 'header', text: 'What your network produced' },
    {
      kind: 'fields',
      fields: [
        { label: 'Requested', value: String(f.requested) },
        { label: 'Approved', value: `${f.approved}${pct(f.approved, f.requested)}` },
        { label: 'Contact said yes', value: `${f.contactYes}${pct(f.contactYes, f.approved)}` },
        { label: 'Introduced', value: `${f.introduced}${pct(f.introduced, f.approved)}` },
        { label: 'Met', value: `${f.met}${pct(f.met, f.introduced)}` },
        { label: 'Opportunity / job', value: `${f.opportunity} / ${f.job}` },
      ],
    },
  ];
  const top = f.perContact.slice(0, 5);
  if (top.length) {
    blocks.push({
      kind: 'context',
      text: 'Load and acceptance: ' + top.map((c) => `${c.name} ${c.requests} asked, ${c.approved} approved, ${c.contactYes} yes / ${c.contactNo} no`).join(' · '),
    });
  }
  return blocks;
}

export function pendingQueueView(cards: View[], admissions: View[], funnel?: Funnel): View {
  const tail = funnel ? [{ kind: 'divider' } as Block, ...funnelBlocks(funnel)] : [];
  if (cards.length === 0 && admissions.length === 0) {
    return { summary: 'Nothing is waiting for you.', blocks: [{ kind: 'text', text: 'Nothing is waiting for you.' }, ...tail] };
  }
  const blocks: Block[] = [{ kind: 'header', text: `Waiting for you: ${cards.length} intro request${cards.length === 1 ? '' : 's'}, ${admissions.length} to admit` }];
  for (const v of [...cards, ...admissions]) blocks.push({ kind: 'divider' }, ...v.blocks);
  return { summary: `${cards.length + admissions.length} waiting for you`, blocks: [...blocks, ...tail] };
}

export function statsView(s: Stats, funnel?: Funnel): View {
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
  if (funnel) blocks.push({ kind: 'divider' }, ...funnelBlocks(funnel));
  return { summary: `${r.pending} pending, ${r.approved} approved, ${r.declined} declined`, blocks };
}
