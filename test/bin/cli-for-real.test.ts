// The owner's CLI as installed (bin/intro-broker.mjs), run as a child process:
// it finds the bot's .env and database beside package.json from any folder,
// backs up and restores safely, and is quiet when its reader goes away.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db/migrate.ts';
import { cliRun, NO_TRACE, writeEnvFile } from '../support/bot-env.ts';
import { freePort, ROOT, spawnChild, type Child } from '../support/child.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

let dir: string;
const children: Child[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'intro-broker-cli-'));
});
afterAll(async () => {
  for (const c of children) await c.kill();
  rmSync(dir, { recursive: true, force: true });
});

const count = (db: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
  } finally {
    d.close();
  }
};

describe('one database for the bot and the CLI', () => {
  let pkg: string;
  let fake: FakeSlack;
  beforeAll(async () => {
    // An installed copy: package.json, the launchers and the compiled code; .env beside package.json.
    pkg = join(dir, 'intro-broker');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    for (const f of ['package.json', 'bin/intro-broker.mjs', 'bin/launch.mjs', 'bin/build-if-stale.mjs']) cpSync(join(ROOT, f), join(pkg, f));
    cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    fake = await startFakeSlack();
    writeEnvFile(join(pkg, '.env'), {
      DATABASE_PATH: './data/shared.db',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_OWNER_ID: 'U0001OWNER',
      SLACK_SIGNING_SECRET: 'test-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(await freePort()),
    });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('the CLI from another folder reads and writes the database the bot uses', async () => {
    const shared = join(pkg, 'data', 'shared.db');
    const bin = join(pkg, 'bin', 'intro-broker.mjs');
    for (const d of ['here', 'there', 'bot-cwd']) mkdirSync(join(dir, d));
    const bot = spawnChild(process.execPath, [join(pkg, 'bin', 'launch.mjs')], {}, { cwd: join(dir, 'bot-cwd') });
    children.push(bot);
    await bot.waitFor(/intro-broker is running/);

    const add = await cliRun(['contacts', 'add', '--name', 'Ana Ferreira', '--company', 'Lumen Pay', '--vet'], { bin, cwd: join(dir, 'here') });
    expect(add.code).toBe(0);
    const stats = await cliRun(['stats'], { bin, cwd: join(dir, 'there') });
    expect(stats.stdout).toMatch(new RegExp(`^Database  ${shared}\\nContacts  1 total, 1 vetted`));
    // It is the bot's file: the bot's lock is on it, so a restore is refused.
    expect((await cliRun(['backup', join(dir, 'shared-backup.db')], { bin, cwd: join(dir, 'here') })).code).toBe(0);
    const refused = await cliRun(['restore', join(dir, 'shared-backup.db')], { bin, cwd: join(dir, 'there') });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(`restore: a bot is running on ${shared}; stop it first`);
    // Nothing was created where the commands ran.
    for (const d of ['here', 'there', 'bot-cwd']) expect(existsSync(join(dir, d, 'data'))).toBe(false);
    expect(count(shared)).toBe(1);
    await bot.kill();
  });
});

describe('backup and restore', () => {
  it('round trip: the backup is 0600 in a folder it creates; restore brings it back and keeps the replaced file', async () => {
    const db = join(dir, 'live', 'intro-broker.db');
    const cli = (...args: string[]) => cliRun(['--db', db, ...args]);
    expect((await cli('contacts', 'add', '--name', 'Ana Ferreira', '--email', 'ana@example.com', '--vet')).code).toBe(0);
    const backup = join(dir, 'backups', 'nested', 'before.db');
    const made = await cli('backup', backup);
    expect(made).toMatchObject({ code: 0, stdout: `Backed up to ${backup}.\n` });
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    expect((await cli('contacts', 'add', '--name', 'Bruno Costa', '--vet')).code).toBe(0);
    expect(count(db)).toBe(2);
    const restored = await cli('restore', backup);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(new RegExp(`^Restored ${db} from ${backup} \\(schema version ${LATEST_VERSION}, 1 contacts\\)\\.\\nThe database it replaced is kept at (${db}\\.before-restore-\\S+)\\.\\n$`));
    const previous = /kept at (\S+)\.\n$/.exec(restored.stdout)?.[1] as string;
    expect(count(db)).toBe(1);
    expect(count(previous)).toBe(2);
    expect(statSync(previous).mode & 0o777).toBe(0o600);
    expect((await cli('contacts', 'list')).stdout).toContain('Ana Ferreira');
  });

  it('refuses a damaged file, a file of another program and a newer schema, changing nothing', async () => {
    const db = join(dir, 'refuse', 'intro-broker.db');
    await cliRun(['--db', db, 'contacts', 'add', '--name', 'Ana Ferreira']);
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'SQLite format 3\0'.padEnd(8192, 'x'));
    const other = join(dir, 'other.db');
    new Database(other).exec('CREATE TABLE notes (x TEXT)').close();
    const newer = join(dir, 'newer.db');
    await cliRun(['--db', db, 'backup', newer]);
    const n = new Database(newer);
    n.pragma(`user_version = ${LATEST_VERSION + 1}`);
    n.close();
    for (const [file, why] of [
      [garbage, /is damaged|cannot be opened/],
      [other, /is not an intro-broker database/],
      [newer, new RegExp(`schema version ${LATEST_VERSION + 1}, newer than this intro-broker`)],
    ] as const) {
      const r = await cliRun(['--db', db, 'restore', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(why);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(NO_TRACE);
    }
    expect(count(db)).toBe(1);
  });
});

describe('pipes', () => {
  it('`stats | head -1` prints one clean line; a reader that leaves early is no error', async () => {
    const db = join(dir, 'pipes.db');
    const bin = join(ROOT, 'bin', 'intro-broker.mjs');
    const head = spawnChild('sh', ['-c', `"${process.execPath}" "${bin}" --db "${db}" stats | head -1`], {});
    expect((await head.exited).code).toBe(0);
    expect(head.stdout()).toBe(`Database  ${db}\n`);
    expect(head.stderr()).toBe('');
    const gone = spawnChild('sh', ['-c', `"${process.execPath}" "${bin}" --db "${db}" export | true`], {});
    await gone.exited;
    expect(gone.stderr()).toBe('');
  });
});
