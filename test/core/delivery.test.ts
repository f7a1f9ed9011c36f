// After approval: double opt-in, the intro, follow-ups, reminders and expiry,
// all driven by due times in SQLite and an injected clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { handleAction } from '../../src/interactions.ts';
import { encodeAction } from '../../src/actions.ts';
import { runDueTasks } from '../../src/scheduler.ts';
import { decideIntro } from '../../src/use-cases/decide-intro.ts';
import { submitIntroRequest } from '../../src/use-cases/submit-intro-request.ts';
import type { Actor } from '../../src/domain.ts';
import { addContact, addMember, alice, goodForm, makeCore, owner, type TestCore } from '../support/core.ts';

let t: TestCore;
const anaChat: Actor = { platform: 'console', userId: 'ana', displayName: 'Ana' };
const outbox = () => t.ctx.store.listOutbox().map((m) => `${m.kind}→${m.recipients.join(',')}`);
const events = () => t.ctx.store.listEvents({ requestId: 1 }).map((e) => e.kind);
const click = (actor: Actor, action: Parameters<typeof encodeAction>[0]) => handleAction(t.ctx, actor, encodeAction(action));

function requestAndApprove(contact: Parameters<typeof addContact>[1] = {}): void {
  const c = addContact(t, contact);
  expect(submitIntroRequest(t.ctx, alice, c.id, goodForm).ok).toBe(true);
  decideIntro(t.ctx, owner, 1, { kind: 'approve' });
}

beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
});
afterEach(() => t.cleanup());

describe('double opt-in in chat', () => {
  it('asks the contact first, with only the blurb and the ask', () => {
    requestAndApprove({ consoleUserId: 'ana' });
    const ask = t.ctx.store.listOutbox().find((m) => m.kind === 'contact.optin');
    expect(ask?.recipients).toEqual(['ana']);
    const text = JSON.stringify(ask?.view);
    expect(text).toContain(goodForm.blurb);
    expect(text).toContain(goodForm.whyContact);
    expect(text).not.toContain(goodForm.howKnow);
    expect(t.ctx.store.getRequest(1)?.stage).toBe('awaiting_contact');
  });

  it('on yes, introduces all three in one conversation and tells the requester', () => {
    requestAndApprove({ consoleUserId: 'ana' });
    expect(JSON.stringify(click(anaChat, { type: 'contact_answer', requestId: 1, yes: true }))).toContain('The introduction is on its way');
    expect(outbox()).toEqual(expect.arrayContaining(['intro.group→owner,alice,ana', 'member.introduced→alice']));
    expect(t.ctx.store.getRequest(1)?.stage).toBe('introduced');
    // A second click changes nothing and sends nothing more.
    const before = outbox().length;
    expect(JSON.stringify(click(anaChat, { type: 'contact_answer', requestId: 1, yes: false }))).toContain('Already answered');
    expect(outbox()).toHaveLength(before);
  });

  it('on no, tells the requester kindly and makes no intro', () => {
    requestAndApprove({ consoleUserId: 'ana' });
    click(anaChat, { type: 'contact_answer', requestId: 1, yes: false });
    const notice = t.ctx.store.listOutbox().find((m) => m.kind === 'member.contact_declined');
    expect(notice?.view.summary).toContain("isn't able to take on an introduction right now");
    expect(outbox().some((k) => k.startsWith('intro.'))).toBe(false);
  });

  it('lets no one but the contact or the owner answer', () => {
    requestAndApprove({ consoleUserId: 'ana' });
    expect(JSON.stringify(click(alice, { type: 'contact_answer', requestId: 1, yes: true }))).toContain('Only the person asked, or the owner');
    expect(t.ctx.store.getRequest(1)?.stage).toBe('awaiting_contact');
  });
});

describe('double opt-in by email', () => {
  it('hands the owner a forwardable email with a mailto link, then the final intro email on yes', () => {
    requestAndApprove();
    const card = t.ctx.store.listOutbox().find((m) => m.kind === 'owner.optin_email');
    const link = card?.view.blocks.find((b) => b.kind === 'link');
    expect(link && link.kind === 'link' && link.url.startsWith('mailto:ana.private@example.com?subject=')).toBe(true);
    click(owner, { type: 'contact_answer', requestId: 1, yes: true });
    expect(outbox()).toEqual(expect.arrayContaining(['owner.intro_email→owner', 'member.introduced→alice']));
    expect(t.ctx.store.listOutbox().find((m) => m.kind === 'member.introduced')?.view.summary).toContain('introducing you by email');
  });

  it('records "They said no" and tells the requester without detail', () => {
    requestAndApprove();
    expect(JSON.stringify(click(owner, { type: 'contact_answer', requestId: 1, yes: false }))).toContain('Recorded: Ana Ferreira said no');
    expect(t.ctx.store.getRequest(1)?.stage).toBe('contact_declined');
  });
});

