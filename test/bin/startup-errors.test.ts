// Every start-up problem a self-hoster can cause ends the real process with
// one line that names the variable to fix and says what to do: exit code 1,
// no stack trace, no secret echoed. Run over the compiled bot against the
// local fakes (a refused token, an unreachable host, an unwritable path, …).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthz, NO_TRACE, writeEnvFile } from '../support/bot-env.ts';
import { freePort, startEntry, type Child } from '../support/child.ts';
import { discordError, startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secretpartofthetoken0123456789';
const SECRETS = ['xoxb-secret-bot-token', 'the-signing-secret', 'secretpartofthetoken', 'xapp-secret'];

let dir: string;
let slack: FakeSlack;
let discord: FakeDiscord;
let closedPort: number;
const children: Child[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intro-broker-startup-'));
  slack = await startFakeSlack();
  discord = await startFakeDiscord();
  closedPort = await freePort(); // nothing listens there: ECONNREFUSED
});
afterAll(async () => {
  for (const c of children) await c.kill();
  await slack.close();
  await discord.close();
  rmSync(dir, { recursive: true, force: true });
});

const slackHttp = (extra: Record<string, string> = {}) => ({
  DATABASE_PATH: join(dir, 'slack.db'),
  SLACK_BOT_TOKEN: 'xoxb-secret-bot-token',
  SLACK_OWNER_ID: 'U0001OWNER',
  SLACK_SIGNING_SECRET: 'the-signing-secret',
  SLACK_API_URL: slack.apiUrl,
  PORT: String(closedPort),
  ...extra,
});
const discordOnly = (extra: Record<string, string> = {}) => ({
  DATABASE_PATH: join(dir, 'discord.db'),
  DISCORD_TOKEN,
  DISCORD_APPLICATION_ID: '1300000000000000001',
  DISCORD_OWNER_ID: '900000000000000001',
  DISCORD_API_URL: discord.apiUrl,
  ...extra,
});

function run(env: Record<string, string>, script = 'bin/start.ts'): Child {
  const file = writeEnvFile(join(dir, `case-${children.length}.env`), env);
  const child = startEntry(script, {}, { args: ['--env-file', file] });
  children.push(child);
  return child;
}

