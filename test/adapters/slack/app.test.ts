// Starting the adapter: a bad token is an error the caller sees at start.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../adapters/slack/index.ts';
import { Dispatcher } from '../../../src/dispatcher.ts';
import { silentLogger } from '../../../src/ports.ts';
import { makeCore, type TestCore } from '../../support/core.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { OWNER, slackConfig } from './slack-app.ts';

let fake: FakeSlack;
let t: TestCore;

beforeEach(async () => {
  fake = await startFakeSlack();
  t = makeCore({ owners: { slack: OWNER } });
});
afterEach(async () => {
  await fake.close();
  t.cleanup();
});

describe('starting the Slack adapter', () => {
  it('rejects start() when Slack refuses the bot token, and listens on nothing', async () => {
    fake.on('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const dispatcher = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: {} });
    const slack = createSlackApp({ config: slackConfig(fake), ctx: t.ctx, logger: silentLogger, dispatcher, host: '127.0.0.1' });
    // One line naming the variable to fix; Slack's own error kept as the cause for the debug log.
    const err = (await slack.start().catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ name: 'StartupError', cause: { data: { error: 'invalid_auth' } } });
    expect(err.message).toMatch(/^SLACK_BOT_TOKEN: Slack refused the bot token \(invalid_auth\)/);
  });

  it('refuses HTTP mode without a signing secret', () => {
    const dispatcher = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: {} });
    expect(() => createSlackApp({ config: slackConfig(fake, { signingSecret: undefined }), ctx: t.ctx, logger: silentLogger, dispatcher })).toThrow(/signing secret/);
  });
});
