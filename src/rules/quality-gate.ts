// The quality gate: a request reaches the owner only when it says how the
// requester knows them, why this contact and what exactly they ask, and carries
// a blurb the owner can forward. Otherwise it goes back with field-by-field
// guidance, kindly worded, before the owner ever sees it.
import type { IntroForm, PublicContact } from '../domain.ts';
import type { FieldErrors } from '../views/view.ts';
import { similarity, words } from './text.ts';

export const FIELD_LIMITS = {
  howKnow: { min: 30, minWords: 6, max: 1000 },
  whyContact: { min: 80, minWords: 14, max: 2000 },
  blurb: { min: 60, minWords: 10, max: 1500 },
} as const;

export interface GateContext {
  contact: PublicContact;
  ownerName: string;
  /** The requester's earlier requests to other contacts. */
  earlier: { contactName: string; whyContact: string }[];
}

// Phrases that carry no information. A field that is mostly these bounces.
const GENERIC = [
  /\b(i'?d|i would) like to (add you to my|connect|join your)( professional)?( network)?\b/g,
  /\badd (you|him|her|them) to my (professional )?network\b/g,
  /\b(grow|expand|build|broaden) (my|our) (professional )?network\b/g,
  /\bpick (his|her|their|your) brains?\b/g,
  /\b(hope|trust) (this|you) (finds you|are|is) (well|doing well)\b/g,
  /\b(to whom it may concern|dear sir( or madam)?)\b/g,
  /\bi came across (your|his|her|their) profile\b/g,
  /\b(mutually beneficial|synerg(y|ies)|touch base|circle back|quick chat|hop on a call)\b/g,
  /\b(network(ing)?|connect(ing)?) (with|opportunit(y|ies))\b/g,
];

const PLACEHOLDER = /\[(name|first ?name|company|contact|your name)\]|\{\{[^}]*\}\}|<(name|company|first ?name)>|\blorem ipsum\b|\bxxx+\b|\bTODO\b|\bINSERT\b/i;
const NEVER_MET = /\b(never (met|spoken|talked)|(don'?t|do not) know (you|him|her|them)|haven'?t (met|spoken))\b/i;

// Words in a company or title that say nothing about the person.
const STOP = new Set([
  'and', 'the', 'for', 'with', 'inc', 'llc', 'ltd', 'gmbh', 'corp', 'company', 'group', 'at', 'of',
  'senior', 'junior', 'lead', 'head', 'manager', 'director', 'chief', 'officer', 'associate', 'assistant', 'principal', 'staff',
]);

function lowercaseGeneric(text: string): string {
  return GENERIC.reduce((t, re) => t.replace(re, ' '), text.toLowerCase().replace(/’/g, "'"));
}

function hasGeneric(text: string): boolean {
  const lower = text.toLowerCase().replace(/’/g, "'");
  return GENERIC.some((re) => {
    re.lastIndex = 0;
    return re.test(lower);
  });
}

function looksAutomated(text: string): string | null {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 20 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6)
    return 'Please write this in normal case; all capitals reads as shouting.';
  if (/(.)\1{5,}/u.test(text)) return 'This has a run of repeated characters; please write it out in words.';
  if (PLACEHOLDER.test(text)) return 'This still has a template placeholder in it; fill it in with the real details.';
  return null;
}

function lengthProblem(field: keyof typeof FIELD_LIMITS, text: string, advice: string): string | null {
  const limit = FIELD_LIMITS[field];
  if (text.length > limit.max) return `Please keep this under ${limit.max} characters (it is ${text.length}).`;
  if (text.length < limit.min || words(text).length < limit.minWords) return `A little more, please: ${advice}`;
  return null;
}

/** What of the contact a specific request would mention: name, company, role, topics. */
function contactTerms(c: PublicContact): Set<string> {
  const sources = [c.name, c.company ?? '', c.title ?? '', c.location ?? '', ...c.tags, ...c.topics];
  return new Set(sources.flatMap(words).filter((w) => w.length >= 3 && !STOP.has(w)));
}

function mentionsContact(text: string, c: PublicContact): boolean {
  const terms = contactTerms(c);
  const said = words(text);
  // A prefix match lets "fintech" count for "fintech's" and "design" for "designer".
  return said.some((w) => w.length >= 3 && [...terms].some((t) => t === w || (t.length >= 5 && w.startsWith(t.slice(0, 5)))));
}

function specificHook(c: PublicContact): string {
  if (c.company && c.title) return `their work as ${c.title} at ${c.company}`;
  if (c.company) return `their work at ${c.company}`;
  if (c.title) return `their role as ${c.title}`;
  if (c.topics[0] ?? c.tags[0]) return `their experience with ${c.topics[0] ?? c.tags[0]}`;
  return 'what they do';
}

export function checkIntroForm(form: IntroForm, ctx: GateContext): FieldErrors {
  const errors: FieldErrors = {};
  const first = ctx.contact.name.split(/\s+/)[0] ?? ctx.contact.name;
  const owner = ctx.ownerName;

  const how =
    lengthProblem('howKnow', form.howKnow, `say where you and ${owner} met or worked together, and when.`) ??
    looksAutomated(form.howKnow) ??
    (NEVER_MET.test(form.howKnow)
      ? `${owner} introduces people they know. If you haven't met yet, ask ${owner} to connect with you first.`
      : null) ??
    (hasGeneric(form.howKnow) && words(lowercaseGeneric(form.howKnow)).length < FIELD_LIMITS.howKnow.minWords
      ? `That's a stock phrase. Say where you and ${owner} met or worked together, and when.`
      : null);
  if (how) errors.howKnow = how;

  const why =
    lengthProblem('whyContact', form.whyContact, `say why ${first} in particular, and the one specific thing you'd like to ask.`) ??
    looksAutomated(form.whyContact) ??
    // A stock phrase is forgiven only inside a substantial, specific answer.
    (hasGeneric(form.whyContact) && words(lowercaseGeneric(form.whyContact)).length < 20
      ? `Phrases like "add you to my network" or "pick your brain" don't tell ${first} what you need. Name the specific question or help you're after.`
      : null) ??
    copiedFrom(form.whyContact, ctx) ??
    (mentionsContact(form.whyContact, ctx.contact)
      ? null
      : `Nothing here is specific to ${first}. Say what about ${specificHook(ctx.contact)} makes them the right person.`);
  if (why) errors.whyContact = why;

  const blurb =
    lengthProblem('blurb', form.blurb, `two or three sentences about you that ${owner} can forward as they are: who you are, what you do, what you're looking for.`) ??
    looksAutomated(form.blurb) ??
    (similarity(form.blurb, form.whyContact) > 0.8 || similarity(form.blurb, form.howKnow) > 0.8
      ? 'This repeats another answer. The blurb is about you, written so it can be forwarded to the contact.'
      : null);
  if (blurb) errors.blurb = blurb;

  return errors;
}

function copiedFrom(why: string, ctx: GateContext): string | null {
  const copy = ctx.earlier.find((e) => similarity(e.whyContact, why) >= 0.6);
  if (!copy) return null;
  const first = ctx.contact.name.split(/\s+/)[0] ?? ctx.contact.name;
  return `This is nearly the same as your request to ${copy.contactName}. Write why ${first} in particular — a copy-paste request is easy to spot.`;
}
