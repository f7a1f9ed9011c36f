// The owner's triage deck on Discord, through the real discord.js client against
// the fake gateway and REST: /triage puts the first card in the owner's DM, each
// click updates that card in place (callback type 7) with the next, Tag opens a
// modal whose submit updates the card too, and no one but the owner gets a card.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { APIInteractionResponse } from 'discord.js';
import { ALICE, button, botMessage, modalSubmit, slashCommand } from '../../support/discord-payloads.ts';
import { seedRolodex } from '../../support/rolodex.ts';
import type { APIMessage } from 'discord.js';
import { addDiscordMember, asBotMessage, buttonLabelled, buttonsOf, dataOf, dmsTo, expectNoPingsAnywhere, OWNER, startBot, textOf, waitForDm, type BotHarness } from './bot-harness.ts';

let h: BotHarness;
beforeEach(async () => {
  h = await startBot();
});
afterEach(async () => {
  card = undefined;
  await h.close();
});

const triage = (options: Record<string, string | boolean> = {}, user = OWNER) => h.interact(slashCommand({ name: 'triage', user, guildId: null, options }));

/** /triage as the owner: the answer says where the deck is; the first card arrives as a DM. */
async function deck(options: Record<string, string | boolean> = {}): Promise<APIMessage> {
  const before = dmsTo(h.fake, OWNER.id).length;
  const answer = await triage(options);
  expect(textOf(dataOf(answer))).toContain('Your triage deck is in our direct messages');
  return asBotMessage(await waitForDm(h.fake, OWNER.id, before + 1), OWNER.id);
}

let card: APIMessage | undefined;
const click = (customId: string, user = OWNER) => h.interact(button({ user, guildId: null, customId, message: card ?? botMessage() }));
const cardText = (r: APIInteractionResponse) => textOf(dataOf(r)) + JSON.stringify(dataOf(r).components ?? []);

describe('/triage on Discord', () => {
  it('goes through 300 generated contacts, each click updating the DM card in place', async () => {
    seedRolodex(h.t.ctx.store, 300);
    card = await deck();
    expect(textOf(card)).toContain('Triage 1 of 300');
    const labels = ['Vet', 'Skip', 'Vet as close', 'Opt out'];
    let shown: unknown = card;
    for (let i = 0; i < 300; i++) {
      const r = await click(buttonLabelled(shown, labels[i % 4]!));
      expect(r.type).toBe(7);
      shown = dataOf(r);
      if (i < 299) expect(textOf(shown)).toContain(`Triage ${i + 2} of 300`);
    }
    expect(textOf(shown)).toContain('Done: 300 contacts handled in this deck');
    expect(buttonsOf(shown)).toEqual([]);
    const all = h.t.ctx.store.listContacts();
    expect(all.filter((c) => c.vetted)).toHaveLength(150);
    expect(all.filter((c) => !c.openToIntros)).toHaveLength(75);
    h.t.ctx.clock.advance(60_000);
    expect(textOf(await deck({ skipped: true }))).toContain('Triage 1 of 75 (skipped ones included)');
    expectNoPingsAnywhere(h.fake);
  }, 90_000);

  it('sorts by company on request and shows what tells namesakes apart', async () => {
    seedRolodex(h.t.ctx.store, 2);
    card = await deck({ order: 'company' });
    const text = textOf(card) + JSON.stringify(card.components ?? []);
    expect(text).toContain('#2 Aisha Andersson');
    expect(text).toContain('Goodyear');
    expect(text).toContain('4 Jan 2020');
    expect(text).toContain('https://www.linkedin.com/in/generated-1');
    const next = await click(buttonLabelled(card, 'Vet'));
    expect(cardText(next)).toContain('#1 Aisha Andersson');
    expect(cardText(next)).toContain('Google');
  });

  it('Tag opens a modal whose submit tags, vets and updates the card', async () => {
    seedRolodex(h.t.ctx.store, 2);
    card = await deck();
    const opened = await click(buttonLabelled(card, 'Tag…'));
    expect(opened.type).toBe(9);
    const modal = (opened as { data: { custom_id: string; title: string } }).data;
    expect(modal.title).toBe('Tag and vet');
    const empty = await h.interact(modalSubmit({ user: OWNER, guildId: null, customId: modal.custom_id, fields: { tags: ' , ' }, message: card }));
    expect(textOf(dataOf(empty))).toContain('Give at least one tag');
    const done = await h.interact(modalSubmit({ user: OWNER, guildId: null, customId: modal.custom_id, fields: { tags: 'investor, fintech' }, message: card }));
    expect(done.type).toBe(7);
    expect(textOf(dataOf(done))).toContain('Triage 2 of 2');
    expect(h.t.ctx.store.getContact(2)).toMatchObject({ vetted: true, tags: ['investor', 'fintech'] });
  });

  it('refuses a member, who sees no private field', async () => {
    seedRolodex(h.t.ctx.store, 2);
    addDiscordMember(h);
    const refused = await triage({}, ALICE);
    expect(textOf(dataOf(refused))).toContain('Only Sam can do that');
    expect(cardText(refused)).not.toContain('linkedin');
    card = await deck();
    const forged = await click(buttonLabelled(card, 'Vet'), ALICE);
    expect(textOf(dataOf(forged))).toContain('Only Sam can do that');
    expect(h.t.ctx.store.listContacts({ vetted: true })).toEqual([]);
  });
});
