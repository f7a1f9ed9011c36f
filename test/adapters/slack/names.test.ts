// Real names from users.info, cached: one call per person for a burst of
// clicks, again after an hour, and the payload's name when Slack fails.
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackNames } from '../../../adapters/slack/names.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { capturingLogger, type LogLine } from './slack-app.ts';

let fake: FakeSlack;
let now = 0;
let logs: LogLine[];
let names: SlackNames;
let client: webApi.WebClient;

beforeEach(async () => {
  fake = await startFakeSlack({ people: { U1: 'Jordan Doe' } });
  logs = [];
  names = new SlackNames(capturingLogger(logs), () => now);
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
});
afterEach(async () => {
  await fake.close();
});

describe('SlackNames', () => {
  it("gives the person's real name, not their handle, with one call for many lookups", async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => names.actor(client, 'U1', 'jdoe47')));
    expect(new Set(all.map((a) => a.displayName))).toEqual(new Set(['Jordan Doe']));
    expect(fake.callsTo('users.info')).toHaveLength(1);
  });

  it('asks again once the hour is over', async () => {
    await names.lookup(client, 'U1');
    now += 59 * 60_000;
    await names.lookup(client, 'U1');
    expect(fake.callsTo('users.info')).toHaveLength(1);
    now += 2 * 60_000;
    await names.lookup(client, 'U1');
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });

  it("falls back to the payload's name when Slack refuses, and says so in the log without details", async () => {
    fake.on('users.info', () => ({ ok: false, error: 'missing_scope' }));
    expect(await names.actor(client, 'U1', 'jdoe47')).toEqual({ platform: 'slack', userId: 'U1', displayName: 'jdoe47' });
    expect(logs.map((l) => l.msg)).toEqual(['slack users.info failed; using the payload name']);
    // A failure is not cached: the next lookup asks again.
    fake.reset();
    expect(await names.lookup(client, 'U1')).toBe('Jordan Doe');
  });
});
