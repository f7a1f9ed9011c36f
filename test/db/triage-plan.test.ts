// The triage deck's default order walks its index: the next card is one index
// step, not a scan and sort of every unvetted contact (600 ms a card at 100k).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTriageSql } from '../../db/triage-queries.ts';
import { makeCore, type TestCore } from '../support/core.ts';
import { seedRolodex } from '../support/rolodex.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
  seedRolodex(t.ctx.store, 50);
});
afterEach(() => t.cleanup());

const plan = (sql: string, ...params: unknown[]) =>
  (t.ctx.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('the triage queue', () => {
  it.each([false, true])('walks contacts_triage_recent for the next card (skipped included: %s)', (includeSkipped) => {
    const q = { order: 'recent' as const, includeSkipped };
    for (const after of [false, true]) {
      const p = plan(nextTriageSql(q, after), ...(after ? [7] : []));
      expect(p).toContain('USING INDEX contacts_triage_recent');
      expect(p).not.toContain('TEMP B-TREE');
    }
  });

  it('counts the queue from an index', () => {
    expect(plan('SELECT count(*) FROM contacts WHERE removed = 0 AND vetted = 0 AND open_to_intros = 1 AND triage_skipped_at IS NULL')).toMatch(/USING (COVERING )?INDEX contacts_triage_queue/);
  });
});