it('introduces at once when the contact needs no opt-in', () => {
  requestAndApprove({ noOptin: true, consoleUserId: 'ana' });
  expect(events()).toEqual(['request.created', 'request.approved', 'intro.made']);
  expect(outbox()).toContain('intro.group→owner,alice,ana');
});

describe('follow-up and outcomes', () => {
  beforeEach(() => {
    requestAndApprove({ noOptin: true });
  });

  it('asks the requester days later, once, and nudges once more', () => {
    t.ctx.clock.advanceDays(13);
    expect(runDueTasks(t.ctx)).toBe(0);
    t.ctx.clock.advanceDays(1);
    expect(runDueTasks(t.ctx)).toBe(1);
    expect(runDueTasks(t.ctx)).toBe(0);
    expect(outbox().filter((k) => k === 'member.follow_up→alice')).toHaveLength(1);
    t.ctx.clock.advanceDays(7);
    expect(runDueTasks(t.ctx)).toBe(1);
    expect(t.ctx.store.listOutbox().filter((m) => m.kind === 'member.follow_up').map((m) => m.dedupeKey)).toEqual(['request:1:follow_up', 'request:1:nudge']);
  });

  it('records each answer as an event and tells the owner good news', () => {
    expect(JSON.stringify(click(alice, { type: 'outcome', requestId: 1, outcome: 'met' }))).toContain('glad you and Ana met');
    click(alice, { type: 'outcome', requestId: 1, outcome: 'job' });
    click(alice, { type: 'outcome', requestId: 1, outcome: 'job' });
    expect(events().filter((k) => k.startsWith('outcome.'))).toEqual(['outcome.met', 'outcome.job']);
    expect(t.ctx.store.listOutbox().filter((m) => m.kind === 'owner.good_news').map((m) => m.view.summary)).toEqual([
      "Good news: Alice's intro to Ana Ferreira led to a job.",
    ]);
    // No nudge for someone who already said it went somewhere.
    t.ctx.clock.advanceDays(30);
    runDueTasks(t.ctx);
    expect(t.ctx.store.listOutbox().filter((m) => m.dedupeKey === 'request:1:nudge')).toHaveLength(0);
  });

  it("refuses someone else's outcome", () => {
    addMember(t, { platform: 'console', userId: 'bob' });
    expect(JSON.stringify(click({ platform: 'console', userId: 'bob' }, { type: 'outcome', requestId: 1, outcome: 'job' }))).toContain('no longer exists');
  });
});

describe('reminders and expiry', () => {
  beforeEach(() => {
    const c = addContact(t, { consoleUserId: 'ana' });
    submitIntroRequest(t.ctx, alice, c.id, goodForm);
  });

  it('reminds the owner of a pending request once, then expires it and tells the requester', () => {
    t.ctx.clock.advanceDays(3);
    runDueTasks(t.ctx);
    const reminder = t.ctx.store.listOutbox().find((m) => m.kind === 'owner.reminder');
    expect(reminder?.view.summary).toContain('Still waiting for you (3 days)');
    // The reminder still carries the one-click buttons.
    expect(JSON.stringify(reminder?.view)).toContain('Approve');
    t.ctx.clock.advanceDays(11);
    runDueTasks(t.ctx);
    expect(t.ctx.store.getRequest(1)?.status).toBe('expired');
    expect(t.ctx.store.listOutbox().find((m) => m.kind === 'member.expired')?.view.summary).toContain("It's not a no");
    expect(JSON.stringify(click(owner, { type: 'approve', requestId: 1 }))).toContain('Expired without a decision');
  });

  it('does nothing for a request decided before its timers fire', () => {
    decideIntro(t.ctx, owner, 1, { kind: 'decline', reason: 'not_now' });
    t.ctx.clock.advanceDays(20);
    expect(runDueTasks(t.ctx)).toBe(0);
    expect(t.ctx.store.getRequest(1)?.status).toBe('declined');
  });

  it('expires an unanswered opt-in the same way', () => {
    decideIntro(t.ctx, owner, 1, { kind: 'approve' });
    t.ctx.clock.advanceDays(7);
    runDueTasks(t.ctx);
    expect(t.ctx.store.getRequest(1)?.stage).toBe('contact_expired');
    expect(outbox()).toContain('member.contact_declined→alice');
  });
});

describe('restarts', () => {
  it('a new process on the same database finishes due work exactly once', () => {
    requestAndApprove({ noOptin: true });
    t.ctx.clock.advanceDays(30);
    // The first process dies; two new ones start at once.
    t.ctx.store.close();
    const a = SqliteStore.open(t.path);
    const b = SqliteStore.open(t.path);
    try {
      const both = () => runDueTasks({ ...t.ctx, store: a }) + runDueTasks({ ...t.ctx, store: b });
      expect(both()).toBe(1); // the overdue follow-up, once
      t.ctx.clock.advanceDays(7);
      expect(both() + both()).toBe(1); // then its nudge, once
      expect(a.listOutbox().filter((m) => m.kind === 'member.follow_up')).toHaveLength(2);
    } finally {
      a.close();
      b.close();
    }
  });
});
