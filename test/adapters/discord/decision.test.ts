// The owner's one click on the DM card: the card is replaced in place, the requester is told,
// and only the owner's click counts, once.
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/actions.ts';
import { addContact } from '../../support/core.ts';
import type { APIMessage } from 'discord.js';
import { ALICE, button } from '../../support/fake-discord.ts';
import {
  botWithAlicePerTest,
  buttonLabelled,
  buttonsOf,
  dataOf,
  dmsTo,
  expectNoPingsAnywhere,
  OWNER,
  requestToOwnerCard,
  textOf,
  waitForDm,
  type BotHarness,
} from './bot-harness.ts';

let h: BotHarness;
let card: APIMessage;
let requestId: number;

botWithAlicePerTest((started) => (h = started));
beforeEach(async () => {
  ({ requestId, card } = await requestToOwnerCard(h, addContact(h.t).id));
});

const click = (customId: string, user = OWNER) => h.interact(button({ user, guildId: null, customId, message: card }));
const events = (kind: string) => h.t.ctx.store.listEvents({ requestId }).filter((e) => e.kind === kind);

describe('the owner decides on Discord', () => {
  it('approves: the card is updated in place without buttons, the requester gets a DM, the DB says approved', async () => {
    const response = await click(buttonLabelled(card, 'Approve'));
    expect(response.type).toBe(7);
    const updated = dataOf(response);
    // No decision buttons: only the way back and the owner's words.
    expect(buttonsOf(updated).map((b) => b.label)).toEqual(['Edit the intro text', 'Undo (10 minutes)']);
    expect(textOf(updated)).toMatch(/Approved on 2026-11-02 09:00 UTC/);
    expect(textOf(updated)).toContain('Alice Example → Ana Ferreira');

    const notice = await waitForDm(h.fake, ALICE.id);
    expect(textOf(notice.body)).toMatch(/Sam approved your request for an intro to Ana Ferreira/);
    expect(h.t.ctx.store.getRequest(requestId)).toMatchObject({ status: 'approved', decidedBy: `discord:${OWNER.id}` });
    expect(events('request.approved')).toHaveLength(1);
    expectNoPingsAnywhere(h.fake);
  });

  it('declines with a reason, and tells the requester kindly', async () => {
    const response = await click(buttonLabelled(card, "Decline: I don't know you"));
    expect(response.type).toBe(7);
    expect(buttonsOf(dataOf(response)).map((b) => b.label)).toEqual(['Undo (10 minutes)']);
    expect(textOf(dataOf(response))).toMatch(/Declined \(I don't know you\) on 2026-11-02 09:00 UTC/);
    const notice = await waitForDm(h.fake, ALICE.id);
    expect(textOf(notice.body)).toMatch(/couldn't place how you know each other/);
    expect(h.t.ctx.store.getRequest(requestId)).toMatchObject({ status: 'declined', declineReason: 'dont_know_you' });
  });

  it("refuses a member who clicks the owner's Approve, and changes nothing", async () => {
    const response = await click(encodeAction({ type: 'approve', requestId }), ALICE);
    expect(response.type).toBe(4);
    expect(dataOf(response).flags).toBe(64);
    expect(textOf(dataOf(response))).toMatch(/Only Sam can do that/);
    expect(h.t.ctx.store.getRequest(requestId)?.status).toBe('pending');
    expect(events('request.approved')).toHaveLength(0);
    expect(dmsTo(h.fake, ALICE.id)).toHaveLength(0);
  });

  it.each(['ib:ap:abc', 'ib:ap:1:extra:' + 'x'.repeat(90), 'not-ours', 'ib:dc:1:z'])('refuses a forged custom_id %#', async (customId) => {
    const response = await click(customId);
    expect(response.type).toBe(4);
    expect(dataOf(response).flags).toBe(64);
    expect(textOf(dataOf(response))).toMatch(/no longer valid/);
    expect(h.t.ctx.store.getRequest(requestId)?.status).toBe('pending');
  });

  it('counts two concurrent clicks once: one decision event, one notice', async () => {
    const approve = buttonLabelled(card, 'Approve');
    const [first, second] = await Promise.all([click(approve), click(approve)]);
    expect([first.type, second.type]).toEqual([7, 7]);
    expect(buttonsOf(dataOf(first)).map((b) => b.label)).not.toContain('Approve');
    expect(buttonsOf(dataOf(second)).map((b) => b.label)).not.toContain('Approve');
    expect(JSON.stringify([first, second])).toContain('already been settled');
    await waitForDm(h.fake, ALICE.id);
    await h.dispatcher.runOnce();
    expect(events('request.approved')).toHaveLength(1);
    expect(h.t.ctx.store.listOutbox().filter((m) => m.kind === 'member.decision_notice')).toHaveLength(1);
    expect(dmsTo(h.fake, ALICE.id)).toHaveLength(1);
  });
});
