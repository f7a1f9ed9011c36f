// Issue 10: timers on the running bot. The real bot (`npm start`, Slack in HTTP
// mode against the fake) is restarted with the test-only CLOCK_OFFSET, which
// moves its clock: reminders, expiries and follow-ups happen end to end, each
// once, with the owner's cards updated in place.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { ALICE, OWNER, SECRET, slackBotEnv, submission } from '../adapters/slack/slack-app.ts';
import { startBotProcess, type BotProcess } from '../support/bot-process.ts';
import { freePort } from '../support/child.ts';
import { goodForm } from '../support/core.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { loadSlackFixture, postInteraction } from '../support/slack-http.ts';

let dir: string;
let db: string;
let fake: FakeSlack;
let port: number;
let bot: BotProcess | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intro-broker-clock-'));
  db = join(dir, 'bot.db');
  fake = await startFakeSlack();
  port = await freePort();
  const store = SqliteStore.open(db);
  const at = new Date().toISOString();
  store.saveMember({ platform: 'slack', userId: ALICE, displayName: 'Alice', status: 'member', at });
  store.insertContact({ name: 'Ana Ferreira', title: 'Head of Payments', company: 'Lumen Pay', vetted: true, email: 'ana@example.com', noOptin: true }, at);
  store.close();
});
afterEach(async () => {
  await bot?.kill();
  bot = undefined;
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The bot, days ahead of the real clock; the previous one is stopped first (SIGTERM, as a service manager would). */
async function runBot(days = 0): Promise<void> {
  if (bot) {
    await bot.kill('SIGTERM');
  }
  bot = startBotProcess({
    ...slackBotEnv(fake, db, port),
    ...(days ? { CLOCK_OFFSET: `${days}d` } : {}),
  });
  await bot.waitFor(/intro-broker is running/);
}

const url = () => `http://127.0.0.1:${port}/slack/events`;
const textIn = (channel: string) => fake.messagesIn(channel).map((m) => JSON.stringify({ text: m.text, blocks: m.blocks }));

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('CLOCK_OFFSET moves the running bot through its timers', () => {
  it('a pending request: the reminder 4 days on, the expiry at 15 days: Alice told once, the card and the reminder edited in place', async () => {
    await runBot();
    expect((await postInteraction(url(), SECRET, submission(goodForm))).status).toBe(200);
    await until(() => textIn(`D${OWNER}`).length === 1, "the owner's card");

    await runBot(4);
    await until(() => textIn(`D${OWNER}`).some((t) => t.includes('A reminder')), 'the reminder');
    expect(textIn(`D${ALICE}`).filter((t) => t.includes('expired'))).toEqual([]);

    await runBot(15);
    await until(() => textIn(`D${ALICE}`).some((t) => t.includes('expired before Sam could decide')), 'the expiry notice');
    await until(() => textIn(`D${OWNER}`).every((t) => t.includes('Expired without a decision')), 'the cards edited');
    expect(textIn(`D${OWNER}`)).toHaveLength(2); // the card and the reminder, both edited, none added
    for (const m of fake.messagesIn(`D${OWNER}`)) expect(JSON.stringify(m.blocks)).not.toContain('"actions"');

    // A further restart at the same offset: nothing happens twice.
    await runBot(15);
    await new Promise((r) => setTimeout(r, 500));
    expect(textIn(`D${ALICE}`).filter((t) => t.includes('expired before Sam could decide'))).toHaveLength(1);
  }, 90_000);

  it('an intro: the follow-up reaches the requester 14 days later, once', async () => {
    await runBot();
    expect((await postInteraction(url(), SECRET, submission(goodForm))).status).toBe(200);
    await until(() => textIn(`D${OWNER}`).length === 1, "the owner's card");
    const approve = loadSlackFixture('block-actions-owner-card', { responseUrl: fake.responseUrl('approve') });
    (approve.actions as Record<string, unknown>[])[0]!.action_id = 'ib:ap:1';
    expect((await postInteraction(url(), SECRET, approve)).status).toBe(200);
    await until(() => textIn(`D${ALICE}`).some((t) => t.includes('introducing you by email')), 'the intro notice');
    expect(textIn(`D${ALICE}`).some((t) => t.includes('How did your intro'))).toBe(false);

    await runBot(15);
    await until(() => textIn(`D${ALICE}`).some((t) => t.includes('How did your intro')), 'the follow-up');
    await runBot(15);
    await new Promise((r) => setTimeout(r, 500));
    expect(textIn(`D${ALICE}`).filter((t) => t.includes('How did your intro'))).toHaveLength(1);
  }, 90_000);
});
