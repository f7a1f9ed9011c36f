// deploy/litestream.yml, as the README tells an owner to run it: Litestream
// replicates the bot's database to a local file replica while it is written;
// a restore into a fresh file holds the same rows and passes our own
// `restore` checks. The binary comes from LITESTREAM_PATH, the PATH, or an
// installed @flydotio/litestream (npm ships it per platform). Without one,
// outside CI, the test is skipped with a notice; in CI it is required and
// .ci/run installs it into a temporary folder (never into the project).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { cliRun } from '../support/bot-env.ts';
import { ROOT, spawnChild, type Child } from '../support/child.ts';

function litestreamBinary(): string | undefined {
  const fromEnv = process.env.LITESTREAM_PATH?.trim();
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  if (spawnSync('litestream', ['version']).status === 0) return 'litestream';
  try {
    const pkg = createRequire(join(ROOT, 'package.json')).resolve(`@flydotio/litestream-${process.platform}-${process.arch}/package.json`);
    return existsSync(join(dirname(pkg), 'litestream')) ? join(dirname(pkg), 'litestream') : undefined;
  } catch {
    return undefined;
  }
}

let dir: string;
const children: Child[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'intro-broker-litestream-'));
});
afterAll(async () => {
  for (const c of children) await c.kill();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, name, email, vetted FROM contacts ORDER BY id').all();
  } finally {
    db.close();
  }
};

describe('continuous replication with Litestream (deploy/litestream.yml)', () => {
  it('replicates to a file replica while the database is written; a restore into a fresh file matches', async (ctx) => {
    const bin = litestreamBinary();
    if (!bin) {
      const how = 'install it (litestream.io/install, or npm install @flydotio/litestream in a folder of its own) and set LITESTREAM_PATH';
      if (process.env.CI === 'true') throw new Error(`This test needs the litestream binary in CI: ${how} (.ci/run does).`);
      console.warn(`\n  ⚠ SKIPPED the Litestream replication check: no litestream binary found; ${how} to run it.\n`);
      ctx.skip();
      return;
    }
    const db = join(dir, 'intro-broker.db');
    const env = { DATABASE_PATH: db, LITESTREAM_REPLICA_URL: `file://${join(dir, 'replica')}` };
    const config = join(ROOT, 'deploy', 'litestream.yml');
    const at = () => new Date().toISOString();
    const store = SqliteStore.open(db);
    for (let i = 0; i < 50; i++) store.insertContact({ name: `Contact ${i}`, email: `c${i}@example.com`, vetted: i % 2 === 0 }, at());

    const replicate = spawnChild(bin, ['replicate', '-config', config], env);
    children.push(replicate);
    await replicate.waitFor(/snapshot written/);
    // Written while Litestream runs: these reach the replica through the WAL it ships.
    for (let i = 50; i < 120; i++) store.insertContact({ name: `Contact ${i}`, email: `c${i}@example.com`, vetted: true }, at());
    store.close();
    const live = rows(db);
    expect(live).toHaveLength(120);

    // Restore into a fresh file until the last sync has shipped the last writes (sync-interval: 1s).
    const restore = async (n: number) => {
      const out = join(dir, `restored-${n}.db`);
      const r = spawnChild(bin, ['restore', '-config', config, '-o', out, db], env);
      children.push(r);
      expect((await r.exited).code).toBe(0);
      return out;
    };
    let restored = await restore(0);
    for (let n = 1; n < 40 && rows(restored).length < live.length; n++) {
      await new Promise((r) => setTimeout(r, 250));
      restored = await restore(n);
    }
    expect(rows(restored)).toEqual(live);
    const check = new Database(restored, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    replicate.proc.kill('SIGTERM');
    expect((await replicate.exited).code).toBe(0);

    // And the owner's restore accepts it as a database of ours.
    const target = join(dir, 'fresh', 'intro-broker.db');
    const ours = await cliRun(['--db', target, 'restore', restored]);
    expect(ours.code).toBe(0);
    expect(rows(target)).toEqual(live);
  });
});
