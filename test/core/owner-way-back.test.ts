// The owner's way back and his words, over a real SQLite file: ask for changes
// (same request, same card), undo within ten minutes, unblock, the intro text
// he edits, the member's email, outcomes that fit the ask, forms that fit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAction, type Action } from '../../src/actions.ts';
import type { Actor } from '../../src/domain.ts';
import { handleAction, handleCommand, handleSubmit } from '../../src/interactions.ts';
import { outcomesFor } from '../../src/rules/ask-kind.ts';
import { decideAdmission, requestAdmission } from '../../src/use-cases/admission.ts';
import { decideIntro } from '../../src/use-cases/decide-intro.ts';
import { answerForContact } from '../../src/use-cases/deliver-intro.ts';
import { submitIntroRequest } from '../../src/use-cases/submit-intro-request.ts';
import { followUpCard, ownerIntroEmailCard, ownerOptinEmailCard } from '../../src/views/delivery.ts';
import { requestFormView } from '../../src/views/forms.ts';
import { actionsOf, type View } from '../../src/views/view.ts';
import { addContact, addMember, alice, goodForm, makeCore, owner, stranger, type TestCore } from '../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
});
afterEach(() => t.cleanup());

const click = (actor: Actor, action: Action) => handleAction(t.ctx, actor, encodeAction(action));
const events = () => t.ctx.store.listEvents({ requestId: 1 }).map((e) => e.kind);
const labels = (view: View) => actionsOf(view).map((b) => b.label);
const text = (x: unknown) => JSON.stringify(x);
const outboxKinds = () => t.ctx.store.listOutbox().map((m) => m.kind);

function request(contact: Parameters<typeof addContact>[1] = {}): void {
  const c = addContact(t, contact);
  expect(submitIntroRequest(t.ctx, alice, c.id, goodForm).ok).toBe(true);
}

/** Marks everything queued as sent, as the dispatcher would, with a platform ref. */
function sendAll(): void {
  for (const m of t.ctx.store.listOutbox({ status: 'pending' })) t.ctx.store.markSent(m.id, t.ctx.clock.now().toISOString(), `console:${m.id}`);
}

