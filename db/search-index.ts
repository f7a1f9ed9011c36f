// The in-memory search index: exact ranking over every match, cheaper than
// FTS5 can rank them.
//
// FTS5 answers `ORDER BY bm25()` by scoring every row that matches, through
// its page cache and the SQL virtual machine: 20-40 ms for a common word over
// 100k contacts. This index holds the same postings in flat typed arrays (per
// term: contact slots and the weighted count of the term in each), so scoring
// every match is a tight loop over numbers: no candidate cut, no
// approximation. It reproduces FTS5's bm25 exactly (same tokenizer rules,
// same statistics over the whole table, same arithmetic in the same order),
// then applies the ranking in src/rules/ranking.ts.
//
// It is built from the contacts table when first searched, and kept in step
// with the database through `search_changes` (filled by triggers, see
// db/migrations/0005-search-changes.ts): before each search the store reads
// the newest change number and applies what it has not seen (the owner's
// edits, other processes' imports). Many changes at once (an import) are
// cheaper to apply by building again.
import { compareRanked, rankScore } from '../src/rules/ranking.ts';
import type { Strength } from '../src/domain.ts';
import { COLUMN_WEIGHTS, SEARCH_COLUMNS, termsInto } from './fts-query.ts';

/** What the index needs of a contact. */
export interface IndexedContact {
  id: number;
  /** The searchable columns, in SEARCH_COLUMNS order. */
  texts: readonly (string | null)[];
  strength: Strength;
  /** Vetted, open to intros and not removed: a member may find them. */
  searchable: boolean;
  /** When the owner last approved an intro to them (epoch ms), or NaN. */
  lastIntroMs: number;
}

export interface RankedPage {
  /** Contact ids of the page, best first. */
  ids: number[];
  /** Every searchable contact matching all the words. */
  total: number;
}

const K1 = 1.2;
const B = 0.75;
const STRENGTHS: readonly Strength[] = ['close', 'known', 'acquainted'];
const WEIGHTS = SEARCH_COLUMNS.map((c) => COLUMN_WEIGHTS[c]);
/** Pages deeper than this many results sort every match instead of keeping a short list. */
const SORT_ALL_FROM = 512;
const ALIVE = 1;
const SEARCHABLE = 2;

/** A growable list of (slot, weighted count) pairs for terms added after the last build. */
type Extra = number[];

export class SearchIndex {
  // Terms: id by text, and the ids in text order for prefix ranges.
  private readonly termIds = new Map<string, number>();
  private readonly termText: string[] = [];
  private sortedTerms: string[] = [];
  private sortedIds: Int32Array = new Int32Array(0);
  private sortedStale = false;

  // Postings from the last build (CSR: term t's are [start[t], start[t+1])), and those added since.
  private baseStart: Int32Array = new Int32Array(1);
  private baseSlot: Int32Array = new Int32Array(0);
  private baseWeight: Uint16Array = new Uint16Array(0);
  private readonly extra = new Map<number, Extra>();
  /** Contacts put or removed since the build. */
  private changed = 0;

  // Contacts, by slot. A changed text gets a new slot; the old one is marked dead.
  private slots = 0;
  private ids: Float64Array = new Float64Array(0);
  private lengths: Int32Array = new Int32Array(0);
  private flags: Uint8Array = new Uint8Array(0);
  private strengths: Uint8Array = new Uint8Array(0);
  private lastIntro: Float64Array = new Float64Array(0);
  private readonly slotOf = new Map<number, number>();

  // FTS5's statistics: rows, and tokens in all rows.
  private rows = 0;
  private tokens = 0;

  // Per-query scratch, reused.
  private scratch: Uint32Array = new Uint32Array(0);
  private touched: Int32Array = new Int32Array(0);
  private candidates: Int32Array = new Int32Array(0);
  /** Weighted counts of the candidates, one buffer per query word (made when a query first has that many). */
  private freqPool: Uint32Array[] = [];
  /** One column's terms while a contact is analysed. */
  private readonly termBuffer: string[] = [];

