// Spam, phishing and fraud over the whole request: each sign adds to a score
// (a link, a phone number, prices, sales words, emoji floods, capitals); a
// strong sign (a presale, a credential request, an advance-fee story) is
// enough on its own. A blocked request is refused, not coached.
import { fold } from '../text.ts';
import { SALES, SPAM_STRONG, count, matches } from './lexicon.ts';

const URL = /(?:https?:\/\/|www\.)\S+|(?<![@\p{L}\p{N}])[a-z0-9-]+\.(?:com|net|org|io|co|biz|info|win|xyz|top|me|ly|in|ee|app|site|online|shop|pdf)(?:\/\S*)?(?![\p{L}])/giu;
const PHONE = /(?:\+\d{1,3}[\s-]?)?(?:\(?\d{2,4}\)?[\s-]?){2,}\d{3,4}(?!\d)|1-800-[\dA-Z]+/g;
const PRICE = /[$€£¥₹]\s?\d|\d\s?(?:[$€£¥₹]|usd|eur|euros?|dollars?|rupees|元|円|원)(?![\p{L}])/iu;
const EMOJI = /\p{Extended_Pictographic}/gu;

export interface SpamVerdict {
  blocked: boolean;
  field: 'howKnow' | 'whyContact' | 'blurb';
  facts: string[];
}

const FIELDS = ['whyContact', 'howKnow', 'blurb'] as const;
const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;

export function judgeSpam(fields: { howKnow: string; whyContact: string; blurb: string }): SpamVerdict {
  // Each field is folded once per request (shared with the other rules) and scanned on its own.
  let strong: string[] = [];
  let sales = 0;
  let links = 0;
  let letters = 0;
  let upper = 0;
  let field: SpamVerdict['field'] | null = null;
  for (const k of FIELDS) {
    const text = fields[k];
    const folded = fold(text);
    const own = matches(SPAM_STRONG, folded).map((m) => m.text);
    strong = strong.concat(own);
    sales += count(SALES, folded);
    const fieldLinks = k === 'blurb' ? 0 : (text.match(URL) ?? []).length;
    links += fieldLinks;
    if (!field && (own.length > 0 || fieldLinks > 0 || (k === 'blurb' && URL.test(text)))) field = k;
    URL.lastIndex = 0;
    letters += text.match(LETTER)?.length ?? 0;
    upper += text.match(UPPER)?.length ?? 0;
  }
  const all = `${fields.howKnow}\n${fields.whyContact}\n${fields.blurb}`;
  const phones = (all.match(PHONE) ?? []).filter((p) => p.replace(/\D/g, '').length >= 9 && !/^(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d$/.test(p.trim())).length;
  const emojis = (all.match(EMOJI) ?? []).length;
  const shouting = letters >= 20 && upper / letters > 0.6;
  const bangs = (all.match(/[!！]{3,}|[?？]{3,}/gu) ?? []).length;
  const price = PRICE.test(all);
  const score = strong.length * 3 + Math.min(links, 2) + Math.min(phones, 1) * 2 + (emojis >= 4 ? 2 : 0) + (shouting ? 2 : 0) + Math.min(bangs, 2) + (price ? 1 : 0) + Math.min(sales, 2);
  const found = [...strong.map((s) => `spam:${s}`), `links:${links}`, `phones:${phones}`, `emoji:${emojis}`, `caps:${shouting}`, `bangs:${bangs}`, `price:${price}`, `sales:${sales}`];
  return { blocked: score >= 3, field: field ?? 'whyContact', facts: found };
}