describe('ask for changes', () => {
  const note = 'Please say what exactly you would ask Ana, and why her rather than her team.';

  it('sends the note back, keeps the request open, and the resubmission updates the same card', () => {
    request();
    sendAll();
    const card = t.ctx.store.listOutbox()[0]!;
    expect(labels(card.view)).toContain('Ask for changes');

    const form = click(owner, { type: 'ask_changes', requestId: 1 });
    expect(form.type).toBe('form');
    // Too short a note bounces and keeps what was typed.
    const short = handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_changes', requestId: 1 }), { note: 'no' });
    expect(short.type).toBe('form_errors');
    const sent = handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_changes', requestId: 1 }), { note });
    expect(sent.type).toBe('form_done');
    expect(t.ctx.store.getRequest(1)).toMatchObject({ status: 'pending', changesNote: note });
    expect(events()).toEqual(['request.created', 'request.changes_requested']);

    // The member is told, with a button that reopens the form with their answers and the note.
    const notice = t.ctx.store.listOutbox().find((m) => m.kind === 'member.changes_requested')!;
    expect(notice.recipients).toEqual(['alice']);
    expect(text(notice.view)).toContain(note);
    const reopen = actionsOf(notice.view)[0]!;
    const reopened = handleAction(t.ctx, alice, reopen.action);
    if (reopened.type !== 'form') throw new Error('expected the form');
    expect(reopened.form.intro).toContain(note);
    expect(reopened.form.fields.map((f) => f.value)).toEqual([goodForm.howKnow, goodForm.whyContact, goodForm.blurb]);

    // The owner's card was already sent: an edit of it is queued, pointing at it.
    const edit = t.ctx.store.listOutbox({ status: 'pending' }).find((m) => m.kind === 'owner.card_update')!;
    expect(edit.edits?.id).toBe(card.id);
    expect(labels(edit.view)).toEqual([]);
    expect(text(edit.view)).toContain('You asked for changes');

    // The resubmission goes through the gate again.
    const weak = handleSubmit(t.ctx, alice, reopened.form.action, { ...goodForm, whyContact: 'pls intro' });
    expect(weak.type).toBe('form_errors');
    const better = { ...goodForm, whyContact: `${goodForm.whyContact} Specifically: how her team sized the first fraud analyst hires.` };
    const done = handleSubmit(t.ctx, alice, reopened.form.action, better);
    expect(done.type).toBe('form_done');
    expect(text(done)).toContain('revised request');
    expect(t.ctx.store.listRequests()).toHaveLength(1);
    expect(t.ctx.store.getRequest(1)).toMatchObject({ whyContact: better.whyContact, changesNote: null, changesRequestedAt: null });
    expect(events()).toEqual(['request.created', 'request.changes_requested', 'request.resubmitted']);
    // The last edit of the card (sent after the first) brings the buttons back, with the new answers.
    const edits = t.ctx.store.listOutbox({ status: 'pending' }).filter((m) => m.kind === 'owner.card_update');
    expect(edits.map((m) => m.edits?.ref)).toEqual([`console:${card.id}`, `console:${card.id}`]);
    expect(labels(edits[1]!.view)).toContain('Approve');
    expect(text(edits[1]!.view)).toContain(better.whyContact);
  });

  it('replaces the card itself while it is still unsent, so the owner gets one card', () => {
    request();
    handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_changes', requestId: 1 }), { note });
    const cards = t.ctx.store.listOutbox().filter((m) => m.kind === 'owner.request_card');
    expect(cards).toHaveLength(1);
    expect(text(cards[0]!.view)).toContain('You asked for changes');
  });

  it("a platform's repeat of the resubmission (same view id) revises once and confirms once", () => {
    request();
    handleSubmit(t.ctx, owner, encodeAction({ type: 'submit_changes', requestId: 1 }), { note });
    const revised = { ...goodForm, whyContact: `${goodForm.whyContact} Specifically: how her team sized the first fraud analyst hires.` };
    const action = encodeAction({ type: 'submit_request', contactId: 1 });
    expect(handleSubmit(t.ctx, alice, action, revised, { submissionId: 'V-REVISED' })).toMatchObject({ type: 'form_done', queued: true });
    expect(handleSubmit(t.ctx, alice, action, revised, { submissionId: 'V-REVISED' })).toMatchObject({ type: 'form_done', queued: true });
    expect(events().filter((k) => k === 'request.resubmitted')).toHaveLength(1);
    expect(t.ctx.store.listOutbox().filter((m) => m.kind === 'member.request_sent')).toHaveLength(1);
    expect(t.ctx.store.listRequests()).toHaveLength(1);
  });

  it('is owner-only, and only for a pending request', () => {
    request();
    expect(text(click(alice, { type: 'ask_changes', requestId: 1 }))).toContain('Only Sam can do that');
    decideIntro(t.ctx, owner, 1, { kind: 'decline', reason: 'not_now' });
    expect(text(click(owner, { type: 'ask_changes', requestId: 1 }))).toContain('already declined');
  });
});

