// Named, language-independent facts about a piece of text: the numbers, years
// and proper nouns it holds, how much of it is abstract or flattering, and
// whether it mentions the contact. The gate's rules read these, and each rule
// can say which fact carried it.
import type { PublicContact } from '../../domain.ts';
import { CJK, fold, tokenize, type Token } from '../text.ts';
import { ABSTRACT, FLATTERY, count, type Lexicon, matches } from './lexicon.ts';

export interface TextFacts {
  raw: string;
  folded: string;
  tokens: readonly Token[];
  /** Word count; a CJK token counts for its characters over two (roughly one word per two characters). */
  wordCount: number;
  years: string[];
  numbers: number;
  properNouns: string[];
  abstract: number;
  flattery: number;
  cjk: boolean;
}

const YEAR = /(?<![\p{N}])(?:19[5-9]\d|20[0-4]\d)(?:\s*[-–—/]\s*(?:19|20)?\d\d)?(?![\p{N}])|(?<![\p{L}\p{N}])'\d\d(?![\p{N}])|(?:19|20)\d\d年|\d{2,4}년/gu;
const DURATION = /(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|un|una|dos|tres|cuatro|cinco|dois|duas|zwei|drei|vier|funf|deux|trois|quatre|cinq|due|tre|quattro|cinque)\s*(?:\+\s*)?(?:years?|yrs?|months?|weeks?|seasons?|semesters?|summers?|anos?|años|meses|jahren?|monate[n]?|ans|annees|mois|anni|mesi)(?![\p{L}])|\d+\s*(?:年間|年|ヶ月|か月|个月|年多|개월|년간|년|साल|महीने)|[一二三四五六七八九十两]+(?:年|个月|ヶ月)/gu;
const MONTH = /(?<![\p{L}])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|januar|februar|marz|juni|juli|oktober|dezember|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|summer|winter|spring|autumn|fall|verano|invierno|sommer|ete|estate|q[1-4])(?![\p{L}])/gu;

/** Function words that start sentences in capitals without being names. */
const SENTENCE_WORDS = new Set(
  (
    'i we you he she they it my our your his her their the a an this that these those hi hello hey dear thanks thank please as at in on for with from to of and but or so if when while since after before during because also then there here what which who how why where would could can will should may might do does did is are was were be been being have has had not no yes just only even still both each every all any some most many much more one two three ' +
    'yo nosotros usted ustedes el ella ellos mi mis tu tus su sus nuestro nuestra la las los un una este esta soy somos es son fue fui trabaje trabajamos hola me te le se que como por para con en de del y o pero si cuando ' +
    'eu nos voce ele ela eles meu minha seu sua o os um uma sou somos e foi fui trabalhei trabalhamos ola oi com em do da no na mas quando ' +
    'ich wir sie er es mein meine unser unsere ihr ihre dein deine der die das ein eine einen bin sind ist war waren hallo liebe lieber mit bei fur von und aber wenn als sein seine seinen seinem seiner ihren ihrem ihrer einem konnte konnten konnen wurde wurden ware kurz ' +
    'je nous vous il elle ils elles mon ma mes notre nos votre vos le les une ce cette suis sommes est etait bonjour salut avec chez pour dans et mais quand ' +
    'io noi lei lui loro mio mia nostro nostra suo sua il lo gli uno sono siamo era ciao con presso per di e ma quando'
  ).split(' '),
);

const GERMAN = /(?<![\p{L}])(?:und|der|die|das|ist|wir|ich|nicht|mit|fur|sie|bei|ein|eine|zu|auf|haben|habe|hast|du|dich|dir|uns|mein|meine|meinen|warst|waren|bis|sind|im|sich|sein|seine|seinen|seinem|er|ware|auch|nur|noch|schon|kann|konnte|wurde|uber|zum|zur|dem|dass|kurz|ihm|ihn|euch)(?![\p{L}])/gu;
const ORG_SUFFIX_CJK = /大学|大學|会社|株式|銀行|银行|公司|集团|研究所|研究院|医院|病院|学院|高校|대학|회사|은행|연구소|병원|그룹|कंपनी|विश्वविद्यालय|बैंक|[\u30A0-\u30FF]{3,}/u;

