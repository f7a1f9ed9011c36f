// Starts the real Discord adapter (createDiscordBot: the discord.js Client and
// our handlers) against the fake Discord, over a fresh SQLite database, with one
// shared Dispatcher built the way bin/platforms.ts builds it. `restart()` plays a
// process that dies and comes back: a new client and a new SqliteStore on the
// same database file, logged in to the same fake.
import { afterEach, beforeEach, expect } from 'vitest';
import type { APIInteraction, APIInteractionResponse, APIMessage, ClientOptions } from 'discord.js';
import { createDiscordBot, type DiscordBot } from '../../../adapters/discord/index.ts';
import { Dispatcher } from '../../../src/dispatcher.ts';
import { submitIntroRequest } from '../../../src/use-cases/submit-intro-request.ts';
import { deliveryFailed } from '../../../src/use-cases/delivery-failed.ts';
import type { DiscordConfig } from '../../../src/config.ts';
import type { Policy } from '../../../src/context.ts';
import type { Actor } from '../../../src/domain.ts';
import type { Logger } from '../../../src/ports.ts';
import { runDueTasks } from '../../../src/scheduler.ts';
import { goodForm, makeCore, tempDbPath, type TestCore } from '../../support/core.ts';
import {
  ALICE,
  FAKE_IDS,
  apiUser,
  botMessage,
  dmChannelIdFor,
  loadFixture,
  snowflake,
  startFakeDiscord,
  type FakeDiscord,
  type RecordedRequest,
} from '../../support/fake-discord.ts';

export const OWNER = apiUser('900000000000000001', 'sam.owner', 'Sam');
export const STRANGER = apiUser('1100000000000000009', 'zed.example', null);

export const discordActor = (user: { id: string; global_name: string | null; username: string }): Actor => ({
  platform: 'discord',
  userId: user.id,
  displayName: user.global_name ?? user.username,
});

export interface LogLine {
  level: string;
  obj: object;
  msg?: string;
}

export interface BotHarness {
  t: TestCore;
  fake: FakeDiscord;
  bot: DiscordBot;
  dispatcher: Dispatcher;
  logs: LogLine[];
  /** What Discord's nonce check remembers (see honourNonces). */
  nonces: NonceLedger;
  /** Outbox messages a dead process had leased, made due again at start-up (Dispatcher.recover). */
  recovered: number;
  /** Dispatches an interaction and resolves with the bot's initial callback. */
  interact(payload: APIInteraction): Promise<APIInteractionResponse>;
  /** Runs the due tasks (reminders, expiries, follow-ups), then an outbox pass; resolves with the tasks that acted. */
  runDue(): Promise<number>;
  /**
   * The process dies and starts again: this bot's client is destroyed and its
   * store closed (nothing of this harness is used afterwards), then a new bot, a
   * new SqliteStore and a new Dispatcher start on the same database file and the
   * same fake, with the clock where it was. The new harness owns the cleanup.
   */
  restart(options?: Pick<StartOptions, 'clientOptions'>): Promise<BotHarness>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Extra discord.js options; tests of hangs shorten `rest.timeout`. */
  clientOptions?: Partial<ClientOptions>;
  /** For restart(): the fake, database and clock of the process that died. */
  /** Configuration beyond the basics (DISCORD_GUILD_ID's guildIds, say). */
  config?: Partial<DiscordConfig>;
  resume?: { fake: FakeDiscord; nonces: NonceLedger; dbPath: string; removeDb: () => void; now: Date };
}

