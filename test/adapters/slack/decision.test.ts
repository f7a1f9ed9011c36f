// The owner's one click on the DM card: the card is edited in place, the
// requester is told once, and no one else's click (or a forged id) changes anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleSubmit } from '../../../src/interactions.ts';
import { goodForm } from '../../support/core.ts';
import { ALICE, OWNER, postsTo, seedAnaAndAlice, startSlackTest, wire, type SlackTest } from './slack-app.ts';

let s: SlackTest;
let card: { channel: string; ts: string };

beforeEach(async () => {
  s = await startSlackTest();
  seedAnaAndAlice(s);
  const reply = handleSubmit(s.t.ctx, { platform: 'slack', userId: ALICE, displayName: 'Alice' }, 'ib:sr:1', goodForm);
  expect(reply.type).toBe('form_done');
  await s.dispatcher.runOnce();
  const [channel = '', ts = ''] = (s.t.ctx.store.listOutbox({ status: 'sent' })[0]?.ref ?? '').split(':');
  card = { channel, ts };
  s.fake.reset();
});
afterEach(async () => {
  await s.close();
});

/** The owner card fixture, pointing at the card the outbox really posted. */
function clickCard(actionId: string, opts: { user?: string; tag?: string } = {}) {
  const payload = s.click('block-actions-owner-card', actionId, { user: OWNER, ...opts });
  payload.container = { type: 'message', message_ts: card.ts, channel_id: card.channel, is_ephemeral: false };
  return payload;
}

const decisions = () => s.t.ctx.store.listEvents({ requestId: 1 }).filter((e) => e.kind === 'request.approved' || e.kind === 'request.declined');
const noticesToAlice = () => postsTo(s.fake, `D${ALICE}`).filter((c) => wire(c).includes('approved your request'));
const actionIdsIn = (blocks: unknown) => (blocks as { type: string; elements?: { action_id: string }[] }[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).map((e) => e.action_id) : []));

describe('the owner decides', () => {
  it('Approve edits the card in place, tells the requester and records the decision', async () => {
    expect(card.channel).toBe(`D${OWNER}`);
    expect((await s.interact(clickCard('ib:ap:1'))).status).toBe(200);
    const update = await s.fake.waitFor('chat.update');
    expect(update.body).toMatchObject({ channel: card.channel, ts: card.ts });
    // No decision buttons are left; what remains is the way back and the owner's words.
    expect(actionIdsIn(update.body.blocks)).toEqual(['ib:ei:1', 'ib:ud:1']);
    expect(wire(update)).toMatch(/Approved on 2026-11-02 09:00 UTC/);

    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${ALICE}`);
    expect(wire(noticesToAlice()[0]!)).toContain('Good news: Sam approved your request for an intro to Ana Ferreira');
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('approved');
    expect(decisions()).toHaveLength(1);
  });

  it('Decline with a reason edits the card and tells the requester kindly', async () => {
    await s.interact(clickCard('ib:dc:1:n'));
    expect(wire(await s.fake.waitFor('chat.update'))).toContain('Declined (Not now)');
    const notice = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${ALICE}`);
    expect(wire(notice)).toContain("It's about timing, not you");
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('declined');
  });

  it('a double click makes one decision and one notice', async () => {
    await s.interact(clickCard('ib:ap:1', { tag: 'c1' }));
    await s.fake.waitFor('chat.update');
    await s.interact(clickCard('ib:ap:1', { tag: 'c2' }));
    await s.fake.waitFor('chat.update', () => s.fake.callsTo('chat.update').length === 2);
    expect(wire(s.fake.callsTo('chat.update')[1]!)).toContain('already been settled');
    await s.dispatcher.runOnce();
    expect(decisions()).toHaveLength(1);
    expect(noticesToAlice()).toHaveLength(1);
  });

  it('two concurrent clicks make one decision and one notice', async () => {
    const results = await Promise.all([s.interact(clickCard('ib:ap:1', { tag: 'a' })), s.interact(clickCard('ib:dc:1:n', { tag: 'b' }))]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    await s.fake.waitFor('chat.update', () => s.fake.callsTo('chat.update').length === 2);
    await s.dispatcher.runOnce();
    expect(decisions()).toHaveLength(1);
    expect(s.t.ctx.store.listOutbox().filter((m) => m.kind === 'member.decision_notice')).toHaveLength(1);
    expect(postsTo(s.fake, `D${ALICE}`)).toHaveLength(1);
  });
});

describe('clicks that must change nothing', () => {
  it('a member clicking a forwarded Approve button gets a polite refusal', async () => {
    await s.interact(clickCard('ib:ap:1', { user: ALICE, tag: 'alice' }));
    const refusal = await s.fake.waitFor('response_url', (c) => c.path === '/response/alice');
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(wire(refusal)).toContain('Only Sam can do that');
    await s.dispatcher.runOnce();
    expect(s.fake.callsTo('chat.update')).toHaveLength(0);
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('pending');
    expect(decisions()).toHaveLength(0);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it.each([
    ['a request that does not exist', 'ib:ap:999', 'no longer exists'],
    ['an id the core cannot decode', 'ib:zz:1', 'no longer valid'],
    ['an id that is not ours at all', 'garbage', 'no longer valid'],
  ])('%s gets a polite refusal', async (_what, actionId, words) => {
    const res = await s.interact(clickCard(actionId, { tag: 'forged' }));
    expect(res.status).toBe(200);
    const refusal = await s.fake.waitFor('response_url', (c) => c.path === '/response/forged');
    expect(wire(refusal)).toContain(words);
    expect(s.fake.callsTo('chat.update')).toHaveLength(0);
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('pending');
  });
});
