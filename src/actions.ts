// Action ids travel through buttons and modals on every platform. They are short
// (Discord custom_id ≤ 100 chars), carry only ids, and are decoded strictly:
// whatever comes back from a platform is checked against the store before use.
import type { DeclineReason, Outcome } from './domain.ts';
import type { TriageOrder } from './ports.ts';

/** What a triage card's buttons do; 'tag' opens the tag form. */
export type TriageVerb = 'vet' | 'vet_close' | 'skip' | 'opt_out' | 'tag';
/** Where a triage deck stands: its order, whether skipped contacts are in it, and how many cards were handled. */
export interface TriageDeck {
  order: TriageOrder;
  includeSkipped: boolean;
  done: number;
}

export type Action =
  | { type: 'search_page'; page: number; query: string }
  | { type: 'open_request_form'; contactId: number }
  | { type: 'submit_request'; contactId: number }
  | { type: 'approve'; requestId: number }
  | { type: 'decline'; requestId: number; reason: DeclineReason }
  | { type: 'withdraw'; requestId: number }
  | { type: 'open_admission_form' }
  | { type: 'submit_admission' }
  | { type: 'admit'; memberId: number }
  | { type: 'ignore_admission'; memberId: number }
  | { type: 'block_admission'; memberId: number }
  | { type: 'contact_answer'; requestId: number; yes: boolean }
  | { type: 'outcome'; requestId: number; outcome: Outcome }
  | { type: 'triage'; verb: TriageVerb; contactId: number; deck: TriageDeck }
  | { type: 'submit_triage_tags'; contactId: number; deck: TriageDeck }
  // The owner's own: introduce someone to a contact, answer for the person side, curate from a search, read a member's history.
  | { type: 'introduce_form'; contactId: number }
  | { type: 'submit_introduce'; contactId: number }
  | { type: 'person_answer'; requestId: number; yes: boolean }
  | { type: 'vet_contact'; contactId: number }
  | { type: 'opt_out_contact'; contactId: number }
  | { type: 'tag_form'; contactId: number }
  | { type: 'submit_tags'; contactId: number }
  | { type: 'history'; memberId: number }
  /** The owner sends a request back: opens the note form; its submit is submit_changes. */
  | { type: 'ask_changes'; requestId: number }
  | { type: 'submit_changes'; requestId: number }
  | { type: 'undo'; requestId: number }
  | { type: 'unblock'; memberId: number }
  /** The owner edits the intro text before it goes: opens the form; its submit is submit_intro_text. */
  | { type: 'edit_intro'; requestId: number }
  | { type: 'submit_intro_text'; requestId: number };

const MAX_ID_LENGTH = 100;
/** How many ':'-separated parts each kind of id has, "ib" included. */
const PARTS: Record<string, number> = { or: 3, sr: 3, ap: 3, wd: 3, ad: 3, ig: 3, bl: 3, dc: 4, ca: 4, oc: 4, oa: 2, sa: 2, tg: 6, tt: 5, if: 3, si: 3, pa: 4, vc: 3, oo: 3, tf: 3, st: 3, hi: 3, ac: 3, sc: 3, ud: 3, ub: 3, ei: 3, it: 3 };
/** The single-id actions added for the owner's way back and his words. */
const ONE_ID = { ac: 'ask_changes', sc: 'submit_changes', ud: 'undo', ei: 'edit_intro', it: 'submit_intro_text' } as const;
type OneIdType = (typeof ONE_ID)[keyof typeof ONE_ID];
const ONE_ID_TAG = Object.fromEntries(Object.entries(ONE_ID).map(([tag, type]) => [type, tag])) as Record<OneIdType, string>;
const REASONS: Record<string, DeclineReason> = { n: 'not_now', c: 'dont_know_contact', y: 'dont_know_you' };
const REASON_CODES: Record<DeclineReason, string> = { not_now: 'n', dont_know_contact: 'c', dont_know_you: 'y' };
const VERB_CODES: Record<TriageVerb, string> = { vet: 'v', vet_close: 'c', skip: 's', opt_out: 'o', tag: 't' };
const VERB_BY_CODE: Record<string, TriageVerb> = { v: 'vet', c: 'vet_close', s: 'skip', o: 'opt_out', t: 'tag' };

