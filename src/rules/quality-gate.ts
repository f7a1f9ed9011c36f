// The quality gate: a request reaches the owner only when it says how the
// requester knows them (a real two-way tie with a place, time or episode),
// why this contact and the one bounded thing they ask, and carries a blurb
// that names someone. Otherwise it goes back with field-by-field guidance,
// kindly worded, before the owner ever sees it; spam and scams are blocked,
// not coached. The rules live in `gate/judge.ts`, over named facts from
// `gate/features.ts` and the multilingual vocabulary in `gate/lexicon.ts`.
import type { GateSignals, IntroForm, PublicContact } from '../domain.ts';
import type { FieldErrors } from '../views/view.ts';
import { contactTerms } from './gate/features.ts';
import { judgeBlurb, judgeKnow, judgeSpam, judgeTemplate, judgeWhy } from './gate/judge.ts';
import { containment, similarity } from './text.ts';

export const FIELD_LIMITS = {
  howKnow: { min: 8, max: 1000 },
  whyContact: { min: 15, max: 2000 },
  blurb: { min: 12, max: 1500 },
} as const;

export interface EarlierRequest {
  contactName: string;
  whyContact: string;
  /** The earlier contact's company, left out when comparing (a copy swaps it). */
  contactCompany?: string | null;
}

export interface GateContext {
  contact: PublicContact;
  ownerName: string;
  /** The requester's earlier requests to other contacts. */
  earlier: EarlierRequest[];
}

export type { GateSignals };

export interface GateVerdict {
  errors: FieldErrors;
  /** Spam, phishing or fraud: refused outright, with no coaching. */
  blocked: boolean;
  /** Set when the request passed. */
  signals: GateSignals | null;
  /** The named facts behind the verdict, for `npm run gate:eval` and debugging. */
  facts: string[];
}


function firstName(c: PublicContact): string {
  const parts = c.name.split(/\s+/).filter((p) => !/^(?:dr|prof|mr|mrs|ms)\.?$/i.test(p));
  return parts[0] ?? c.name;
}

function specificHook(c: PublicContact): string {
  if (c.company && c.title) return `their work as ${c.title} at ${c.company}`;
  if (c.company) return `their work at ${c.company}`;
  if (c.title) return `their role as ${c.title}`;
  if (c.topics[0] ?? c.tags[0]) return `their experience with ${c.topics[0] ?? c.tags[0]}`;
  return 'what they do';
}

/** The guidance for a "how do you know the owner" answer that doesn't hold up; shared with the admission form. */
export function knowGuidance(problem: 'stranger' | 'vague' | 'thin', owner: string, admission = false): string {
  if (problem === 'stranger') {
    return admission
      ? `${owner} admits people they know personally, and this sounds like you know ${owner} from a distance (a post, a talk, a mutual contact). If you've worked, studied or lived alongside each other, say where and when.`
      : `${owner} introduces people they know personally, and this sounds like you know ${owner} from a distance (a post, a talk, a mutual contact). If you've worked, studied or lived alongside each other, say where and when; if not, ask ${owner} to connect with you first.`;
  }
  if (problem === 'thin') return `A little more, please: say where you and ${owner} met or worked together, and when.`;
  return `Please say where you and ${owner} met or worked together, and when: a place, a team, a year, something you did together that ${owner} will recognise.`;
}

function whyGuidance(problem: string, c: PublicContact): string {
  const first = firstName(c);
  switch (problem) {
    case 'thin':
      return `A little more, please: say why ${first} in particular, and the one specific thing you'd like to ask.`;
    case 'generic':
      return `This would read the same sent to anyone. Swap the praise and big themes for facts: what about ${specificHook(c)} fits, and the one thing you'd ask ${first} (a question, a review, 20 minutes on a named topic).`;
    case 'stuffed':
      return `Repeating ${first}'s company or title doesn't say what you need. Name your product or situation and the one thing you'd ask ${first}.`;
    case 'untied':
      return `Nothing here is specific to ${first}. Say what about ${specificHook(c)} makes them the right person.`;
    default:
      return `What exactly would you ask ${first}? Name one thing they can say yes or no to: a question, a review of a named document, a short call on a named topic.`;
  }
}


