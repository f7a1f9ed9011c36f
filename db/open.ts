// Opens (and creates) the SQLite file: WAL for readers beside one writer,
// foreign keys on, a busy timeout so a second process waits instead of failing.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.ts';

export function openDatabase(path: string, opts: { migrateTo?: number } = {}): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, path, opts.migrateTo);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
