// Smoke test for the Slack test harness: a REAL Bolt App talks to the fake
// Slack in test/support, in HTTP mode and in Socket Mode. Findings are in
// test/support/SLACK-HARNESS-NOTES.md.
import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANG, startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { loadSlackFixture, postEvent, postInteraction, postSlashCommand } from '../../support/slack-http.ts';

const SECRET = 'test-signing-secret';

// A fresh object per App: Bolt mutates clientOptions (adds its logger, and
// Socket Mode adds a retryConfig), so sharing one would leak between apps.
// retries: 0 because WebClient retries 5xx up to 10 times over ~30 minutes.
const clientOptions = (fake: FakeSlack) => ({ slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });

describe('Bolt HTTP mode against the fake Slack', () => {
  let fake: FakeSlack;
  let app: App;
  let url: string;
  const seenRetryNums: (number | undefined)[] = [];

  beforeAll(async () => {
    // The fake must be up BEFORE `new App(...)`: with a token, the constructor
    // calls auth.test immediately (tokenVerificationEnabled defaults to true).
    fake = await startFakeSlack();
    app = new App({ signingSecret: SECRET, token: 'xoxb-test', clientOptions: clientOptions(fake), logLevel: LogLevel.ERROR });

    app.command('/find-contact', async ({ ack, command, client, respond }) => {
      await ack();
      await client.chat.postMessage({ channel: command.channel_id, text: `Looking for: ${command.text}` });
      await respond({ response_type: 'ephemeral', text: 'Searching...' });
    });
    app.action('request_intro', async ({ ack, body, client }) => {
      await ack();
      await client.views.open({
        trigger_id: (body as { trigger_id: string }).trigger_id,
        view: { type: 'modal', callback_id: 'intro_request', title: { type: 'plain_text', text: 'Request an intro' }, blocks: [] },
      });
    });
    // Ephemeral messages cannot be chat.update'd; respond() via response_url is the way.
    app.action('show_more_results', async ({ ack, respond }) => {
      await ack();
      await respond({ replace_original: true, text: 'Page 2' });
    });
    app.view('intro_request', async ({ ack, view }) => {
      const reason = view.state.values.reason_block?.reason_input?.value;
      if (!reason) {
        await ack({ response_action: 'errors', errors: { reason_block: 'Please say why you want this intro.' } });
        return;
      }
      await ack();
    });
    app.event('app_home_opened', async ({ event, client, context }) => {
      seenRetryNums.push(context.retryNum);
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
    });

    // Bolt 5's HTTPReceiver.start() takes net.ListenOptions and resolves with
    // the http.Server, so port 0 + server.address() gives a free port.
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('verified the token with auth.test, fired (not awaited) by the constructor', async () => {
    const authTest = await fake.waitFor('auth.test');
    expect(authTest.headers.authorization).toBe('Bearer xoxb-test');
  });

  it('acks a signed slash command and the handler posts through the fake', async () => {
    const fields = loadSlackFixture<Record<string, string>>('slash-command', { responseUrl: fake.responseUrl('cmd-1') });
    const res = await postSlashCommand(url, SECRET, fields);
    expect(res.status).toBe(200);
    expect(res.text).toBe(''); // bare ack() => empty 200

    const post = await fake.waitFor('chat.postMessage');
    expect(post.body).toMatchObject({ channel: 'C0001CCCC', text: 'Looking for: designer in Berlin' });
    // Per-request clients carry team_id from the authorize result.
    expect(post.body.team_id).toBe('T0001AAAA');
    expect(post.headers.authorization).toBe('Bearer xoxb-test');

    const responded = await fake.waitFor('response_url');
    expect(responded.path).toBe('/response/cmd-1');
    expect(responded.body).toEqual({ response_type: 'ephemeral', text: 'Searching...' });
  });

  it('refuses a bad signature with 401 and never runs the handler', async () => {
    fake.reset();
    const res = await postSlashCommand(url, 'wrong-secret', { text: 'nope' });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('refuses a correctly signed but stale (> 5 min old) request with 401', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await postSlashCommand(url, SECRET, { text: 'old' }, { timestamp: sixMinutesAgo });
    expect(res.status).toBe(401);
  });

  it('a button action opens a modal, with the view decoded in the recording', async () => {
    const res = await postInteraction(url, SECRET, loadSlackFixture('block-actions-button'));
    expect(res.status).toBe(200);
    const open = await fake.waitFor('views.open');
    expect(open.body.trigger_id).toBe('1234567890123.1234567890.fedcba9876543210fedcba9876543210');
    expect(open.body.view).toMatchObject({ type: 'modal', callback_id: 'intro_request' });
  });

  it('a button in an ephemeral message answers through response_url', async () => {
    const payload = loadSlackFixture('block-actions-ephemeral', { responseUrl: fake.responseUrl('eph-1') });
    expect((await postInteraction(url, SECRET, payload)).status).toBe(200);
    const call = await fake.waitFor('response_url', (c) => c.path === '/response/eph-1');
    expect(call.body).toEqual({ replace_original: true, text: 'Page 2' });
  });

  it('returns ack({ response_action: "errors" }) as the JSON HTTP response body', async () => {
    const res = await postInteraction(url, SECRET, loadSlackFixture('view-submission'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.body).toEqual({ response_action: 'errors', errors: { reason_block: 'Please say why you want this intro.' } });
  });

  it('still runs event handlers on Slack retries; only context.retryNum tells them apart', async () => {
    // Finding: Bolt 5 does NOT drop requests carrying x-slack-retry-num. The
    // HTTPReceiver parses it into context.retryNum / context.retryReason and
    // dispatches as usual, so the app must dedupe (e.g. by event_id) itself.
    fake.reset();
    seenRetryNums.length = 0;
    const envelope = loadSlackFixture('app-home-opened');
    expect((await postEvent(url, SECRET, envelope)).status).toBe(200);
    expect((await postEvent(url, SECRET, envelope, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await fake.waitFor('views.publish', () => fake.callsTo('views.publish').length === 2);
    expect(seenRetryNums).toEqual([undefined, 1]);
  });
});

describe('Bolt Socket Mode against the fake Slack', () => {
  let fake: FakeSlack;
  let app: App;

  beforeAll(async () => {
    fake = await startFakeSlack();
    // clientOptions reach the SocketModeClient too (via installerOptions), so
    // apps.connections.open goes to the fake and returns its ws:// URL.
    app = new App({ socketMode: true, appToken: 'xapp-test', token: 'xoxb-test', clientOptions: clientOptions(fake), logLevel: LogLevel.ERROR });
    app.command('/find-contact', async ({ ack, command }) => {
      await ack({ response_type: 'ephemeral', text: `Looking for: ${command.text}` });
    });
    await app.start(); // resolves once the fake has sent `hello`
  });

  afterAll(async () => {
    // Stop the app first: if the fake went away first, the client would try to reconnect.
    await app?.stop();
    await fake?.close();
  });

  it('connects with the app token and acks a slash_commands envelope', async () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.headers.authorization).toBe('Bearer xapp-test');

    const id = fake.socket.send({ type: 'slash_commands', accepts_response_payload: true, payload: loadSlackFixture('slash-command') });
    const ack = await fake.socket.waitForAck(id);
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: 'Looking for: designer in Berlin' });
  });
});

describe('fake Slack overrides, seen by a plain WebClient', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('can answer ok:false, 500, 429 and hang', async () => {
    const client = new webApi.WebClient('xoxb-test', { ...clientOptions(fake), timeout: 200, rejectRateLimitedCalls: true });

    fake.on('chat.update', () => ({ ok: false, error: 'message_not_found' }));
    await expect(client.chat.update({ channel: 'C1', ts: '1', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_platform_error', data: { error: 'message_not_found' } });

    fake.on('chat.postMessage', () => ({ status: 500, body: 'boom' }));
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 500 });

    fake.on('users.info', () => ({ status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } }));
    await expect(client.users.info({ user: 'U1' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 });

    fake.on('views.open', () => HANG);
    await expect(client.views.open({ trigger_id: 't', view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } }))
      .rejects.toMatchObject({ code: 'slack_webapi_request_error' });
  });

  it('has sensible defaults for the methods the bot uses', async () => {
    fake.reset(); // drop the overrides from the previous test
    const client = new webApi.WebClient('xoxb-test', clientOptions(fake));
    const first = await client.chat.postMessage({ channel: 'C1', text: 'a' });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'b' });
    expect([first.ts, second.ts]).toEqual(['1700000000.000100', '1700000000.000200']);
    expect((await client.conversations.open({ users: 'U1,U2' })).channel?.id).toBe('DU1U2');
    expect((await client.users.info({ user: 'U9' })).user?.real_name).toBe('Real U9');
  });
});