/** Shouting or a run of one character: coached, not blocked (a whole spam request is blocked above). */
function looksAutomated(text: string): string | null {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 20 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6) return 'Please write this in normal case; all capitals reads as shouting.';
  if (/([^\s.\-=_*#~])\1{5,}/u.test(text)) return 'This has a run of repeated characters; please write it out in words.';
  return null;
}

function lengthProblem(field: keyof typeof FIELD_LIMITS, text: string): string | null {
  const limit = FIELD_LIMITS[field];
  if (text.length > limit.max) return `Please keep this under ${limit.max} characters (it is ${text.length}).`;
  return null;
}

/** The whole verdict: field errors, whether it is blocked, and what carried it. */
export function judgeIntro(form: IntroForm, ctx: GateContext): GateVerdict {
  const errors: FieldErrors = {};
  const owner = ctx.ownerName;
  const first = firstName(ctx.contact);

  const spam = judgeSpam(form);
  if (spam.blocked) {
    errors[spam.field] = `This can't be sent: it reads like advertising or a scam (links, prices, offers, requests for details). ${owner} only passes on personal requests from people they know.`;
    return { errors, blocked: true, signals: null, facts: spam.facts };
  }

  for (const k of ['howKnow', 'whyContact', 'blurb'] as const) {
    const p = lengthProblem(k, form[k]);
    if (p) errors[k] = p;
  }

  const template = judgeTemplate(form, ctx.contact, owner);
  if (template.field && !errors[template.field]) {
    errors[template.field] =
      template.kind === 'placeholder'
        ? `This still has a template placeholder in it ("${template.detail}"); fill it in with the real details.`
        : template.kind === 'other-person'
          ? `This seems written for someone else (it names "${template.detail}"). Write it for ${first}: why them, and your one ask.`
          : `This names ${template.detail} as where ${first} works, but ${first} is at ${ctx.contact.company ?? 'another company'}. Write it for ${first}.`;
  }

  const know = judgeKnow(form.howKnow, owner);
  if (!know.ok && !errors.howKnow) errors.howKnow = knowGuidance(know.problem, owner);

  const why = judgeWhy(form.whyContact, ctx.contact);
  if (!errors.whyContact) {
    const copy = copiedFrom(form, ctx);
    if (copy) errors.whyContact = copy;
    else if (!why.ok) errors.whyContact = whyGuidance(why.problem, ctx.contact);
  }

  for (const k of ['howKnow', 'whyContact', 'blurb'] as const) {
    const p = errors[k] ? null : looksAutomated(form[k]);
    if (p) errors[k] = p;
  }

  if (!errors.blurb) {
    const advice = `two or three sentences about you that ${owner} can forward as they are: your name, what you do and where, and what you are looking for.`;
    const blurb = judgeBlurb(form.blurb);
    if (similarity(form.blurb, form.whyContact) > 0.8 || similarity(form.blurb, form.howKnow) > 0.8) {
      errors.blurb = 'This repeats another answer. The blurb is about you, written so it can be forwarded to the contact.';
    } else if (!blurb.ok) {
      errors.blurb = blurb.problem === 'thin' ? `A little more, please: ${advice}` : `This could describe anyone. Please write ${advice}`;
    }
  }

  const facts = [...know.facts.map((f) => `know.${f}`), ...why.facts.map((f) => `why.${f}`), ...spam.facts];
  const passed = Object.keys(errors).length === 0 && know.ok && why.ok;
  return { errors, blocked: false, signals: passed ? { history: know.history, ask: why.ask } : null, facts };
}

export function checkIntroForm(form: IntroForm, ctx: GateContext): FieldErrors {
  return judgeIntro(form, ctx).errors;
}

/**
 * The same ask sent to someone else with a few words swapped: compared on
 * character 4-grams with both contacts' names and companies left out, so
 * swapping them (or reordering sentences) doesn't hide the copy. Only the
 * "why" decides: the same person rightly reuses how they know the owner and
 * their blurb, and a "why" written for one contact is what can't be reused.
 */
function copiedFrom(form: IntroForm, ctx: GateContext): string | null {
  const mine = contactTerms(ctx.contact);
  for (const e of ctx.earlier) {
    const theirs = contactTerms({ ...ctx.contact, name: e.contactName, company: e.contactCompany ?? null, title: null, tags: [], topics: [], location: null });
    const ignore = new Set([...mine.name, ...mine.company, ...theirs.name, ...theirs.company]);
    if (containment(form.whyContact, e.whyContact, ignore) >= 0.6) {
      return `This is nearly the same as your request to ${e.contactName}. Write why ${firstName(ctx.contact)} in particular — a copy-paste request is easy to spot.`;
    }
  }
  return null;
}
