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
  return render(cut(raw, max, render));
}

/** The raw text `fit` renders: the longest prefix (code points) that fits with an ellipsis, and the ellipsis. */
function cut(raw: string, max: number, render: (s: string) => string): string {
  const chars = [...raw];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(chars.slice(0, mid).join('') + ELLIPSIS).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + ELLIPSIS;
}

/**
 * `raw` in consecutive pieces whose renderings each fit in `max` characters,
 * nothing cut and nothing lost: each piece ends at the last line break (else
 * space) of the longest prefix that fits, which is dropped, or between code
 * points when there is none. At most `maxPieces`; the last one is cut with an
 * ellipsis when even that is not enough. `render` must only grow as its input grows.
 */
export function split(raw: string, max: number, render: (s: string) => string = (s) => s, maxPieces = 10): string[] {
  const pieces: string[] = [];
  let rest = raw;
  while (rest !== '') {
    if (render(rest).length <= max) {
      pieces.push(rest);
      break;
    }
    if (pieces.length === maxPieces - 1) {
      pieces.push(cut(rest, max, render));
      break;
    }
    const chars = [...rest];
    let lo = 1;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (render(chars.slice(0, mid).join('')).length <= max) lo = mid;
      else hi = mid - 1;
    }
    const head = chars.slice(0, lo).join('');
    // A break in the first half would leave a stub: then cut at the space, or mid-word.
    const at = [head.lastIndexOf('\n'), head.lastIndexOf(' ')].find((i) => i > head.length / 2);
    pieces.push(at === undefined ? head : head.slice(0, at));
    rest = at === undefined ? rest.slice(head.length) : rest.slice(at + 1);
  }
  return pieces;
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
