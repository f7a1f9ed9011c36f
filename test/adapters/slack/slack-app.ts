// Starts the REAL Slack adapter (Bolt in HTTP mode) against the fake Slack,
// over a fresh SQLite file, with the outbox dispatcher wired to the Slack
// messenger. Each test gets its own: nothing leaks between tests.
import { afterEach, beforeEach } from 'vitest';
import { createSlackApp, slackMessenger, type SlackApp } from '../../../adapters/slack/index.ts';
import { SqliteStore } from '../../../db/sqlite-store.ts';
import type { SlackConfig } from '../../../src/config.ts';
import type { Policy } from '../../../src/context.ts';
import { Dispatcher } from '../../../src/dispatcher.ts';
import { deliveryFailed } from '../../../src/use-cases/delivery-failed.ts';
import type { Logger } from '../../../src/ports.ts';
import { addContact, makeCore, type TestCore } from '../../support/core.ts';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../../support/fake-slack.ts';
import {
  loadSlackFixture,
  postEvent,
  postInteraction,
  postSlashCommand,
  type ExtraOptions,
  type SlackHttpResponse,
  type SlashCommandFields,
} from '../../support/slack-http.ts';

export const SECRET = 'test-signing-secret';
export const OWNER = 'U0001OWNER';
export const ALICE = 'U0001ALICE';
export const BOB = 'U0001BOBBB';

export interface LogLine {
  level: string;
  obj: object;
  msg?: string;
}

export function capturingLogger(lines: LogLine[]): Logger {
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, ...(msg ? { msg } : {}) });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface SlackTest {
  fake: FakeSlack;
  t: TestCore;
  slack: SlackApp;
  dispatcher: Dispatcher;
  url: string;
  logs: LogLine[];
  command(fields: Partial<SlashCommandFields>, opts?: ExtraOptions): Promise<SlackHttpResponse>;
  interact(payload: object, opts?: ExtraOptions): Promise<SlackHttpResponse>;
  event(envelope: object, opts?: ExtraOptions): Promise<SlackHttpResponse>;
  /** A block_actions fixture with this action id, clicked by `user`, answering to fake.responseUrl(tag). */
  click(fixture: string, actionId: string, opts?: { user?: string; tag?: string }): Record<string, unknown>;
  /**
   * A restart: stops the app, closes the store, then starts a new app, store and
   * dispatcher on the same database file, against the same fake Slack and clock.
   * `t`, `slack`, `dispatcher` and `url` then point at the new process.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** One running bot process: an app, its dispatcher and its own store, on a database file. */
export interface SlackProcess {
  ctx: TestCore['ctx'];
  slack: SlackApp;
  dispatcher: Dispatcher;
  url: string;
}

/** Starts the real app over `ctx` (which owns its store), with the dispatcher sending through the Slack messenger. */
export async function startSlackProcess(fake: FakeSlack, ctx: TestCore['ctx'], logger: Logger, extra: Partial<SlackConfig> = {}): Promise<SlackProcess> {
  const config = slackConfig(fake, extra);
  const dispatcher = new Dispatcher({ store: ctx.store, clock: ctx.clock, logger, messengers: { slack: slackMessenger(config, logger) }, onGiveUp: (m, reason) => deliveryFailed(ctx, m, reason) });
  const slack = createSlackApp({ config, ctx, logger, dispatcher, host: '127.0.0.1' });
  const { port } = await slack.start();
  return { ctx, slack, dispatcher, url: `http://127.0.0.1:${port}/slack/events` };
}

/** Another process on the same database file: its own store, the same clock and policy. */
export function sameDatabase(t: TestCore): TestCore['ctx'] {
  return { ...t.ctx, store: SqliteStore.open(t.path) };
}

export function slackConfig(fake: FakeSlack, extra: Partial<SlackConfig> = {}): SlackConfig {
  return { botToken: 'xoxb-test', ownerId: OWNER, signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, ...extra };
}

/** The environment of a real bot process (`npm start`) with Slack in HTTP mode against the fake, on `db`, listening on `port`. */
export function slackBotEnv(fake: FakeSlack, db: string, port: number): Record<string, string> {
  return { DATABASE_PATH: db, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_OWNER_ID: OWNER, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), OWNER_NAME: 'Sam' };
}

