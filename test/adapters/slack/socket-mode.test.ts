// One smoke test of Socket Mode: the same adapter, connected over the fake's
// WebSocket with an app token and no signing secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/index.ts';
import { Dispatcher } from '../../../src/dispatcher.ts';
import { silentLogger } from '../../../src/ports.ts';
import { makeCore, type TestCore } from '../../support/core.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { loadSlackFixture } from '../../support/slack-http.ts';
import { OWNER, slackConfig } from './slack-app.ts';

let fake: FakeSlack;
let t: TestCore;
let slack: SlackApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  t = makeCore({ owners: { slack: OWNER } });
  const config = slackConfig(fake, { appToken: 'xapp-test', signingSecret: undefined });
  const dispatcher = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: {} });
  slack = createSlackApp({ config, ctx: t.ctx, logger: silentLogger, dispatcher });
  expect(await slack.start()).toEqual({});
});
afterAll(async () => {
  await slack?.stop(); // before the fake goes, or the client would try to reconnect
  await fake?.close();
  t?.cleanup();
});

describe('Socket Mode', () => {
  it('acks a slash command envelope and answers ephemerally through response_url', async () => {
    expect(fake.callsTo('apps.connections.open')[0]?.headers.authorization).toBe('Bearer xapp-test');
    const payload = loadSlackFixture('slash-command', { responseUrl: fake.responseUrl('sock') });
    const id = fake.socket.send({ type: 'slash_commands', accepts_response_payload: true, payload });
    expect((await fake.socket.waitForAck(id)).payload).toEqual({});
    const answer = await fake.waitFor('response_url', (c) => c.path === '/response/sock');
    expect(answer.body.response_type).toBe('ephemeral');
    // U0001ALICE is not a member of this fresh network: the join path, not results.
    expect(JSON.stringify(answer.body.blocks)).toContain('ib:oa');
  });
});