  /**
   * Builds the index over every contact in the table (searchable or not:
   * FTS5's statistics count them all). `contacts` is read twice (count, then
   * fill), so the postings are allocated once at their exact size, with no
   * intermediate copy: the process keeps no high-water mark from the build.
   * Both reads must see the same rows (the store reads in one transaction).
   */
  static build(contacts: () => Iterable<IndexedContact>): SearchIndex {
    const index = new SearchIndex();
    const docTerms: number[] = [];
    const docWeights: number[] = [];
    let counts = new Int32Array(1 << 12);
    let n = 0;
    for (const c of contacts()) {
      const slot = index.allocate(c);
      const length = index.analyse(c.texts, docTerms, docWeights);
      index.lengths[slot] = length;
      index.rows++;
      index.tokens += length;
      if (index.termText.length > counts.length) counts = grow(counts, index.termText.length);
      for (const t of docTerms) counts[t]!++;
      n += docTerms.length;
    }
    const start = new Int32Array(index.termText.length + 1);
    for (let t = 0; t < index.termText.length; t++) start[t + 1] = start[t]! + counts[t]!;
    const fill = start.slice(0, index.termText.length);
    const slots = new Int32Array(n);
    const weights = new Uint16Array(n);
    for (const c of contacts()) {
      const slot = index.slotOf.get(c.id)!;
      index.analyse(c.texts, docTerms, docWeights);
      for (let k = 0; k < docTerms.length; k++) {
        const at = fill[docTerms[k]!]!++;
        slots[at] = slot;
        weights[at] = docWeights[k]!;
      }
    }
    index.baseStart = start;
    index.baseSlot = slots;
    index.baseWeight = weights;
    return index;
  }

  /** Contacts indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** True when so much changed since the build (dead slots, loose postings) that building again is the better way on. */
  get fragmented(): boolean {
    return this.changed > Math.max(1_000, this.slotOf.size / 5);
  }

  /** Adds or replaces a contact (its text may have changed). */
  put(c: IndexedContact): void {
    this.remove(c.id);
    this.changed++;
    const docTerms: number[] = [];
    const docWeights: number[] = [];
    const slot = this.allocate(c);
    const length = this.analyse(c.texts, docTerms, docWeights);
    this.lengths[slot] = length;
    this.rows++;
    this.tokens += length;
    for (let k = 0; k < docTerms.length; k++) {
      const t = docTerms[k]!;
      let list = this.extra.get(t);
      if (!list) this.extra.set(t, (list = []));
      list.push(slot, docWeights[k]!);
    }
  }

