// The owner's own intros through the terminal: /introduce finds the contact
// (vetted or not), the form asks who and why, both sides opt in, then the intro
// and the follow-up. Also his search over everything, and a member's history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleDriver } from '../../support/console-driver.ts';
import { addContact, addMember, alice, makeCore, type TestCore } from '../../support/core.ts';

let t: TestCore;
let term: ConsoleDriver;

const why = 'You both rebuilt fraud teams after a merger and could compare notes on hiring analysts.';
const blurb = 'Alice is a data scientist with six years in consumer lending, moving into payments risk.';

beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
  term = new ConsoleDriver(t.ctx, 'owner');
});
afterEach(async () => {
  await term.close();
  t.cleanup();
});

async function startIntro(search: string, person: string, email: string): Promise<string> {
  const results = await term.type(`/introduce ${search}`);
  const form = await term.type(String(ConsoleDriver.button(results, 'Introduce')));
  expect(form).toContain('Who are you introducing?');
  await term.type(person);
  await term.type(email);
  await term.type(why);
  return term.type(blurb);
}

describe('terminal: the owner introduces someone', () => {
  it('a member and a contact on chat: both asked in chat, then the intro for all three, then the follow-up', async () => {
    addContact(t, { consoleUserId: 'ana', vetted: false });
    const started = await startIntro('lumen', 'Alice', '');
    expect(started).toContain('Intro #1 started: Ana Ferreira is asked in chat, and Alice is asked in chat');

    const askAna = await term.type('/as ana');
    expect(askAna).toContain("I'd like to introduce you to Alice");
    expect(askAna).toContain(blurb);
    expect(await term.type(String(ConsoleDriver.button(askAna, 'Happy to be introduced')))).toContain('as soon as Alice says yes');

    const askAlice = await term.type('/as alice');
    expect(askAlice).toContain("I'd like to introduce you to Ana Ferreira, Head of Payments at Lumen Pay");
    expect(askAlice).not.toContain('ana.private@example.com');
    const yes = await term.type(String(ConsoleDriver.button(askAlice, 'Happy to be introduced')));
    expect(yes).toContain('The introduction is on its way');
    expect(yes).toContain('Ana Ferreira, meet Alice. Alice, meet Ana Ferreira.');
    expect(await term.type('/as owner')).toContain('Ana Ferreira, meet Alice');

    await term.type('/as alice');
    const followUp = await term.type('/wait 15');
    expect(followUp).toContain('How did your intro to Ana Ferreira go?');
    expect(await term.type(String(ConsoleDriver.button(followUp, 'We met')))).toContain('glad you and Ana met');
    expect(t.ctx.store.funnel()).toMatchObject({ requested: 1, introduced: 1, met: 1 });
  });

  it('someone outside the network: two email drafts, answers recorded by the owner, then the intro email', async () => {
    addContact(t);
    const started = await startIntro('ferreira', 'Jordan Lee', 'jordan@example.org');
    expect(started).toContain('an email draft to Jordan Lee is on its way to you');
    expect(started).toContain('mailto:jordan@example.org?subject=');
    expect(started).toContain('mailto:ana.private@example.com?subject=');
    const afterPerson = await term.type(String(ConsoleDriver.button(started, /They said yes/)));
    expect(afterPerson).toMatch(/Recorded: (Jordan Lee|Ana Ferreira) said yes/);
    const later = await term.type('/intros');
    expect(later).toContain('Nothing is waiting for you');
    // The other side's card is still on screen with its own button.
    const numbers = [...started.matchAll(/\[(\d+)\] They said yes/g)].map((m) => Number(m[1]));
    expect(numbers).toHaveLength(2);
    const done = await term.type(String(numbers[1]));
    expect(done).toContain('The intro is on its way');
    expect(done).toContain('mailto:ana.private@example.com,jordan@example.org?subject=');
  });

  it('the form bounces an unknown name without an email and asks only that again', async () => {
    addContact(t);
    const bounced = await startIntro('ana', 'Nobody Known', '');
    expect(bounced).toContain('No member here is called "Nobody Known"');
    expect(t.ctx.store.listRequests()).toHaveLength(0);
  });
});

describe('terminal: owner search and history', () => {
  it('finds an unvetted contact by a private note, vets and tags it', async () => {
    const c = addContact(t, { name: 'Uma Unvetted', vetted: false, notes: 'met at the harbour offsite' });
    const results = await term.type('/find-contact harbour');
    expect(results).toContain('Uma Unvetted');
    expect(results).toContain('not vetted');
    expect(results).toContain('met at the harbour offsite');
    expect(await term.type(String(ConsoleDriver.button(results, 'Vet')))).toContain('Uma Unvetted is vetted');
    await term.type(String(ConsoleDriver.button(results, 'Tag')));
    expect(await term.type('climate, Hiring')).toContain('Uma Unvetted is tagged');
    expect(t.ctx.store.getContact(c.id)).toMatchObject({ vetted: true, tags: ['climate', 'Hiring'] });
  });

  it('/intros shows the owner the age of what waits and the outcomes of recent intros', async () => {
    addContact(t, { consoleUserId: 'ana' });
    await startIntro('lumen', 'Alice', '');
    const askAna = await term.type('/as ana');
    await term.type(String(ConsoleDriver.button(askAna, 'Happy to be introduced')));
    const askAlice = await term.type('/as alice');
    const yes = await term.type(String(ConsoleDriver.button(askAlice, 'Happy to be introduced')));
    expect(yes).toContain('The introduction is on its way');
    const followUp = await term.type('/wait 15');
    await term.type(String(ConsoleDriver.button(followUp, 'It led to an opportunity')));
    await term.type('/as owner');
    const queue = await term.type('/intros');
    expect(queue).toContain('#1 Alice → Ana Ferreira: It led to an opportunity');
    expect(queue).toContain('No intro request is waiting.');
  });

  it("shows a member's history by name", async () => {
    const out = await term.type('/history alice');
    expect(out).toContain('History: Alice');
    expect(out).toContain('No intro requests yet');
    await term.type('/as alice');
    expect(await term.type('/history alice')).toContain('Only Sam can do that');
  });
});
