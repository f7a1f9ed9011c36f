// /find-contact searched in a worker thread (its own connection and index):
// the listener acks, the worker answers through response_url, it sees what the
// bot's own connection wrote since it started, and if it is gone the listener
// answers inline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp, SlackSearchWorker } from '../../../adapters/slack/index.ts';
import { addContact, makeCore, type TestCore } from '../../support/core.ts';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.ts';
import { loadSlackFixture, postInteraction, postSlashCommand } from '../../support/slack-http.ts';
import { ALICE, capturingLogger, type LogLine, OWNER, SECRET, slackConfig, wire } from './slack-app.ts';

let fake: FakeSlack;
let t: TestCore;
let worker: SlackSearchWorker;
let slack: SlackApp;
let url: string;
const logs: LogLine[] = [];

beforeEach(async () => {
  fake = await startFakeSlack();
  t = makeCore({ owners: { slack: OWNER } });
  addContact(t);
  t.ctx.store.saveMember({ platform: 'slack', userId: ALICE, displayName: 'Alice', status: 'member', at: t.ctx.clock.now().toISOString() });
  const logger = capturingLogger(logs);
  worker = new SlackSearchWorker({ databasePath: t.path, policy: t.ctx.policy, logger });
  await worker.ready;
  slack = createSlackApp({ config: slackConfig(fake), ctx: t.ctx, logger, dispatcher: { runOnce: () => Promise.resolve({ sent: 0, failed: 0 }) }, host: '127.0.0.1', search: worker });
  url = `http://127.0.0.1:${(await slack.start()).port}/slack/events`;
});
afterEach(async () => {
  await slack.stop();
  await worker.stop();
  await fake.close();
  t.cleanup();
});

async function find(text: string, tag: string) {
  const res = await postSlashCommand(url, SECRET, { user_id: ALICE, user_name: 'alice', command: '/find-contact', text, response_url: fake.responseUrl(tag) });
  expect(res.status).toBe(200);
  expect(res.text).toBe('');
  return wire(await fake.waitFor('response_url', (c) => c.path === `/response/${tag}`));
}

describe('/find-contact in a worker thread', () => {
  it('answers through response_url, and finds a contact the bot added after the worker started', async () => {
    expect(await find('payments', 'a')).toContain('Ana Ferreira');
    addContact(t, { name: 'Lucas Silva', title: 'Payments Lead', email: null, phone: null, linkedinUrl: null, notes: null });
    expect(await find('lucas', 'b')).toContain('Lucas Silva');
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('pages through the worker too: More results replaces the results in place', async () => {
    for (let i = 0; i < 6; i++) addContact(t, { name: `Fintech Person ${i}`, company: 'Fintech Co', tags: ['fintech'], email: null, phone: null, linkedinUrl: null, notes: null });
    expect(await find('fintech', 'p1')).toContain('More results');
    const payload = loadSlackFixture('block-actions-ephemeral', { responseUrl: fake.responseUrl('p2') });
    const actions = payload.actions as Record<string, unknown>[];
    actions[0] = { ...actions[0], action_id: 'ib:sp:2:fintech' };
    payload.user = { ...(payload.user as object), id: ALICE };
    expect((await postInteraction(url, SECRET, payload)).status).toBe(200);
    const page2 = await fake.waitFor('response_url', (c) => c.path === '/response/p2');
    expect(page2.body.replace_original).toBe(true);
    expect(wire(page2)).toContain('Results 6–');
  });

  it('answers inline when the worker is gone', async () => {
    await worker.stop();
    expect(await find('payments', 'c')).toContain('Ana Ferreira');
  });
});
