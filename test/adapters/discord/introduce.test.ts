// The owner's side on Discord, through the real discord.js client against the
// fake Discord: /introduce finds a contact (vetted or not), the modal asks who
// and why, both sides opt in by DM, then the intro reaches all three with the
// people mentioned (and nobody pinged), and the follow-up. Also /history and
// the owner's search over everything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import { encodeAction } from '../../../src/actions.ts';
import { handleSubmit } from '../../../src/interactions.ts';
import { addContact, goodForm, PRIVATE } from '../../support/core.ts';
import { ALICE, apiUser, button, modalSubmit, slashCommand } from '../../support/fake-discord.ts';
import {
  addDiscordMember,
  closeExpectingNoErrors,
  asBotMessage,
  buttonLabelled,
  buttonsOf,
  dataOf,
  expectNoPingsAnywhere,
  OWNER,
  startBot,
  textOf,
  waitForDm,
  within,
  type BotHarness,
} from './bot-harness.ts';

const ANA = apiUser('1100000000000000004', 'ana.ferreira', 'Ana Ferreira');
const why = 'You both rebuilt fraud teams after a merger and could compare notes on hiring analysts.';
const blurb = 'Alice is a data scientist with six years in consumer lending, moving into payments risk.';

let h: BotHarness;
beforeEach(async () => {
  h = await startBot();
  addDiscordMember(h, ALICE);
});
afterEach(() => closeExpectingNoErrors(h));

const settle = () => within(5_000, h.dispatcher.runOnce(), 'outbox pass');

interface TextInput {
  custom_id: string;
  required?: boolean;
}
const inputsOf = (modal: APIModalInteractionResponseCallbackData) =>
  (modal.components as unknown as { type: number; component: TextInput }[]).filter((c) => c.type === 18).map((c) => c.component);

