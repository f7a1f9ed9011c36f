// Opens (and creates) the SQLite file: WAL for readers beside one writer,
// foreign keys on, a busy timeout so a second process waits instead of failing.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.ts';

/** The database file cannot be created, opened or written: one line that says what to change. */
export class DatabaseUnavailableError extends Error {
  constructor(path: string, code: string, cause: unknown) {
    const what =
      code === 'SQLITE_NOTADB'
        ? 'is not a SQLite database'
        : code === 'ENOSPC' || code === 'SQLITE_FULL'
          ? 'cannot be written: the disk is full'
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? `cannot be created: part of its folder path is a file, not a folder (${code})`
            : `cannot be created or written (${code})`;
    super(`DATABASE_PATH: ${path} ${what}; point DATABASE_PATH (or --db) at a file in a folder this user can write, e.g. ./data/intro-broker.db.`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

const FILE_PROBLEMS = /^(EACCES|EPERM|EROFS|ENOTDIR|EISDIR|EEXIST|ENOSPC|SQLITE_(CANTOPEN|READONLY|NOTADB|PERM|AUTH|FULL|IOERR))/;

/** A file-system or SQLite error about the database path, as a DatabaseUnavailableError; others unchanged. */
export function databaseError(path: string, err: unknown): unknown {
  const raw = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  const code = typeof raw === 'string' ? raw : '';
  const m = FILE_PROBLEMS.exec(code);
  return m ? new DatabaseUnavailableError(path, m[1] ?? code, err) : err;
}

export function openDatabase(path: string, opts: { migrateTo?: number } = {}): Database.Database {
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (err) {
    throw databaseError(path, err);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, path, opts.migrateTo);
  } catch (err) {
    db.close();
    throw databaseError(path, err);
  }
  return db;
}
