// SQL for triage (the queue, skips) and bulk batches. Kept beside the store so
// its order keys live in one place; the store's methods delegate here.
import type Database from 'better-sqlite3';
import type { TriageOrder, TriageQueue } from '../src/ports.ts';

/** Case-, accent- and space-insensitive form of a name, the same in SQL (ib_fold) and JS. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function registerFunctions(db: Database.Database): void {
  db.function('ib_fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? fold(v) : null));
}

// One ascending text key per order, so "the next contact after this one" is a
// single comparison. Contacts without a company or a date come last; later
// dates come first because the date is inverted.
const KEYS: Record<TriageOrder, string> = {
  recent: `(CASE WHEN connected_on IS NULL THEN '1' ELSE '0' || printf('%08d', 99999999 - CAST(replace(connected_on, '-', '') AS INTEGER)) END)
           || char(1) || printf('%012d', 999999999999 - id)`,
  company: `(CASE WHEN coalesce(trim(company), '') = '' THEN '1' ELSE '0' || ib_fold(company) END)
            || char(1) || ib_fold(name) || char(1) || printf('%012d', id)`,
};

// `+` keeps the planner off the skip index when it should walk the order's index (see migration 0005).
const inQueue = (q: TriageQueue, walking = false) =>
  `removed = 0 AND vetted = 0 AND open_to_intros = 1${q.includeSkipped ? '' : ` AND ${walking ? '+' : ''}triage_skipped_at IS NULL`}`;

/** The query for the next card: from the start, or after a contact's place (one `?`: its id). */
export function nextTriageSql(q: TriageQueue, after: boolean): string {
  const key = KEYS[q.order];
  const from = after ? ` AND ${key} > (SELECT ${key} FROM contacts WHERE id = ?)` : '';
  return `SELECT * FROM contacts WHERE ${inQueue(q, true)}${from} ORDER BY ${key} LIMIT 1`;
}

export function nextTriageRow(db: Database.Database, q: TriageQueue, afterId?: number): Record<string, unknown> | undefined {
  const stmt = db.prepare(nextTriageSql(q, afterId !== undefined));
  return (afterId === undefined ? stmt.get() : stmt.get(afterId)) as Record<string, unknown> | undefined;
}

export function countTriage(db: Database.Database, q: TriageQueue, fromId?: number): number {
  if (fromId === undefined) return Number((db.prepare(`SELECT count(*) AS n FROM contacts WHERE ${inQueue(q)}`).get() as { n: number }).n);
  const key = KEYS[q.order];
  const sql = `SELECT count(*) AS n FROM contacts WHERE ${inQueue(q)} AND ${key} >= (SELECT ${key} FROM contacts WHERE id = ?)`;
  return Number((db.prepare(sql).get(fromId) as { n: number }).n);
}
