// Search over generated rolodexes: the core's searchContacts use case through
// the real SqliteStore on a temp file, beside the floor (a bare ranked FTS5
// query, nothing else) and a naive LIKE scan, timed in turns in one process.
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMN_WEIGHTS, ftsQuery, SEARCH_COLUMNS, searchTokens } from '../db/fts-query.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import type { CoreContext } from '../src/context.ts';
import type { Actor } from '../src/domain.ts';
import { systemClock } from '../src/ports.ts';
import { searchContacts } from '../src/use-cases/search-contacts.ts';
import { seedContacts } from './generate.ts';
import { type Budget, summarize, type Summary, timeAlternating, verdict, type Verdict } from './stats.ts';

export const SEED = 20261102;
export const MEMBER: Actor = { platform: 'slack', userId: 'U0BENCHMEMBER', displayName: 'Bench Member' };
export const OWNER_ID = 'U0BENCHOWNER';

export const QUERIES = [
  { kind: 'common word', text: 'engineer' },
  { kind: 'two words', text: 'product london' },
  { kind: 'prefix', text: 'fin' },
  { kind: 'rare name', text: 'whitcombe' },
  { kind: 'no match', text: 'zyxwvut' },
] as const;

/** The p99 each size must meet (none is set for the others). */
const P99_TARGET_MS: Record<number, number> = { 30_000: 2, 100_000: 5 };
const FLOOR_RATIO = 1.5;

export interface SearchCell {
  kind: string;
  query: string;
  /** Vetted, open contacts matching every word (as the exact query counts them). */
  matches: number;
  searchContacts: Summary;
  floor: Summary;
  like: Summary;
  /** searchContacts p99 / floor p99. */
  floorRatio: number;
  /** How the five shown compare with the exact bm25 top five: shared ids, and their bm25 sum as a share of the best possible. */
  ranking: { sharedWithExactTop5: number; scoreShareOfExact: number } | null;
  verdicts: Verdict[];
}

export interface SearchSize {
  contacts: number;
  searchable: number;
  seedSeconds: number;
  dbMegabytes: number;
  cells: SearchCell[];
}

export interface Rolodex {
  path: string;
  contacts: number;
  seedSeconds: number;
}

/** A migrated SQLite file in `dir` with `n` generated contacts and the bench member. */
export function buildRolodex(dir: string, n: number, log: (s: string) => void): Rolodex {
  const path = join(dir, `rolodex-${n}.db`);
  const store = SqliteStore.open(path);
  try {
    const start = performance.now();
    seedContacts(store.db, n, SEED, (done) => {
      if (n >= 100_000 && done % 100_000 === 0 && done < n) log(`    seeded ${done.toLocaleString('en-US')} / ${n.toLocaleString('en-US')}`);
    });
    const at = new Date().toISOString();
    store.saveMember({ platform: MEMBER.platform, userId: MEMBER.userId, displayName: MEMBER.displayName ?? 'member', status: 'member', at });
    return { path, contacts: n, seedSeconds: (performance.now() - start) / 1000 };
  } finally {
    store.close();
  }
}

function budgetFor(n: number): { pair: Budget & { blockMs: number }; like: Budget & { blockMs: number } } {
  const block = 250;
  if (n <= 1_000) return { pair: { maxIterations: 1_500, maxMs: 3_000, warmup: 20, blockMs: block }, like: { maxIterations: 300, maxMs: 800, warmup: 5, blockMs: block } };
  if (n <= 30_000) return { pair: { maxIterations: 1_500, maxMs: 7_000, warmup: 10, blockMs: block }, like: { maxIterations: 200, maxMs: 2_000, warmup: 2, blockMs: block } };
  if (n <= 100_000) return { pair: { maxIterations: 1_000, maxMs: 12_000, warmup: 5, blockMs: block }, like: { maxIterations: 100, maxMs: 3_000, warmup: 1, blockMs: block } };
  return { pair: { maxIterations: 300, maxMs: 30_000, warmup: 2, blockMs: 1_000 }, like: { maxIterations: 30, maxMs: 6_000, warmup: 1, blockMs: 1_000 } };
}

const WEIGHTED_RANK = `bm25(contacts_fts, ${SEARCH_COLUMNS.map((c) => COLUMN_WEIGHTS[c].toFixed(1)).join(', ')})`;

