// Numbered migrations, each applied in its own transaction together with the
// user_version that records it. A database newer than this code is refused.
import type Database from 'better-sqlite3';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-form-drafts.ts';
import * as m0003 from './migrations/0003-delivery-and-timers.ts';
import * as m0004 from './migrations/0004-removed-import-keys.ts';
import * as m0005 from './migrations/0005-outbox-failed-and-edits.ts';
import * as m0006 from './migrations/0006-closed-requests.ts';
import * as m0007 from './migrations/0007-owner-flow.ts';
import * as m0008 from './migrations/0008-gate-signals.ts';
import * as m0009 from './migrations/0009-search-changes.ts';
import * as m0010 from './migrations/0010-triage-and-batches.ts';
import * as m0011 from './migrations/0011-owner-intros.ts';

interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011];
export const LATEST_VERSION = MIGRATIONS.length;

export class DatabaseTooNewError extends Error {
  constructor(path: string, found: number) {
    super(
      `The database at ${path} is at schema version ${found}, newer than this intro-broker understands (${LATEST_VERSION}). ` +
        'Upgrade intro-broker, or restore a backup made by this version.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function migrate(db: Database.Database, path: string, upTo: number = LATEST_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) throw new DatabaseTooNewError(path, current);
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