describe('/introduce on Discord', () => {
  it('the whole loop: find, introduce, both say yes in DMs, the intro with mentions, the follow-up', async () => {
    addContact(h.t, { discordUserId: ANA.id, vetted: false });
    const found = dataOf(await h.interact(slashCommand({ user: OWNER, name: 'introduce', options: { contact: 'lumen' } })));
    expect(found.flags).toBe(64); // only the owner sees it
    expect(textOf(found)).toContain('Ana Ferreira');
    expect(textOf(found)).toContain(PRIVATE.email);
    const introduceId = buttonLabelled(found, /^Introduce Ana/);
    expect(introduceId).toBe(encodeAction({ type: 'introduce_form', contactId: 1 }));

    const opened = await h.interact(button({ user: OWNER, customId: introduceId }));
    expect(opened.type).toBe(9);
    const modal = (opened as { data: APIModalInteractionResponseCallbackData }).data;
    expect(modal.components.length).toBeLessThanOrEqual(5);
    expect(inputsOf(modal).map((i) => [i.custom_id, i.required])).toEqual([
      ['person', true],
      ['email', false],
      ['whyContact', true],
      ['blurb', true],
    ]);

    const started = dataOf(await h.interact(modalSubmit({ user: OWNER, customId: modal.custom_id, fields: { person: 'Alice Example', email: '', whyContact: why, blurb } })));
    expect(textOf(started)).toContain('Intro #1 started');
    await settle();
    const askAna = await waitForDm(h.fake, ANA.id);
    expect(textOf(askAna.body)).toContain("I'd like to introduce you to Alice Example");
    const askAlice = await waitForDm(h.fake, ALICE.id);
    expect(textOf(askAlice.body)).toContain("I'd like to introduce you to Ana Ferreira, Head of Payments at Lumen Pay");
    for (const secret of Object.values(PRIVATE)) expect(JSON.stringify(askAlice.body)).not.toContain(secret);

    const anaYes = await h.interact(button({ user: ANA, guildId: null, customId: buttonLabelled(askAna.body, 'Happy to be introduced'), message: asBotMessage(askAna, ANA.id) }));
    expect(textOf(dataOf(anaYes))).toContain('as soon as Alice Example says yes');
    const aliceYes = await h.interact(button({ user: ALICE, guildId: null, customId: buttonLabelled(askAlice.body, 'Happy to be introduced'), message: asBotMessage(askAlice, ALICE.id) }));
    expect(aliceYes.type).toBe(7); // the card is updated in place
    expect(buttonsOf(dataOf(aliceYes))).toEqual([]);
    await settle();

    // A bot cannot open a group DM: each of the three gets the intro, with the others mentioned.
    for (const user of [OWNER, ALICE, ANA]) {
      const intro = await waitForDm(h.fake, user.id, user === OWNER ? 1 : 2); // the owner had no DM before: his confirmation was ephemeral
      expect(textOf(intro.body)).toContain(`<@${ANA.id}>, meet <@${ALICE.id}>. <@${ALICE.id}>, meet <@${ANA.id}>.`);
    }
    expectNoPingsAnywhere(h.fake);

    h.t.ctx.clock.advanceDays(15);
    await h.runDue();
    const followUp = await waitForDm(h.fake, ALICE.id, 3);
    expect(textOf(followUp.body)).toContain('How did your intro to Ana Ferreira go?');
    expect(h.t.ctx.store.funnel()).toMatchObject({ requested: 1, approved: 1, contactYes: 1, introduced: 1 });
  });

  it('a bounced form answers with what to fix and an Edit button that reopens it with everything typed', async () => {
    addContact(h.t);
    const typed = { person: 'Nobody Known', email: '', whyContact: why, blurb };
    const bounced = dataOf(await h.interact(modalSubmit({ user: OWNER, customId: encodeAction({ type: 'submit_introduce', contactId: 1 }), fields: typed })));
    expect(bounced.flags).toBe(64);
    expect(textOf(bounced)).toContain('No member here is called');
    const reopened = await h.interact(button({ user: OWNER, customId: buttonLabelled(bounced, 'Edit request') }));
    expect(reopened.type).toBe(9);
    const values = ((reopened as { data: APIModalInteractionResponseCallbackData }).data.components as unknown as { type: number; component: { value?: string } }[])
      .filter((c) => c.type === 18)
      .map((c) => c.component.value);
    expect(values).toEqual(['Nobody Known', undefined, why, blurb]);
    expect(h.t.ctx.store.listRequests()).toEqual([]);
  });

  it("the owner's Request intro button opens the introduce modal; a member cannot use /introduce", async () => {
    addContact(h.t);
    const opened = await h.interact(button({ user: OWNER, customId: encodeAction({ type: 'open_request_form', contactId: 1 }) }));
    expect(opened.type).toBe(9);
    expect((opened as { data: APIModalInteractionResponseCallbackData }).data.custom_id).toBe(encodeAction({ type: 'submit_introduce', contactId: 1 }));
    const refused = dataOf(await h.interact(slashCommand({ user: ALICE, name: 'introduce', options: { contact: 'lumen' } })));
    expect(textOf(refused)).toContain('Only Sam can do that');
    for (const secret of Object.values(PRIVATE)) expect(JSON.stringify(refused)).not.toContain(secret);
  });

  it("History on the owner's request card shows him the member's record, only to him", async () => {
    addContact(h.t);
    const submitted = handleSubmit(h.t.ctx, { platform: 'discord', userId: ALICE.id, displayName: 'Alice Example' }, encodeAction({ type: 'submit_request', contactId: 1 }), goodForm);
    expect(submitted.type).toBe('form_done');
    await settle();
    const card = await waitForDm(h.fake, OWNER.id);
    const shown = dataOf(await h.interact(button({ user: OWNER, guildId: null, customId: buttonLabelled(card.body, 'History: Alice Example'), message: asBotMessage(card, OWNER.id) })));
    expect(shown.flags).toBe(64);
    expect(textOf(shown)).toContain('History: Alice Example');
    expect(textOf(shown)).toContain('Ana Ferreira: Waiting for your decision.');

    // /intros gives the owner his queue with each request's age, as the Slack App Home does.
    h.t.ctx.clock.advanceDays(2);
    const queue = dataOf(await h.interact(slashCommand({ user: OWNER, name: 'intros' })));
    expect(textOf(queue)).toContain('#1 Alice Example → Ana Ferreira · waiting 2 days');
    expect(textOf(queue)).toContain('Recent outcomes');
  });

  it('/history shows the owner a member\'s record, and the owner\'s search finds the unvetted', async () => {
    addContact(h.t, { name: 'Uma Unvetted', company: 'Quiet Labs', vetted: false });
    const history = dataOf(await h.interact(slashCommand({ user: OWNER, name: 'history', options: { member: 'Alice Example' } })));
    expect(textOf(history)).toContain('History: Alice Example');
    const owner = dataOf(await h.interact(slashCommand({ user: OWNER, name: 'find-contact', options: { query: 'quiet' } })));
    expect(textOf(owner)).toContain('Uma Unvetted');
    const member = dataOf(await h.interact(slashCommand({ user: ALICE, name: 'find-contact', options: { query: 'quiet' } })));
    expect(textOf(member)).not.toContain('Uma Unvetted');
  });
});