function recordingLogger(logs: LogLine[]): Logger {
  const at = (level: string) => (obj: object, msg?: string) => void logs.push({ level, obj, ...(msg !== undefined ? { msg } : {}) });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export async function startBot(policy: Partial<Policy> = {}, options: StartOptions = {}): Promise<BotHarness> {
  const resume = options.resume;
  const db = resume ? { path: resume.dbPath, cleanup: resume.removeDb } : tempDbPath();
  const core = makeCore({ ...policy, owners: { discord: OWNER.id } }, db.path);
  const t: TestCore = { ...core, cleanup: () => (core.cleanup(), db.cleanup()) };
  if (resume) t.ctx.clock.current = new Date(resume.now);
  const fake = resume?.fake ?? (await startFakeDiscord());
  const nonces = resume?.nonces ?? honourNonces(fake);
  const logs: LogLine[] = [];
  const logger = recordingLogger(logs);
  // The bot reads the dispatcher only when an interaction arrives, so it can be built after the bot.
  const shared: { dispatcher?: Dispatcher } = {};
  const bot = createDiscordBot({
    config: { token: 'test-token', applicationId: FAKE_IDS.applicationId, ownerId: OWNER.id, apiUrl: fake.apiUrl, ...options.config },
    ctx: t.ctx,
    logger,
    dispatcher: { runOnce: () => (shared.dispatcher as Dispatcher).runOnce() },
    clientOptions: { ...options.clientOptions, rest: { timeout: 2_000, ...options.clientOptions?.rest } },
  });
  const dispatcher = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger, messengers: { discord: bot.messenger }, onGiveUp: (m, reason) => deliveryFailed(t.ctx, m, reason) });
  const runOnce = dispatcher.runOnce.bind(dispatcher);
  dispatcher.runOnce = (limit?: number) => trackPass(runOnce(limit)); // see waitForDm
  shared.dispatcher = dispatcher;
  const recovered = dispatcher.recover(); // as bin/platforms.ts does at start-up
  await bot.start();
  const harness: BotHarness = {
    t,
    fake,
    bot,
    dispatcher,
    logs,
    nonces,
    recovered,
    async interact(payload) {
      await fake.dispatchInteraction(payload);
      return fake.waitForCallback(payload.id);
    },
    async runDue() {
      const acted = runDueTasks(t.ctx);
      await dispatcher.runOnce();
      return acted;
    },
    async restart(next = {}) {
      const now = t.ctx.clock.now();
      await bot.stop();
      core.cleanup(); // closes this process's store; the file stays
      return startBot(policy, { ...next, resume: { fake, nonces, dbPath: db.path, removeDb: db.cleanup, now } });
    },
    async close() {
      await bot.stop(); // the client first, then the fake (see DISCORD-HARNESS-NOTES.md)
      await fake.close();
      t.cleanup();
    },
  };
  return harness;
}

export function addDiscordMember(h: BotHarness, user = ALICE) {
  return h.t.ctx.store.saveMember({ platform: 'discord', userId: user.id, displayName: user.global_name ?? user.username, status: 'member', at: h.t.ctx.clock.now().toISOString() });
}

/**
 * Registers the usual hooks: before each test a fresh bot with Alice as a
 * member (handed to `bind`), closed after it. A file's own beforeEach, declared
 * after this call, runs after it.
 */
export function botWithAlicePerTest(bind: (h: BotHarness) => void): void {
  let current: BotHarness | undefined;
  beforeEach(async () => {
    current = await startBot();
    addDiscordMember(current);
    bind(current);
  });
  afterEach(async () => {
    await current?.close();
  });
}

/** Closes the bot, then fails the test if anything was logged at error level. */
export async function closeExpectingNoErrors(h: BotHarness): Promise<void> {
  const failures = h.logs.filter((l) => l.level === 'error');
  await h.close();
  expect(failures).toEqual([]);
}

/** A member (Alice unless told) asks for an intro to `contactId` with the good form; the owner's DM card once the outbox has run. */
export async function requestToOwnerCard(h: BotHarness, contactId: number, user = ALICE): Promise<{ requestId: number; card: APIMessage }> {
  const result = submitIntroRequest(h.t.ctx, discordActor(user), contactId, goodForm);
  if (!result.ok) throw new Error('the good form bounced');
  await h.dispatcher.runOnce();
  return { requestId: result.request.id, card: asBotMessage(await waitForDm(h.fake, OWNER.id), OWNER.id) };
}

