// What kind of ask a request is, read from its own words, so that the
// follow-up offers outcomes that fit: "hired" for a job ask, "raised" for a
// fundraising ask, neither for advice. Deliberately simple: whole words from
// two short lists, looked for in the ask (why this contact) and the blurb.
// An ask that names both offers both; one that names neither offers the
// general outcomes only (met, useful, an opportunity, not useful).
import type { Outcome } from '../domain.ts';

export type AskKind = 'job' | 'fundraising';

const WORDS: Record<AskKind, RegExp> = {
  job: /\b(jobs?|roles?|hir(e|es|ed|ing)|recruit\w*|positions?|interview\w*|referrals?|careers?|opening|vacanc\w*|employ\w*)\b/i,
  fundraising: /\b(rais(e|es|ed|ing)|fundrais\w*|funding|investors?|invest\w*|seed|pre-seed|series [a-d]|round|vcs?|venture capital|angels?|cheque|check size)\b/i,
};

export function askKinds(text: string): AskKind[] {
  return (Object.keys(WORDS) as AskKind[]).filter((k) => WORDS[k].test(text));
}

/** The outcomes a follow-up offers for this ask, in the order shown. */
export function outcomesFor(ask: { whyContact: string; blurb: string }): Outcome[] {
  const kinds = askKinds(`${ask.whyContact}\n${ask.blurb}`);
  return [
    'met',
    'useful',
    'opportunity',
    ...(kinds.includes('job') ? (['job'] as const) : []),
    ...(kinds.includes('fundraising') ? (['raised'] as const) : []),
    'not_useful',
    'no_reply',
  ];
}
