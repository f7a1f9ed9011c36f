// Issue 6, faults: the outbox through the real Slack messenger while the fake
// Slack misbehaves (rate limits, server errors, a hung connection, an unknown
// user), then recovers. The test clock moves, the dispatcher runs, and every
// outbox message reaches its channel exactly once, not before its back-off is
// over, and nothing is lost. Logs carry ids and error codes, never anyone's words.
// Tests, not benchmarks: no timing is asserted; loops are fixed in count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessengerClient, createSlackMessenger, slackMessenger } from '../../../adapters/slack/index.ts';
import { renderMessage } from '../../../adapters/slack/render.ts';
import { deliveryFailed } from '../../../src/use-cases/delivery-failed.ts';
import { Dispatcher, type Messenger } from '../../../src/dispatcher.ts';
import { handleAction, handleSubmit } from '../../../src/interactions.ts';
import type { OutboxMessage, Store } from '../../../src/ports.ts';
import type { View } from '../../../src/views/view.ts';
import { addContact, goodForm, makeCore, PRIVATE, type TestCore } from '../../support/core.ts';
import { HANG, startFakeSlack, type FakeSlack, type RecordedCall, type Reply } from '../../support/fake-slack.ts';
import { ALICE, BOB, capturingLogger, OWNER, seedAnaAndAlice, slackConfig, startSlackTest, wire, type LogLine, type SlackTest } from './slack-app.ts';

const CAROL = 'U0001CAROL';
const ANA = 'U0001ANAFE'; // the contact, in the workspace: she gets the opt-in question in a DM
const dm = (user: string) => `D${user}`;

/** What the outbox holds after seeding: three owner cards, two decision notices, one opt-in question. */
const EXPECTED_PER_CHANNEL = { [dm(OWNER)]: 3, [dm(ALICE)]: 1, [dm(BOB)]: 1, [dm(ANA)]: 1 };
const MESSAGES = 6;

interface Attempt {
  channel: string;
  /** Test-clock time of the attempt, in ms. */
  at: number;
  outcome: 'posted' | 'refused';
}
interface Posted {
  channel: string;
  ts: string;
  text: string;
}

let fake: FakeSlack;
let t: TestCore;
let logs: LogLine[];
let start: number;
/** Every chat.postMessage that reached the fake, and the ones Slack accepted. */
let attempts: Attempt[];
let posted: Posted[];
/** The fault being played: an answer to give instead of success, or undefined to succeed. */
let fault: (call: RecordedCall, at: number) => Reply | undefined;

const now = () => t.ctx.clock.now().getTime();
const logger = () => capturingLogger(logs);
const dispatcherWith = (messenger: Messenger) =>
  new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: logger(), messengers: { slack: messenger }, onGiveUp: (m, reason) => deliveryFailed(t.ctx, m, reason) });
/** The production messenger, exactly as bin/platforms.ts builds it. */
const production = () => dispatcherWith(slackMessenger(slackConfig(fake), logger()));

/**
 * Alice, Bob and Carol each ask for an intro to Ana; the owner approves Alice's
 * and declines Bob's before any card was delivered. All of it waits in the outbox.
 */
function seedOutbox(): void {
  const at = t.ctx.clock.now().toISOString();
  addContact(t, { slackUserId: ANA });
  for (const [userId, displayName] of [
    [ALICE, 'Alice'],
    [BOB, 'Bob'],
    [CAROL, 'Carol'],
  ] as const) {
    t.ctx.store.saveMember({ platform: 'slack', userId, displayName, status: 'member', at });
    expect(handleSubmit(t.ctx, { platform: 'slack', userId, displayName }, 'ib:sr:1', goodForm).type).toBe('form_done');
  }
  const owner = { platform: 'slack' as const, userId: OWNER, displayName: 'Sam' };
  expect(handleAction(t.ctx, owner, 'ib:ap:1').type).toBe('update');
  expect(handleAction(t.ctx, owner, 'ib:dc:2:n').type).toBe('update');
  const outbox = t.ctx.store.listOutbox();
  expect(outbox.every((m) => m.status === 'pending' && m.attempts === 0)).toBe(true);
  expect(countBy(outbox.map((m) => dm(m.recipients.join(','))))).toEqual(EXPECTED_PER_CHANNEL);
}

