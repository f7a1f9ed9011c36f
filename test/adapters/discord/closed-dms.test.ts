// Error 50007: the recipient's DMs are closed to the bot. The person who acted is told
// ephemerally, the message stays in the outbox, and it goes out once, later.
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/actions.ts';
import { submitIntroRequest } from '../../../src/use-cases/submit-intro-request.ts';
import { DMS_CLOSED_RETRY_MS } from '../../../adapters/discord/index.ts';
import { addContact, goodForm } from '../../support/core.ts';
import { ALICE, button, discordError, dmChannelIdFor, FAKE_IDS, modalSubmit } from '../../support/fake-discord.ts';
import { asBotMessage, botWithAlicePerTest, buttonLabelled, dataOf, discordActor, dmsTo, expectNoPingsAnywhere, OWNER, textOf, waitForDm, type BotHarness } from './bot-harness.ts';

let h: BotHarness;
let contactId: number;
botWithAlicePerTest((started) => (h = started));
beforeEach(() => {
  contactId = addContact(h.t).id;
});

/** Makes the fake answer 50007 to DMs for this user; returns the function that opens them again. */
function closeDmsOf(userId: string): () => void {
  const path = new RegExp(`/channels/${dmChannelIdFor(userId)}/messages$`);
  return h.fake.on('POST', path, () => discordError(403, 50007, 'Cannot send messages to this user'));
}

const followUpTo = (token: string) =>
  h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${FAKE_IDS.applicationId}/${token}`);

describe("closed DMs (50007) on Discord", () => {
  it("tells the member the owner can't be reached yet, keeps the card, and delivers it once later", async () => {
    const openAgain = closeDmsOf(OWNER.id);
    const submit = modalSubmit({ user: ALICE, customId: encodeAction({ type: 'submit_request', contactId }), fields: goodForm });
    const confirmation = dataOf(await h.interact(submit));
    expect(textOf(confirmation)).toMatch(/is with Sam/);

    const followUp = await followUpTo(submit.token);
    expect(followUp.body).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect((followUp.body as { content: string }).content).toMatch(new RegExp(`couldn't send <@${OWNER.id}> a direct message: their DMs are closed`));

    const [pending] = h.t.ctx.store.listOutbox();
    expect(pending).toMatchObject({ status: 'pending', recipients: [OWNER.id], kind: 'owner.request_card' });
    expect(pending?.lastError).toMatch(/50007/);
    expect(h.t.ctx.store.listRequests()[0]?.status).toBe('pending');

    // Not retried before the hour is up, even when the owner has opened their DMs.
    openAgain();
    await h.dispatcher.runOnce();
    expect(dmsTo(h.fake, OWNER.id)).toHaveLength(0);

    h.t.ctx.clock.advance(DMS_CLOSED_RETRY_MS + 1_000);
    expect(await h.dispatcher.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(await h.dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(dmsTo(h.fake, OWNER.id)).toHaveLength(1);
    expect(h.t.ctx.store.listOutbox()[0]).toMatchObject({ status: 'sent' });
    expectNoPingsAnywhere(h.fake);
  });

  it("tells the owner when the requester's DMs are closed after a decision", async () => {
    const result = submitIntroRequest(h.t.ctx, discordActor(ALICE), contactId, goodForm);
    if (!result.ok) throw new Error('the good form bounced');
    await h.dispatcher.runOnce();
    const card = asBotMessage(await waitForDm(h.fake, OWNER.id), OWNER.id);
    closeDmsOf(ALICE.id);

    const click = button({ user: OWNER, guildId: null, customId: buttonLabelled(card, 'Approve'), message: card });
    expect((await h.interact(click)).type).toBe(7);
    const followUp = await followUpTo(click.token);
    expect((followUp.body as { content: string }).content).toContain(`<@${ALICE.id}>`);
    expect(h.t.ctx.store.getRequest(result.request.id)?.status).toBe('approved');
    const notice = h.t.ctx.store.listOutbox().find((m) => m.kind === 'member.decision_notice');
    expect(notice).toMatchObject({ status: 'pending', recipients: [ALICE.id] });
  });

  it('says nothing extra when the DM goes through', async () => {
    const submit = modalSubmit({ user: ALICE, customId: encodeAction({ type: 'submit_request', contactId }), fields: goodForm });
    await h.interact(submit);
    await waitForDm(h.fake, OWNER.id);
    await h.dispatcher.runOnce();
    expect(h.fake.requests.filter((r) => r.path.includes(`/webhooks/${FAKE_IDS.applicationId}/${submit.token}`))).toEqual([]);
  });
});
