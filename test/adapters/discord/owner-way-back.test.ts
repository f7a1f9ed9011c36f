// Ask for changes, undo and unblock on Discord: the real discord.js client
// against the fake Discord. The owner's card is one DM, edited in place
// (PATCH) through the outbox when the member resubmits.
import type { APIMessage, APIModalInteractionResponseCallbackData } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/actions.ts';
import { handleSubmit } from '../../../src/interactions.ts';
import { addContact, goodForm } from '../../support/core.ts';
import { ALICE, button, dmChannelIdFor, modalSubmit, slashCommand } from '../../support/fake-discord.ts';
import {
  botWithAlicePerTest,
  asBotMessage,
  buttonLabelled,
  buttonsOf,
  dataOf,
  discordActor,
  dmsTo,
  expectNoPingsAnywhere,
  OWNER,
  requestToOwnerCard,
  STRANGER,
  textOf,
  waitForDm,
  type BotHarness,
} from './bot-harness.ts';

let h: BotHarness;
let card: APIMessage;

botWithAlicePerTest((started) => (h = started));

async function requestAndCard(): Promise<void> {
  ({ card } = await requestToOwnerCard(h, addContact(h.t).id));
}

const click = (customId: string, user = OWNER, message = card) => h.interact(button({ user, guildId: null, customId, message }));
const cardEdits = () =>
  h.fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/api/v10/channels/${dmChannelIdFor(OWNER.id)}/messages/${card.id}` && r.response?.status === 200);

const note = 'Please say what exactly you would ask Ana, and why her rather than anyone on her team.';
const sharper = `${goodForm.whyContact} The one question: how she sized her first fraud analyst team.`;

describe('Discord: ask for changes', () => {
  it('the note reaches Alice, the form reopens with her answers, and her new version edits the same card', async () => {
    await requestAndCard();
    const opened = await click(buttonLabelled(card, 'Ask for changes'));
    expect(opened.type).toBe(9);
    const modal = (opened as { data: APIModalInteractionResponseCallbackData }).data;
    expect(modal.custom_id).toBe(encodeAction({ type: 'submit_changes', requestId: 1 }));

    const done = await h.interact(modalSubmit({ user: OWNER, guildId: null, customId: modal.custom_id, fields: { note }, message: card }));
    expect(textOf(dataOf(done))).toContain('Your note is on its way to Alice Example');
    const told = await waitForDm(h.fake, ALICE.id);
    expect(textOf(told.body)).toContain('would like a few changes');
    expect(textOf(told.body)).toContain(note);
    await h.dispatcher.runOnce();
    expect(cardEdits()).toHaveLength(1);
    expect(textOf(cardEdits()[0]?.body)).toContain('You asked for changes');
    expect(buttonsOf(cardEdits()[0]?.body)).toEqual([]);

    // Her button reopens the form with her answers and the note.
    const reopened = await click(buttonLabelled(told.body, 'Edit my request'), ALICE, asBotMessage(told, ALICE.id));
    expect(reopened.type).toBe(9);
    const form = (reopened as { data: APIModalInteractionResponseCallbackData }).data;
    expect(JSON.stringify(form.components)).toContain(note);
    expect(JSON.stringify(form.components)).toContain(goodForm.howKnow);

    // Through the gate again: a weak version bounces, a good one edits the same card.
    const weak = dataOf(await h.interact(modalSubmit({ user: ALICE, customId: form.custom_id, fields: { ...goodForm, whyContact: 'pls intro' } })));
    expect(buttonLabelled(weak, 'Edit request')).toBe(encodeAction({ type: 'open_request_form', contactId: 1 }));
    const good = dataOf(await h.interact(modalSubmit({ user: ALICE, customId: form.custom_id, fields: { ...goodForm, whyContact: sharper } })));
    expect(textOf(good)).toContain('Your revised request for an intro to Ana Ferreira is with Sam');
    await h.dispatcher.runOnce();
    expect(cardEdits()).toHaveLength(2);
    const revised = cardEdits()[1]?.body;
    expect(textOf(revised)).toContain('revised the request after your note');
    expect(textOf(revised)).toContain('how she sized her first fraud analyst team');
    expect(buttonsOf(revised).map((b) => b.label)).toContain('Approve');
    // Still one card in the owner's DMs, one request.
    expect(dmsTo(h.fake, OWNER.id).filter((r) => textOf(r.body).includes('Intro request #1'))).toHaveLength(1);
    expect(h.t.ctx.store.listRequests()).toHaveLength(1);
    expectNoPingsAnywhere(h.fake);
  });
});

describe('Discord: undo', () => {
  it('undoes an approval on the card; Alice, already told, hears it was reopened', async () => {
    await requestAndCard();
    const approved = await click(buttonLabelled(card, 'Approve'));
    await waitForDm(h.fake, ALICE.id);
    const undone = await click(buttonLabelled(dataOf(approved), 'Undo (10 minutes)'));
    expect(undone.type).toBe(7);
    expect(textOf(dataOf(undone))).toContain('Decision undone: decide again.');
    expect(buttonsOf(dataOf(undone)).map((b) => b.label)).toContain('Approve');
    expect(h.t.ctx.store.getRequest(1)).toMatchObject({ status: 'pending', stage: null });
    const reopened = await waitForDm(h.fake, ALICE.id, 2);
    expect(textOf(reopened.body)).toContain('waiting for a decision again');
  });

  it('refuses kindly after 10 minutes and changes nothing', async () => {
    await requestAndCard();
    const declined = await click(buttonLabelled(card, 'Decline: not now'));
    h.t.ctx.clock.advance(10 * 60_000 + 1);
    const late = await click(buttonLabelled(dataOf(declined), 'Undo (10 minutes)'));
    expect(late.type).toBe(4);
    expect(dataOf(late).flags).toBe(64);
    expect(textOf(dataOf(late))).toContain('can be undone for 10 minutes');
    expect(h.t.ctx.store.getRequest(1)?.status).toBe('declined');
  });
});

describe("Discord: the intro in the owner's words", () => {
  it('Edit the intro text opens a modal prefilled with the draft; the saved text is what the intro carries', async () => {
    await requestAndCard();
    const approved = await click(buttonLabelled(card, 'Approve'));
    const opened = await click(buttonLabelled(dataOf(approved), 'Edit the intro text'));
    expect(opened.type).toBe(9);
    const modal = (opened as { data: APIModalInteractionResponseCallbackData }).data;
    expect(JSON.stringify(modal.components)).toContain('Ana, meet Alice Example.');
    const mine = 'Ana, meet Alice: we worked together at Northwind, and she has one sharp question on fraud hiring.';
    const saved = await h.interact(modalSubmit({ user: OWNER, guildId: null, customId: modal.custom_id, fields: { text: mine }, message: card }));
    expect(textOf(dataOf(saved))).toContain('will go in your words');
    expect(h.t.ctx.store.getRequest(1)?.introText).toBe(mine);
  });
});

describe('Discord: unblock', () => {
  it('"I don\'t know you" is taken back with Unblock, and Admit works again', async () => {
    const zed = discordActor(STRANGER);
    expect(handleSubmit(h.t.ctx, zed, 'ib:sa', { howKnow: 'We worked together at Northwind in 2021, on the payments launch.', why: 'I am looking for a mentor in payments.' }).type).toBe('form_done');
    await h.dispatcher.runOnce();
    card = asBotMessage(await waitForDm(h.fake, OWNER.id), OWNER.id);
    const blocked = await click(buttonLabelled(card, "I don't know you"));
    expect(textOf(dataOf(blocked))).toContain('Marked "I don\'t know you"');
    const back = await click(buttonLabelled(dataOf(blocked), 'Unblock'));
    expect(back.type).toBe(7);
    expect(buttonsOf(dataOf(back)).map((b) => b.label)).toEqual(['Admit', 'Ignore', "I don't know you"]);
    const admitted = await click(buttonLabelled(dataOf(back), 'Admit'));
    expect(textOf(dataOf(admitted))).toContain('Admitted on');
    expect(h.t.ctx.store.findMember('discord', STRANGER.id)?.status).toBe('member');
  });
});

describe('Discord: /profile', () => {
  it('a member adds an email for intros, privately', async () => {
    const bad = dataOf(await h.interact(slashCommand({ name: 'profile', user: ALICE, options: { email: 'not-an-email' } })));
    expect(bad.flags).toBe(64);
    expect(textOf(bad)).toContain("doesn't look like an email");
    const saved = dataOf(await h.interact(slashCommand({ name: 'profile', user: ALICE, options: { email: 'alice@example.org' } })));
    expect(textOf(saved)).toContain('Saved');
    expect(h.t.ctx.store.findMember('discord', ALICE.id)?.email).toBe('alice@example.org');
    expect(textOf(dataOf(await h.interact(slashCommand({ name: 'profile', user: ALICE }))))).toContain('alice@example.org');
  });
});
