// Issue 5 through the terminal: opt-in in chat and by email, the intro,
// follow-up answers, reminders and expiry, and a restart in the middle.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../db/sqlite-store.ts';
import { ConsoleDriver } from '../../support/console-driver.ts';
import { addContact, addMember, alice, goodForm, makeCore, type TestCore } from '../../support/core.ts';

let t: TestCore;
let term: ConsoleDriver;

beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
  term = new ConsoleDriver(t.ctx, 'alice');
});
afterEach(async () => {
  await term.close();
  t.cleanup();
});

async function requestAndApprove(search: string, label: string): Promise<string> {
  const results = await term.type(`/find-contact ${search}`);
  await term.type(String(ConsoleDriver.button(results, label)));
  await term.type(goodForm.howKnow);
  await term.type(goodForm.whyContact);
  await term.type(goodForm.blurb);
  const card = await term.type('/as owner');
  return term.type(String(ConsoleDriver.button(card, 'Approve')));
}

describe('terminal: after approval', () => {
  it('asks a contact on chat first; on yes all three get the intro', async () => {
    addContact(t, { consoleUserId: 'ana' });
    await requestAndApprove('lumen', 'Request intro to Ana');
    const ask = await term.type('/as ana');
    expect(ask).toContain('Sam would like to introduce you to Alice');
    expect(ask).not.toContain(goodForm.howKnow);
    const yes = await term.type(String(ConsoleDriver.button(ask, 'Happy to be introduced')));
    expect(yes).toContain('The introduction is on its way');
    expect(yes).toContain('Ana, meet Alice');
    expect(await term.type('/as alice')).toContain("You've been introduced to Ana Ferreira");
    expect(await term.type('/as owner')).toContain('Ana, meet Alice');
  });

  it('a contact on chat can say not now; the requester hears it kindly', async () => {
    addContact(t, { consoleUserId: 'ana' });
    await requestAndApprove('lumen', 'Request intro to Ana');
    const ask = await term.type('/as ana');
    await term.type(String(ConsoleDriver.button(ask, 'Not now')));
    expect(await term.type('/as alice')).toContain("isn't able to take on an introduction right now");
  });

  it('hands the owner an opt-in email for a contact not on chat, then the intro email', async () => {
    addContact(t);
    const after = await requestAndApprove('lumen', 'Request intro to Ana');
    expect(after).toContain('mailto:ana.private@example.com?subject=');
    const intro = await term.type(String(ConsoleDriver.button(after, 'They said yes')));
    expect(intro).toContain('Recorded: Ana Ferreira said yes');
    expect(intro).toContain('Request #1: Ana Ferreira said yes');
    expect(await term.type('/as alice')).toContain('introducing you by email');
  });

  it('follows up two weeks after the intro and tells the owner good news', async () => {
    addContact(t, { noOptin: true, consoleUserId: 'ana' });
    await requestAndApprove('lumen', 'Request intro to Ana');
    await term.type('/as alice');
    await term.type('/wait 13');
    const followUp = await term.type('/wait 1');
    expect(followUp).toContain('How did your intro to Ana Ferreira go?');
    expect(await term.type(String(ConsoleDriver.button(followUp, 'I got hired')))).toContain('Congratulations');
    expect(await term.type('/as owner')).toContain("Good news: Alice's intro to Ana Ferreira led to a job.");
  });

  it('reminds the owner, then expires the request and tells the requester', async () => {
    addContact(t);
    const results = await term.type('/find-contact lumen');
    await term.type(String(ConsoleDriver.button(results, 'Request intro to Ana')));
    await term.type(goodForm.howKnow);
    await term.type(goodForm.whyContact);
    await term.type(goodForm.blurb);
    await term.type('/wait 3');
    expect(await term.type('/as owner')).toContain('A reminder: this has waited 3 days for your decision.');
    await term.type('/wait 11');
    expect(await term.type('/as alice')).toContain('expired before Sam could decide');
  });

  it('a restarted process on the same database finishes the work, nothing twice', async () => {
    addContact(t, { noOptin: true, consoleUserId: 'ana' });
    await requestAndApprove('lumen', 'Request intro to Ana');
    await term.close();
    t.ctx.store.close();
    // A new adapter over a new connection to the same file (a new process), two weeks later.
    t.ctx.clock.advanceDays(14);
    const store = SqliteStore.open(t.path);
    try {
      term = new ConsoleDriver({ ...t.ctx, store }, 'alice');
      const first = await term.type('/intros');
      expect(first).toContain('How did your intro to Ana Ferreira go?');
      expect(await term.type('/intros')).not.toContain('How did your intro');
      expect(store.listOutbox().filter((m) => m.kind === 'member.follow_up')).toHaveLength(1);
      await term.close();
    } finally {
      store.close();
    }
  });
});
