// Search over generated rolodexes: the core's searchContacts use case through
// the real SqliteStore on a temp file, beside the floor (a bare ranked FTS5
// query, nothing else), the exact full ranking the slow way (FTS5 bm25 over
// every match in SQL, then the ranking rule: db/search-reference.ts) and a
// naive LIKE scan, timed in turns in one process.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ftsQuery, searchTokens } from '../db/fts-query.ts';
import { exactFullRanking, type ReferenceHit } from '../db/search-reference.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import type { CoreContext } from '../src/context.ts';
import type { Actor } from '../src/domain.ts';
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

/** The sizes the targets apply to, and each query kind's p99 as a share of the floor's p99 (none for the others). */
const TARGET_SIZES = new Set([30_000, 100_000]);
const FLOOR_RATIO: Record<string, number> = { 'common word': 0.5, 'rare name': 1.5, 'no match': 1.5 };
/** Pages compared with the exact full ranking, beyond the first. */
const PAGES_CHECKED = 4;

export interface SearchCell {
  kind: string;
  query: string;
  /** Vetted, open contacts matching every word (as the exact query counts them). */
  matches: number;
  searchContacts: Summary;
  floor: Summary;
  like: Summary;
  /** The exact full ranking the slow way: every match scored by FTS5 bm25() in SQL, then ranked. */
  exactFull: Summary;
  /** searchContacts p99 / floor p99. */
  floorRatio: number;
  /** How the first page compares with the exact full ranking's top five, and whether the next pages are the same too. */
  ranking: { sharedWithExactTop5: number; sameOrder: boolean; samePages: boolean; scoreShareOfExact: number } | null;
  verdicts: Verdict[];
}

export interface SearchSize {
  contacts: number;
  searchable: number;
  seedSeconds: number;
  dbMegabytes: number;
  /** Building the in-memory index on the first search (ms). */
  indexBuildMs: number;
  cells: SearchCell[];
}

export interface Rolodex {
  path: string;
  contacts: number;
  seedSeconds: number;
}

/** Every 97th contact has had an approved intro, 0-364 days ago, so the load factor ranks too. */
function seedIntros(store: SqliteStore, n: number): void {
  const at = new Date().toISOString();
  const member = store.saveMember({ platform: 'slack', userId: 'U0BENCHINTROS', displayName: 'Earlier member', status: 'member', at });
  store.transaction(() => {
    for (let id = 1; id <= n; id += 97) {
      const when = new Date(Date.now() - ((id * 7919) % 365) * 86_400_000).toISOString();
      const r = store.insertRequest({ memberId: member.id, contactId: id, howKnow: 'bench', whyContact: 'bench', blurb: 'bench', at: when, expiresAt: when });
      store.transitionRequest(r.id, ['pending'], 'approved', { at: when, decidedBy: OWNER_ID });
    }
  });
}

/** A migrated SQLite file in `dir` with `n` generated contacts, some earlier intros, and the bench member. */
export function buildRolodex(dir: string, n: number, log: (s: string) => void): Rolodex {
  const path = join(dir, `rolodex-${n}.db`);
  const store = SqliteStore.open(path);
  try {
    const start = performance.now();
    seedContacts(store.db, n, SEED, (done) => {
      if (n >= 100_000 && done % 100_000 === 0 && done < n) log(`    seeded ${done.toLocaleString('en-US')} / ${n.toLocaleString('en-US')}`);
    });
    seedIntros(store, n);
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
  if (n <= 100_000) return { pair: { maxIterations: 1_000, maxMs: 20_000, warmup: 5, blockMs: block }, like: { maxIterations: 100, maxMs: 3_000, warmup: 1, blockMs: block } };
  return { pair: { maxIterations: 300, maxMs: 30_000, warmup: 2, blockMs: 1_000 }, like: { maxIterations: 30, maxMs: 6_000, warmup: 1, blockMs: 1_000 } };
}

/** The first page against the exact full ranking's top five, and the next pages against its next ones. */
function rankingQuality(store: SqliteStore, text: string, exact: ReferenceHit[], now: string): SearchCell['ranking'] {
  if (exact.length === 0) return null;
  const page = (k: number) => store.searchContacts(text, { limit: 5, offset: k * 5, now }).items.map((c) => c.id);
  const shown = page(0);
  const best = exact.slice(0, 5).map((h) => h.id);
  const scoreOf = new Map(exact.map((r) => [r.id, r.score]));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + (scoreOf.get(b) ?? 0), 0);
  let samePages = true;
  for (let k = 1; k <= PAGES_CHECKED; k++) {
    if (page(k).join() !== exact.slice(k * 5, k * 5 + 5).map((h) => h.id).join()) samePages = false;
  }
  return {
    sharedWithExactTop5: shown.filter((id) => best.includes(id)).length,
    sameOrder: shown.join() === best.join(),
    samePages,
    scoreShareOfExact: sum(shown) / sum(best),
  };
}