function isCapitalised(t: Token): boolean {
  const first = t.text[0] ?? '';
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

function sentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 4), index);
  return index === 0 || /(?:[.!?:;\n•\-–—(]\s*|^\s*)$/u.test(before) || /^\s*["'“‘]$/u.test(before);
}

/**
 * Tokens that look like names of people, organisations, places or products:
 * capitalised inside a sentence, a run of capitalised words (a full name),
 * acronyms (EY, 3M, SOC), words with digits or inner capitals (iPhone, B2B).
 */
export function properNouns(raw: string, tokens: readonly Token[], german: boolean): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (CJK.test(t.text) || /^\p{N}+$/u.test(t.text)) return;
    const inner = /\p{N}/u.test(t.text) || /\p{Ll}\p{Lu}/u.test(t.text) || (t.text.length >= 2 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text));
    if (inner && t.text.length <= 12) return void out.push(t.text);
    if (!isCapitalised(t) || SENTENCE_WORDS.has(t.folded)) return;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const inRun = (next !== undefined && isCapitalised(next) && !SENTENCE_WORDS.has(next.folded) && raw.slice(t.index + t.text.length, next.index).trim().length <= 1) ||
      (prev !== undefined && isCapitalised(prev) && !SENTENCE_WORDS.has(prev.folded) && raw.slice(prev.index + prev.text.length, t.index).trim().length <= 1);
    if (inRun) return void out.push(t.text);
    // German capitalises every noun, so there only runs, acronyms, digits and "bei X", "in X" count.
    if (german) {
      if (prev && /^(?:bei|in|aus|nach|von|vom|an)$/u.test(prev.folded)) out.push(t.text);
      return;
    }
    if (!sentenceStart(raw, t.index)) out.push(t.text);
  });
  return out;
}

// The same field is read by several rules; remember the last few.
const recent = new Map<string, TextFacts>();

export function facts(raw: string): TextFacts {
  const known = recent.get(raw);
  if (known) return known;
  const f = computeFacts(raw);
  recent.set(raw, f);
  if (recent.size > 32) recent.delete(recent.keys().next().value as string);
  return f;
}

function computeFacts(raw: string): TextFacts {
  const folded = fold(raw);
  const tokens = tokenize(raw);
  const cjk = CJK.test(raw);
  const german = (folded.match(GERMAN) ?? []).length >= 2;
  let wordCount = 0;
  for (const t of tokens) wordCount += CJK.test(t.text) && !/[\uAC00-\uD7AF]/u.test(t.text) ? Math.max(1, t.text.length / 2) : 1;
  const years = [...folded.matchAll(YEAR)].map((m) => m[0]);
  const numbers = tokens.filter((t) => /\p{N}/u.test(t.text)).length + [...folded.matchAll(DURATION)].length;
  const nouns = properNouns(raw, tokens, german);
  if (cjk && ORG_SUFFIX_CJK.test(raw)) nouns.push((raw.match(ORG_SUFFIX_CJK) ?? [''])[0]);
  return {
    raw,
    folded,
    tokens,
    wordCount,
    years,
    numbers,
    properNouns: nouns,
    abstract: count(ABSTRACT, folded),
    flattery: count(FLATTERY, folded),
    cjk,
  };
}

/** Proper nouns that stand next to each other, as the names they make up ("Kestrel Bank"). */
export function entityPhrases(f: TextFacts, nouns: string[]): string[] {
  const wanted = new Set(nouns);
  const out: string[] = [];
  let current: { start: number; end: number } | null = null;
  for (const t of f.tokens) {
    if (!wanted.has(t.text)) {
      current = null;
      continue;
    }
    if (current && /^\s$/u.test(f.raw.slice(current.end, t.index))) current.end = t.index + t.text.length;
    else {
      current = { start: t.index, end: t.index + t.text.length };
      out.push('');
    }
    out[out.length - 1] = f.raw.slice(current.start, current.end);
  }
  return [...new Set(out.filter((p) => p && !/^[\u30A0-\u30FF]+$/u.test(p)))];
}

export function hasDuration(f: TextFacts): boolean {
  DURATION.lastIndex = 0;
  MONTH.lastIndex = 0;
  return DURATION.test(f.folded) || MONTH.test(f.folded);
}

