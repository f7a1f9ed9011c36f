// Starts the real Discord adapter (createDiscordBot: the discord.js Client and
// our handlers) against the fake Discord, over a fresh SQLite database, with one
// shared Dispatcher built the way bin/platforms.ts builds it.
import { expect } from 'vitest';
import type { APIInteraction, APIInteractionResponse, APIMessage } from 'discord.js';
import { createDiscordBot, type DiscordBot } from '../../../adapters/discord/index.ts';
import { Dispatcher } from '../../../src/dispatcher.ts';
import type { Policy } from '../../../src/context.ts';
import type { Actor } from '../../../src/domain.ts';
import type { Logger } from '../../../src/ports.ts';
import { makeCore, type TestCore } from '../../support/core.ts';
import {
  ALICE,
  FAKE_IDS,
  apiUser,
  botMessage,
  dmChannelIdFor,
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
  /** Dispatches an interaction and resolves with the bot's initial callback. */
  interact(payload: APIInteraction): Promise<APIInteractionResponse>;
  close(): Promise<void>;
}

function recordingLogger(logs: LogLine[]): Logger {
  const at = (level: string) => (obj: object, msg?: string) => void logs.push({ level, obj, ...(msg !== undefined ? { msg } : {}) });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export async function startBot(policy: Partial<Policy> = {}): Promise<BotHarness> {
  const t = makeCore({ ...policy, owners: { discord: OWNER.id } });
  const fake = await startFakeDiscord();
  const logs: LogLine[] = [];
  const logger = recordingLogger(logs);
  // The bot reads the dispatcher only when an interaction arrives, so it can be built after the bot.
  const shared: { dispatcher?: Dispatcher } = {};
  const bot = createDiscordBot({
    config: { token: 'test-token', applicationId: FAKE_IDS.applicationId, ownerId: OWNER.id, apiUrl: fake.apiUrl },
    ctx: t.ctx,
    logger,
    dispatcher: { runOnce: () => (shared.dispatcher as Dispatcher).runOnce() },
    clientOptions: { rest: { timeout: 2_000 } },
  });
  const dispatcher = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger, messengers: { discord: bot.messenger } });
  shared.dispatcher = dispatcher;
  await bot.start();
  return {
    t,
    fake,
    bot,
    dispatcher,
    logs,
    async interact(payload) {
      await fake.dispatchInteraction(payload);
      return fake.waitForCallback(payload.id);
    },
    async close() {
      await bot.stop(); // the client first, then the fake (see DISCORD-HARNESS-NOTES.md)
      await fake.close();
      t.cleanup();
    },
  };
}

export function addDiscordMember(h: BotHarness, user = ALICE) {
  return h.t.ctx.store.saveMember({ platform: 'discord', userId: user.id, displayName: user.global_name ?? user.username, status: 'member', at: h.t.ctx.clock.now().toISOString() });
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

/**
 * Resolves with the `count`-th DM the fake accepted for this user. Polls, because the
 * fake's waitForRequest matches a request before its answer (and status) is known.
 */
export async function waitForDm(fake: FakeDiscord, userId: string, count = 1, timeoutMs = 2000): Promise<RecordedRequest> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = dmsTo(fake, userId)[count - 1];
    if (found) return found;
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