/** Runs the entry point and returns its one line on stderr (pino's JSON log lines aside). */
async function failure(env: Record<string, string>, script = 'bin/start.ts'): Promise<string> {
  const child = run(env, script);
  expect((await child.exited).code).toBe(1);
  const err = child.stderr();
  expect(err).not.toMatch(NO_TRACE);
  for (const secret of SECRETS) expect(err).not.toContain(secret);
  const lines = err.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

describe('Slack at start-up', () => {
  it('a token Slack refuses (auth.test invalid_auth) names SLACK_BOT_TOKEN', async () => {
    slack.on('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    try {
      expect(await failure(slackHttp())).toMatch(/^intro-broker cannot start: SLACK_BOT_TOKEN: Slack refused the bot token \(invalid_auth\); copy the Bot User OAuth Token/);
    } finally {
      slack.reset();
    }
  });

  it('an app-level token Slack refuses (Socket Mode) names SLACK_APP_TOKEN', async () => {
    slack.on('apps.connections.open', () => ({ ok: false, error: 'invalid_auth' }));
    try {
      const line = await failure(slackHttp({ SLACK_APP_TOKEN: 'xapp-secret-app-token', SLACK_SIGNING_SECRET: '' }));
      expect(line).toMatch(/^intro-broker cannot start: SLACK_APP_TOKEN: Slack refused the app-level token \(invalid_auth\)/);
    } finally {
      slack.reset();
    }
  });

  it('an unreachable host (connection refused, unknown name) names SLACK_API_URL', async () => {
    expect(await failure(slackHttp({ SLACK_API_URL: `http://127.0.0.1:${closedPort}/api/` }))).toMatch(/^intro-broker cannot start: SLACK_API_URL: cannot reach Slack at http:\/\/127\.0\.0\.1:\d+\/api\/ \(ECONNREFUSED\); check SLACK_API_URL\.$/);
    expect(await failure(slackHttp({ SLACK_API_URL: 'http://slack.intro-broker.invalid/api/' }))).toMatch(/SLACK_API_URL: cannot reach Slack at .* \((ENOTFOUND|EAI_AGAIN)\)/);
  });

  it('swapped tokens, a name for an id, and an empty PORT: one line per variable', async () => {
    const child = run(slackHttp({ SLACK_BOT_TOKEN: 'xapp-secret-1', SLACK_APP_TOKEN: 'xoxb-secret-bot-token', SLACK_OWNER_ID: '@sam' }));
    expect((await child.exited).code).toBe(1);
    expect(child.stderr()).toMatch(/^ {2}- SLACK_BOT_TOKEN: this is an app-level token .*\n {2}- SLACK_APP_TOKEN: this is the bot token .*\n {2}- SLACK_OWNER_ID: must be a Slack member id .*\(got "@sam"\)\n$/m);
    for (const secret of [...SECRETS, 'xapp-secret-1']) expect(child.stderr()).not.toContain(secret);
    const empty = run(slackHttp({ PORT: '' }));
    expect((await empty.exited).code).toBe(1);
    expect(empty.stderr()).toContain('  - PORT: Slack\'s HTTP mode listens on it; set a number from 1 to 65535, e.g. PORT=3000 (it is empty)');
  });

  it('a Socket Mode bot answers /healthz on HEALTH_PORT with its connection', async () => {
    const healthPort = await freePort();
    const bot = run(slackHttp({ SLACK_APP_TOKEN: 'xapp-secret-app-token', SLACK_SIGNING_SECRET: '', HEALTH_PORT: String(healthPort), DATABASE_PATH: join(dir, 'socket.db') }));
    await bot.waitFor(/intro-broker is running/);
    expect(await healthz(healthPort)).toEqual({ status: 200, body: { status: 'ok', database: 'ok', platforms: { slack: 'connected' } } });
    await bot.kill();
  });

  it('a port in use names PORT', async () => {
    const first = run(slackHttp({ DATABASE_PATH: join(dir, 'first.db') }));
    await first.waitFor(/intro-broker is running/);
    expect(await failure(slackHttp({ DATABASE_PATH: join(dir, 'second.db') }))).toBe(`intro-broker cannot start: PORT: port ${closedPort} is already in use (another intro-broker?); stop that process or choose another PORT.`);
    await first.kill();
  });
});

describe('Discord at start-up', () => {
  it('a token Discord refuses (401) names DISCORD_TOKEN', async () => {
    const off = discord.on('GET', /\/gateway\/bot$/, () => discordError(401, 0, '401: Unauthorized'));
    try {
      expect(await failure(discordOnly())).toMatch(/^intro-broker cannot start: DISCORD_TOKEN: Discord refused the bot token \(401 Unauthorized\); copy the bot token from the Developer Portal/);
    } finally {
      off();
    }
  });

  it('an unreachable host names DISCORD_API_URL', async () => {
    expect(await failure(discordOnly({ DISCORD_API_URL: `http://127.0.0.1:${closedPort}/api` }))).toMatch(/^intro-broker cannot start: DISCORD_API_URL: cannot reach Discord at http:\/\/127\.0\.0\.1:\d+\/api \(ECONNREFUSED\); check DISCORD_API_URL\.$/);
  });

  it('deploy-commands: a 401 names DISCORD_TOKEN and never prints the request body', async () => {
    const off = discord.on('PUT', /\/commands$/, () => discordError(401, 0, '401: Unauthorized'));
    try {
      const line = await failure(discordOnly(), 'scripts/discord-deploy-commands.ts');
      expect(line).toMatch(/^Cannot register commands: DISCORD_TOKEN: Discord refused the bot token \(401 Unauthorized\)/);
      expect(line).not.toContain('find-contact');
    } finally {
      off();
    }
  });

  it('a Discord-only bot answers /healthz on HEALTH_PORT', async () => {
    const healthPort = await freePort();
    const bot = run(discordOnly({ HEALTH_PORT: String(healthPort) }));
    await bot.waitFor(/intro-broker is running/);
    expect(await healthz(healthPort)).toEqual({ status: 200, body: { status: 'ok', database: 'ok', platforms: { discord: 'ready' } } });
    await bot.kill();
  });
});

describe('the database path at start-up', () => {
  it('an unwritable DATABASE_PATH names it', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const line = await failure(slackHttp({ DATABASE_PATH: join(file, 'intro-broker.db') }));
    expect(line).toMatch(/^intro-broker cannot start: DATABASE_PATH: .*\/a-file\/intro-broker\.db cannot be created: part of its folder path is a file, not a folder \((ENOTDIR|EEXIST)\); point DATABASE_PATH \(or --db\) at a file in a folder this user can write, e\.g\. \.\/data\/intro-broker\.db\.$/);
    // A folder nobody may create files in (even root: /proc).
    expect(await failure(slackHttp({ DATABASE_PATH: '/proc/intro-broker.db' }))).toMatch(/^intro-broker cannot start: DATABASE_PATH: \/proc\/intro-broker\.db cannot be created or written \((SQLITE_CANTOPEN|EACCES|ENOENT)\)/);
  });

  it('a file that is not a database names it', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'these are my notes, not a database '.repeat(200));
    expect(await failure(slackHttp({ DATABASE_PATH: file }))).toMatch(/^intro-broker cannot start: DATABASE_PATH: .*notes\.txt is not a SQLite database;/);
  });

  it('the terminal demo ignores PORT', async () => {
    const demo = startEntry('bin/start.ts', {}, { cwd: dir, input: '/quit\n', args: ['--env-file', writeEnvFile(join(dir, 'demo.env'), { PORT: 'abc' })] });
    children.push(demo);
    expect((await demo.exited).code).toBe(0);
    expect(demo.stdout()).toContain('intro-broker demo');
  });
});
