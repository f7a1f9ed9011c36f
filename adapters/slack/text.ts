// Text for Slack, within Slack's limits. Every string from a View is plain text
// (user words included), so before it goes into a mrkdwn field its `&`, `<` and
// `>` are escaped: `<!channel>`, `<@U1>` and `<http://x|y>` then show as typed
// instead of pinging everyone, mentioning someone or forging a link.
// plain_text fields are never parsed by Slack, so they are only cut to length.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ELLIPSIS = '…';

/**
 * The longest prefix of `raw` (cut between code points, so no emoji is split and
 * no `&amp;` is cut in half) whose rendering fits in `max` characters, with an
 * ellipsis when something was cut. `render` must only grow as its input grows.
 */
export function fit(raw: string, max: number, render: (s: string) => string = (s) => s): string {
  const whole = render(raw);
  if (whole.length <= max) return whole;
  const chars = [...raw];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(chars.slice(0, mid).join('') + ELLIPSIS).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return render(chars.slice(0, lo).join('') + ELLIPSIS);
}

/** Escaped mrkdwn that fits in `max` characters. */
export const mrkdwn = (raw: string, max: number): string => fit(raw, max, escapeMrkdwn);

/** Someone's own words as a Slack quote: every line starts with `>`, all of it escaped. */
export const quoteLines = (raw: string): string =>
  raw
    .split('\n')
    .map((line) => `>${escapeMrkdwn(line)}`)
    .join('\n');

/** A bold label; `*` is dropped from it so a label cannot end the bold early. */
export const boldLabel = (label: string, max: number): string => `*${mrkdwn(label.replace(/\*/g, ''), max - 2)}*`;