/** Every piece of text the outbox carries, and the form's answers and the contact's private fields. */
function privateWords(store: Store): string[] {
  const texts = (view: View) => view.blocks.flatMap((b) => ('text' in b ? [b.text] : []));
  const fromOutbox = store.listOutbox().flatMap((m) => [m.view.summary, ...texts(m.view)]);
  return [...Object.values(goodForm), ...Object.values(PRIVATE), 'Northwind', ...fromOutbox].filter((w) => w.length >= 8);
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

const pending = (): OutboxMessage[] => t.ctx.store.listOutbox({ status: 'pending' });

/** Each outbox message is sent, and Slack accepted exactly one post for it: in its channel, with its words. */
function expectEachDeliveredOnce(): void {
  const outbox = t.ctx.store.listOutbox();
  expect(outbox).toHaveLength(MESSAGES);
  expect(outbox.map((m) => m.status)).toEqual(Array<string>(MESSAGES).fill('sent'));
  expect(countBy(posted.map((p) => p.channel))).toEqual(EXPECTED_PER_CHANNEL);
  // One accepted post per message and one message per accepted post.
  expect(outbox.map((m) => m.ref).sort()).toEqual(posted.map((p) => `${p.channel}:${p.ts}`).sort());
  for (const m of outbox) {
    const post = posted.find((p) => `${p.channel}:${p.ts}` === m.ref);
    expect(post?.channel).toBe(dm(m.recipients.join(',')));
    expect(post?.text).toBe(renderMessage(m.view).text);
  }
}

describe('the outbox through a misbehaving Slack', () => {
  beforeEach(async () => {
    fake = await startFakeSlack();
    t = makeCore({ owners: { slack: OWNER } });
    logs = [];
    attempts = [];
    posted = [];
    fault = () => undefined;
    start = now();
    fake.on('chat.postMessage', (call) => {
      const channel = String(call.body.channel);
      const failure = fault(call, now());
      attempts.push({ channel, at: now(), outcome: failure === undefined ? 'posted' : 'refused' });
      if (failure !== undefined) return failure;
      const ts = `1700000100.${String(posted.length + 1).padStart(6, '0')}`;
      posted.push({ channel, ts, text: String(call.body.text) });
      return { ok: true, channel, ts, message: { type: 'message', user: 'UBOT', bot_id: 'BBOT', text: call.body.text, ts } };
    });
    seedOutbox();
  });
  afterEach(async () => {
    const words = privateWords(t.ctx.store);
    await fake.close();
    t.cleanup();
    // Whatever failed, the logs name ids, kinds and error codes, never what the messages say.
    const logged = JSON.stringify(logs);
    for (const w of words) expect(logged).not.toContain(w);
  });

  it('(a) a 429 with Retry-After: 2 is not re-attempted before 2 s of test clock, then every message arrives once', async () => {
    const dispatcher = production();
    // Slack lets two posts through, then rate-limits chat.postMessage for 2 s.
    let limitedUntil: number | undefined;
    fault = (_call, at) => {
      if (limitedUntil === undefined && posted.length >= 2) limitedUntil = at + 2_000;
      return limitedUntil !== undefined && at < limitedUntil ? { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } } : undefined;
    };

    expect(await dispatcher.runOnce()).toEqual({ sent: 2, failed: 4 });
    expect(pending().map((m) => m.lastError)).toEqual(Array<string>(4).fill('slack: rate limited'));

    t.ctx.clock.advance(1_999);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(attempts).toHaveLength(MESSAGES); // nothing was tried again inside the Retry-After

    t.ctx.clock.advance(1);
    expect(await dispatcher.runOnce()).toEqual({ sent: 4, failed: 0 });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });

    const refused = attempts.filter((a) => a.outcome === 'refused');
    expect(refused).toHaveLength(4); // each refused once: the retry waited for Slack
    expect(refused.every((a) => a.at === start)).toBe(true);
    expect(attempts.slice(MESSAGES).every((a) => a.at - start >= 2_000)).toBe(true);
    expectEachDeliveredOnce();
  });

  it('(b) HTTP 500s several times in a row: backs off 5, 10, 20 s with no hidden retries, then every message arrives once', async () => {
    const dispatcher = production();
    const OUTAGE_MS = 30_000;
    fault = (_call, at) => (at < start + OUTAGE_MS ? { status: 500, body: 'internal_error' } : undefined);

    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: MESSAGES });
    // attempt 1 at 0 s; then 5 s, 10 s and 20 s of back-off: attempts at 5 s, 15 s (both inside the outage) and 35 s.
    const schedule = [
      { wait: 5_000, result: { sent: 0, failed: MESSAGES } },
      { wait: 10_000, result: { sent: 0, failed: MESSAGES } },
      { wait: 20_000, result: { sent: MESSAGES, failed: 0 } },
    ];
    for (const [i, step] of schedule.entries()) {
      expect(pending().every((m) => /statusCode = 500/.test(m.lastError ?? ''))).toBe(true);
      t.ctx.clock.advance(step.wait - 1);
      expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 }); // still backing off
      expect(attempts).toHaveLength(MESSAGES * (i + 1));
      t.ctx.clock.advance(1);
      expect(await dispatcher.runOnce()).toEqual(step.result);
      expect(attempts).toHaveLength(MESSAGES * (i + 2)); // one call per message per pass: the client never retries on its own
    }
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(attempts.filter((a) => a.outcome === 'refused')).toHaveLength(MESSAGES * 3);
    expectEachDeliveredOnce();
  });

  it('(c) a post that hangs is cut off by the client timeout, the rest of the pass goes on, and it is retried after back-off', async () => {
    // The real messenger and client, with a shorter timeout than production's 10 s so the test stays quick.
    const dispatcher = dispatcherWith(createSlackMessenger(createMessengerClient(slackConfig(fake), logger(), { timeoutMs: 1_000 })));
    const HUNG = 2;
    fault = () => (attempts.length < HUNG ? HANG : undefined);

    // A second kick while the pass hangs joins it rather than sending anything twice.
    const [first, second] = await Promise.all([dispatcher.runOnce(), dispatcher.runOnce()]);
    expect(first).toEqual({ sent: MESSAGES - HUNG, failed: HUNG });
    expect(second).toEqual(first);
    expect(attempts).toHaveLength(MESSAGES);
    expect(pending()).toHaveLength(HUNG);
    for (const m of pending()) expect(m.lastError).toMatch(/request error/i);

    t.ctx.clock.advance(4_999);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });
    t.ctx.clock.advance(1);
    expect(await dispatcher.runOnce()).toEqual({ sent: HUNG, failed: 0 });
    expect(attempts).toHaveLength(MESSAGES + HUNG);
    expectEachDeliveredOnce();
  });

  it('(d) conversations.open failing with user_not_found fails the message for good at once: an event, the owner told in one line, logged by id and error code only', async () => {
    const dispatcher = production();
    let bobGone = true;
    fake.on('conversations.open', ({ body }) =>
      bobGone && body.users === BOB ? { ok: false, error: 'user_not_found' } : { ok: true, channel: { id: dm(String(body.users)) } },
    );

    expect(await dispatcher.runOnce()).toEqual({ sent: MESSAGES - 1 + 1, failed: 1 }); // the owner's notice went in the same pass
    const failed = t.ctx.store.listOutbox({ status: 'failed' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ recipients: [BOB], kind: 'member.decision_notice', attempts: 1, lastError: 'slack: user_not_found' });
    expect(pending()).toEqual([]);
    expect(t.ctx.store.listEvents().filter((e) => e.kind === 'message.failed').map((e) => e.data)).toEqual([
      { outboxId: failed[0]?.id, kind: 'member.decision_notice', reason: 'slack: user_not_found' },
    ]);
    const toOwner = attempts.filter((a) => a.channel === dm(OWNER));
    expect(toOwner).toHaveLength(3 + 1); // three cards and the notice
    const notice = posted.find((p) => p.text.startsWith('A message to Bob could not be delivered'));
    expect(notice?.text).toContain('(slack: user_not_found)');
    expect(notice?.text).toContain(`intro-broker outbox retry ${failed[0]?.id}`);
    // Not retried on its own: Slack said the user does not exist.
    t.ctx.clock.advance(3_600_000);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });

    // The logs: one warning, with ids, the kind and Slack's error code; nothing else.
    const warnings = logs.filter((l) => l.level === 'warn' || l.level === 'error');
    expect(warnings).toHaveLength(1);
    expect(Object.keys(warnings[0]?.obj ?? {}).sort()).toEqual(['attempts', 'kind', 'outboxId', 'platform', 'reason']);
    expect(warnings[0]?.obj).toMatchObject({ outboxId: failed[0]?.id, kind: 'member.decision_notice', platform: 'slack', reason: 'slack: user_not_found' });

    // Bob is back (say, reactivated) and the owner retries: it arrives, once.
    bobGone = false;
    expect(t.ctx.store.retryMessage(failed[0]?.id ?? 0, t.ctx.clock.now().toISOString())).toBe(true);
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(attempts.filter((a) => a.channel === dm(BOB))).toHaveLength(1);
  });
});

