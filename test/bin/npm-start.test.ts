// `npm start` as a service manager runs it (systemd, docker, pm2): the bot
// answers /healthz, a second bot on the same database is refused, the CLI keeps
// working beside it, and SIGTERM to npm stops everything, leaving no process,
// no held port and no held lock.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBotRunning } from '../../db/bot-lock.ts';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { cliRun, healthz, NO_TRACE, writeEnvFile } from '../support/bot-env.ts';
import { freePort, groupAlive, portInUse, spawnChild, startEntry, type Child } from '../support/child.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

let dir: string;
let db: string;
let fake: FakeSlack;
let port: number;
let envFile: string;
let bot: Child;
const others: Child[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intro-broker-npm-start-'));
  db = join(dir, 'data', 'bot.db');
  fake = await startFakeSlack();
  port = await freePort();
  envFile = writeEnvFile(join(dir, 'bot.env'), {
    DATABASE_PATH: db,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_OWNER_ID: 'U0001OWNER',
    SLACK_SIGNING_SECRET: 'test-secret',
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
  });
  // npm from PATH, as a person types it; `--` passes --env-file through to the bot.
  bot = spawnChild('npm', ['start', '--silent', '--', '--env-file', envFile], {});
  await bot.waitFor(/intro-broker is running/, 60_000);
});

afterAll(async () => {
  for (const c of [bot, ...others]) await c.kill();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs compiled JavaScript with plain node, not tsx', async () => {
    const ps = spawnChild('ps', ['-eo', 'pgid=,args='], {});
    await ps.exited;
    const group = ps.stdout().split('\n').filter((l) => l.trim().startsWith(`${bot.proc.pid} `));
    expect(group.join('\n')).toMatch(/node .*bin\/launch\.mjs/);
    expect(group.join('\n')).not.toMatch(/tsx/);
  });

  it('answers GET /healthz on PORT with the database and the Slack connection', async () => {
    expect(await healthz(port)).toEqual({ status: 200, body: { status: 'ok', database: 'ok', platforms: { slack: 'listening' } } });
  });

  it('refuses a second bot on the same database with one line', async () => {
    const other = startEntry('bin/start.ts', { DATABASE_PATH: db, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_OWNER_ID: 'U0001OWNER', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()) });
    others.push(other);
    expect((await other.exited).code).toBe(1);
    expect(other.stderr().trim()).toBe(`intro-broker cannot start: Another intro-broker bot is already running on this database (${db}): stop it first, or point DATABASE_PATH at another file.`);
  });

  it('leaves the CLI usable while the bot runs, and refuses a restore under it', async () => {
    const stats = await cliRun(['--env-file', envFile, 'stats']);
    expect(stats.code).toBe(0);
    expect(stats.stdout.split('\n')[0]).toBe(`Database  ${db}`);
    const backup = join(dir, 'backups', 'copy.db');
    expect((await cliRun(['--env-file', envFile, 'backup', backup])).code).toBe(0);
    const restore = await cliRun(['--env-file', envFile, 'restore', backup]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/^restore: a bot is running on .*bot\.db; stop it first .* Nothing was changed\.\n$/);
    expect(restore.stderr).not.toMatch(NO_TRACE);
  });

  it('stops on SIGTERM to npm: no process is left, the port and the lock are free', async () => {
    const pgid = bot.proc.pid as number;
    process.kill(pgid, 'SIGTERM');
    await bot.exited;
    // npm may return before the bot has finished stopping; the bot has 10 s.
    const start = Date.now();
    while (groupAlive(pgid) && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(groupAlive(pgid)).toBe(false);
    expect(await portInUse(port)).toBe(false);
    expect(isBotRunning(db)).toBe(false);
    expect(bot.stderr()).toMatch(/"why":"SIGTERM".*"msg":"stopping"/);
    expect(bot.stderr()).not.toMatch(NO_TRACE);
    // The store was closed cleanly: the WAL was checkpointed away.
    expect(existsSync(`${db}-wal`)).toBe(false);
    SqliteStore.open(db).close();
  });

  it('when npm itself is killed (SIGKILL, nothing forwarded), the bot notices and stops too', async () => {
    const again = spawnChild('npm', ['start', '--silent', '--', '--env-file', envFile], {});
    others.push(again);
    await again.waitFor(/intro-broker is running/, 60_000);
    const pgid = again.proc.pid as number;
    process.kill(pgid, 'SIGKILL');
    await again.exited;
    const start = Date.now();
    while (groupAlive(pgid) && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(groupAlive(pgid)).toBe(false);
    expect(await portInUse(port)).toBe(false);
    expect(again.stderr()).toMatch(/"why":"parent exited".*"msg":"stopping"/);
  });
});