// --- reading what the bot sent -------------------------------------------------------

interface MessageData {
  content?: string;
  embeds?: { description?: string; title?: string }[];
  components?: { type: number; components?: { type: number; custom_id?: string; label?: string; style?: number; url?: string }[] }[];
  flags?: number;
  allowed_mentions?: unknown;
}

export const dataOf = (response: APIInteractionResponse): MessageData => ('data' in response ? (response.data as MessageData) : {}) ?? {};

/** Everything a person reads in a message: content plus embed text. */
export function textOf(body: unknown): string {
  const data = (body ?? {}) as MessageData;
  return [data.content ?? '', ...(data.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? ''])].join('\n');
}

export function buttonsOf(body: unknown): { custom_id?: string; label?: string; style?: number; url?: string }[] {
  const data = (body ?? {}) as MessageData;
  return (data.components ?? []).flatMap((row) => row.components ?? []);
}

export function buttonLabelled(data: unknown, label: string | RegExp): string {
  const found = buttonsOf(data).find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label ?? '')));
  if (!found?.custom_id) throw new Error(`no button ${String(label)} in ${JSON.stringify(buttonsOf(data))}`);
  return found.custom_id;
}

const dmMessagesPath = (userId: string) => `/api/v10/channels/${dmChannelIdFor(userId)}/messages`;

/** DMs the fake accepted for this user (status 200), oldest first. */
export function dmsTo(fake: FakeDiscord, userId: string): RecordedRequest[] {
  return fake.requests.filter((r) => r.method === 'POST' && r.path === dmMessagesPath(userId) && r.response?.status === 200);
}

/** Outbox passes in flight in this test file's bots (any harness, old or new). */
const passes = new Set<Promise<unknown>>();
function trackPass<T>(pass: Promise<T>): Promise<T> {
  passes.add(pass);
  pass.then(
    () => passes.delete(pass),
    () => passes.delete(pass),
  );
  return pass;
}

/**
 * Resolves with the `count`-th DM the fake accepted for this user. Polls, because the
 * fake's waitForRequest matches a request before its answer (and status) is known.
 * The fake records its answer before the bot reads it, so this then also waits (within
 * the same time budget) for the outbox passes in flight, so that the message that DM
 * belongs to is marked sent when the test looks at the outbox.
 */
