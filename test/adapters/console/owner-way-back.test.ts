// Ask for changes, undo and unblock through the terminal's streams, and the
// owner's editable intro draft.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleDriver } from '../../support/console-driver.ts';
import { addContact, addMember, alice, goodForm, makeCore, type TestCore } from '../../support/core.ts';

let t: TestCore;
let term: ConsoleDriver;

beforeEach(() => {
  t = makeCore();
  addContact(t);
  addMember(t, alice);
  term = new ConsoleDriver(t.ctx, 'alice');
});

afterEach(async () => {
  await term.close();
  t.cleanup();
});

async function requestIntroToAna(): Promise<void> {
  const results = await term.type('/find-contact lumen');
  await term.type(String(ConsoleDriver.button(results, 'Request intro to Ana Ferreira')));
  await term.type(goodForm.howKnow);
  await term.type(goodForm.whyContact);
  await term.type(goodForm.blurb);
}

const note = 'Tell me what you would ask Ana in those twenty minutes, in one sentence.';
const sharper = `${goodForm.whyContact} The one question: how she sized her first fraud analyst team.`;

describe('terminal: the owner asks for changes', () => {
  it('the note reaches the member, the form reopens with their answers, and the card is updated', async () => {
    await requestIntroToAna();
    const card = await term.type('/as owner');
    await term.type(String(ConsoleDriver.button(card, 'Ask for changes')));
    const sent = await term.type(note);
    expect(sent).toContain('Your note is on its way to Alice');
    // The owner's card, shown again as it now stands: no decision buttons while it is with Alice.
    expect(sent).toContain('(updated)');
    expect(sent).toContain('You asked for changes');

    const told = await term.type('/as alice');
    expect(told).toContain('would like a few changes');
    expect(told).toContain(note);
    const form = await term.type(String(ConsoleDriver.button(told, 'Edit my request')));
    expect(form).toContain(note);
    expect(form).toContain(`[${goodForm.howKnow}]`);
    // Enter keeps an answer; a new line replaces it.
    await term.type('');
    await term.type(sharper);
    const done = await term.type('');
    expect(done).toContain('Your revised request for an intro to Ana Ferreira is with Sam');
    expect(t.ctx.store.listRequests()).toHaveLength(1);
    expect(t.ctx.store.getRequest(1)).toMatchObject({ howKnow: goodForm.howKnow, whyContact: sharper, blurb: goodForm.blurb, changesNote: null });

    const updated = await term.type('/as owner');
    expect(updated).toContain('(updated)');
    expect(updated).toContain('Alice revised the request after your note');
    expect(updated).toContain(sharper);
    const approved = await term.type(String(ConsoleDriver.button(updated, 'Approve')));
    expect(approved).toContain('Approved on');
  });
});

describe('terminal: undo and the intro draft', () => {
  it('undoes an approval within 10 minutes; the requester, already told, hears it was reopened', async () => {
    await requestIntroToAna();
    const card = await term.type('/as owner');
    const approved = await term.type(String(ConsoleDriver.button(card, 'Approve')));
    // Alice has not read her notice yet: it was delivered to her inbox. Undo still works:
    // the notice went out already, so she is told the decision was reopened.
    const undone = await term.type(String(ConsoleDriver.button(approved, 'Undo (10 minutes)')));
    expect(undone).toContain('Decision undone: decide again.');
    expect(t.ctx.store.getRequest(1)?.status).toBe('pending');
    const declined = await term.type(String(ConsoleDriver.button(undone, 'Decline: not now')));
    expect(declined).toContain('Declined (Not now)');
    t.ctx.clock.advance(11 * 60_000);
    const late = await term.type(String(ConsoleDriver.button(declined, 'Undo (10 minutes)')));
    expect(late).toContain('can be undone for 10 minutes');
    expect(t.ctx.store.getRequest(1)?.status).toBe('declined');
    const inbox = await term.type('/as alice');
    expect(inbox).toContain('Good news: Sam approved');
    expect(inbox).toContain('has reopened your request');
    expect(inbox).toContain("can't make the intro to Ana Ferreira right now");
  });

  it('the owner edits the drafted intro in the terminal before it goes', async () => {
    await requestIntroToAna();
    const card = await term.type('/as owner');
    const approved = await term.type(String(ConsoleDriver.button(card, 'Approve')));
    expect(approved).toContain('Ana, meet Alice.');
    const form = await term.type(String(ConsoleDriver.button(approved, 'Edit the intro text')));
    expect(form).toContain('[Ana, meet Alice.');
    const saved = await term.type('Ana, meet Alice: she worked with me at Northwind and has a sharp question on fraud hiring.');
    expect(saved).toContain('will go in your words');
    expect(t.ctx.store.getRequest(1)?.introText).toContain('she worked with me at Northwind');
  });
});

describe('terminal: unblock', () => {
  it('"I don\'t know you" is taken back with Unblock, and Admit then works', async () => {
    await term.type('/as zed');
    const refused = await term.type('/find-contact fintech');
    await term.type(String(ConsoleDriver.button(refused, 'Ask to join')));
    await term.type('We worked together at Northwind in 2025, on the payments launch.');
    await term.type('I am looking for a mentor in payments product work.');
    const card = await term.type('/as owner');
    const blocked = await term.type(String(ConsoleDriver.button(card, "I don't know you")));
    expect(blocked).toContain('Marked "I don\'t know you"');
    const back = await term.type(String(ConsoleDriver.button(blocked, 'Unblock')));
    expect(back).toContain('Zed asks to join your network');
    const admitted = await term.type(String(ConsoleDriver.button(back, 'Admit')));
    expect(admitted).toContain('Admitted on');
    expect(await term.type('/as zed')).toContain('Sam admitted you');
  });
});
