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
  const loose = tokens.map((t) => (t.length >= 5 ? t.slice(0, t.length - 2) : t));
  return loose.every((t, i) => t === tokens[i]) ? null : ftsQuery(loose);
}
