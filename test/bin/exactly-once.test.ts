// Issue 10, situation 3: the bot is killed (SIGKILL, FAULT_INJECTION) right
// after the platform accepted the intro but before the outbox marked it sent.
// The restarted bot finds what it posted (Slack: the post's metadata, read back
// with conversations.history; Discord: the DM's nonce) and posts nothing twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../db/sqlite-store.ts';
import type { Platform } from '../../src/domain.ts';
import { decideIntro } from '../../src/use-cases/decide-intro.ts';
import { submitIntroRequest } from '../../src/use-cases/submit-intro-request.ts';
import { honourNonces, messagesIn, textOf } from '../adapters/discord/bot-harness.ts';
import { startBotProcess, type BotProcess } from '../support/bot-process.ts';
import { freePort } from '../support/child.ts';
import { addContact, goodForm, makeCore } from '../support/core.ts';
import { dmChannelIdFor, FAKE_IDS, startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

const IDS = {
  slack: { owner: 'U0001OWNER', alice: 'U0001ALICE', ana: 'U0001ANAFE' },
  discord: { owner: '900000000000000001', alice: '1100000000000000001', ana: '1100000000000000004' },
} as const;

let dir: string;
let db: string;
const bots: BotProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'intro-broker-once-'));
  db = join(dir, 'bot.db');
});
afterEach(async () => {
  for (const b of bots.splice(0)) await b.kill();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Alice's request for Ana (on chat, no opt-in needed), approved: the intro is
 * queued. Everything else is marked sent, so the intro is the next message out.
 */
function seedIntro(platform: Platform): void {
  const ids = IDS[platform as 'slack' | 'discord'];
  const t = makeCore({ owners: { [platform]: ids.owner } }, db);
  try {
    const at = t.ctx.clock.now().toISOString();
    t.ctx.store.saveMember({ platform, userId: ids.alice, displayName: 'Alice', status: 'member', at });
    const ana = addContact(t, platform === 'slack' ? { slackUserId: ids.ana, noOptin: true } : { discordUserId: ids.ana, noOptin: true });
    const r = submitIntroRequest(t.ctx, { platform, userId: ids.alice, displayName: 'Alice' }, ana.id, goodForm);
    if (!r.ok) throw new Error('the form bounced');
    decideIntro(t.ctx, { platform, userId: ids.owner }, r.request.id, { kind: 'approve' });
    for (const m of t.ctx.store.listOutbox()) if (m.kind !== 'intro.group') t.ctx.store.markSent(m.id, at, null);
  } finally {
    t.ctx.store.close();
  }
}

function outbox(): { kind: string; status: string; attempts: number }[] {
  const s = SqliteStore.open(db);
  try {
    return s.listOutbox().map((m) => ({ kind: m.kind, status: m.status, attempts: m.attempts }));
  } finally {
    s.close();
  }
}

async function settle(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const crashedAfterSend = async (bot: BotProcess) => {
  const { code, signal } = await bot.exited;
  expect(signal === 'SIGKILL' || code === 137, bot.stdout()).toBe(true);
};

describe('killed at delivery:after-send, then restarted', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack();
  });
  afterEach(async () => {
    for (const b of bots.splice(0)) await b.kill();
    await slack.close();
  });

  it('Slack: the intro group DM is posted exactly once; the restart finds it by its metadata and marks it sent', async () => {
    seedIntro('slack');
    const port = await freePort();
    const env = { DATABASE_PATH: db, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_OWNER_ID: IDS.slack.owner, SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl, PORT: String(port), OWNER_NAME: 'Sam' };
    const group = `D${IDS.slack.owner}${IDS.slack.alice}${IDS.slack.ana}`;
    const first = startBotProcess({ ...env, FAULT_INJECTION: 'delivery:after-send' });
    bots.push(first);
    await crashedAfterSend(first);
    expect(slack.messagesIn(group)).toHaveLength(1);
    expect(outbox().find((m) => m.kind === 'intro.group')).toMatchObject({ status: 'pending', attempts: 1 });

    const second = startBotProcess(env);
    bots.push(second);
    await second.waitFor(/intro-broker is running/);
    await settle(() => outbox().every((m) => m.status === 'sent'));
    expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === group)).toHaveLength(1);
    expect(slack.callsTo('conversations.history').map((c) => c.body.channel)).toEqual([group]);
    expect(slack.messagesIn(group)).toHaveLength(1);
  }, 60_000);
});

describe('killed at delivery:after-send on Discord, then restarted', () => {
  let discord: FakeDiscord;
  beforeEach(async () => {
    discord = await startFakeDiscord();
  });
  afterEach(async () => {
    for (const b of bots.splice(0)) await b.kill();
    await discord.close();
  });

  it('Discord: each of the three gets the intro DM exactly once (the nonce, enforce_nonce)', async () => {
    seedIntro('discord');
    const nonces = honourNonces(discord);
    const env = { DATABASE_PATH: db, DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.testtokenforthelocalfake0123', DISCORD_APPLICATION_ID: FAKE_IDS.applicationId, DISCORD_OWNER_ID: IDS.discord.owner, DISCORD_API_URL: discord.apiUrl, OWNER_NAME: 'Sam' };
    const first = startBotProcess({ ...env, FAULT_INJECTION: 'delivery:after-send' });
    bots.push(first);
    await crashedAfterSend(first);
    expect(outbox().find((m) => m.kind === 'intro.group')).toMatchObject({ status: 'pending', attempts: 1 });

    const second = startBotProcess(env);
    bots.push(second);
    await second.waitFor(/intro-broker is running/);
    await settle(() => outbox().every((m) => m.status === 'sent'));
    const h = { fake: discord, nonces };
    for (const user of Object.values(IDS.discord)) {
      expect(messagesIn(h, user).filter((m) => / meet /.test(textOf(m))), `intro DMs to ${user}`).toHaveLength(1);
      const posts = discord.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${dmChannelIdFor(user)}/messages`));
      expect(posts.every((p) => (p.body as { enforce_nonce?: boolean }).enforce_nonce === true)).toBe(true);
    }
  }, 60_000);
});