  /** Updates what ranks a contact without touching its text; false when it is not indexed. */
  setAttributes(id: number, attrs: Pick<IndexedContact, 'strength' | 'searchable' | 'lastIntroMs'>): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.flags[slot] = ALIVE | (attrs.searchable ? SEARCHABLE : 0);
    this.strengths[slot] = STRENGTHS.indexOf(attrs.strength);
    this.lastIntro[slot] = attrs.lastIntroMs;
    return true;
  }

  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.flags[slot] = 0;
    this.rows--;
    this.tokens -= this.lengths[slot]!;
    this.changed++;
  }

  /**
   * The page [offset, offset + count) of the searchable contacts matching
   * every term as a prefix, best first by src/rules/ranking.ts, and how many
   * there are. `terms` are folded query words, each one FTS5 phrase.
   */
  search(terms: readonly string[], offset: number, count: number, nowMs: number): RankedPage {
    if (terms.length === 0 || this.rows === 0) return { ids: [], total: 0 };
    this.ensureScratch();
    const avgdl = this.tokens / this.rows;
    const idf: number[] = [];
    // Candidates and their weighted counts per word live in buffers kept between
    // queries: a common word would otherwise allocate (and make the GC reclaim)
    // hundreds of kilobytes per search.
    const candidates = this.candidates;
    let n = 0;
    for (let i = 0; i < terms.length; i++) {
      const hits = this.accumulate(terms[i]!);
      // FTS5: log((N - nHit + 0.5) / (nHit + 0.5)), at least 1e-6.
      const x = Math.log((this.rows - hits + 0.5) / (hits + 0.5));
      idf.push(x <= 0 ? 1e-6 : x);
      const f = this.freqBuffer(i);
      if (i === 0) {
        for (let k = 0; k < hits; k++) {
          const slot = this.touched[k]!;
          if (!(this.flags[slot]! & SEARCHABLE)) continue;
          candidates[n] = slot;
          f[n] = this.scratch[slot]!;
          n++;
        }
      } else {
        let kept = 0;
        for (let k = 0; k < n; k++) {
          const slot = candidates[k]!;
          const w = this.scratch[slot]!;
          if (w === 0) continue;
          candidates[kept] = slot;
          for (let j = 0; j < i; j++) this.freqPool[j]![kept] = this.freqPool[j]![k]!;
          f[kept] = w;
          kept++;
        }
        n = kept;
      }
      this.clearScratch(hits);
      if (n === 0) break;
    }
    const freqs = this.freqPool.slice(0, idf.length).map((f) => f.subarray(0, n));
    return { ids: this.topPage(candidates.subarray(0, n), freqs, idf, avgdl, offset + count, nowMs).slice(offset), total: n };
  }

  // ── building blocks ────────────────────────────────────────────────────

  private allocate(c: IndexedContact): number {
    if (this.slots === this.ids.length) this.growSlots(Math.max(1024, this.slots * 2));
    const slot = this.slots++;
    this.ids[slot] = c.id;
    this.slotOf.set(c.id, slot);
    this.flags[slot] = ALIVE | (c.searchable ? SEARCHABLE : 0);
    this.strengths[slot] = STRENGTHS.indexOf(c.strength);
    this.lastIntro[slot] = c.lastIntroMs;
    return slot;
  }

  /** The contact's distinct terms with their weighted counts; returns its length in tokens. */
  private analyse(texts: readonly (string | null)[], docTerms: number[], docWeights: number[]): number {
    docTerms.length = 0;
    docWeights.length = 0;
    let length = 0;
    for (let col = 0; col < WEIGHTS.length; col++) {
      const text = texts[col];
      if (!text) continue;
      const weight = WEIGHTS[col]!;
      const terms = termsInto(text, this.termBuffer);
      length += terms.length;
      for (const term of terms) {
        const t = this.termId(term);
        const k = docTerms.indexOf(t);
        if (k >= 0) docWeights[k]! += weight;
        else {
          docTerms.push(t);
          docWeights.push(weight);
        }
      }
    }
    return length;
  }

  private termId(term: string): number {
    let t = this.termIds.get(term);
    if (t === undefined) {
      t = this.termText.length;
      this.termIds.set(term, t);
      this.termText.push(term);
      this.sortedStale = true;
    }
    return t;
  }

  /** Adds every live posting of the terms starting with `prefix` into scratch; returns how many contacts it touched. */
  private accumulate(prefix: string): number {
    const sorted = this.sorted();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let hits = 0;
    const { scratch, touched, flags, baseSlot, baseWeight, baseStart } = this;
    const baseTerms = baseStart.length - 1;
    for (let k = lo; k < sorted.length && sorted[k]!.startsWith(prefix); k++) {
      const t = this.sortedIds[k]!;
      if (t < baseTerms) {
        for (let p = baseStart[t]!, end = baseStart[t + 1]!; p < end; p++) {
          const slot = baseSlot[p]!;
          if (flags[slot] === 0) continue;
          if (scratch[slot] === 0) touched[hits++] = slot;
          scratch[slot]! += baseWeight[p]!;
        }
      }
      const list = this.extra.get(t);
      if (list) {
        for (let p = 0; p < list.length; p += 2) {
          const slot = list[p]!;
          if (flags[slot] === 0) continue;
          if (scratch[slot] === 0) touched[hits++] = slot;
          scratch[slot]! += list[p + 1]!;
        }
      }
    }
    return hits;
  }

  private clearScratch(hits: number): void {
    for (let k = 0; k < hits; k++) this.scratch[this.touched[k]!] = 0;
  }

  /**
   * Scores every candidate (FTS5's bm25 arithmetic, in its order, then the
   * ranking) and keeps the best `keep`, best first.
   */
  private topPage(candidates: Int32Array, freqs: Uint32Array[], idf: number[], avgdl: number, wanted: number, nowMs: number): number[] {
    const keep = Math.min(wanted, candidates.length);
    if (keep > SORT_ALL_FROM) return this.sortAll(candidates, freqs, idf, avgdl, nowMs).slice(0, keep);
    // The best `keep` so far, best first, as parallel arrays: no object per candidate.
    const scores: number[] = [];
    const ids: number[] = [];
    for (let k = 0; k < candidates.length; k++) {
      const slot = candidates[k]!;
      const score = this.score(slot, k, freqs, idf, avgdl, nowMs);
      const id = this.ids[slot]!;
      // No closure here: a function made per candidate is costly (under tsx, each one is also named).
      if (scores.length === keep) {
        const worst = scores[keep - 1]!;
        if (score < worst || (score === worst && id > ids[keep - 1]!)) continue;
      }
      let lo = 0;
      let hi = scores.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (score > scores[mid]! || (score === scores[mid]! && id < ids[mid]!)) hi = mid;
        else lo = mid + 1;
      }
      scores.splice(lo, 0, score);
      ids.splice(lo, 0, id);
      if (scores.length > keep) {
        scores.pop();
        ids.pop();
      }
    }
    return ids;
  }

  /** FTS5's bm25 arithmetic, in its order (negated: higher is better), then the ranking rule. */
  private score(slot: number, k: number, freqs: Uint32Array[], idf: number[], avgdl: number, nowMs: number): number {
    const D = this.lengths[slot]!;
    let bm25 = 0;
    for (let i = 0; i < freqs.length; i++) {
      const f = freqs[i]![k]!;
      bm25 += idf[i]! * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * D) / avgdl)));
    }
    return rankScore(bm25, STRENGTHS[this.strengths[slot]!]!, this.lastIntro[slot]!, nowMs);
  }

  /** Every candidate's id, best first: for deep pages, where keeping a sorted list by insertion would cost more. */
  private sortAll(candidates: Int32Array, freqs: Uint32Array[], idf: number[], avgdl: number, nowMs: number): number[] {
    const all = Array.from(candidates, (slot, k) => ({ score: this.score(slot, k, freqs, idf, avgdl, nowMs), id: this.ids[slot]! }));
    return all.sort(compareRanked).map((r) => r.id);
  }

  private sorted(): string[] {
    if (this.sortedStale) {
      const order = this.termText.map((_, t) => t).sort((a, b) => (this.termText[a]! < this.termText[b]! ? -1 : this.termText[a]! > this.termText[b]! ? 1 : 0));
      this.sortedIds = Int32Array.from(order);
      this.sortedTerms = order.map((t) => this.termText[t]!);
      this.sortedStale = false;
    }
    return this.sortedTerms;
  }

  private ensureScratch(): void {
    if (this.scratch.length < this.slots) {
      this.scratch = new Uint32Array(this.ids.length);
      this.touched = new Int32Array(this.ids.length);
      this.candidates = new Int32Array(this.ids.length);
      this.freqPool = [];
    }
  }

  private freqBuffer(i: number): Uint32Array {
    while (this.freqPool.length <= i) this.freqPool.push(new Uint32Array(this.candidates.length));
    return this.freqPool[i]!;
  }

  private growSlots(capacity: number): void {
    this.ids = grow(this.ids, capacity);
    this.lengths = grow(this.lengths, capacity);
    this.flags = grow(this.flags, capacity);
    this.strengths = grow(this.strengths, capacity);
    this.lastIntro = grow(this.lastIntro, capacity);
  }
}

type Typed = Int32Array | Uint16Array | Uint8Array | Float64Array;
function grow<T extends Typed>(a: T, atLeast: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(atLeast, a.length * 2));
  next.set(a);
  return next;
}