describe('undo a decision', () => {
  it('within 10 minutes, before anything was sent: back to pending, the notice dropped, the requester not told', () => {
    request();
    const decided = click(owner, { type: 'approve', requestId: 1 });
    expect(decided.type === 'update' && labels(decided.view)).toContain('Undo (10 minutes)');
    expect(t.ctx.store.getRequest(1)?.stage).toBe('awaiting_contact');
    t.ctx.clock.advance(9 * 60_000);
    const undone = click(owner, { type: 'undo', requestId: 1 });
    expect(undone.type).toBe('update');
    expect(labels((undone as { view: View }).view)).toContain('Approve');
    expect(t.ctx.store.getRequest(1)).toMatchObject({ status: 'pending', decidedAt: null, stage: null });
    expect(outboxKinds()).toEqual(['owner.request_card']);
    expect(events()).toEqual(['request.created', 'request.approved', 'optin.asked', 'request.reopened']);
    // The opt-in no longer expires; deciding again sends a fresh notice.
    expect(t.ctx.store.dueTasks('2099-01-01T00:00:00.000Z', 10).map((x) => x.kind)).not.toContain('expire_optin');
    click(owner, { type: 'decline', requestId: 1, reason: 'not_now' });
    expect(outboxKinds()).toEqual(['owner.request_card', 'member.decision_notice']);
  });

  it('tells the requester the decision was reopened only if they had been told', () => {
    request();
    click(owner, { type: 'decline', requestId: 1, reason: 'not_now' });
    sendAll();
    click(owner, { type: 'undo', requestId: 1 });
    const reopened = t.ctx.store.listOutbox({ status: 'pending' });
    expect(reopened.filter((m) => m.kind !== 'owner.card_update').map((m) => `${m.kind}→${m.recipients.join(',')}`)).toEqual(['member.decision_reopened→alice']);
    expect(text(reopened[0]?.view)).toContain('waiting for a decision again');
    expect(t.ctx.store.listEvents({ requestId: 1 }).at(-1)?.data).toMatchObject({ from: 'declined', requesterTold: true });
  });

  it('is refused kindly once the question reached the contact in chat', () => {
    request({ consoleUserId: 'ana' });
    click(owner, { type: 'approve', requestId: 1 });
    sendAll();
    expect(text(click(owner, { type: 'undo', requestId: 1 }))).toContain('already reached Ana Ferreira');
    expect(t.ctx.store.getRequest(1)?.status).toBe('approved');
  });

  it('is refused kindly after 10 minutes, and to anyone but the owner', () => {
    request();
    click(owner, { type: 'approve', requestId: 1 });
    expect(text(click(alice, { type: 'undo', requestId: 1 }))).toContain('Only Sam can do that');
    t.ctx.clock.advance(10 * 60_000);
    expect(text(click(owner, { type: 'undo', requestId: 1 }))).toContain('can be undone for 10 minutes');
    expect(t.ctx.store.getRequest(1)?.status).toBe('approved');
  });

  it('voids an opt-in email the owner was already handed', () => {
    request();
    click(owner, { type: 'approve', requestId: 1 });
    sendAll();
    click(owner, { type: 'undo', requestId: 1 });
    const voided = t.ctx.store.listOutbox({ status: 'pending' }).find((m) => m.edits?.ref === t.ctx.store.getMessageByKey('request:1:optin')?.ref);
    expect(text(voided?.view)).toContain("Don't send it");
  });
});

describe('unblock', () => {
  it('"I don\'t know you" can be taken back: the join request is back with the owner and Admit works', () => {
    requestAdmission(t.ctx, stranger, { howKnow: 'We worked together at Northwind in 2021, on the payments launch.', why: 'I am looking for a mentor in payments.' });
    const id = t.ctx.store.findMember('console', stranger.userId)!.id;
    const blocked = decideAdmission(t.ctx, owner, id, 'block');
    expect(labels(blocked.card)).toEqual(['Unblock']);
    expect(text(click(alice, { type: 'unblock', memberId: id }))).toContain('Only Sam');
    const card = click(owner, { type: 'unblock', memberId: id });
    expect(card.type === 'update' && labels(card.view)).toEqual(['Admit', 'Ignore', "I don't know you"]);
    expect(t.ctx.store.getMember(id)?.status).toBe('pending');
    expect(t.ctx.store.listEvents({ memberId: id }).map((e) => e.kind)).toContain('member.unblocked');
    // The old card's Admit button works again.
    expect(decideAdmission(t.ctx, owner, id, 'admit').changed).toBe(true);
    expect(t.ctx.store.getMember(id)?.status).toBe('member');
  });
});

