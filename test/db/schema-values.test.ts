// The value lists live once, in the core (src/domain.ts, src/messages.ts); the
// schema's CHECK constraints must allow exactly those values, no more, no less.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DELIVERY_STAGES, MEMBER_STATUSES, PLATFORMS, REQUEST_STATUSES, TASK_KINDS } from '../../src/domain.ts';
import { OUTBOX_STATUSES } from '../../src/messages.ts';
import { makeCore, type TestCore } from '../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.cleanup());

/** The values a table's CHECK (column IN (...)) allows. */
function allowed(table: string, column: string): string[] {
  const { sql } = t.ctx.store.db.prepare('SELECT sql FROM sqlite_master WHERE type = ? AND name = ?').get('table', table) as { sql: string };
  const m = new RegExp(`\\b${column} IN \\(([^)]*)\\)`).exec(sql);
  if (!m?.[1]) throw new Error(`no CHECK on ${table}.${column}`);
  return m[1].split(',').map((v) => v.trim().replace(/^'|'$/g, '')).sort();
}

describe('the schema allows exactly the core’s values', () => {
  it.each([
    ['intro_requests', 'status', REQUEST_STATUSES],
    ['intro_requests', 'stage', DELIVERY_STAGES],
    ['members', 'status', MEMBER_STATUSES],
    ['members', 'platform', PLATFORMS],
    ['tasks', 'kind', TASK_KINDS],
    ['outbox', 'status', OUTBOX_STATUSES],
  ] as const)('%s.%s', (table, column, values) => {
    expect(allowed(table, column)).toEqual([...values].sort());
  });
});
