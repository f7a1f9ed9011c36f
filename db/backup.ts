// Backups and restores of the SQLite file. Both go through SQLite's online
// backup API, so they are consistent while another process writes (WAL), and
// both leave files only the owner can read (0600): they hold contacts'
// emails, phones and the owner's notes.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { acquireBotLock, BotLockedError } from './bot-lock.ts';
import { LATEST_VERSION } from './migrate.ts';
import { databaseError, openDatabase } from './open.ts';

/** A restore that was refused; nothing was changed. One line, safe to print. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

const same = (a: string, b: string) => existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);

/** Copies `db` to `file` (creating its folder), readable by the owner only. */
export async function backupTo(db: Database.Database, file: string): Promise<void> {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  // Created 0600 before SQLite writes a byte; SQLite keeps a file's mode (and gives its journals the same).
  closeSync(openSync(file, 'w', 0o600));
  chmodSync(file, 0o600);
  await db.backup(file);
}

export interface RestoreResult {
  version: number;
  contacts: number;
  /** Where the database that was replaced is kept, if there was one. */
  previous?: string;
}

/** What a candidate backup holds, or why it is refused. */
function inspect(file: string): { version: number } {
  if (!existsSync(file)) throw new RestoreRefusedError(`restore: no such file ${file}.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new RestoreRefusedError(`restore: ${file} cannot be opened as a SQLite database.`);
  }
  try {
    const check = (() => {
      try {
        return db.pragma('integrity_check', { simple: true }) as string;
      } catch {
        return 'not a database';
      }
    })();
    if (check !== 'ok') throw new RestoreRefusedError(`restore: ${file} is damaged (integrity check: ${check}); nothing was changed. Try an older backup.`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasContacts = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contacts'").get() !== undefined;
    if (version < 1 || !hasContacts) throw new RestoreRefusedError(`restore: ${file} is not an intro-broker database; nothing was changed.`);
    if (version > LATEST_VERSION) {
      throw new RestoreRefusedError(`restore: ${file} is at schema version ${version}, newer than this intro-broker (${LATEST_VERSION}); upgrade intro-broker first. Nothing was changed.`);
    }
    return { version };
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `target` with the backup `file`: refused while a
 * bot runs on it (the restore holds the bot lock itself, so none starts
 * meanwhile), or when the file is damaged, not ours, or newer than this code.
 * The database it replaces is first copied beside it, so a wrong restore can
 * be undone. An older backup is migrated to the current schema.
 */
export async function restoreFrom(target: string, file: string, stamp: string): Promise<RestoreResult> {
  if (same(target, file)) throw new RestoreRefusedError('restore: that file is the database itself; nothing was changed.');
  let lock;
  try {
    lock = acquireBotLock(target);
  } catch (err) {
    if (err instanceof BotLockedError) {
      throw new RestoreRefusedError(`restore: a bot is running on ${target}; stop it first (e.g. systemctl stop intro-broker, or docker compose stop), then restore. Nothing was changed.`);
    }
    throw databaseError(target, err);
  }
  try {
    const { version } = inspect(file);
    let previous: string | undefined;
    if (existsSync(target)) {
      previous = `${target}.before-restore-${stamp}`;
      const current = new Database(target, { fileMustExist: true });
      try {
        await backupTo(current, previous);
      } finally {
        current.close();
      }
    }
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    chmodSync(target, 0o600);
    const db = openDatabase(target); // migrates an older backup to this version
    try {
      const contacts = (db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
      return { version, contacts, ...(previous ? { previous } : {}) };
    } finally {
      db.close();
    }
  } finally {
    lock.release();
  }
}
