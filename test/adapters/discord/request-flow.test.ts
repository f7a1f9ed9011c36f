// Request intro → modal → quality gate (ephemeral guidance + Edit request) → owner's DM card.
import { beforeEach, describe, expect, it } from 'vitest';
import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import { encodeAction } from '../../../src/actions.ts';
import { addContact, goodForm } from '../../support/core.ts';
import { ALICE, button, modalSubmit } from '../../support/fake-discord.ts';
import {
  botWithAlicePerTest,
  buttonLabelled,
  buttonsOf,
  dataOf,
  expectNoPingsAnywhere,
  OWNER,
  textOf,
  waitForDm,
  type BotHarness,
} from './bot-harness.ts';

let h: BotHarness;
let contactId: number;
botWithAlicePerTest((started) => (h = started));
beforeEach(() => {
  contactId = addContact(h.t).id;
});

interface TextInput {
  custom_id: string;
  style: number;
  value?: string;
  min_length?: number;
  max_length?: number;
  placeholder?: string;
}

function inputsOf(modal: APIModalInteractionResponseCallbackData): { label: string; input: TextInput }[] {
  return (modal.components as unknown as { type: number; label: string; component: TextInput }[])
    .filter((c) => c.type === 18)
    .map((c) => ({ label: c.label, input: c.component }));
}

async function openForm(): Promise<APIModalInteractionResponseCallbackData> {
  const response = await h.interact(button({ user: ALICE, customId: encodeAction({ type: 'open_request_form', contactId }) }));
  expect(response.type).toBe(9);
  return (response as { data: APIModalInteractionResponseCallbackData }).data;
}

const weak = { howKnow: 'We met once', whyContact: "I'd like to add you to my network", blurb: 'Me.' };

describe('requesting an intro on Discord', () => {
  it('opens a modal within Discord limits with the three answers', async () => {
    const modal = await openForm();
    expect(modal.custom_id).toBe(encodeAction({ type: 'submit_request', contactId }));
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components.length).toBeLessThanOrEqual(5);
    const inputs = inputsOf(modal);
    expect(inputs.map((i) => i.input.custom_id)).toEqual(['howKnow', 'whyContact', 'blurb']);
    for (const { label, input } of inputs) {
      expect(label.length).toBeLessThanOrEqual(45);
      expect(input.style).toBe(2); // paragraph
      expect(input.max_length).toBeLessThanOrEqual(4000);
      expect((input.placeholder ?? '').length).toBeLessThanOrEqual(100);
      expect(input.value).toBeUndefined();
    }
  });

  it('bounces a weak request with guidance per field and an Edit request button that reopens it prefilled', async () => {
    const modal = await openForm();
    const bounced = dataOf(await h.interact(modalSubmit({ user: ALICE, customId: modal.custom_id, fields: weak })));
    expect(bounced.flags).toBe(64);
    const text = textOf(bounced);
    for (const { label } of inputsOf(modal)) expect(text).toContain(`**${label}:**`); // each field: its guidance
    expect(buttonLabelled(bounced, 'Edit request')).toBe(encodeAction({ type: 'open_request_form', contactId }));
    expect(h.t.ctx.store.listRequests()).toEqual([]);
    expect(h.t.ctx.store.listOutbox()).toEqual([]);

    const reopened = await h.interact(button({ user: ALICE, customId: buttonLabelled(bounced, 'Edit request') }));
    expect(reopened.type).toBe(9);
    const values = inputsOf((reopened as { data: APIModalInteractionResponseCallbackData }).data).map((i) => i.input.value);
    expect(values).toEqual([weak.howKnow, weak.whyContact, weak.blurb]);
  });

  it('sends a good request to the owner as a DM card with Approve and Decline, and confirms ephemerally', async () => {
    const modal = await openForm();
    await h.interact(modalSubmit({ user: ALICE, customId: modal.custom_id, fields: weak }));
    const done = dataOf(await h.interact(modalSubmit({ user: ALICE, customId: modal.custom_id, fields: goodForm })));
    expect(done.flags).toBe(64);
    expect(textOf(done)).toMatch(/Your request for an intro to Ana Ferreira is with Sam \(request #1\)/);

    const [request] = h.t.ctx.store.listRequests();
    expect(request).toMatchObject({ status: 'pending', contactId, howKnow: goodForm.howKnow });
    const member = h.t.ctx.store.findMember('discord', ALICE.id);
    expect(request?.memberId).toBe(member?.id);

    const open = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith('/users/@me/channels'));
    expect(open.body).toEqual({ recipient_id: OWNER.id });
    const card = await waitForDm(h.fake, OWNER.id);
    const labels = buttonsOf(card.body).map((b) => b.label);
    expect(labels).toEqual(['Approve', 'Ask for changes', 'Decline: not now', "Decline: don't know them well", "Decline: I don't know you", 'History: Alice Example']);
    expect(textOf(card.body)).toContain('Intro request #1: Alice Example → Ana Ferreira');
    // What carried it through the gate, so the owner learns to trust it.
    expect(textOf(card.body)).toContain('Why it passed the gate: shared history: Northwind, 2019–2021 · ask: twenty minutes to ask how she hires analysts for it.');
    // The outbox row was delivered, with a reference to the DM for later edits.
    const [sent] = h.t.ctx.store.listOutbox();
    expect(sent).toMatchObject({ status: 'sent', recipients: [OWNER.id] });
    expect(sent?.ref).toMatch(/^\d+:\d+$/);
    expectNoPingsAnywhere(h.fake);
  });

  it('never lets request text ping or format in the owner card', async () => {
    const modal = await openForm();
    const form = { ...goodForm, blurb: `${goodForm.blurb} Say hi to @everyone and @here, <@&1234> and <@5678>, **loud**.` };
    await h.interact(modalSubmit({ user: ALICE, customId: modal.custom_id, fields: form }));
    const card = await waitForDm(h.fake, OWNER.id);
    const raw = JSON.stringify(card.body);
    for (const ping of ['@everyone', '@here', '<@&1234>', '<@5678>']) expect(raw).not.toContain(ping);
    expect(textOf(card.body)).toContain('@\u200Beveryone');
    expect(textOf(card.body)).toContain('\\*\\*loud\\*\\*');
    expect(card.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });
});
