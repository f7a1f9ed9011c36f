import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideAdmission, requestAdmission } from '../../src/use-cases/admission.ts';
import { makeCore, owner, alice, stranger, addMember, type TestCore, outcomeCode } from '../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.cleanup());

const note = { howKnow: 'We worked together at Northwind in 2021, on the payments launch.', why: 'I am looking for a mentor in payments.' };
const ask = (actor = stranger, values: Record<string, string> = note) => requestAdmission(t.ctx, actor, values);
describe('admission', () => {
  it('records the ask as pending with its event and the owner card', () => {
    expect(ask().ok).toBe(true);
    const m = t.ctx.store.findMember('console', stranger.userId);
    expect(m?.status).toBe('pending');
    expect(t.ctx.store.listEvents().map((e) => e.kind)).toEqual(['admission.requested']);
    expect(t.ctx.store.listOutbox()[0]).toMatchObject({ kind: 'owner.admission_card', recipients: ['owner'] });
  });

  it('asks for more when the note is too thin, and records nothing', () => {
    const r = ask(stranger, { howKnow: 'hi', why: '' });
    expect(r).toMatchObject({ ok: false, errors: { howKnow: expect.stringContaining('where you met') as unknown, why: expect.any(String) as unknown } });
    expect(t.ctx.store.findMember('console', stranger.userId)).toBeNull();
  });

  it('shows the owner the shared history that carried the note', () => {
    expect(ask().ok).toBe(true);
    const card = JSON.stringify(t.ctx.store.listOutbox()[0]?.view);
    expect(card).toContain('Why it passed the gate: shared history: Northwind, 2021');
  });

  it.each([
    "I've followed your posts for years and loved your podcast.",
    'Nos conocimos por un amigo de un amigo en LinkedIn.',
    '面識はありませんが、いつも投稿を拝見しています。',
  ])('gives a stranger the same "how do you know the owner" judgement: %s', (howKnow) => {
    const r = ask(stranger, { howKnow, why: 'I am looking for a mentor in payments.' });
    expect(r).toMatchObject({ ok: false, errors: { howKnow: expect.stringContaining('Sam admits people they know personally') as unknown } });
    expect(t.ctx.store.findMember('console', stranger.userId)).toBeNull();
  });

  it('refuses spam in a note to join, without keeping it as a draft', () => {
    const r = ask(stranger, { howKnow: 'Hello dear friend 🚀🚀🚀🚀', why: 'Join my crypto presale, 100x guaranteed: t.me/moonx' });
    expect(r).toMatchObject({ ok: false, errors: { why: expect.stringContaining("can't be sent") as unknown } });
    expect(t.ctx.store.findMember('console', stranger.userId)).toBeNull();
  });

  it('refuses members, a second ask, and other policies', () => {
    addMember(t, alice);
    expect(outcomeCode(() => ask(alice))).toBe('conflict');
    ask();
    expect(outcomeCode(() => ask())).toBe('conflict');
    const allow = makeCore({ accessPolicy: 'allowlist' });
    try {
      expect(outcomeCode(() => requestAdmission(allow.ctx, stranger, note))).toBe('not_member');
    } finally {
      allow.cleanup();
    }
  });

  it('admit tells the person; ignore says nothing; "I don\'t know you" blocks for good', () => {
    ask();
    const id = t.ctx.store.findMember('console', stranger.userId)!.id;
    expect(outcomeCode(() => decideAdmission(t.ctx, alice, id, 'admit'))).toBe('not_owner');
    const blocked = decideAdmission(t.ctx, owner, id, 'block');
    expect(blocked.changed).toBe(true);
    expect(blocked.card.summary).toContain('Marked "I don\'t know you"');
    // A second click (admit) on the old card changes nothing.
    expect(decideAdmission(t.ctx, owner, id, 'admit').changed).toBe(false);
    expect(t.ctx.store.getMember(id)?.status).toBe('blocked');
    expect(outcomeCode(() => ask())).toBe('not_member');

    const other = { platform: 'console' as const, userId: 'quinn' };
    ask(other);
    const otherId = t.ctx.store.findMember('console', 'quinn')!.id;
    decideAdmission(t.ctx, owner, otherId, 'ignore');
    const notices = t.ctx.store.listOutbox().filter((m) => m.kind === 'member.admission_decision');
    expect(notices.map((m) => m.recipients[0])).toEqual([stranger.userId]);
  });
});
