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

/** Collapses whitespace and trims; control characters other than newlines go. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
