// `npm start` as a person runs it: the terminal demo with no platform, the bot
// when Slack is configured (against the local fake), and a clear refusal of a
// bad configuration.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { SECRET, slackBotEnv } from '../adapters/slack/slack-app.ts';
import { freePort, startEntry, type Child } from '../support/child.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { postSlashCommand } from '../support/slack-http.ts';

let dir: string;
let child: Child | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'intro-broker-start-'));
});
afterEach(async () => {
  await child?.kill();
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs the terminal demo over its own database when no platform is configured', async () => {
    child = startEntry('bin/start.ts', {}, { cwd: dir, input: '/find-contact fintech\n/quit\n' });
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stdout()).toContain('no Slack or Discord is configured');
    expect(child.stdout()).toContain('set SLACK_* or DISCORD_* in .env');
    expect(child.stdout()).toContain('Request intro to Ana Ferreira');
    // The demo never touches the real database.
    expect(() => SqliteStore.open(join(dir, 'data/demo.db')).close()).not.toThrow();
  });

  it('refuses a bad configuration with one line per variable, no stack trace', async () => {
    child = startEntry('bin/start.ts', { ACCESS_POLICY: 'everyone', SLACK_BOT_TOKEN: 'xoxb-secret' }, { cwd: dir });
    expect((await child.exited).code).toBe(1);
    expect(child.stderr()).toMatch(/ACCESS_POLICY: .*\(got "everyone"\)/);
    expect(child.stderr()).toContain('SLACK_OWNER_ID: required');
    expect(child.stderr()).not.toContain('xoxb-secret');
    expect(child.stderr()).not.toMatch(/\n\s+at /);
  });

  describe('with Slack configured', () => {
    let fake: FakeSlack;
    beforeEach(async () => {
      fake = await startFakeSlack();
    });
    afterEach(async () => {
      await fake.close();
    });

    it('serves /find-contact over signed HTTP and stops cleanly on SIGTERM', async () => {
      const db = join(dir, 'bot.db');
      const store = SqliteStore.open(db);
      store.saveMember({ platform: 'slack', userId: 'U0001ALICE', displayName: 'alice', status: 'member', at: '2026-01-01T00:00:00Z' });
      store.insertContact({ name: 'Ana Ferreira', company: 'Lumen Pay', vetted: true, email: 'ana.secret@example.com' }, '2026-01-01T00:00:00Z');
      store.close();
      const port = await freePort();
      child = startEntry('bin/start.ts', slackBotEnv(fake, db, port), { cwd: dir });
      await child.waitFor(/intro-broker is running/);
      const res = await postSlashCommand(`http://127.0.0.1:${port}/slack/events`, SECRET, {
        command: '/find-contact',
        text: 'lumen',
        user_id: 'U0001ALICE',
        user_name: 'alice',
        response_url: fake.responseUrl('start'),
      });
      expect(res.status).toBe(200);
      const answer = await fake.waitFor('response_url');
      expect(JSON.stringify(answer.body)).toContain('Ana Ferreira');
      expect(JSON.stringify(answer.body)).not.toContain('ana.secret@example.com');
      child.proc.kill('SIGTERM');
      expect(await child.exited).toEqual({ code: 0, signal: null });
      expect(child.stderr()).not.toContain('ana.secret@example.com');
    });
  });
});
