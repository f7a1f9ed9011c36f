// Turns anything a person types into a safe FTS5 query. Raw user text never
// reaches MATCH: FTS5 treats ", AND, OR, NOT, -, *, :, ^, ( and . as syntax and
// throws on half of them. We keep only letters and digits, quote every token
// (doubling inner quotes, though none can survive the split) and add * so each
// word also matches as a prefix. Tokens are ANDed by juxtaposition.

const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

export function searchTokens(text: string): string[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, MAX_TOKEN_LENGTH));
  return [...new Set(words)].slice(0, MAX_TOKENS);
}

const quote = (token: string) => `"${token.replaceAll('"', '""')}"*`;

export function ftsQuery(tokens: readonly string[]): string | null {
  return tokens.length === 0 ? null : tokens.map(quote).join(' ');
}

/**
 * A looser query for when the exact one finds nothing: long words are cut by two
 * letters so "fintek" still finds "fintech" and "stockholm" finds "Stockholmia".
 * Returns null when loosening would change nothing.
 */
export function looseFtsQuery(tokens: readonly string[]): string | null {
  const loose = looseTokens(tokens);
  return loose === null ? null : ftsQuery(loose);
}

/** The tokens `looseFtsQuery` searches for, or null when loosening would change nothing. */
export function looseTokens(tokens: readonly string[]): string[] | null {
  const loose = tokens.map((t) => (t.length >= 5 ? t.slice(0, t.length - 2) : t));
  return loose.every((t, i) => t === tokens[i]) ? null : loose;
}

// ── Ranking a bounded set of matches ───────────────────────────────────────
// The index's columns, in its order, and the weight bm25() gives a match in
// each: the name counts most, then company, title, tags and topics.
export const SEARCH_COLUMNS = ['name', 'title', 'company', 'location', 'tags', 'topics', 'bio'] as const;
export const COLUMN_WEIGHTS: Readonly<Record<(typeof SEARCH_COLUMNS)[number], number>> = {
  name: 10,
  title: 4,
  company: 6,
  location: 2,
  tags: 3,
  topics: 3,
  bio: 1,
};

/** Anything but printable ASCII (tabs and newlines included) takes the Unicode path. */
const NOT_PLAIN = /[^ -~]/;
const isAsciiWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122); // lower-cased first

/**
 * Splits and folds text as the index's tokenizer (unicode61, remove_diacritics
 * 2) does, near enough to rank by: lower case, accents off, letters and digits.
 */
export function foldTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{Co}]+/u)
    .filter((w) => w.length > 0);
}

const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** Whether text[start, end) begins with `term` (lower case), ignoring ASCII case. */
function startsWithTerm(text: string, start: number, end: number, term: string): boolean {
  if (term === '' || end - start < term.length) return false;
  for (let k = 0; k < term.length; k++) if (lower(text.charCodeAt(start + k)) !== term.charCodeAt(k)) return false;
  return true;
}

/**
 * Adds `weight` to freq[i] for every word of `text` that starts with terms[i];
 * returns the number of words. Printable ASCII (most text) is scanned in
 * place, without copying it.
 */
function scanColumn(text: string, terms: readonly string[], weight: number, freq: number[]): number {
  if (NOT_PLAIN.test(text)) {
    const words = foldTokens(text);
    for (const word of words) {
      terms.forEach((term, t) => {
        if (term !== '' && word.startsWith(term)) freq[t]! += weight;
      });
    }
    return words.length;
  }
  let words = 0;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isAsciiWordChar(lower(text.charCodeAt(i)))) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && isAsciiWordChar(lower(text.charCodeAt(i)))) i++;
    words++;
    for (let t = 0; t < terms.length; t++) if (startsWithTerm(text, start, i, terms[t]!)) freq[t]! += weight;
  }
  return words;
}

const K1 = 1.2;
const B = 0.75;

/**
 * FTS5's bm25 (k1 = 1.2, b = 0.75, the same column weights) for rows already
 * known to match every token as a prefix; lower is better, as with bm25().
 * Each row holds the searchable columns in SEARCH_COLUMNS order, from index
 * `first` on (so rows straight from SQLite, id first, need no copying). Two
 * simplifications, both because the exact figures need a pass over every match
 * in the index, which is what this exists to avoid: every token weighs the
 * same (bm25 multiplies each by its rarity, a constant for one-word queries),
 * and the average row length is that of the rows given.
 */
export function bm25Scores(tokens: readonly string[], rows: readonly (readonly unknown[])[], first = 0): number[] {
  const terms = tokens.map((t) => foldTokens(t).join(''));
  const weights = SEARCH_COLUMNS.map((c) => COLUMN_WEIGHTS[c]);
  const freqs: number[][] = [];
  const lengths: number[] = [];
  for (const row of rows) {
    const freq = terms.map(() => 0);
    let length = 0;
    weights.forEach((weight, col) => {
      const value = row[first + col];
      if (typeof value === 'string' && value !== '') length += scanColumn(value, terms, weight, freq);
    });
    freqs.push(freq);
    lengths.push(length);
  }
  const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) || 1;
  return freqs.map((freq, r) => {
    const norm = K1 * (1 - B + (B * (lengths[r] ?? 0)) / avg);
    return -freq.reduce((sum, f) => sum + (f * (K1 + 1)) / (f + norm), 0);
  });
}