const OUTCOME_CODES: Record<Outcome, string> = { met: 'm', no_reply: 'n', opportunity: 'o', job: 'j', useful: 'u', raised: 'r', not_useful: 'x' };
const OUTCOME_BY_CODE: Record<string, Outcome> = Object.fromEntries(Object.entries(OUTCOME_CODES).map(([o, c]) => [c, o as Outcome]));

/** A deck as `<order><k if skipped are in>:<done>`, e.g. `rk:120`. */
const deckCode = (d: TriageDeck) => `${d.order === 'company' ? 'c' : 'r'}${d.includeSkipped ? 'k' : ''}:${d.done}`;

function decodeDeck(mode: string | undefined, done: string | undefined): TriageDeck | null {
  const m = /^([rc])(k?)$/.exec(mode ?? '');
  const n = done === '0' ? 0 : id(done);
  if (!m || n === null) return null;
  return { order: m[1] === 'c' ? 'company' : 'recent', includeSkipped: m[2] === 'k', done: n };
}

export function encodeAction(a: Action): string {
  switch (a.type) {
    case 'search_page': {
      const head = `ib:sp:${a.page}:`;
      // The query is cut to fit; a page of a very long query is a rare case.
      return head + a.query.slice(0, MAX_ID_LENGTH - head.length);
    }
    case 'open_request_form':
      return `ib:or:${a.contactId}`;
    case 'submit_request':
      return `ib:sr:${a.contactId}`;
    case 'approve':
      return `ib:ap:${a.requestId}`;
    case 'decline':
      return `ib:dc:${a.requestId}:${REASON_CODES[a.reason]}`;
    case 'withdraw':
      return `ib:wd:${a.requestId}`;
    case 'open_admission_form':
      return 'ib:oa';
    case 'submit_admission':
      return 'ib:sa';
    case 'admit':
      return `ib:ad:${a.memberId}`;
    case 'ignore_admission':
      return `ib:ig:${a.memberId}`;
    case 'block_admission':
      return `ib:bl:${a.memberId}`;
    case 'contact_answer':
      return `ib:ca:${a.requestId}:${a.yes ? 'y' : 'n'}`;
    case 'outcome':
      return `ib:oc:${a.requestId}:${OUTCOME_CODES[a.outcome]}`;
    case 'triage':
      return `ib:tg:${VERB_CODES[a.verb]}:${a.contactId}:${deckCode(a.deck)}`;
    case 'submit_triage_tags':
      return `ib:tt:${a.contactId}:${deckCode(a.deck)}`;
    case 'introduce_form':
      return `ib:if:${a.contactId}`;
    case 'submit_introduce':
      return `ib:si:${a.contactId}`;
    case 'person_answer':
      return `ib:pa:${a.requestId}:${a.yes ? 'y' : 'n'}`;
    case 'vet_contact':
      return `ib:vc:${a.contactId}`;
    case 'opt_out_contact':
      return `ib:oo:${a.contactId}`;
    case 'tag_form':
      return `ib:tf:${a.contactId}`;
    case 'submit_tags':
      return `ib:st:${a.contactId}`;
    case 'history':
      return `ib:hi:${a.memberId}`;
    case 'unblock':
      return `ib:ub:${a.memberId}`;
    case 'ask_changes':
    case 'submit_changes':
    case 'undo':
    case 'edit_intro':
    case 'submit_intro_text':
      return `ib:${ONE_ID_TAG[a.type]}:${a.requestId}`;
  }
}