export function benchSearch(rolodex: Rolodex): SearchSize {
  const store = SqliteStore.open(rolodex.path);
  try {
    // One instant for the whole section, so the use case and the exact ranking measure intro load alike.
    const now = new Date();
    const nowIso = now.toISOString();
    const ctx: CoreContext = {
      store,
      clock: { now: () => now },
      policy: {
        accessPolicy: 'request',
        ownerName: 'Sam',
        limits: { maxOpenRequestsPerMember: 3, contactIntrosPer90Days: 3, requestExpiryDays: 14 },
        owners: { slack: OWNER_ID },
      },
    };
    const buildStart = performance.now();
    store.searchContacts('warm up', { limit: 5, offset: 0, now: nowIso }); // the first search builds the index
    const indexBuildMs = performance.now() - buildStart;
    const floorStmt = store.db.prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY bm25(contacts_fts) LIMIT 6');
    const budget = budgetFor(rolodex.contacts);
    const subject: Record<string, () => unknown> = {};
    const floor: Record<string, () => unknown> = {};
    const exactFull: Record<string, () => unknown> = {};
    const like: Record<string, () => unknown> = {};
    const exact: Record<string, ReferenceHit[]> = {};
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
      exactFull[q.text] = () => exactFullRanking(store.db, q.text, nowIso);
      like[q.text] = () => likeStmt.all(...likeArgs);
      exact[q.text] = exactFullRanking(store.db, q.text, nowIso);
    }
    // The use case and the floor in alternating blocks, each block going
    // round the five queries; then the exact full ranking and the LIKE scans
    // (references, not targets).
    const timed = timeAlternating({ searchContacts: subject, floor }, budget.pair);
    const exactTimed = timeAlternating({ exactFull }, { ...budget.like, maxIterations: 20, maxMs: Math.max(budget.like.maxMs, 6_000) });
    const likeTimed = timeAlternating({ like }, budget.like);
    const cells: SearchCell[] = [];
    for (const q of QUERIES) {
      const s = summarize(timed.searchContacts?.[q.text] ?? []);
      const f = summarize(timed.floor?.[q.text] ?? []);
      const ratio = s.p99 / f.p99;
      const ranked = exact[q.text] ?? [];
      const ranking = rankingQuality(store, q.text, ranked, nowIso);
      const verdicts: Verdict[] = [];
      if (ranking) verdicts.push(verdict('first page = exact top five, next pages too', ranking.sameOrder && ranking.samePages));
      const share = FLOOR_RATIO[q.kind];
      if (TARGET_SIZES.has(rolodex.contacts) && share !== undefined) verdicts.push(verdict(`p99 ≤ ${share}× floor p99`, ratio <= share));
      cells.push({
        kind: q.kind,
        query: q.text,
        matches: ranked.length,
        searchContacts: s,
        floor: f,
        like: summarize(likeTimed.like?.[q.text] ?? []),
        exactFull: summarize(exactTimed.exactFull?.[q.text] ?? []),
        floorRatio: ratio,
        ranking,
        verdicts,
      });
    }
    const searchable = (store.db.prepare('SELECT count(*) FROM contacts WHERE vetted = 1 AND open_to_intros = 1 AND removed = 0').pluck().get() as number) ?? 0;
    return {
      contacts: rolodex.contacts,
      searchable,
      seedSeconds: rolodex.seedSeconds,
      dbMegabytes: statSync(rolodex.path).size / 1024 / 1024,
      indexBuildMs,
      cells,
    };
  } finally {
    store.close();
  }
}