/** Untimed: every searchable match with its exact weighted bm25, best first. */
function exactRanking(db: Database.Database, match: string): { id: number; score: number }[] {
  return db
    .prepare(
      `SELECT c.id AS id, ${WEIGHTED_RANK} AS score FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid
       WHERE contacts_fts MATCH ? AND c.vetted = 1 AND c.open_to_intros = 1 AND c.removed = 0 ORDER BY score, c.id`,
    )
    .all(match) as { id: number; score: number }[];
}

function rankingQuality(store: SqliteStore, text: string, exact: { id: number; score: number }[]): SearchCell['ranking'] {
  if (exact.length === 0) return null;
  const shown = store.searchContacts(text, { limit: 5, offset: 0 }).items.map((c) => c.id);
  const best = exact.slice(0, 5);
  const scoreOf = new Map(exact.map((r) => [r.id, r.score]));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    sharedWithExactTop5: shown.filter((id) => best.some((b) => b.id === id)).length,
    scoreShareOfExact: sum(shown.map((id) => scoreOf.get(id) ?? 0)) / sum(best.map((b) => b.score)),
  };
}

export function benchSearch(rolodex: Rolodex): SearchSize {
  const store = SqliteStore.open(rolodex.path);
  try {
    const ctx: CoreContext = {
      store,
      clock: systemClock,
      policy: {
        accessPolicy: 'request',
        ownerName: 'Sam',
        limits: { maxOpenRequestsPerMember: 3, contactIntrosPer90Days: 3, requestExpiryDays: 14 },
        owners: { slack: OWNER_ID },
      },
    };
    const floorStmt = store.db.prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY bm25(contacts_fts) LIMIT 6');
    const budget = budgetFor(rolodex.contacts);
    const subject: Record<string, () => unknown> = {};
    const floor: Record<string, () => unknown> = {};
    const like: Record<string, () => unknown> = {};
    const exact: Record<string, { id: number; score: number }[]> = {};
    for (const q of QUERIES) {
      const tokens = searchTokens(q.text);
      const match = ftsQuery(tokens) ?? '""';
      // The naive way: every word somewhere in name, company or title, no ranking, no index.
      const likeStmt = store.db.prepare(
        `SELECT id FROM contacts WHERE vetted = 1 AND open_to_intros = 1 AND removed = 0 AND ${tokens
          .map(() => "(name LIKE ? ESCAPE '\\' OR company LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')")
          .join(' AND ')} LIMIT 6`,
      );
      const likeArgs = tokens.flatMap((t) => {
        const pattern = `%${t.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
        return [pattern, pattern, pattern];
      });
      subject[q.text] = () => searchContacts(ctx, MEMBER, q.text);
      floor[q.text] = () => floorStmt.all(match);
      like[q.text] = () => likeStmt.all(...likeArgs);
      exact[q.text] = exactRanking(store.db, match);
    }
    // The use case and the floor in alternating blocks, each block going
    // round the five queries; then the LIKE scans (a reference, not a target).
    const timed = timeAlternating({ searchContacts: subject, floor }, budget.pair);
    const likeTimed = timeAlternating({ like }, budget.like);
    const cells: SearchCell[] = [];
    for (const q of QUERIES) {
      const s = summarize(timed.searchContacts?.[q.text] ?? []);
      const f = summarize(timed.floor?.[q.text] ?? []);
      const ratio = s.p99 / f.p99;
      const verdicts: Verdict[] = [];
      const target = P99_TARGET_MS[rolodex.contacts];
      if (target !== undefined) {
        verdicts.push(verdict(`p99 ≤ ${target} ms`, s.p99 <= target));
        verdicts.push(verdict(`p99 ≤ ${FLOOR_RATIO}× floor p99`, ratio <= FLOOR_RATIO));
      }
      const ranked = exact[q.text] ?? [];
      cells.push({
        kind: q.kind,
        query: q.text,
        matches: ranked.length,
        searchContacts: s,
        floor: f,
        like: summarize(likeTimed.like?.[q.text] ?? []),
        floorRatio: ratio,
        ranking: rankingQuality(store, q.text, ranked),
        verdicts,
      });
    }
    const searchable = (store.db.prepare('SELECT count(*) FROM contacts WHERE vetted = 1 AND open_to_intros = 1 AND removed = 0').pluck().get() as number) ?? 0;
    return {
      contacts: rolodex.contacts,
      searchable,
      seedSeconds: rolodex.seedSeconds,
      dbMegabytes: statSync(rolodex.path).size / 1024 / 1024,
      cells,
    };
  } finally {
    store.close();
  }
}
