// The owner's policy as rules over named facts, one field at a time. Each
// judgement says whether the field holds up, which policy point failed, and
// (when it passes) the facts that carried it, so the owner's card can show them.
import type { PublicContact } from '../../domain.ts';
import { fold } from '../text.ts';
import { clipWords, contactTerms, echoCount, entityPhrases, facts, hasDuration, hits, mentions, type TextFacts } from './features.ts';
import { namesRoleWork, roleWords } from './roles.ts';
import { ASK, ASK_MORE, CONTACT_REF, CONTRIBUTED, CROWD_EVENT, INDIRECT, NO_RELATIONSHIP, ONE_WAY, PARALLEL, RELATION, TIME_BOX, VAGUE_TIE, count, matches } from './lexicon.ts';

export type KnowVerdict =
  | { ok: true; history: string; facts: string[] }
  | { ok: false; problem: 'stranger' | 'vague' | 'thin'; facts: string[] };

/** "How do you know the owner": a two-way relationship with a place, time, role or shared episode. */
export function judgeKnow(text: string, ownerName: string): KnowVerdict {
  const f = facts(text);
  const never = [...hits(NO_RELATIONSHIP, f), ...hits(INDIRECT, f)];
  // "I edited your column" names their content but is work done together.
  const contributed = hits(CONTRIBUTED, f);
  const oneWay = hits(ONE_WAY, f).filter((o) => !contributed.some((c) => c.includes(o)));
  const parallel = hits(PARALLEL, f);
  // "We both studied at X" is two separate lives: the relationship words inside it don't count.
  const rel = [...new Set([...hits(RELATION, f), ...contributed])].filter((r) => !parallel.some((p) => p.includes(r) || r.includes(p)));
  const crowd = hits(CROWD_EVENT, f);
  const vague = hits(VAGUE_TIE, f);
  const owner = new Set(fold(ownerName).split(/\s+/));
  const entities = f.properNouns.filter((p) => !owner.has(fold(p)));
  const concrete = f.years.length > 0 || f.numbers > 0 || hasDuration(f) || entities.length > 0;
  const found = [
    ...never.map((h) => `no-tie:${h}`), ...oneWay.map((h) => `one-way:${h}`), ...parallel.map((h) => `parallel:${h}`),
    ...rel.map((h) => `tie:${h}`), ...crowd.map((h) => `event:${h}`), ...vague.map((h) => `vague:${h}`),
  ];
  if (concrete) found.push('concrete');
  // Work done on their own show or book outweighs naming it ("your sound engineer for the podcast").
  if (never.length > 0 || (oneWay.length > 0 && rel.length <= oneWay.length && contributed.length === 0)) return { ok: false, problem: 'stranger', facts: found };
  if (parallel.length > 0 && rel.length === 0) return { ok: false, problem: 'stranger', facts: found };
  // Being at the same big event, with nothing done together there, is not a tie.
  if (crowd.length > 0 && rel.length === 0) return { ok: false, problem: 'vague', facts: found };
  // In a language the vocabulary doesn't know, a specific time and place with no sign of distance still counts.
  const specific = f.years.length > 0 && (entities.length > 0 || f.numbers >= 2) && f.wordCount >= 6 && vague.length === 0;
  if (rel.length === 0 && !specific) return { ok: false, problem: f.wordCount < 4 ? 'thin' : 'vague', facts: found };
  if (!concrete && rel.length < 2) return { ok: false, problem: 'vague', facts: found };
  return { ok: true, history: historyLine(f, entityPhrases(f, entities), rel), facts: found };
}

function historyLine(f: TextFacts, entities: string[], rel: string[]): string {
  const parts = [...new Set(entities)].slice(0, 2);
  const years = f.years.slice(0, 2).map((y) => y.replace(/\s+/g, ''));
  // "from 2019 to 2021" reads as the span it is.
  const span = years.length === 2 && /^\d{4}$/.test(years[0] ?? '') && /^\d{4}$/.test(years[1] ?? '') && (years[0] ?? '') < (years[1] ?? '');
  if (years.length) parts.push(span ? years.join('–') : years.join(', '));
  if (parts.length === 0) parts.push(rel[0] ?? '');
  return clipWords(parts.join(', '), 60);
}

