// A small auto-escaping HTML template: every interpolated value is escaped
// unless it is itself built with `html`, so a missed escape cannot happen.
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function part(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return (v as readonly Value[]).map(part).join('');
  return String(v).replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}

/** Trusted markup written in this codebase (the style sheet). */
export const raw = (text: string): Html => new Html(text);
