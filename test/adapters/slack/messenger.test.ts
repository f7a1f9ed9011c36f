// The outbox through the Slack messenger: a rate limit waits for Slack's
// Retry-After, a server error backs off, and every message arrives exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackMessenger } from '../../../adapters/slack/index.ts';
import { Dispatcher } from '../../../src/dispatcher.ts';
import { silentLogger } from '../../../src/ports.ts';
import { makeCore, type TestCore } from '../../support/core.ts';
import { startFakeSlack, type FakeSlack, type Reply } from '../../support/fake-slack.ts';
import { OWNER, slackConfig } from './slack-app.ts';

let fake: FakeSlack;
let t: TestCore;
let dispatcher: Dispatcher;

beforeEach(async () => {
  fake = await startFakeSlack();
  t = makeCore({ owners: { slack: OWNER } });
  dispatcher = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: { slack: slackMessenger(slackConfig(fake), silentLogger) } });
  t.ctx.store.enqueue({
    dedupeKey: 'test:1',
    platform: 'slack',
    recipients: [OWNER],
    kind: 'owner.request_card',
    view: { summary: 'A card', blocks: [{ kind: 'text', text: 'A card' }] },
    at: t.ctx.clock.now().toISOString(),
  });
});
afterEach(async () => {
  await fake.close();
  t.cleanup();
});

/** Answers `failure` to the first chat.postMessage, then succeeds like Slack. */
function failOnce(failure: Reply): void {
  let calls = 0;
  fake.on('chat.postMessage', ({ body }) => (++calls === 1 ? failure : { ok: true, channel: body.channel, ts: `1700000001.00000${calls}` }));
}

const delivered = () => t.ctx.store.listOutbox({ status: 'sent' });

describe('the Slack messenger', () => {
  it('posts into the DM and keeps channel:ts as the reference', async () => {
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(fake.callsTo('conversations.open')[0]?.body.users).toBe(OWNER);
    expect(fake.callsTo('chat.postMessage')[0]?.body).toMatchObject({ channel: `D${OWNER}`, text: 'A card' });
    expect(delivered()[0]?.ref).toBe(`D${OWNER}:1700000000.000100`);
  });

  it('on 429 waits for Retry-After, then delivers exactly once', async () => {
    failOnce({ status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 1 });
    expect(t.ctx.store.listOutbox({ status: 'pending' })[0]?.lastError).toBe('slack: rate limited');

    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 }); // not due yet
    t.ctx.clock.advance(1_000);
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2); // the refused one and the delivered one
    expect(delivered()).toHaveLength(1);
  });

  it('on a 500 backs off and retries; nothing is lost', async () => {
    failOnce({ status: 500, body: 'boom' });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 1 });
    t.ctx.clock.advance(4_000);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 }); // still backing off
    t.ctx.clock.advance(1_000);
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(delivered()).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2); // no hidden retries inside the client
  });

  it('an API error (ok:false) that may pass is retried later', async () => {
    fake.on('conversations.open', () => ({ ok: false, error: 'internal_error' }));
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 1 });
    expect(t.ctx.store.listOutbox({ status: 'pending' })[0]?.lastError).toContain('internal_error');
  });

  it.each(['user_not_found', 'cannot_dm_bot', 'user_disabled', 'channel_not_found', 'not_in_channel', 'missing_scope', 'account_inactive'])(
    'an API error that cannot pass (%s) fails the message for good',
    async (error) => {
      fake.on('conversations.open', () => ({ ok: false, error }));
      expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 1 });
      expect(t.ctx.store.listOutbox()[0]).toMatchObject({ status: 'failed', lastError: `slack: ${error}` });
      t.ctx.clock.advance(86_400_000);
      expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });
    },
  );

  it('opens a group DM for a list of users, without blanks or repeats', async () => {
    t.ctx.store.enqueue({
      dedupeKey: 'test:group',
      platform: 'slack',
      recipients: [OWNER, ' U0001ALICE', '', OWNER],
      kind: 'intro.group',
      view: { summary: 'An intro', blocks: [{ kind: 'text', text: 'An intro' }] },
      at: t.ctx.clock.now().toISOString(),
    });
    fake.on('conversations.open', ({ body }) => ({ ok: true, channel: { id: String(body.users).includes(',') ? 'G0001GROUP' : `D${String(body.users)}` } }));
    expect(await dispatcher.runOnce()).toEqual({ sent: 2, failed: 0 });
    expect(fake.callsTo('conversations.open').map((c) => c.body.users)).toEqual([OWNER, `${OWNER},U0001ALICE`]);
    expect(fake.callsTo('chat.postMessage')[1]?.body).toMatchObject({ channel: 'G0001GROUP', text: 'An intro' });
    expect(delivered().find((m) => m.kind === 'intro.group')?.ref).toMatch(/^G0001GROUP:/);
  });
});
