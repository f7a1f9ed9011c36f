// The store's search when a word is common: only a bounded set of matches is
// ranked (see RANKED_CANDIDATES in db/sqlite-store.ts). Results must still be
// searchable contacts only, best first, and pages must never repeat one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bm25Scores, COLUMN_WEIGHTS, SEARCH_COLUMNS } from '../../db/fts-query.ts';
import { RANKED_CANDIDATES } from '../../db/sqlite-store.ts';
import { addContact, makeCore, type TestCore } from '../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.cleanup());

const none = { email: null, phone: null, linkedinUrl: null, notes: null, bio: null, tags: [], topics: [] };

describe('bm25Scores', () => {
  it('orders rows exactly as FTS5 bm25() with the same weights does, when they are all the rows', () => {
    const titles = ['Zeta Engineer', 'Engineer', 'Head of Zeta Payments and Zeta Risk', 'Partner', 'Zetas Lead'];
    for (let i = 0; i < 30; i++) {
      addContact(t, {
        ...none,
        name: i % 7 === 0 ? `Zed Zeta ${i}` : `Person Number ${i}`,
        title: titles[i % titles.length]!,
        company: i % 4 === 0 ? 'Zeta Labs' : 'Orbit',
        location: i % 5 === 0 ? 'Zeta City, Somewhere Far Away' : 'Lisbon',
        tags: i % 3 === 0 ? ['zeta', 'fintech'] : ['zeta'],
        bio: i % 2 === 0 ? 'Writes about zeta functions and other zeta things at length.' : null,
      });
    }
    const weights = SEARCH_COLUMNS.map((c) => COLUMN_WEIGHTS[c].toFixed(1)).join(', ');
    const rows = t.ctx.store.db
      .prepare(
        `SELECT c.*, bm25(contacts_fts, ${weights}) AS score FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid
         WHERE contacts_fts MATCH '"zeta"*' ORDER BY score, c.id`,
      )
      .all() as Record<string, string | number | null>[];
    expect(rows).toHaveLength(30); // every row matches, so both average over the same rows
    const scores = bm25Scores(['zeta'], rows.map((r) => SEARCH_COLUMNS.map((c) => r[c] as string | null)));
    const order = rows
      .map((r, i) => ({ id: Number(r.id), score: scores[i]! }))
      .sort((a, b) => a.score - b.score || a.id - b.id)
      .map((r) => r.id);
    expect(order).toEqual(rows.map((r) => Number(r.id)));
  });

  it('folds accents and case like the index', () => {
    const [accented, plain] = bm25Scores(['jose'], [['José Álvarez'], ['Jose Alvarez']]);
    expect(accented).toBe(plain);
    expect(accented).toBeLessThan(0);
  });
});

describe('searching a common word', () => {
  beforeEach(() => {
    const at = t.ctx.clock.now().toISOString();
    t.ctx.store.transaction(() => {
      // Unsearchable matches first, so the bounded candidates must skip them.
      for (let i = 0; i < 20; i++) t.ctx.store.insertContact({ ...none, name: `Hidden ${i}`, title: 'Engineer', vetted: false }, at);
      for (let i = 0; i < 20; i++) t.ctx.store.insertContact({ ...none, name: `Opted Out ${i}`, title: 'Engineer', vetted: true, openToIntros: false }, at);
      for (let i = 0; i < RANKED_CANDIDATES + 100; i++) {
        const name = i === 40 ? 'Ada Engineer' : `Person ${i}`;
        t.ctx.store.insertContact({ ...none, name, title: i % 2 ? 'Software Engineer' : 'Engineering Manager at a large company', vetted: true }, at);
      }
    });
  });

  it('shows only vetted contacts open to intros, the best-matching first', () => {
    const page = t.ctx.store.searchContacts('engineer', { limit: 5, offset: 0 });
    expect(page.items[0]?.name).toBe('Ada Engineer'); // a name match outweighs title matches
    expect(page.hasMore).toBe(true);
    const searchable = new Set(t.ctx.store.listContacts({ vetted: true, openToIntros: true }).map((c) => c.id));
    for (const c of page.items) expect(searchable.has(c.id)).toBe(true);
  });

  it('pages through every ranked candidate without repeating one', () => {
    const seen: number[] = [];
    for (let offset = 0; offset + 6 <= RANKED_CANDIDATES; offset += 5) {
      const page = t.ctx.store.searchContacts('engineer', { limit: 5, offset });
      expect(page.items).toHaveLength(5);
      expect(page.hasMore).toBe(true);
      seen.push(...page.items.map((c) => c.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    const names = new Set(t.ctx.store.listContacts({ vetted: false }).map((c) => c.id));
    expect(seen.some((id) => names.has(id))).toBe(false);
  });

  it('still answers a page beyond the candidates, from the exact ranking', () => {
    const page = t.ctx.store.searchContacts('engineer', { limit: 5, offset: RANKED_CANDIDATES + 10 });
    expect(page.items).toHaveLength(5);
  });
});
