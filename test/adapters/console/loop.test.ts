// The whole loop through the terminal adapter's streams, over a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleDriver } from '../../support/console-driver.ts';
import { addContact, addMember, alice, goodForm, makeCore, PRIVATE, type TestCore } from '../../support/core.ts';

let t: TestCore;
let term: ConsoleDriver;

beforeEach(() => {
  t = makeCore();
  addContact(t);
  addContact(t, { name: 'Lucas Silva', title: 'CTO', company: 'Samba Fintech', location: 'São Paulo', tags: ['fintech'], topics: ['open banking'], email: null, phone: null, linkedinUrl: null, notes: null });
  addContact(t, { name: 'Hidden Person', company: 'Fintech Unvetted', vetted: false });
  addMember(t, alice);
  term = new ConsoleDriver(t.ctx, 'alice');
});

afterEach(async () => {
  await term.close();
  t.cleanup();
});

async function requestIntroToAna(): Promise<string> {
  const results = await term.type('/find-contact fintech');
  await term.type(String(ConsoleDriver.button(results, 'Request intro to Ana Ferreira')));
  await term.type(goodForm.howKnow);
  await term.type(goodForm.whyContact);
  return term.type(goodForm.blurb);
}

describe('terminal adapter: the whole loop', () => {
  it('searches vetted contacts only, without private fields', async () => {
    const out = await term.type('/find-contact fintech');
    expect(out).toContain('Ana Ferreira');
    expect(out).toContain('Lucas Silva');
    expect(out).not.toContain('Hidden Person');
    for (const secret of Object.values(PRIVATE)) expect(out).not.toContain(secret);
    expect(await term.type('/find-contact')).toContain('Search Sam');
    expect(await term.type('/find-contact zzzqqq')).toContain('No vetted contacts match "zzzqqq"');
  });

  it('requests, approves, and tells the requester', async () => {
    const sent = await requestIntroToAna();
    expect(sent).toContain('Your request for an intro to Ana Ferreira is with Sam');
    expect(sent).toContain('a message is waiting for owner');

    const card = await term.type('/as owner');
    expect(card).toContain('Intro request #1: Alice → Ana Ferreira');
    expect(card).toContain(goodForm.howKnow);
    expect(card).toContain('First request from this member');
    // What carried it through the gate, so the owner learns to trust it.
    expect(card).toContain('Why it passed the gate: shared history: Northwind, 2019–2021 · ask: twenty minutes to ask how she hires analysts for it.');

    const after = await term.type(String(ConsoleDriver.button(card, 'Approve')));
    expect(after).toMatch(/Approved on 2026-11-02/);
    expect(after).not.toMatch(/\] Approve/);
    // Ana is not on chat, so the owner is handed the opt-in email to send first.
    expect(after).toContain('Request #1: ask Ana Ferreira first');
    expect(after).toContain('They said yes');
    expect(after).toContain('a message is waiting for alice');

    // A second click on the old card changes nothing and sends nothing.
    const again = await term.type(String(ConsoleDriver.button(card, 'Decline: not now')));
    expect(again).toContain('already been settled');

    const notice = await term.type('/as alice');
    expect(notice).toContain('Good news: Sam approved your request for an intro to Ana Ferreira.');
    expect(t.ctx.store.getRequest(1)?.status).toBe('approved');
    expect(t.ctx.store.listOutbox({ status: 'sent' }).map((m) => m.kind)).toEqual(['owner.request_card', 'member.decision_notice', 'owner.optin_email', 'owner.card_update']);
  });

  it('bounces a weak request with guidance, keeps what was typed, and accepts the fix', async () => {
    const results = await term.type('/find-contact lumen');
    await term.type(String(ConsoleDriver.button(results, 'Request intro to Ana')));
    await term.type(goodForm.howKnow);
    await term.type("I'd like to add you to my professional network.");
    const bounced = await term.type(goodForm.blurb);
    expect(bounced).toContain('Almost there');
    // Only the weak field is asked again, with its guidance.
    expect(bounced).toContain('Why Ana? What exactly is your ask?');
    expect(bounced).toContain('A little more, please');
    expect(t.ctx.store.listRequests()).toHaveLength(0);

    const fixed = await term.type(goodForm.whyContact);
    expect(fixed).toContain('Your request for an intro to Ana Ferreira is with Sam');
    expect(t.ctx.store.listRequests()[0]?.howKnow).toBe(goodForm.howKnow);
  });

  it('declines with a reason and the requester hears it kindly', async () => {
    await requestIntroToAna();
    const card = await term.type('/as owner');
    await term.type(String(ConsoleDriver.button(card, "Decline: don't know them well")));
    const notice = await term.type('/as alice');
    expect(notice).toContain("Sam doesn't know Ana Ferreira well enough to make a warm intro");
    expect(t.ctx.store.getRequest(1)).toMatchObject({ status: 'declined', declineReason: 'dont_know_contact' });
  });

  it('withdraws a pending request from /intros', async () => {
    await requestIntroToAna();
    const list = await term.type('/intros');
    expect(list).toContain('#1 Ana Ferreira: waiting for a decision');
    const done = await term.type(String(ConsoleDriver.button(list, 'Withdraw #1')));
    expect(done).toContain('You withdrew your request #1');
    expect(t.ctx.store.getRequest(1)?.status).toBe('withdrawn');
    // The owner's stale card can no longer approve it.
    const queue = await term.type('/as owner');
    const click = await term.type(String(ConsoleDriver.button(queue, 'Approve')));
    expect(click).toContain('Withdrawn by the requester');
    expect(t.ctx.store.getRequest(1)?.status).toBe('withdrawn');
  });

  it('admits a stranger who asks to join, then they can search', async () => {
    await term.type('/as zed');
    const refused = await term.type('/find-contact fintech');
    expect(refused).toContain("Only members of Sam's network");
    expect(refused).not.toContain('Ana Ferreira');
    await term.type(String(ConsoleDriver.button(refused, 'Ask to join')));
    await term.type('We worked together at Northwind in 2021, on the payments launch.');
    const asked = await term.type('I am looking for a mentor in payments product work.');
    expect(asked).toContain('Your request to join is with Sam');

    const card = await term.type('/as owner');
    expect(card).toContain('Zed asks to join your network');
    const admitted = await term.type(String(ConsoleDriver.button(card, 'Admit')));
    expect(admitted).toContain('Admitted on');

    const welcome = await term.type('/as zed');
    expect(welcome).toContain('Sam admitted you');
    expect(await term.type('/find-contact fintech')).toContain('Ana Ferreira');
  });

  it('shows the owner stats, and refuses them to members', async () => {
    await requestIntroToAna();
    expect(await term.type('/stats')).toContain('Only Sam can do that.');
    await term.type('/as owner');
    const stats = await term.type('/stats');
    expect(stats).toContain('Requests: 1 pending, 0 approved');
    expect(stats).toContain('Contacts: 3 (2 vetted, 2 searchable');
  });

  it('cancels a form without sending anything', async () => {
    const results = await term.type('/find-contact ana');
    await term.type(String(ConsoleDriver.button(results, 'Request intro to Ana')));
    await term.type(goodForm.howKnow);
    expect(await term.type('/cancel')).toContain('nothing was sent');
    expect(t.ctx.store.listRequests()).toHaveLength(0);
  });
});
