// Edge cases a review found: a broken timer must not block the others, an
// approval re-checks the contact, limits show before typing, paging after a
// typo-tolerant search, and a clean stop finishes the send in flight.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/dispatcher.ts';
import { silentLogger } from '../../src/ports.ts';
import { runDueTasks } from '../../src/scheduler.ts';
import { decideIntro } from '../../src/use-cases/decide-intro.ts';
import { removeContacts } from '../../src/use-cases/manage-contacts.ts';
import { searchContacts } from '../../src/use-cases/search-contacts.ts';
import { openRequestForm, submitIntroRequest } from '../../src/use-cases/submit-intro-request.ts';
import { addContact, addMember, alice, bob, goodForm, makeCore, owner, type TestCore, outcomeCode } from '../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
  addMember(t, bob);
});
afterEach(() => t.cleanup());

describe('after review', () => {
  it('a task whose contact was removed is skipped, and the tasks behind it still run', () => {
    const ana = addContact(t, { introCap: 10 });
    submitIntroRequest(t.ctx, alice, ana.id, goodForm);
    decideIntro(t.ctx, owner, 1, { kind: 'approve' }); // waiting for Ana's yes
    removeContacts(t.ctx, 'cli', [ana.id]);
    const ben = addContact(t, { name: 'Ben Ortiz', email: null });
    submitIntroRequest(t.ctx, bob, ben.id, { ...goodForm, whyContact: goodForm.whyContact.replace('Ana', 'Ben') });
    t.ctx.clock.advanceDays(30);
    const failures: number[] = [];
    runDueTasks(t.ctx, 100, (task) => failures.push(task.id));
    expect(failures).toHaveLength(1);
    expect(t.ctx.store.getRequest(2)?.status).toBe('expired');
    expect(runDueTasks(t.ctx)).toBe(0); // the broken task does not come back
  });

  it('an approval re-checks that the contact is still open to introductions', () => {
    const ana = addContact(t);
    submitIntroRequest(t.ctx, alice, ana.id, goodForm);
    t.ctx.store.updateContact(ana.id, { openToIntros: false }, 'now');
    expect(outcomeCode(() => decideIntro(t.ctx, owner, 1, { kind: 'approve' }))).toBe('unavailable');
    expect(t.ctx.store.listOutbox().some((m) => m.kind === 'contact.optin' || m.kind === 'owner.optin_email')).toBe(false);
    expect(decideIntro(t.ctx, owner, 1, { kind: 'decline', reason: 'not_now' }).changed).toBe(true);
  });

  it('says a limit is reached when the form opens, before anything is typed', () => {
    t.ctx.policy.limits.maxOpenRequestsPerMember = 1;
    const ana = addContact(t);
    const ben = addContact(t, { name: 'Ben Ortiz' });
    submitIntroRequest(t.ctx, alice, ana.id, goodForm);
    expect(outcomeCode(() => openRequestForm(t.ctx, alice, ben.id))).toBe('limit');
    expect(openRequestForm(t.ctx, bob, ben.id).fields).toHaveLength(3);
  });

  it('pages through results found by the typo-tolerant search', () => {
    for (let i = 0; i < 8; i++) addContact(t, { name: `Person ${i}`, company: 'Cordillera Ventures', email: null });
    const page1 = JSON.stringify(searchContacts(t.ctx, alice, 'cordillerx'));
    expect(page1).toContain('More results');
    const page2 = searchContacts(t.ctx, alice, 'cordillerx', 2);
    expect(page2.blocks.filter((b) => b.kind === 'header')).toHaveLength(3);
  });

  it('a clean stop waits for the send in flight, so nothing is sent again after a restart', async () => {
    for (const k of ['a', 'b']) t.ctx.store.enqueue({ dedupeKey: k, platform: 'slack', recipients: ['U1'], kind: 'member.follow_up', view: { summary: k, blocks: [] }, at: t.ctx.clock.now().toISOString() });
    const sent: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const d = new Dispatcher({
      store: t.ctx.store,
      clock: t.ctx.clock,
      logger: silentLogger,
      messengers: { slack: { send: async (m) => (await gate, sent.push(m.dedupeKey), {}), update: () => Promise.resolve() } },
    });
    const pass = d.runOnce();
    const stopped = d.stop();
    release();
    await Promise.all([pass, stopped]);
    expect(sent).toEqual(['a']);
    expect(t.ctx.store.listOutbox().map((m) => m.status)).toEqual(['sent', 'pending']);
    expect(d.recover()).toBe(0);
  });
});
