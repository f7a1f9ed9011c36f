// One bot per database. Two bots on one file would both run the outbox and both
// send. The lock is a small SQLite file beside the database (`<db>.lock`) that
// the bot opens in exclusive locking mode and writes once: SQLite then holds an
// exclusive OS file lock on it until the connection closes. The OS drops that
// lock when the process ends in any way (exit, crash, kill -9), so there is no
// stale lock to recover by hand. The file itself stays (deleting it while
// another process opens it would split the lock). The CLI never takes the lock:
// it stays usable while the bot runs (WAL lets both work on the database).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export class BotLockedError extends Error {
  constructor(readonly path: string) {
    super(`Another intro-broker bot is already running on this database (${path}): stop it first, or point DATABASE_PATH at another file.`);
    this.name = 'BotLockedError';
  }
}

export const lockPathFor = (databasePath: string) => `${databasePath}.lock`;

export interface BotLock {
  path: string;
  release(): void;
}

const isBusy = (err: unknown) => typeof err === 'object' && err !== null && /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code));

/** Takes the lock or throws BotLockedError, without waiting. */
export function acquireBotLock(databasePath: string): BotLock {
  const path = lockPathFor(databasePath);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in this mode it is never given back.
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.transaction(() => {
      db.exec('DELETE FROM holder');
      db.prepare('INSERT INTO holder VALUES (?, ?)').run(process.pid, new Date().toISOString());
    })();
  } catch (err) {
    db.close();
    if (isBusy(err)) throw new BotLockedError(databasePath);
    throw err;
  }
  return {
    path,
    release: () => {
      if (db.open) db.close();
    },
  };
}

/** Whether a running bot holds this database's lock (what `restore` checks). */
export function isBotRunning(databasePath: string): boolean {
  try {
    acquireBotLock(databasePath).release();
    return false;
  } catch (err) {
    if (err instanceof BotLockedError) return true;
    throw err;
  }
}