describe('his words', () => {
  it('the owner edits the intro text before it goes, and the intro carries it', () => {
    request({ consoleUserId: 'ana' });
    const decided = click(owner, { type: 'approve', requestId: 1 });
    expect(text(decided)).toContain('Ana, meet Alice.');
    const form = click(owner, { type: 'edit_intro', requestId: 1 });
    if (form.type !== 'form') throw new Error('expected the form');
    expect(form.form.fields[0]?.value).toContain('Ana, meet Alice.');
    const mine = 'Ana, this is Alice, who I worked with at Northwind; she asks the sharpest questions about fraud.';
    expect(handleSubmit(t.ctx, owner, form.form.action, { text: 'short' }).type).toBe('form_errors');
    expect(handleSubmit(t.ctx, owner, form.form.action, { text: mine }).type).toBe('form_done');
    expect(text(click(alice, { type: 'edit_intro', requestId: 1 }))).toContain('Only Sam');
    answerForContact(t.ctx, { platform: 'console', userId: 'ana' }, 1, true);
    const intro = t.ctx.store.listOutbox().find((m) => m.kind === 'intro.group');
    expect(text(intro?.view)).toContain(mine);
    expect(text(click(owner, { type: 'edit_intro', requestId: 1 }))).toContain('already been made');
  });

  it('a member adds an email; the intro email then goes to both addresses', () => {
    expect(text(handleCommand(t.ctx, alice, 'profile', 'email not-an-email'))).toContain("doesn't look like an email");
    expect(text(handleCommand(t.ctx, alice, 'profile', 'email alice@example.org'))).toContain('Saved');
    expect(text(handleCommand(t.ctx, alice, 'profile', ''))).toContain('alice@example.org');
    request();
    click(owner, { type: 'approve', requestId: 1 });
    answerForContact(t.ctx, owner, 1, true);
    const email = t.ctx.store.listOutbox().find((m) => m.kind === 'owner.intro_email')!;
    expect(text(email.view)).not.toContain("add Alice's address");
    expect(text(email.view)).toContain('mailto:ana.private@example.com,alice@example.org?');
    expect(text(handleCommand(t.ctx, alice, 'profile', 'email none'))).toContain('Removed');
    // The address is never in an event.
    expect(text(t.ctx.store.listEvents())).not.toContain('alice@example.org');
  });

  it('outcomes fit the ask: hired for a job ask, raised for a fundraising ask, and old values stay readable', () => {
    expect(outcomesFor(goodForm)).toContain('job');
    expect(outcomesFor(goodForm)).not.toContain('raised');
    const raise = { whyContact: 'We are raising a seed round for our climate startup and Ana invests in fintech.', blurb: 'Bea runs a two-person startup.' };
    expect(outcomesFor(raise)).toContain('raised');
    expect(outcomesFor(raise)).not.toContain('job');
    const advice = outcomesFor({ whyContact: 'I would like advice on scaling an engineering team.', blurb: 'Cy leads a team of five.' });
    expect(advice).toEqual(['met', 'useful', 'opportunity', 'not_useful', 'no_reply']);
    request();
    const req = t.ctx.store.getRequest(1)!;
    expect(labels(followUpCard(req, 'Ana Ferreira', false))).toContain("It wasn't useful");
    // A row written before the change ('job') still reads.
    t.ctx.store.setOutcome(1, 'job', t.ctx.clock.now().toISOString());
    expect(handleCommand(t.ctx, alice, 'intros', '').type).toBe('show');
    t.ctx.store.setOutcome(1, 'raised', t.ctx.clock.now().toISOString());
    expect(t.ctx.store.getRequest(1)?.outcome).toBe('raised');
  });
});

describe('forms and emails that fit the person', () => {
  it("the blurb's example is about the requester, never the contact; the ask's example uses the contact's own details", () => {
    const lucas = addContact(t, { name: 'Lucas Silva', title: 'CTO', company: 'Samba', tags: [], topics: ['open banking'] });
    const form = requestFormView(lucas, 'Sam', {}, { requesterName: 'Alice' });
    const [howKnow, why, blurb] = form.fields;
    expect(blurb?.hint).toContain('Alice is a');
    expect(blurb?.hint).not.toContain('Lucas');
    expect(why?.hint).toContain('CTO at Samba');
    expect(why?.hint).toContain('open banking');
    expect(text(form)).not.toMatch(/payments/i);
    expect(howKnow?.placeholder).not.toContain('Northwind');
    const bare = requestFormView(addContact(t, { name: 'Mo', title: null, company: null, tags: [], topics: [] }), 'Sam');
    expect(text(bare)).not.toMatch(/payments|Ana|data scientist/);
  });

  it('the opt-in email speaks to the contact and quotes the ask as written to the owner', () => {
    request();
    const req = t.ctx.store.getRequest(1)!;
    const card = ownerOptinEmailCard(req, t.ctx.store.getMember(1)!, t.ctx.store.getContact(1)!, 'Sam');
    const body = card.blocks.find((b) => b.kind === 'quote')!;
    expect(text(body)).toContain('why they would like to talk to you, as they put it to me');
    expect(text(body)).toContain(`> ${goodForm.whyContact}`);
    expect(text(body)).not.toContain('What they would like to ask you:');
    // The intro email falls back to asking for the address when there is none.
    expect(text(ownerIntroEmailCard(req, t.ctx.store.getMember(1)!, t.ctx.store.getContact(1)!, 'Sam'))).toContain("add Alice's address");
  });
});
