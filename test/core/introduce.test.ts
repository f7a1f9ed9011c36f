// The owner introduces someone himself: both sides opt in (in chat when they
// are on it, else an email draft he sends), then the intro, with the same
// follow-ups, events and funnel as a member's request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAction, type Action } from '../../src/actions.ts';
import type { Actor } from '../../src/domain.ts';
import { handleAction, handleCommand, handleSubmit, type Reply } from '../../src/interactions.ts';
import { runDueTasks } from '../../src/scheduler.ts';
import { addContact, addMember, alice, makeCore, owner, type TestCore } from '../support/core.ts';

let t: TestCore;
const anaChat: Actor = { platform: 'console', userId: 'ana', displayName: 'Ana' };
const outbox = () => t.ctx.store.listOutbox().map((m) => `${m.kind}→${m.recipients.join(",")}`);
const click = (actor: Actor, action: Action): Reply => handleAction(t.ctx, actor, encodeAction(action));
const text = (r: unknown) => JSON.stringify(r);

const why = 'You both rebuilt fraud teams after a merger and could compare notes on hiring analysts.';
const blurb = 'Alice is a data scientist with six years in consumer lending, moving into payments risk.';
const introduce = (contactId: number, values: Record<string, string>) => handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_introduce', contactId }), { whyContact: why, blurb, ...values });

beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
});
afterEach(() => t.cleanup());

describe('starting an intro', () => {
  it("the owner's own Request intro button opens his introduce form, not a refusal", () => {
    const c = addContact(t, { vetted: false });
    const reply = click(owner, { type: 'open_request_form', contactId: c.id });
    expect(reply.type).toBe('form');
    if (reply.type === 'form') {
      expect(reply.form.action).toBe(encodeAction({ type: 'submit_introduce', contactId: c.id }));
      expect(reply.form.fields.map((f) => f.id)).toEqual(['person', 'email', 'whyContact', 'blurb']);
    }
  });

  it('is for the owner only', () => {
    const c = addContact(t);
    expect(text(click(alice, { type: 'introduce_form', contactId: c.id }))).toContain('Only Sam can do that');
    expect(text(handleSubmit(t.ctx, alice, encodeAction({ type: 'submit_introduce', contactId: c.id }), { person: 'Bob', email: 'b@example.com', whyContact: why, blurb }))).toContain('Only Sam can do that');
    expect(text(handleCommand(t.ctx, alice, 'introduce', 'ana'))).toContain('Only Sam can do that');
    expect(t.ctx.store.listRequests()).toHaveLength(0);
  });

  it('bounces an unknown name without an email, field by field, and keeps what was typed', () => {
    const c = addContact(t);
    const reply = introduce(c.id, { person: 'Nobody Known', email: '' });
    expect(reply.type).toBe('form_errors');
    if (reply.type === 'form_errors') {
      expect(reply.errors.person).toContain('No member here is called "Nobody Known"');
      expect(reply.form.fields.find((f) => f.id === 'whyContact')?.value).toBe(why);
    }
    expect(text(introduce(c.id, { person: 'Jordan Lee', email: 'not-an-email' }))).toContain("doesn't look like an email");
    expect(t.ctx.store.listRequests()).toHaveLength(0);
  });

  it('the owner cannot introduce himself', () => {
    const c = addContact(t);
    introduce(c.id, { person: 'Jordan Lee', email: 'jordan@example.org' }); // creates the owner's own carrier row
    const reply = introduce(c.id, { person: 'Sam', email: '' });
    expect(reply.type === 'form_errors' && reply.errors.person).toContain('No member here is called "Sam"');
  });

  it('refuses a contact who opted out', () => {
    const c = addContact(t, { openToIntros: false });
    expect(text(click(owner, { type: 'introduce_form', contactId: c.id }))).toContain('opted out');
  });
});