export type WhyVerdict =
  | { ok: true; ask: string; facts: string[] }
  | { ok: false; problem: 'thin' | 'generic' | 'stuffed' | 'untied' | 'no-ask'; facts: string[] };

/** "Why this contact": one bounded ask, tied to something about this contact, in facts rather than praise. */
export function judgeWhy(text: string, contact: PublicContact): WhyVerdict {
  const f = facts(text);
  const terms = contactTerms(contact);
  const m = mentions(f, terms);
  const contactWords = new Set([...terms.name, ...terms.company, ...terms.other]);
  const ownFacts = f.properNouns.filter((p) => !contactWords.has(fold(p))).length + f.numbers + f.years.length;
  const timeBox = hits(TIME_BOX, f);
  const ask = hits(ASK, f);
  // Short and foreign asking forms ("could I", "¿podrías", "czy", "ませんか") say there is an ask, but
  // don't outweigh praise: the generic and stuffing checks read the core ask words only.
  const askMore = hits(ASK_MORE, f).filter((h) => !ask.some((a) => a.includes(h) || h.includes(a)));
  const question = /[?？¿؟]/u.test(text);
  const soft = f.abstract + f.flattery;
  const echo = echoCount(f, terms);
  const repeats = echo - new Set(f.tokens.filter((t) => [...terms.company, ...terms.other].includes(t.folded)).map((t) => t.folded)).size;
  const bullets = (text.match(/^\s*(?:[•*·▪-]|\d+[.)])\s+/gmu) ?? []).length;
  // A contact named only in a script the text doesn't use can't be matched; don't hold that against it.
  const untestable = terms.cjk.length > 0 && !f.cjk && m.company.length + m.other.length === 0;
  const allAsks = askScore(timeBox, [...ask, ...askMore], question);
  // A terse "She built their dispute ops" or "彼女のチーム" points at the contact without naming them.
  const refs = hits(CONTACT_REF, f);
  // Pointing is not enough on its own: "could we chat about how she sees the future?" names nothing to
  // answer. It takes a fact of the requester's own (a name, a number), or a plain question with no praise.
  const concreteAsk = (ownFacts >= 1 && ownFacts > soft) || (soft === 0 && question && [...ask, ...askMore].some((h) => TOPICAL.test(h)));
  const pointsAt = refs.length > 0 && concreteAsk && (allAsks >= 2 || ownFacts >= 2);
  // Asking a CFO about budgets, a buyer about suppliers: something only someone in their role could answer.
  const roleWork = allAsks >= 2 && concreteAsk ? namesRoleWork(f.folded, roleWords(titleWords(contact))) : undefined;
  // A terse note with a question or a time box and its own facts was written for this form, about this contact.
  const terseAsk = f.wordCount <= 20 && question && timeBox.length > 0 && ownFacts >= 2;
  const tied = m.name.length + m.company.length + m.other.length > 0 || untestable || pointsAt || roleWork !== undefined || terseAsk;
  const found = [
    ...m.name.map((w) => `contact:${w}`), ...m.company.map((w) => `company:${w}`), ...m.other.map((w) => `topic:${w}`),
    ...timeBox.map((h) => `time:${h}`), ...ask.map((h) => `ask:${h}`), ...askMore.map((h) => `ask+:${h}`), ...(question ? ['question'] : []),
    ...refs.slice(0, 2).map((h) => `refers:${h}`), ...(roleWork ? [`role-work:${roleWork}`] : []),
    `facts:${ownFacts}`, `soft:${soft}`, `echo:${echo}`, `repeats:${repeats}`,
  ];
  const asks = askScore(timeBox, ask, question);
  if (f.wordCount < 5 || (f.wordCount < 10 && allAsks === 0)) return { ok: false, problem: 'thin', facts: found };
  // Praise and abstractions outweigh the facts: it would read the same sent to anyone.
  if (soft >= 3 && soft >= ownFacts + asks) return { ok: false, problem: 'generic', facts: found };
  if (bullets >= 3 && soft >= 2 && timeBox.length === 0) return { ok: false, problem: 'generic', facts: found };
  // The contact's own words repeated in place of content.
  if ((repeats >= 3 && ownFacts <= 2 && repeats * 8 >= f.wordCount) || (repeats >= 5 && repeats * 6 >= f.wordCount && ownFacts * 2 <= repeats)) return { ok: false, problem: 'stuffed', facts: found };
  if (!tied) return { ok: false, problem: 'untied', facts: found };
  if (allAsks === 0 || (ownFacts === 0 && soft > 0 && (!question || !concreteAsk))) return { ok: false, problem: 'no-ask', facts: found };
  return { ok: true, ask: askLine(text, f, timeBox.length > 0), facts: found };
}

