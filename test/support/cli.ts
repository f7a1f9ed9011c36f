// The owner's CLI run in-process over a real SQLite file, its streams captured,
// so CLI tests read what the owner would see on his terminal.
import { PassThrough, type Readable } from 'node:stream';
import { runCli } from '../../adapters/cli/main.ts';
import { SqliteStore } from '../../db/sqlite-store.ts';
import type { Clock } from '../../src/ports.ts';
import { TestClock } from './core.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Text piped to stdin (then closed), or a stream the test drives itself (a fake terminal). */
  input?: string | Readable;
  env?: Record<string, string | undefined>;
  clock?: Clock;
}

/** `intro-broker --db <dbPath> ...args`, with stdout and stderr collected. */
export async function runCliCaptured(dbPath: string, args: string[], opts: CliRunOptions = {}): Promise<CliResult> {
  const { input = '', env = {}, clock = new TestClock() } = opts;
  const stdin = typeof input === 'string' ? new PassThrough().end(input) : input;
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  stderr.on('data', (d: Buffer) => (e += d.toString()));
  const code = await runCli(['--db', dbPath, ...args], { stdin, stdout, stderr }, env, clock);
  return { code, stdout: o, stderr: e };
}

/** Opens the store at dbPath for one look (or seeding), and closes it again. */
export function withStoreAt<T>(dbPath: string, fn: (s: SqliteStore) => T): T {
  const s = SqliteStore.open(dbPath);
  try {
    return fn(s);
  } finally {
    s.close();
  }
}