describe('a member and a contact on chat', () => {
  it('asks both in chat, makes the group intro after both say yes, then follows up', () => {
    const c = addContact(t, { consoleUserId: 'ana', vetted: false });
    const started = introduce(c.id, { person: 'alice', email: '' });
    expect(started.type).toBe('form_done');
    expect(text(started)).toContain('Ana Ferreira is asked in chat');
    expect(outbox()).toEqual(['contact.optin→ana', 'person.optin→alice']);
    const req = t.ctx.store.getRequest(1);
    expect(req).toMatchObject({ origin: 'owner', status: 'approved', stage: 'awaiting_contact', personStage: 'awaiting', memberId: 1 });
    // The member sees the contact's public details only.
    const personAsk = t.ctx.store.listOutbox().find((m) => m.kind === 'person.optin');
    expect(text(personAsk?.view)).not.toContain('ana.private@example.com');
    expect(text(personAsk?.view)).toContain(why);

    expect(text(click(anaChat, { type: 'contact_answer', requestId: 1, yes: true }))).toContain('as soon as Alice says yes');
    expect(t.ctx.store.getRequest(1)?.stage).toBe('awaiting_contact');
    expect(outbox().some((k) => k.startsWith('intro.'))).toBe(false);

    // Someone else cannot answer for Alice.
    const bob: Actor = { platform: 'console', userId: 'bob' };
    addMember(t, bob);
    expect(text(click(bob, { type: 'person_answer', requestId: 1, yes: true }))).toContain('no longer exists');

    expect(text(click(alice, { type: 'person_answer', requestId: 1, yes: true }))).toContain('The introduction is on its way');
    expect(outbox()).toContain('intro.group→owner,alice,ana');
    const group = t.ctx.store.listOutbox().find((m) => m.kind === 'intro.group');
    expect(group?.view.blocks[0]).toEqual({ kind: 'mentions', parts: [{ userId: 'ana', name: 'Ana Ferreira' }, ', meet ', { userId: 'alice', name: 'Alice' }, '. ', { userId: 'alice', name: 'Alice' }, ', meet ', { userId: 'ana', name: 'Ana Ferreira' }, '. I think you two should talk. — Sam'] });
    expect(t.ctx.store.getRequest(1)?.stage).toBe('introduced');
    // A second click changes nothing.
    expect(text(click(alice, { type: 'person_answer', requestId: 1, yes: false }))).toContain('Already answered');

    // The same follow-up as a member's request, to the person introduced.
    t.ctx.clock.advanceDays(15);
    runDueTasks(t.ctx);
    expect(outbox()).toContain('member.follow_up→alice');
    expect(text(click(alice, { type: 'outcome', requestId: 1, outcome: 'met' }))).toContain('glad you and Ana met');

    const kinds = t.ctx.store.listEvents({ requestId: 1 }).map((e) => e.kind);
    expect(kinds).toEqual(['request.created', 'request.approved', 'optin.asked', 'person.asked', 'optin.yes', 'person.yes', 'intro.made', 'follow_up.asked', 'outcome.met']);
    const f = t.ctx.store.funnel();
    expect(f).toMatchObject({ requested: 1, approved: 1, contactYes: 1, introduced: 1, met: 1 });
  });

  it('a no from the person calls it off: nothing more is asked, the owner is told', () => {
    const c = addContact(t, { consoleUserId: 'ana' });
    introduce(c.id, { person: 'Alice', email: '' });
    expect(text(click(alice, { type: 'person_answer', requestId: 1, yes: false }))).toContain('no introduction will be made');
    expect(t.ctx.store.getRequest(1)?.status).toBe('withdrawn');
    expect(outbox()).toContain('owner.notice→owner');
    expect(text(click(anaChat, { type: 'contact_answer', requestId: 1, yes: true }))).toContain('Already answered');
    expect(outbox().some((k) => k.startsWith('intro.'))).toBe(false);
  });

  it('a double submit starts one intro', () => {
    const c = addContact(t, { consoleUserId: 'ana' });
    introduce(c.id, { person: 'Alice', email: '' });
    introduce(c.id, { person: 'Alice', email: '' });
    expect(t.ctx.store.listRequests()).toHaveLength(1);
    expect(outbox()).toHaveLength(2);
  });
});

describe('someone outside the network and a contact not on chat', () => {
  it('gives the owner two email drafts, then the intro email to both, and asks him how it went', () => {
    const c = addContact(t);
    introduce(c.id, { person: 'Jordan Lee', email: 'jordan@example.org' });
    expect(outbox()).toEqual(['owner.optin_email→owner', 'owner.person_optin_email→owner']);
    const personDraft = t.ctx.store.listOutbox().find((m) => m.kind === 'owner.person_optin_email');
    const link = personDraft?.view.blocks.find((b) => b.kind === 'link');
    expect(link && link.kind === 'link' ? link.url : '').toMatch(/^mailto:jordan@example\.org\?subject=Intro%20to%20Ana%20Ferreira/);
    const contactDraft = t.ctx.store.listOutbox().find((m) => m.kind === 'owner.optin_email');
    expect(text(contactDraft?.view)).toContain("I'd like to introduce you to Jordan Lee");

    expect(text(click(owner, { type: 'person_answer', requestId: 1, yes: true }))).toContain('Recorded: Jordan Lee said yes. Waiting for the other side');
    expect(text(click(owner, { type: 'contact_answer', requestId: 1, yes: true }))).toContain('The intro is on its way');
    const email = t.ctx.store.listOutbox().find((m) => m.kind === 'owner.intro_email');
    const intro = email?.view.blocks.find((b) => b.kind === 'link');
    expect(intro && intro.kind === 'link' ? intro.url : '').toMatch(/^mailto:ana\.private@example\.com,jordan@example\.org\?/);
    // No member row for Jordan: the owner's own row carries the intro.
    expect(t.ctx.store.listMembers().map((m) => m.userId)).toEqual(['alice', 'owner']);

    t.ctx.clock.advanceDays(15);
    runDueTasks(t.ctx);
    const followUp = t.ctx.store.listOutbox().find((m) => m.kind === 'member.follow_up');
    expect(followUp?.recipients).toEqual(['owner']);
    expect(followUp?.view.summary).toBe('How did the intro of Jordan Lee and Ana Ferreira go?');
    expect(text(click(owner, { type: 'outcome', requestId: 1, outcome: 'opportunity' }))).toContain('great news');
    expect(t.ctx.store.getRequest(1)?.outcome).toBe('opportunity');
  });

  it('lapses when not both answer in time, and the owner is told', () => {
    const c = addContact(t);
    introduce(c.id, { person: 'Jordan Lee', email: 'jordan@example.org' });
    click(owner, { type: 'contact_answer', requestId: 1, yes: true });
    t.ctx.clock.advanceDays(30);
    runDueTasks(t.ctx);
    expect(t.ctx.store.getRequest(1)?.stage).toBe('contact_expired');
    const notice = t.ctx.store.listOutbox().find((m) => m.dedupeKey === 'request:1:optin_expired');
    expect(notice?.recipients).toEqual(['owner']);
    expect(notice?.view.summary).toContain('lapsed');
  });
});