export function hits(lex: Lexicon, f: TextFacts): string[] {
  return matches(lex, f.folded).map((m) => m.text.trim());
}

/** Whole-token forms of the contact: name parts, company, title words, tags — any length (Bo, EY, 3M). */
export interface ContactTerms {
  name: Set<string>;
  company: Set<string>;
  other: Set<string>;
  /** Whole strings for scripts without spaces, matched as substrings. */
  cjk: string[];
}

const TITLE_STOP = new Set(
  'and the for with inc llc ltd gmbh ag sa sas spa bv plc corp co company group holdings at of de da do del la le el y e und et senior junior lead head manager director chief officer associate assistant principal staff vice president vp svp evp global general deputy executive team'.split(' '),
);
const HONORIFIC = new Set('dr prof mr mrs ms sir dame herr frau sr sra'.split(' '));

// The same contact is read by the why, template and copy rules of one request.
const termsOf = new WeakMap<PublicContact, ContactTerms>();

export function contactTerms(c: PublicContact): ContactTerms {
  let terms = termsOf.get(c);
  if (!terms) {
    terms = computeContactTerms(c);
    termsOf.set(c, terms);
  }
  return terms;
}

function computeContactTerms(c: PublicContact): ContactTerms {
  const toks = (s: string | null | undefined) => (s ? tokenize(s).map((t) => t.folded) : []);
  const name = new Set(toks(c.name).filter((w) => !HONORIFIC.has(w)));
  const company = new Set(toks(c.company).filter((w) => !TITLE_STOP.has(w)));
  const other = new Set([...toks(c.title), ...c.tags.flatMap(toks), ...c.topics.flatMap(toks), ...toks(c.location)].filter((w) => !TITLE_STOP.has(w) && w.length > 1));
  const cjk = [c.name, c.company ?? '', ...tokenize(c.name).map((t) => t.text), ...tokenize(c.company ?? '').map((t) => t.text)]
    .filter((s) => CJK.test(s) && s.length >= 2)
    .map(fold);
  return { name, company, other, cjk };
}

const HANGUL = /[\uAC00-\uD7AF]/u;

/** Which of the contact's names, company and topic words a text mentions (whole tokens; CJK as substrings). */
export function mentions(f: TextFacts, terms: ContactTerms): { name: string[]; company: string[]; other: string[] } {
  const found = { name: new Set<string>(), company: new Set<string>(), other: new Set<string>() };
  const pairs = [[terms.name, found.name], [terms.company, found.company], [terms.other, found.other]] as const;
  for (const t of f.tokens) {
    const bare = t.folded.endsWith('s') ? t.folded.replace(/'s$|’s$/u, '') : t.folded;
    // "stores" for a Head of Store Ops, "payments" for Payments: a plural is the same word.
    const singular = t.folded.length > 4 && /[^s']s$/u.test(t.folded) ? t.folded.slice(0, -1) : t.folded;
    const hangul = HANGUL.test(t.folded);
    for (const [set, out] of pairs) {
      if (set.has(t.folded)) out.add(t.folded);
      if (bare !== t.folded && set.has(bare)) out.add(bare);
      if (singular !== t.folded && set.has(singular)) out.add(singular);
      // Korean glues particles on (네이버에서): a contact word at the start of a token counts.
      if (hangul) for (const w of set) if (HANGUL.test(w) && t.folded.startsWith(w)) out.add(w);
    }
  }
  for (const s of terms.cjk) if (f.folded.includes(s)) found.name.add(s);
  return { name: [...found.name], company: [...found.company], other: [...found.other] };
}

/** How many times contact words appear in all (echo), to spot keyword stuffing. */
export function echoCount(f: TextFacts, terms: ContactTerms): number {
  const all = new Set([...terms.company, ...terms.other]);
  return f.tokens.filter((t) => !CJK.test(t.text)).filter((t) => all.has(t.folded) || all.has(t.folded.replace(/'s$|’s$/u, ''))).length;
}

export function clipWords(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : t.slice(0, max - 1).replace(/\s+\S*$/u, '') + '…';
}

export { matches };