describe('through the running app', () => {
  let s: SlackTest;

  beforeEach(async () => {
    s = await startSlackTest();
    seedAnaAndAlice(s);
  });
  afterEach(async () => {
    const words = privateWords(s.t.ctx.store);
    const logged = JSON.stringify(s.logs);
    await s.close();
    for (const w of words) expect(logged).not.toContain(w);
  });

  it('(e) Approve clicked during a rate limit edits the card at once; the notice waits out Retry-After, then arrives once', async () => {
    expect(handleSubmit(s.t.ctx, { platform: 'slack', userId: ALICE, displayName: 'Alice' }, 'ib:sr:1', goodForm).type).toBe('form_done');
    await s.dispatcher.runOnce();
    const [channel = '', ts = ''] = (s.t.ctx.store.listOutbox({ status: 'sent' })[0]?.ref ?? '').split(':');

    // From now, chat.postMessage is rate-limited for 2 s of test clock.
    const clock = s.t.ctx.clock;
    const limitedUntil = clock.now().getTime() + 2_000;
    const tried: { channel: string; at: number }[] = [];
    const accepted: string[] = [];
    s.fake.on('chat.postMessage', ({ body }) => {
      const at = clock.now().getTime();
      tried.push({ channel: String(body.channel), at });
      if (at < limitedUntil) return { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } };
      accepted.push(String(body.channel));
      return { ok: true, channel: body.channel, ts: `1700000200.${String(accepted.length).padStart(6, '0')}` };
    });

    const click = s.click('block-actions-owner-card', 'ib:ap:1', { user: OWNER });
    click.container = { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false };
    expect((await s.interact(click)).status).toBe(200);
    const update = await s.fake.waitFor('chat.update'); // the listener's own call is not held up by the outbox
    expect(wire(update)).toMatch(/Approved on/);
    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === dm(ALICE)); // the pass the click kicked off
    await s.dispatcher.runOnce(); // joins it, or finds nothing due

    const waiting = s.t.ctx.store.listOutbox({ status: 'pending' });
    expect(waiting.map((m) => [m.kind, m.lastError])).toEqual([
      ['member.decision_notice', 'slack: rate limited'],
      ['owner.optin_email', 'slack: rate limited'],
    ]);
    const refused = tried.length;
    expect(refused).toBe(2);

    clock.advance(1_999);
    await s.dispatcher.runOnce();
    expect(tried).toHaveLength(refused); // not before Retry-After
    clock.advance(1);
    await s.dispatcher.runOnce();
    await s.dispatcher.runOnce();

    // The card, its edit through the outbox (the same words the click already put there), the notice, the draft.
    expect(s.t.ctx.store.listOutbox().map((m) => m.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(countBy(accepted)).toEqual({ [dm(ALICE)]: 1, [dm(OWNER)]: 1 });
    expect(tried).toHaveLength(refused + 2);
    expect(s.t.ctx.store.listEvents({ requestId: 1 }).filter((e) => e.kind === 'request.approved')).toHaveLength(1);
  });
});
