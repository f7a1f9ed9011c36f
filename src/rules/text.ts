// Small text helpers for the rules: accent- and case-insensitive words, and a
// similarity measure good enough to spot a pasted request.

export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Jaccard similarity of word pairs: 1 for the same text, near 0 for unrelated texts. */
export function similarity(a: string, b: string): number {
  const pairs = (t: string) => {
    const w = words(t);
    const out = new Set<string>();
    for (let i = 0; i < w.length - 1; i++) out.add(`${w[i]} ${w[i + 1]}`);
    if (w.length === 1 && w[0] !== undefined) out.add(w[0]);
    return out;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  if (pa.size === 0 || pb.size === 0) return 0;
  let shared = 0;
  for (const p of pa) if (pb.has(p)) shared++;
  return shared / (pa.size + pb.size - shared);
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
