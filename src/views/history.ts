// A member's history for the owner: every request with what became of it
// (declines with their reason, delivery, outcome) and how they joined.
import type { IntroRequest, Member } from '../domain.ts';
import { DECLINE_REASONS, OUTCOMES } from '../domain.ts';
import { parseAdmissionNote, statusLine } from './cards.ts';
import type { Block, View } from './view.ts';

const day = (iso: string) => iso.slice(0, 10);

export function requestLine(req: IntroRequest, contactName: string): string {
  const who = req.origin === 'owner' ? `your intro to ${contactName}` : contactName;
  return `#${req.id} ${day(req.createdAt)} ${who}: ${statusLine(req)}`;
}

export function memberHistoryView(member: Member, rows: { req: IntroRequest; contactName: string }[]): View {
  const blocks: Block[] = [{ kind: 'header', text: `History: ${member.displayName}` }];
  const note = parseAdmissionNote(member.admissionNote);
  blocks.push({ kind: 'context', text: `${member.platform} member since ${day(member.createdAt)} · status: ${member.status}` });
  if (note.howKnow) blocks.push({ kind: 'quote', label: 'How they said they know you (when they asked to join)', text: note.howKnow });
  if (rows.length === 0) {
    blocks.push({ kind: 'text', text: 'No intro requests yet.' });
    return { summary: `${member.displayName}: no requests yet`, blocks };
  }
  const count = (f: (r: IntroRequest) => boolean) => rows.filter((r) => f(r.req)).length;
  blocks.push({
    kind: 'fields',
    fields: [
      { label: 'Requests', value: String(rows.length) },
      { label: 'Approved', value: String(count((r) => r.status === 'approved')) },
      { label: 'Declined', value: String(count((r) => r.status === 'declined')) },
      { label: 'Introduced', value: String(count((r) => r.stage === 'introduced')) },
      { label: 'Good outcomes', value: String(count((r) => r.outcome === 'opportunity' || r.outcome === 'job')) },
    ],
  });
  for (const { req, contactName } of rows) {
    blocks.push({ kind: 'text', text: requestLine(req, contactName) });
    if (req.status === 'declined' && req.declineReason) blocks.push({ kind: 'context', text: `Declined: ${DECLINE_REASONS[req.declineReason]}` });
    if (req.outcome) blocks.push({ kind: 'context', text: `Outcome: ${OUTCOMES[req.outcome]}` });
  }
  return { summary: `${member.displayName}: ${rows.length} request${rows.length === 1 ? '' : 's'}`, blocks };
}

/** The owner's home: what waits (with its age) and what recent intros produced. */
export function ownerQueueBlocks(pending: { req: IntroRequest; memberName: string; contactName: string; ageDays: number }[], outcomes: { req: IntroRequest; memberName: string; contactName: string }[]): Block[] {
  const blocks: Block[] = [{ kind: 'header', text: 'Your queue, oldest first' }];
  if (pending.length === 0) blocks.push({ kind: 'text', text: 'No intro request is waiting.' });
  for (const p of pending) blocks.push({ kind: 'text', text: `#${p.req.id} ${p.memberName} → ${p.contactName} · waiting ${p.ageDays === 0 ? 'since today' : `${p.ageDays} day${p.ageDays === 1 ? '' : 's'}`}` });
  blocks.push({ kind: 'header', text: 'Recent outcomes' });
  if (outcomes.length === 0) blocks.push({ kind: 'text', text: 'No outcomes reported yet.' });
  for (const o of outcomes) blocks.push({ kind: 'text', text: `#${o.req.id} ${o.memberName} → ${o.contactName}: ${o.req.outcome ? OUTCOMES[o.req.outcome] : ''}` });
  return blocks;
}