const OWNER_ACTIONS: Record<'if' | 'si' | 'vc' | 'oo' | 'tf' | 'st' | 'hi', (n: number) => Action> = {
  if: (contactId) => ({ type: 'introduce_form', contactId }),
  si: (contactId) => ({ type: 'submit_introduce', contactId }),
  vc: (contactId) => ({ type: 'vet_contact', contactId }),
  oo: (contactId) => ({ type: 'opt_out_contact', contactId }),
  tf: (contactId) => ({ type: 'tag_form', contactId }),
  st: (contactId) => ({ type: 'submit_tags', contactId }),
  hi: (memberId) => ({ type: 'history', memberId }),
};

function id(s: string | undefined): number | null {
  if (s === undefined || !/^[1-9][0-9]{0,15}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** Returns null for anything that is not one of ours, however it was forged. */
export function decodeAction(raw: string): Action | null {
  if (typeof raw !== 'string' || raw.length > MAX_ID_LENGTH || !raw.startsWith('ib:')) return null;
  const [, tag, a, b, c, d] = raw.split(':');
  // Only the search query may hold further colons; any other id with a part too many is forged.
  if (tag !== 'sp' && tag !== undefined && raw.split(':').length !== (PARTS[tag] ?? 0)) return null;
  switch (tag) {
    case 'sp': {
      const page = id(a);
      const prefix = `ib:sp:${a}:`;
      return page === null ? null : { type: 'search_page', page, query: raw.slice(prefix.length) };
    }
    case 'or':
    case 'sr':
    case 'ap':
    case 'wd': {
      const n = id(a);
      if (n === null) return null;
      if (tag === 'or') return { type: 'open_request_form', contactId: n };
      if (tag === 'sr') return { type: 'submit_request', contactId: n };
      if (tag === 'ap') return { type: 'approve', requestId: n };
      return { type: 'withdraw', requestId: n };
    }
    case 'dc': {
      const n = id(a);
      const reason = b === undefined ? undefined : REASONS[b];
      return n === null || reason === undefined ? null : { type: 'decline', requestId: n, reason };
    }
    case 'ca':
    case 'pa': {
      const n = id(a);
      if (n === null || (b !== 'y' && b !== 'n')) return null;
      return tag === 'ca' ? { type: 'contact_answer', requestId: n, yes: b === 'y' } : { type: 'person_answer', requestId: n, yes: b === 'y' };
    }
    case 'if':
    case 'si':
    case 'vc':
    case 'oo':
    case 'tf':
    case 'st':
    case 'hi': {
      const n = id(a);
      if (n === null) return null;
      return OWNER_ACTIONS[tag](n);
    }
    case 'oc': {
      const n = id(a);
      const outcome = b === undefined ? undefined : OUTCOME_BY_CODE[b];
      return n === null || outcome === undefined ? null : { type: 'outcome', requestId: n, outcome };
    }
    case 'tg': {
      const verb = a === undefined ? undefined : VERB_BY_CODE[a];
      const n = id(b);
      const deck = decodeDeck(c, d);
      return verb === undefined || n === null || deck === null ? null : { type: 'triage', verb, contactId: n, deck };
    }
    case 'tt': {
      const n = id(a);
      const deck = decodeDeck(b, c);
      return n === null || deck === null ? null : { type: 'submit_triage_tags', contactId: n, deck };
    }
    case 'ac':
    case 'sc':
    case 'ud':
    case 'ei':
    case 'it': {
      const n = id(a);
      return n === null ? null : { type: ONE_ID[tag], requestId: n };
    }
    case 'ub': {
      const n = id(a);
      return n === null ? null : { type: 'unblock', memberId: n };
    }
    case 'oa':
      return { type: 'open_admission_form' };
    case 'sa':
      return { type: 'submit_admission' };
    case 'ad':
    case 'ig':
    case 'bl': {
      const n = id(a);
      if (n === null) return null;
      if (tag === 'ad') return { type: 'admit', memberId: n };
      if (tag === 'ig') return { type: 'ignore_admission', memberId: n };
      return { type: 'block_admission', memberId: n };
    }
    default:
      return null;
  }
}
