// The triage deck through the terminal adapter's streams: /as owner, /triage,
// then the card's numbered buttons; Tag asks for the tags as a form would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleDriver } from '../../support/console-driver.ts';
import { makeCore, type TestCore } from '../../support/core.ts';
import { seedRolodex } from '../../support/rolodex.ts';

let t: TestCore;
let term: ConsoleDriver;

beforeEach(() => {
  t = makeCore();
  seedRolodex(t.ctx.store, 30);
  term = new ConsoleDriver(t.ctx, 'owner');
});
afterEach(async () => {
  await term.close();
  t.cleanup();
});

describe('terminal adapter: the triage deck', () => {
  it('goes through the deck with numbered buttons, a tag form included', async () => {
    let card = await term.type('/triage');
    expect(card).toContain('Triage 1 of 30');
    expect(card).toContain('https://www.linkedin.com/in/generated-29');
    for (let i = 0; i < 28; i++) card = await term.type(String(ConsoleDriver.button(card, i % 2 ? 'Skip' : 'Vet')));
    expect(card).toContain('Triage 29 of 30');
    await term.type(String(ConsoleDriver.button(card, 'Tag…')));
    card = await term.type('investor');
    expect(card).toContain('Triage 30 of 30');
    card = await term.type(String(ConsoleDriver.button(card, 'Opt out')));
    expect(card).toContain('Done: 30 contacts handled');
    expect(card).toContain('14 skipped contacts wait');
    expect(t.ctx.store.listContacts({ vetted: true })).toHaveLength(15);
    expect(t.ctx.store.listContacts({ tag: 'investor' })).toHaveLength(1);
  });

  it('is for the owner only', async () => {
    await term.type('/as alice');
    expect(await term.type('/triage')).toContain('Only Sam can do that');
  });
});