// Asking words that carry a subject ("whether", "how", "review", "是否"), unlike "could she" or "可以吗".
const TOPICAL = /(?<![\p{L}])(?:whether|how|which|who|what|does|do|is|are|did|review|pilot|trial|feedback|ask|si|se|ob|czy|hoe|hur|como|comment|come|wie|как|ли|nasıl|bagaimana|apakah)(?![\p{L}])|是否|如何|怎么|かどうか|どう|어떻게|여부|कैसे|كيف/u;

// "I am a hard-working professional" describes no one in particular.
const SELF_INTRO = /^(?:(?:أنا|انا|मैं|אני)(?![\p{L}\p{M}])|我是|本人是|私は|わたしは|저는|전 )/u;
const CJK_ROLE = /创始人|创办人|联合创始|总监|经理|工程师|教授|研究员|负责人|合伙人|創業者|創業|代表|社長|取締役|部長|エンジニア|研究者|教授|대표|창업자|설립자|이사|팀장|엔지니어|연구원|교수|CEO|CTO|COO|CFO|VP/u;
const CASELESS = /\p{Script=Hebrew}|\p{Script=Arabic}|\p{Script=Devanagari}|\p{Script=Bengali}|\p{Script=Tamil}|\p{Script=Telugu}|\p{Script=Thai}|\p{Script=Lao}/u;

function titleWords(c: PublicContact): string[] {
  return fold(c.title ?? '').split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
}

function askScore(timeBox: string[], ask: string[], question: boolean): number {
  return timeBox.length * 2 + ask.length + (question ? 2 : 0);
}

/** The ask in a few words: the time box and what it is about, or the sentence that asks. */
function askLine(text: string, f: TextFacts, timed: boolean): string {
  const sentences = text.split(/(?<=[.!?。？！])\s*|\n+/u).map((s) => s.trim()).filter(Boolean);
  const asking = (s: string) => {
    const g = fold(s);
    return (timed && count(TIME_BOX, g) > 0) || /[?？]/u.test(s);
  };
  const best = sentences.find(asking) ?? sentences.find((s) => count(ASK, fold(s)) > 0) ?? sentences[sentences.length - 1] ?? f.raw;
  // Start at the time box ("20 minutes on ...") or the asking words ("ask him whether ...").
  const from = timed ? matches(TIME_BOX, fold(best))[0] : /[?？]/u.test(best) ? undefined : matches(ASK, fold(best))[0];
  return clipWords(from ? best.slice(from.index) : best, 70);
}

export type BlurbVerdict = { ok: true } | { ok: false; problem: 'thin' | 'generic' };

/** A blurb names someone: a person, an employer, a product or a result. */
export function judgeBlurb(text: string): BlurbVerdict {
  const f = facts(text);
  if (f.wordCount < 3) return { ok: false, problem: 'thin' };
  // A number alone ("10 yrs") doesn't say who; it counts once the blurb says something with it.
  const soft = f.abstract + f.flattery;
  // Arabic, Hebrew, Devanagari, Thai... have no capitals to show a name: there a few plain words with no praise say who.
  const caseless = CASELESS.test(text) && f.wordCount >= 3 && soft === 0 && !SELF_INTRO.test(text.trim()) ? 1 : 0;
  // In Chinese, Japanese and Korean a role after a name ("王磊，快送科技创始人", "이준호, 로지봇 대표") says who.
  const cjkRole = f.cjk && CJK_ROLE.test(text) && soft === 0 && !SELF_INTRO.test(text.trim()) ? 1 : 0;
  const named = f.properNouns.length + (f.wordCount >= 8 || f.cjk || caseless ? f.numbers + f.years.length : 0) + caseless + cjkRole;
  if (named === 0 || (soft >= 3 && soft > named * 2)) return { ok: false, problem: 'generic' };
  return { ok: true };
}

export { judgeSpam, type SpamVerdict } from './spam.ts';
export { judgeTemplate, type TemplateVerdict } from './template.ts';
