// A generated history for the report: `weeks` weeks of requests ending now,
// written through the store (events included) with their real timestamps.
// Long names, every decline reason, opt-ins asked and not needed, outcomes.
import type { Outcome } from '../../src/domain.ts';
import type { TestCore } from './core.ts';

const DAY = 86_400_000;
const OUTCOMES: (Outcome | null)[] = ['met', null, 'opportunity', 'no_reply', 'job', 'met'];
const REASONS = ['not_now', 'dont_know_contact', 'dont_know_you'] as const;

export function seedHistory(t: TestCore, weeks: number): void {
  const s = t.ctx.store;
  const now = t.ctx.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  s.transaction(() => {
    const members = Array.from({ length: 10 }, (_, i) =>
      s.saveMember({ platform: 'console', userId: `m${i}`, displayName: i === 3 ? 'Maximiliana Wolfeschlegelsteinhausenbergerdorff' : `Member ${i}`, status: 'member', at: iso(now - weeks * 7 * DAY) }),
    );
    const contacts = Array.from({ length: 30 }, (_, i) =>
      s.insertContact({ name: i === 2 ? 'Anna-Katharina Oberschleißheimer-Vasconcelos' : `Contact ${i}`, company: `Company ${i % 7}`, vetted: true, noOptin: i % 4 === 0 }, iso(now - weeks * 7 * DAY)),
    );
    let i = 0;
    for (let w = 0; w < weeks; w++) {
      const perWeek = 1 + ((w * 7) % 5) + (w === Math.floor(weeks / 2) ? 9 : 0);
      for (let k = 0; k < perWeek; k++, i++) {
        const created = now - (weeks - w) * 7 * DAY + k * 3_600_000 + DAY;
        const member = members[i % 10]!;
        const contact = contacts[i % 30]!;
        const req = s.insertRequest({ memberId: member.id, contactId: contact.id, howKnow: 'h', whyContact: 'w', blurb: 'b', at: iso(created), expiresAt: iso(created + 14 * DAY) });
        s.appendEvent({ at: iso(created), actor: `console:${member.userId}`, kind: 'request.created', requestId: req.id, memberId: member.id, contactId: contact.id });
        // The most recent few stay pending, as they would.
        if (w === weeks - 1 && k >= perWeek - 2) continue;
        const decided = created + ((i % 9) + 1) * 7_200_000 * (i % 3 ? 1 : 12);
        if (i % 5 === 4) {
          s.transitionRequest(req.id, ['pending'], 'declined', { at: iso(decided), decidedBy: 'console:owner', declineReason: REASONS[i % 3] ?? 'not_now' });
          continue;
        }
        s.transitionRequest(req.id, ['pending'], 'approved', { at: iso(decided), decidedBy: 'console:owner' });
        if (!contact.noOptin) {
          s.setStage(req.id, [null], 'awaiting_contact', iso(decided));
          s.appendEvent({ at: iso(decided), actor: 'system', kind: 'optin.asked', requestId: req.id, contactId: contact.id });
          if (i % 7 === 3) {
            s.setStage(req.id, ['awaiting_contact'], 'contact_declined', iso(decided + DAY));
            continue;
          }
        }
        s.setStage(req.id, [null, 'awaiting_contact'], 'introduced', iso(decided + DAY));
        const outcome = OUTCOMES[i % OUTCOMES.length];
        if (outcome && decided + 15 * DAY < now) s.setOutcome(req.id, outcome, iso(decided + 15 * DAY));
      }
    }
  });
}
