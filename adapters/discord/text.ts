// Everything in a core View is plain text, and on Discord plain text is
// markdown that can ping: `@everyone`, `<@id>`, `<@&role>`. The bot always sends
// `allowedMentions: { parse: [] }` so nothing pings; this is the second layer,
// so the text also *reads* as inert and no one can forge a link or a heading.

/** Sent with every message and reply: no @everyone, no users, no roles. */
export const NO_MENTIONS = { parse: [] as [] };

// Markers that work anywhere in a line: escapes, bold/italic, strike, code,
// spoilers, masked links ([text](url)), and `<...>` (mentions, channels, times).
const INLINE = /[\\*_~`|[\]<]/g;
// Markers that only work at the start of a line: headings, quotes, lists, subtext.
const LINE_START = /^([ \t]*)([#>+-])/gm;
const NUMBERED = /^([ \t]*\d+)\./gm;
const ZERO_WIDTH_SPACE = '\u200B';

/** User text as Discord markdown that shows exactly what was typed and pings no one. */
export function escapeText(text: string): string {
  return neutraliseMentions(
    text
      .replace(INLINE, '\\$&')
      .replace(LINE_START, '$1\\$2')
      .replace(NUMBERED, '$1\\.'),
  );
}

/**
 * `@everyone` → `@\u200Beveryone`, `<@123>` → `<@\u200B123>`: the client no
 * longer sees a mention. Only those `@`s are broken up (mention syntax after
 * a `<`, which escapeText also backslashes, and `@everyone` / `@here`): a
 * zero-width space in any other `@` would spoil what people copy out of a
 * message, such as the address in the owner's opt-in email draft.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/(?<=<)@|@(?=everyone|here)/gi, '@' + ZERO_WIDTH_SPACE);
}

/** Cuts to `max` characters (code units), marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Avoid leaving half a surrogate pair or a dangling escape backslash at the cut.
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  if (/(^|[^\\])(\\\\)*\\$/.test(cut)) cut = cut.slice(0, -1);
  return cut + '…';
}
