// A stranger asks to join (modal, bounce, Edit request), and failures on our side end in a
// short, kind ephemeral answer and a log line without private words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/actions.ts';
import { addContact, goodForm } from '../../support/core.ts';
import { ALICE, button, modalSubmit, slashCommand } from '../../support/fake-discord.ts';
import { addDiscordMember, buttonLabelled, dataOf, OWNER, startBot, STRANGER, textOf, waitForDm, type BotHarness } from './bot-harness.ts';

let h: BotHarness;
beforeEach(async () => {
  h = await startBot();
});
afterEach(async () => {
  await h.close();
});

describe('asking to join on Discord', () => {
  it('opens the admission modal, bounces a thin answer with Edit request, and sends a good one to the owner', async () => {
    const modal = await h.interact(button({ user: STRANGER, customId: encodeAction({ type: 'open_admission_form' }) }));
    expect(modal.type).toBe(9);
    const customId = encodeAction({ type: 'submit_admission' });
    expect(modal).toMatchObject({ data: { custom_id: customId } });

    const bounced = dataOf(await h.interact(modalSubmit({ user: STRANGER, customId, fields: { howKnow: 'hi', why: 'hi' } })));
    expect(bounced.flags).toBe(64);
    expect(buttonLabelled(bounced, 'Edit request')).toBe(encodeAction({ type: 'open_admission_form' }));
    expect(h.t.ctx.store.findMember('discord', STRANGER.id)).toBeNull();

    const fields = { howKnow: 'We worked together at Northwind in 2021, on the payments launch.', why: 'I am looking for a mentor in payments risk.' };
    const done = dataOf(await h.interact(modalSubmit({ user: STRANGER, customId, fields })));
    expect(textOf(done)).toMatch(/Your request to join is with Sam/);
    expect(h.t.ctx.store.findMember('discord', STRANGER.id)).toMatchObject({ status: 'pending', displayName: 'zed.example' });
    const card = await waitForDm(h.fake, OWNER.id);
    expect(textOf(card.body)).toContain('zed.example asks to join your network');
  });
});

describe('failures', () => {
  it('answers a kind ephemeral message and logs no private words when the core fails', async () => {
    addDiscordMember(h);
    addContact(h.t);
    h.t.ctx.store.close(); // every query now throws
    const response = await h.interact(
      modalSubmit({ user: ALICE, customId: encodeAction({ type: 'submit_request', contactId: 1 }), fields: goodForm }),
    );
    expect(response).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(textOf(dataOf(response))).toMatch(/Sorry, something went wrong on our side/);
    const errors = h.logs.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(h.logs)).not.toContain(goodForm.blurb.slice(0, 20));
  });

  it('routes an unknown command to the core, which says what exists', async () => {
    const response = await h.interact(slashCommand({ name: 'old-command', user: ALICE }));
    expect(textOf(dataOf(response))).toMatch(/I don't know the command \/old-command/);
  });
});
