// Small text helpers for the rules: accent- and case-insensitive words in any
// script, and similarity measures good enough to spot a pasted request.

const NON_ASCII = /[^\p{ASCII}]/u;
const LATIN_GREEK_CYRILLIC = /[\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u1E00-\u1EFF\uFF01-\uFF5E]/;

/**
 * Remembers the last few results of a one-argument function of a string: the
 * gate reads the same three fields many times (facts, lexicons, templates,
 * copies), so each is folded and segmented once per request.
 */
export function remembered<T>(fn: (text: string) => T, size = 64): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    const known = cache.get(text);
    if (known !== undefined) return known;
    const value = fn(text);
    cache.set(text, value);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return value;
  };
}

/**
 * Lower case with accents removed from Latin, Greek and Cyrillic letters only,
 * one output character per input code unit, so an index in the folded text is
 * the same index in the original. Kana, hangul and Devanagari are left intact
 * (decomposing them would turn が into か and 한 into jamo).
 */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.length > 24 ? foldLong(text) : foldText(text);
}

const foldLong = remembered((text: string) => foldText(text));

function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    let f = ch.toLowerCase();
    if (LATIN_GREEK_CYRILLIC.test(ch)) f = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

export interface Token {
  text: string;
  folded: string;
  index: number;
}

/** Scripts written without spaces, which need ICU's dictionary to find words. */
const NEEDS_DICTIONARY = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF]/u;
const SPACED_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/**
 * Word tokens in any script, with their position: ICU word segmentation
 * (Intl.Segmenter) where the script needs it, a plain pattern elsewhere
 * (the same words, many times faster).
 */
export function tokenize(text: string): readonly Token[] {
  return text.length > 24 ? tokenizeLong(text) : tokenizeText(text);
}

const tokenizeLong = remembered((text: string) => tokenizeText(text));

function tokenizeText(text: string): Token[] {
  const out: Token[] = [];
  if (NEEDS_DICTIONARY.test(text)) {
    for (const s of segmenter.segment(text)) {
      if (s.isWordLike) out.push({ text: s.segment, folded: fold(s.segment), index: s.index });
    }
    return out;
  }
  for (const m of text.matchAll(SPACED_WORD)) {
    const word = m[0].replace(/[.-]+$/u, '');
    out.push({ text: word, folded: fold(word), index: m.index });
  }
  return out;
}

export function words(text: string): string[] {
  return tokenize(text).map((t) => t.folded);
}

/** Han, kana or hangul: scripts written without spaces between words (or with particles glued on). */
export const CJK = /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/u;

/** Jaccard similarity of word pairs: 1 for the same text, near 0 for unrelated texts. */
export function similarity(a: string, b: string): number {
  const pairs = (t: string) => {
    const w = words(t);
    const out = new Set<string>();
    for (let i = 0; i < w.length - 1; i++) out.add(`${w[i]} ${w[i + 1]}`);
    if (w.length === 1 && w[0] !== undefined) out.add(w[0]);
    return out;
  };
  return jaccard(pairs(a), pairs(b));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const p of a) if (b.has(p)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * How much of the shorter text is contained in the longer one, on character
 * 4-grams of its words with the given words left out. Swapping a few words or
 * reordering sentences keeps it high; two texts about different things keep it
 * low. Works the same for scripts written without spaces.
 */
export function containment(a: string, b: string, ignore: Set<string> = new Set()): number {
  const grams = (t: string) => {
    const joined = words(t)
      .filter((w) => !ignore.has(w))
      .join(' ');
    const out = new Set<string>();
    for (let i = 0; i + 4 <= joined.length; i++) out.add(joined.slice(i, i + 4));
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  if (ga.size < 8 || gb.size < 8) return 0;
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / small.size;
}

/**
 * Characters that change how text looks without being seen: control characters
 * (but newline), bidi overrides and isolates (U+202A-202E, U+2066-2069: "fdp.exe"
 * shown as "exe.pdf"), marks (U+200E, U+200F, U+061C), zero-width and other
 * format characters (U+200B, U+2060-2064, U+FEFF, U+00AD, tags...). ZWNJ and ZWJ
 * (U+200C, U+200D) are kept between two letters, where scripts such as Persian
 * need them, and dropped anywhere else.
 */
export function stripInvisible(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
      .replace(/\p{Cf}/gu, (m, at: number, all: string) => (isJoinerBetweenLetters(m, all.slice(0, at), all.slice(at + 1)) ? m : ''))
  );
}

function isJoinerBetweenLetters(ch: string, before: string, after: string): boolean {
  return (ch === '\u200C' || ch === '\u200D') && /\p{L}\p{M}*$/u.test(before) && /^\p{L}/u.test(after);
}

/** Form text: invisible characters go, whitespace collapses, at most one blank line, trimmed. */
export function cleanText(text: string): string {
  return stripInvisible(text.replace(/\r\n?/g, '\n'))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A name or a one-line field (a contact's name, title, company; a platform
 * display name; what the owner typed on the CLI): cleaned like form text, and
 * on one line. The store applies it to every write, so no source is missed.
 */
export function cleanName(text: string): string {
  return stripInvisible(text.replace(/[\r\n\t]+/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