/** The names users.info gives for the test's people (anyone else is "Real <id>"). */
export const PEOPLE: Record<string, string> = { [OWNER]: 'Sam', [ALICE]: 'Alice', [BOB]: 'Bob' };

export async function startSlackTest(opts: { config?: Partial<SlackConfig>; policy?: Partial<Policy> } = {}): Promise<SlackTest> {
  const fake = await startFakeSlack({ people: PEOPLE });
  const t = makeCore({ owners: { slack: OWNER }, ...opts.policy });
  const logs: LogLine[] = [];
  const logger = capturingLogger(logs);
  const first = await startSlackProcess(fake, t.ctx, logger, opts.config);
  const s: SlackTest = {
    fake,
    t,
    slack: first.slack,
    dispatcher: first.dispatcher,
    url: first.url,
    logs,
    command: (fields, opts) => postSlashCommand(s.url, SECRET, { user_id: ALICE, user_name: 'alice', ...fields }, opts),
    interact: (payload, opts) => postInteraction(s.url, SECRET, payload, opts),
    event: (envelope, opts) => postEvent(s.url, SECRET, envelope, opts),
    click(fixture, actionId, opts = {}) {
      const payload = loadSlackFixture(fixture, { responseUrl: fake.responseUrl(opts.tag ?? 'click') });
      const actions = payload.actions as Record<string, unknown>[];
      actions[0] = { ...actions[0], action_id: actionId };
      if (opts.user) payload.user = { ...(payload.user as object), id: opts.user };
      return payload;
    },
    async restart() {
      await s.slack.stop();
      s.t.ctx.store.close();
      const ctx = sameDatabase(s.t);
      const next = await startSlackProcess(fake, ctx, logger, opts.config);
      const previous = s.t.cleanup;
      s.t = {
        ctx,
        path: s.t.path,
        cleanup: () => {
          if (ctx.store.db.open) ctx.store.close();
          previous();
        },
      };
      s.slack = next.slack;
      s.dispatcher = next.dispatcher;
      s.url = next.url;
    },
    async close() {
      await s.slack.stop();
      await fake.close();
      s.t.cleanup();
    },
  };
  return s;
}

/** Ana Ferreira (id 1, private fields set) and Alice as a Slack member. */
export function seedAnaAndAlice(s: SlackTest): void {
  addContact(s.t);
  s.t.ctx.store.saveMember({ platform: 'slack', userId: ALICE, displayName: 'Alice', status: 'member', at: s.t.ctx.clock.now().toISOString() });
}

/**
 * Registers the usual hooks: before each test a fresh Slack app seeded with Ana
 * and Alice (handed to `bind`), closed after it.
 */
export function seededSlackTestPerTest(bind: (s: SlackTest) => void): void {
  let current: SlackTest | undefined;
  beforeEach(async () => {
    current = await startSlackTest();
    seedAnaAndAlice(current);
    bind(current);
  });
  afterEach(async () => {
    await current?.close();
  });
}

/** Everything a Slack call carried, as one string, to look for text in it. */
export const wire = (call: RecordedCall): string => JSON.stringify(call.body);

export const postsTo = (fake: FakeSlack, channel: string): RecordedCall[] => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The submitted request modal (fixture), with exactly these answers (and another form's action, if given). */
export function submission(values: Record<string, string>, opts: { viewId?: string; action?: string } = {}): Record<string, unknown> {
  const payload = loadSlackFixture('view-submission-request-intro');
  const view = payload.view as { id: string; private_metadata: string; state: { values: Record<string, Record<string, { type: string; value: string | null }>> } };
  if (opts.viewId) view.id = opts.viewId;
  if (opts.action) view.private_metadata = JSON.stringify({ action: opts.action });
  view.state.values = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { [id]: { type: 'plain_text_input', value } }]));
  return payload;
}
