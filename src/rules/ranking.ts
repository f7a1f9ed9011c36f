// How search results are ordered: the one place the ranking is defined.
//
//   score = relevance × strength factor × load factor        (higher is better)
//
// - relevance: FTS5's bm25 of the query against the contact's public fields,
//   with the column weights in db/fts-query.ts (COLUMN_WEIGHTS: name 10,
//   company 6, title 4, tags and topics 3, location 2, bio 1), k1 = 1.2,
//   b = 0.75, every word a prefix; negated so that higher is better. Its
//   statistics (how many contacts a word matches, the average length) are
//   those of the whole index, as FTS5 computes them.
// - strength factor: what the owner knows best. A close contact outranks an
//   acquaintance whose text matches as well (STRENGTH_FACTOR).
// - load factor: spreads the load. A contact the owner introduced recently
//   drops (to LOAD_FLOOR just after an intro) and recovers as days pass
//   (half way back after LOAD_HALF_LIFE_DAYS); one never introduced is not
//   touched. "Introduced" is the owner approving a request for that contact.
//
// Ties are broken by contact id (older first). db/search-index.ts computes
// this over every match in memory; db/search-reference.ts computes it from
// FTS5's own bm25() over every match in SQL, and tests check that both agree.
import type { Strength } from '../domain.ts';

export const STRENGTH_FACTOR: Readonly<Record<Strength, number>> = { close: 1.3, known: 1, acquainted: 0.8 };
export const LOAD_FLOOR = 0.6;
export const LOAD_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

/** The load factor for a contact last introduced at `lastIntroMs` (NaN: never), at `nowMs`. */
export function loadFactor(lastIntroMs: number, nowMs: number): number {
  if (Number.isNaN(lastIntroMs)) return 1;
  const days = Math.max(0, (nowMs - lastIntroMs) / DAY_MS);
  const recent = LOAD_HALF_LIFE_DAYS / (LOAD_HALF_LIFE_DAYS + days); // 1 just after, ½ after the half-life
  return 1 - (1 - LOAD_FLOOR) * recent;
}

/**
 * The final score from a bm25 relevance (positive; higher is better). Written
 * once and used by both implementations, in this order of operations, so
 * equal inputs give bit-equal scores and the id tie-break decides the same way.
 */
export function rankScore(relevance: number, strength: Strength, lastIntroMs: number, nowMs: number): number {
  return relevance * STRENGTH_FACTOR[strength] * loadFactor(lastIntroMs, nowMs);
}

/** Better first: higher score, then lower id. */
export function compareRanked(a: { score: number; id: number }, b: { score: number; id: number }): number {
  return b.score - a.score || a.id - b.id;
}