export async function waitForDm(fake: FakeDiscord, userId: string, count = 1, timeoutMs = 2000): Promise<RecordedRequest> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = dmsTo(fake, userId)[count - 1];
    if (found) {
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, until - Date.now()))));
      await Promise.race([Promise.allSettled([...passes]), budget]).finally(() => clearTimeout(timer));
      return found;
    }
    if (Date.now() > until) throw new Error(`no DM #${count} to ${userId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The DM as it sits in the channel, for a later button click on it. */
export function asBotMessage(req: RecordedRequest, userId: string): APIMessage {
  const body = req.response?.body as APIMessage;
  return botMessage({ ...body, channelId: dmChannelIdFor(userId), id: body.id });
}

/** Every message and message-bearing callback the bot sent says: ping no one. */
export function expectNoPingsAnywhere(fake: FakeDiscord): void {
  const bodies = fake.requests.flatMap((r): unknown[] => {
    const body = r.body as { type?: number; data?: unknown } | undefined;
    if (r.method === 'POST' && /\/callback$/.test(r.path)) return body?.type === 4 || body?.type === 7 ? [body.data] : [];
    if (r.method === 'POST' && /\/(channels\/\d+\/messages|webhooks\/\d+\/[^/]+)$/.test(r.path)) return [body];
    if (r.method === 'PATCH' && /\/messages\//.test(r.path)) return [body];
    return [];
  });
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of bodies) expect(body).toMatchObject({ allowed_mentions: { parse: [] } });
}

// --- Discord's nonce check --------------------------------------------------------------

type Json = Record<string, unknown>;

export interface NonceLedger {
  /**
   * Plays a send whose answer is lost: Discord creates the message (and remembers its
   * nonce) but the bot never hears back. Returns the message that was created.
   */
  createWithoutAnswer(req: RecordedRequest, channelId: string): Json;
  /** Messages created by sends whose answer was lost, by channel. */
  unanswered: Map<string, Json[]>;
}

const MESSAGE_POST = /\/channels\/(\d+)\/messages$/;

/**
 * Makes the fake honour `enforce_nonce` the way Discord documents it: if a message
 * with the same nonce was created by the same author in the past few minutes (here:
 * during the test), that message is returned and no new one is created. The check is
 * per author, not per channel, so a nonce must differ per recipient.
 */
export function honourNonces(fake: FakeDiscord): NonceLedger {
  const lost = new Map<string, Json>(); // nonce -> message created by a send whose answer was lost
  const unanswered = new Map<string, Json[]>();
  const nonceOf = (req: RecordedRequest): string | undefined => {
    const body = (req.body ?? {}) as { nonce?: unknown; enforce_nonce?: unknown };
    return body.enforce_nonce === true && (typeof body.nonce === 'string' || typeof body.nonce === 'number') ? String(body.nonce) : undefined;
  };
  const earlier = (nonce: string, except: RecordedRequest): Json | undefined => {
    const created = fake.requests.find((r) => r !== except && r.method === 'POST' && MESSAGE_POST.test(r.path) && r.response?.status === 200 && nonceOf(r) === nonce);
    return (created?.response?.body as Json | undefined) ?? lost.get(nonce);
  };
  fake.on('POST', MESSAGE_POST, (req) => {
    const nonce = nonceOf(req);
    const existing = nonce === undefined ? undefined : earlier(nonce, req);
    return existing ? { status: 200, body: existing } : undefined;
  });
  const botUser = loadFixture('gateway.ready').user as Json;
  return {
    unanswered,
    createWithoutAnswer(req, channelId) {
      const nonce = nonceOf(req);
      const existing = nonce === undefined ? undefined : earlier(nonce, req);
      if (existing) return existing;
      const body = (req.body ?? {}) as Json;
      const message: Json = {
        id: snowflake(),
        channel_id: channelId,
        type: 0,
        author: botUser,
        content: body.content ?? '',
        embeds: body.embeds ?? [],
        components: body.components ?? [],
        flags: 0,
        timestamp: new Date().toISOString(),
        ...(nonce !== undefined ? { nonce } : {}),
      };
      if (nonce !== undefined) lost.set(nonce, message);
      fake.remember(message);
      unanswered.set(channelId, [...(unanswered.get(channelId) ?? []), message]);
      return message;
    },
  };
}

/**
 * The messages that exist in this user's DM channel: every message the fake created
 * there (answered or not), each counted once however many sends returned it.
 */
export function messagesIn(h: Pick<BotHarness, 'fake' | 'nonces'>, userId: string): Json[] {
  const channelId = dmChannelIdFor(userId);
  const answered = dmsTo(h.fake, userId).map((r) => r.response?.body as Json);
  const byId = new Map<string, Json>();
  for (const m of [...answered, ...(h.nonces.unanswered.get(channelId) ?? [])]) byId.set(String(m.id), m);
  return [...byId.values()];
}

/** POST /channels/:id/messages requests to this user's DM channel, whatever the answer. */
export function dmPostsTo(fake: FakeDiscord, userId: string): RecordedRequest[] {
  const path = dmMessagesPath(userId);
  return fake.requests.filter((r) => r.method === 'POST' && r.path === path);
}

/** Rejects when `promise` takes longer than `ms`: every wait in a test is bounded. */
export function within<T>(ms: number, promise: Promise<T>, what = 'operation'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
