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

// ── The index's columns and tokens ───────────────────────────────────────
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

const isAsciiTokenChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;
const MARK = /\p{M}/u;

/** How FTS5's unicode61 (remove_diacritics 2) folds one non-ASCII character: lower case, and an accented Latin letter to its ASCII base. */
const foldCache = new Map<number, string>();
function foldChar(cp: number): string {
  let folded = foldCache.get(cp);
  if (folded === undefined) {
    const lower = String.fromCodePoint(cp).toLowerCase();
    const parts = [...lower.normalize('NFD')];
    const base = parts[0] ?? '';
    const accentedAscii = base.length === 1 && base.charCodeAt(0) < 128 && parts.slice(1).every((p) => MARK.test(p));
    folded = accentedAscii ? base : lower;
    foldCache.set(cp, folded);
  }
  return folded;
}

/**
 * Splits text into the terms the FTS5 index holds for it, as its unicode61
 * tokenizer (remove_diacritics 2) does: letters, digits and private-use
 * characters make words, everything else separates them; case is folded, and
 * accents are removed from Latin letters ("José" → "jose"; "Ø" and Greek stay
 * as they are, as in FTS5); a combining mark inside a word is dropped.
 * Puts the terms in `out` (emptied first; reused by callers in loops) and returns it.
 */
export function termsInto(text: string, out: string[]): string[] {
  out.length = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Separators (and marks before a word: FTS5 does not start a word with one).
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (!isAsciiTokenChar(c)) {
        i++;
        continue;
      }
    } else {
      const cp = text.codePointAt(i)!;
      if (!TOKEN_CHAR.test(String.fromCodePoint(cp))) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    // A word: a plain ASCII run is sliced as it is; anything else is folded character by character.
    const start = i;
    while (i < n && (c = text.charCodeAt(i)) < 128 && isAsciiTokenChar(c)) i++;
    if (i >= n || text.charCodeAt(i) < 128) {
      out.push(text.slice(start, i).toLowerCase());
      continue;
    }
    let term = text.slice(start, i).toLowerCase();
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 128) {
        if (!isAsciiTokenChar(c)) break;
        term += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
        i++;
        continue;
      }
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (TOKEN_CHAR.test(ch)) term += foldChar(cp);
      else if (!MARK.test(ch)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    out.push(term);
  }
  return out;
}

/** The terms of `text`, as a new list (see termsInto). */
export function termsOf(text: string | null | undefined): string[] {
  return text ? termsInto(text, []) : [];
}
