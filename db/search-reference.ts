// The exact full ranking, the slow and obvious way: FTS5 scores every match
// with its own bm25() in SQL, and src/rules/ranking.ts orders them. Tests and
// the bench hold the in-memory index (db/search-index.ts) to this; the bot
// never calls it.
import type Database from 'better-sqlite3';
import type { Strength } from '../src/domain.ts';
import { compareRanked, rankScore } from '../src/rules/ranking.ts';
import { COLUMN_WEIGHTS, ftsQuery, looseTokens, SEARCH_COLUMNS, searchTokens } from './fts-query.ts';

export interface ReferenceHit {
  id: number;
  score: number;
}

const RANK = `bm25(contacts_fts, ${SEARCH_COLUMNS.map((c) => COLUMN_WEIGHTS[c].toFixed(1)).join(', ')})`;
const SQL = `
  SELECT c.id AS id, ${RANK} AS bm25, c.strength AS strength,
    (SELECT max(r.decided_at) FROM intro_requests r WHERE r.contact_id = c.id AND r.status = 'approved') AS lastIntro
  FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid
  WHERE contacts_fts MATCH ? AND c.vetted = 1 AND c.open_to_intros = 1 AND c.removed = 0`;

function rankAll(db: Database.Database, tokens: readonly string[], nowMs: number): ReferenceHit[] {
  const match = ftsQuery(tokens);
  if (match === null) return [];
  const rows = db.prepare(SQL).all(match) as { id: number; bm25: number; strength: Strength; lastIntro: string | null }[];
  return rows
    .map((r) => ({ id: r.id, score: rankScore(-r.bm25, r.strength, r.lastIntro === null ? Number.NaN : Date.parse(r.lastIntro), nowMs) }))
    .sort(compareRanked);
}

/** Every searchable match of `text`, best first, with the same typo-tolerant fallback as the store. */
export function exactFullRanking(db: Database.Database, text: string, nowIso: string): ReferenceHit[] {
  const tokens = searchTokens(text);
  const nowMs = Date.parse(nowIso);
  const exact = rankAll(db, tokens, nowMs);
  if (exact.length > 0) return exact;
  const loose = looseTokens(tokens);
  return loose ? rankAll(db, loose, nowMs) : [];
}
