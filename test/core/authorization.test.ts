// Who may do what: every action × every kind of person × their own request or
// someone else's. A refusal changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAction, type Action } from '../../src/actions.ts';
import type { Actor } from '../../src/domain.ts';
import { handleAction, handleCommand } from '../../src/interactions.ts';
import { decideIntro } from '../../src/use-cases/decide-intro.ts';
import { submitIntroRequest } from '../../src/use-cases/submit-intro-request.ts';
import { addContact, addMember, goodForm, makeCore, owner, type TestCore } from '../support/core.ts';

type Who = 'owner' | 'requester' | 'otherMember' | 'pending' | 'blocked' | 'stranger' | 'contact';
const ACTORS: Record<Who, Actor> = {
  owner,
  requester: { platform: 'console', userId: 'alice', displayName: 'Alice' },
  otherMember: { platform: 'console', userId: 'bob', displayName: 'Bob' },
  pending: { platform: 'console', userId: 'pat', displayName: 'Pat' },
  blocked: { platform: 'console', userId: 'blake', displayName: 'Blake' },
  stranger: { platform: 'console', userId: 'zed', displayName: 'Zed' },
  contact: { platform: 'console', userId: 'ana', displayName: 'Ana' },
};
const WHO = Object.keys(ACTORS) as Who[];

let t: TestCore;
let pendingId: number;
beforeEach(() => {
  t = makeCore();
  addMember(t, ACTORS.requester);
  addMember(t, ACTORS.otherMember);
  pendingId = addMember(t, ACTORS.pending, 'pending').id;
  addMember(t, ACTORS.blocked, 'blocked');
  const ana = addContact(t, { consoleUserId: 'ana' });
  // #1 pending; #2 approved and waiting for the contact; #3 introduced.
  const ben = addContact(t, { name: 'Ben Ortiz', consoleUserId: 'ben' });
  const cara = addContact(t, { name: 'Cara Mendes', noOptin: true });
  // Three distinct asks: near-identical ones would be bounced as copy-paste.
  const asks = [
    [ana.id, goodForm.whyContact],
    [ben.id, 'Ben designed the Lumen Pay merchant onboarding flow, and I want to ask him which verification steps merchants abandon most.'],
    [cara.id, 'Cara ran the Lumen Pay expansion into Spain; my question for her is how long the licence took and what surprised her team.'],
  ] as const;
  for (const [c, whyContact] of asks) expect(submitIntroRequest(t.ctx, ACTORS.requester, c, { ...goodForm, whyContact }).ok).toBe(true);
  decideIntro(t.ctx, owner, 2, { kind: 'approve' });
  decideIntro(t.ctx, owner, 3, { kind: 'approve' });
});
afterEach(() => t.cleanup());

const snapshot = () => JSON.stringify([t.ctx.store.listRequests(), t.ctx.store.listMembers(), t.ctx.store.listOutbox().length]);

interface Case {
  action: Action;
  allowed: Who[];
}

const CASES: Record<string, Case> = {
  'approve a request': { action: { type: 'approve', requestId: 1 }, allowed: ['owner'] },
  'decline a request': { action: { type: 'decline', requestId: 1, reason: 'dont_know_you' }, allowed: ['owner'] },
  'withdraw a request': { action: { type: 'withdraw', requestId: 1 }, allowed: ['requester'] },
  "answer the contact's opt-in": { action: { type: 'contact_answer', requestId: 2, yes: true }, allowed: ['owner'] },
  'report an outcome': { action: { type: 'outcome', requestId: 3, outcome: 'job' }, allowed: ['requester'] },
  'admit someone': { action: { type: 'admit', memberId: 0 }, allowed: ['owner'] },
  'block someone': { action: { type: 'block_admission', memberId: 0 }, allowed: ['owner'] },
};

describe('authorization matrix', () => {
  for (const [name, c] of Object.entries(CASES)) {
    for (const who of WHO) {
      const allowed = c.allowed.includes(who);
      it(`${name}: ${who} ${allowed ? 'may' : 'may not'}`, () => {
        const action = 'memberId' in c.action ? { ...c.action, memberId: pendingId } : c.action;
        const before = snapshot();
        const reply = handleAction(t.ctx, ACTORS[who], encodeAction(action));
        if (allowed) {
          expect(reply.type).toBe('update');
          expect(snapshot()).not.toBe(before);
        } else {
          expect(reply.type).toBe('show');
          expect(snapshot()).toBe(before);
        }
      });
    }
  }

  it('the contact on chat may answer their own opt-in, and only that', () => {
    // Ben (request #2) is on chat as "ben"; Ana ("ana") is not the contact of #2.
    expect(handleAction(t.ctx, ACTORS.contact, encodeAction({ type: 'contact_answer', requestId: 2, yes: true })).type).toBe('show');
    expect(handleAction(t.ctx, { platform: 'console', userId: 'ben' }, encodeAction({ type: 'contact_answer', requestId: 2, yes: true })).type).toBe('update');
    // The same id on another platform is someone else.
    expect(handleAction(t.ctx, { platform: 'slack', userId: 'ben' }, encodeAction({ type: 'contact_answer', requestId: 3, yes: true })).type).toBe('show');
  });

  it.each(WHO)('search and lists: %s sees only what is theirs to see', (who) => {
    const search = handleCommand(t.ctx, ACTORS[who], 'find-contact', 'ana');
    const found = JSON.stringify(search).includes('Request intro to Ana');
    expect(found).toBe(['requester', 'otherMember'].includes(who));
    // The owner searches all his contacts, and introduces them himself.
    expect(JSON.stringify(search).includes('Introduce Ana')).toBe(who === 'owner');
    const stats = JSON.stringify(handleCommand(t.ctx, ACTORS[who], 'stats', ''));
    expect(stats.includes('Approval rate')).toBe(who === 'owner');
    const intros = JSON.stringify(handleCommand(t.ctx, ACTORS[who], 'intros', ''));
    expect(intros.includes('#1 Ana Ferreira')).toBe(who === 'requester');
  });
});
