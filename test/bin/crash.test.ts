// A bot process is killed with SIGKILL at chosen points of submit, decide and
// delivery (the test-only FAULT_INJECTION switch); a restarted process on the
// same database finishes the work, losing nothing and sending nothing twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { loadSlackFixture, postInteraction } from '../support/slack-http.ts';
import { freePort, startEntry, type Child } from '../support/child.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { goodForm } from '../support/core.ts';
import { ALICE, OWNER, SECRET, slackBotEnv, submission } from '../adapters/slack/slack-app.ts';

let dir: string;
let db: string;
let fake: FakeSlack;
let port: number;
const children: Child[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intro-broker-crash-'));
  db = join(dir, 'bot.db');
  fake = await startFakeSlack();
  port = await freePort();
  const store = SqliteStore.open(db);
  store.saveMember({ platform: 'slack', userId: ALICE, displayName: 'alice', status: 'member', at: new Date().toISOString() });
  store.insertContact({ name: 'Ana Ferreira', title: 'Head of Payments', company: 'Lumen Pay', tags: ['fintech'], vetted: true, email: 'ana@example.com' }, new Date().toISOString());
  store.close();
});

afterEach(async () => {
  for (const c of children.splice(0)) await c.kill();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` with Slack in HTTP mode against the fake; optionally set to crash at a point. */
async function bot(crashAt?: string, waitReady = true): Promise<Child> {
  const child = startEntry('bin/start.ts', {
    ...slackBotEnv(fake, db, port),
    ...(crashAt ? { FAULT_INJECTION: crashAt } : {}),
  });
  children.push(child);
  if (waitReady) await child.waitFor(/intro-broker is running/);
  return child;
}

const url = () => `http://127.0.0.1:${port}/slack/events`;
const rows = <T>(sql: string): T[] => {
  const s = SqliteStore.open(db);
  try {
    return s.db.prepare(sql).all() as T[];
  } finally {
    s.close();
  }
};
const dmsTo = (user: string) => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === `D${user}`);
const killed = async (c: Child) => {
  expect((await c.exited).signal).toBe('SIGKILL');
};
async function settle(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a crash, then a restart on the same database', () => {
  it('during submit, before the commit: nothing is stored; the resubmit makes exactly one request and one owner card', async () => {
    const first = await bot('submit:before-commit');
    await postInteraction(url(), SECRET, submission(goodForm)).catch(() => undefined);
    await killed(first);
    expect(rows('SELECT id FROM intro_requests')).toEqual([]);
    expect(rows('SELECT id FROM outbox')).toEqual([]);

    await bot();
    const again = await postInteraction(url(), SECRET, submission(goodForm));
    expect(again.status).toBe(200);
    await settle(() => dmsTo(OWNER).length >= 1);
    expect(rows('SELECT status FROM intro_requests')).toEqual([{ status: 'pending' }]);
    expect(dmsTo(OWNER)).toHaveLength(1);
  });

  it('right after a decision commits: the restarted bot delivers the notice exactly once', async () => {
    const first = await bot('decide:after-commit');
    await postInteraction(url(), SECRET, submission(goodForm));
    await settle(() => dmsTo(OWNER).length === 1);
    const approve = loadSlackFixture('block-actions-owner-card', { responseUrl: fake.responseUrl('approve') });
    (approve.actions as Record<string, unknown>[])[0]!.action_id = 'ib:ap:1';
    await postInteraction(url(), SECRET, approve).catch(() => undefined);
    await killed(first);
    expect(rows('SELECT status FROM intro_requests')).toEqual([{ status: 'approved' }]);
    expect(dmsTo(ALICE).filter((c) => JSON.stringify(c.body).includes('approved your request'))).toHaveLength(0);

    const second = await bot();
    await settle(() => dmsTo(ALICE).length >= 2);
    // A second restart must not send anything again.
    second.proc.kill('SIGTERM');
    await second.exited;
    await bot();
    await new Promise((r) => setTimeout(r, 500));
    const notices = dmsTo(ALICE).filter((c) => JSON.stringify(c.body).includes('approved your request'));
    expect(notices).toHaveLength(1);
    // The approval also asked the owner to email Ana first: once.
    expect(dmsTo(OWNER).filter((c) => JSON.stringify(c.body).includes('ask Ana Ferreira first'))).toHaveLength(1);
  });

  it('during delivery, before the send: the restarted bot sends the owner card once', async () => {
    const first = await bot('delivery:before-send');
    // The submit succeeds; the dispatcher then claims the owner card and the process dies.
    await postInteraction(url(), SECRET, submission(goodForm)).catch(() => undefined);
    await killed(first);
    expect(dmsTo(OWNER)).toHaveLength(0);
    expect(rows<{ status: string; attempts: number }>("SELECT status, attempts FROM outbox WHERE kind = 'owner.request_card'")).toEqual([{ status: 'pending', attempts: 1 }]);

    const second = await bot();
    await settle(() => dmsTo(OWNER).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(dmsTo(OWNER)).toHaveLength(1);
    expect(second.stderr()).toContain('resending messages a previous run had not finished');
    expect(rows("SELECT status FROM outbox WHERE kind = 'owner.request_card'")).toEqual([{ status: 'sent' }]);
  });
});
