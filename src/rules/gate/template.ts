// Template leftovers: placeholders in any mail-merge form, boilerplate
// salutations, a greeting or an ask addressed to someone other than the
// contact, and another company named as the contact's.
import type { PublicContact } from '../../domain.ts';
import { fold, tokenize } from '../text.ts';
import { contactTerms } from './features.ts';
import { GREETING, GREETING_CJK, TEMPLATE_PHRASES, matches } from './lexicon.ts';

const PLACEHOLDERS = [
  // [Company], [EVENT NAME], [one line about them — fill in]; not an aside such as [sic] or [see attached].
  /\[(?!\s*(?:sic|see|cf\.?|emphasis|translated|attached|photo|laughs)\b)[^\]\n\d]{1,100}\]/iu,
  /\{\{?[^}\n]{1,40}\}?\}/u, // {{first_name}}, {title}
  /<<[^>\n]{1,40}>>|<[A-Za-z_ ]{2,30}>/u, // <<RELATIONSHIP>>, <name>
  /%[A-Za-z_]{2,30}%/u, // %FIRST_NAME%
  /\b[A-Z]{2,}_[A-Z_]{2,}\b/u, // COMPANY_NAME
  // A slot word left in capitals: Dear NAME, at COMPANY, INSERT TIME, YOUR TITLE.
  /(?<![\p{L}])(?:FIRST ?NAME|LAST ?NAME|FULL ?NAME|NAME|COMPANY|CONTACT|RECIPIENT|EVENT|INDUSTRY|INSERT|YOUR|THEIR|TOPIC|PRODUCT|PROJECT|ROLE|POSITION|CITY|DATE|METRIC|SENDER)(?![\p{L}])/u,
  /(?<![\p{L}])(?:INSERT|ADD|FILL|ENTER|PUT)(?:\s+[A-Z]{2,})+(?![\p{L}])/u, // INSERT TIME, ADD DETAIL
  /(?<![\p{L}])(?:NOMBRE|APELLIDO|EMPRESA|NOME|COGNOME|SOBRENOME|ENTREPRISE|SOCIÉTÉ|SOCIETE|PRÉNOM|PRENOM|UNTERNEHMEN|AZIENDA|CARGO|PUESTO|FECHA|VORNAME|NACHNAME)(?![\p{L}])/u,
  // Blanks in scripts without spaces: ○○さん, 〇〇社, 某某公司, XX公司, 【お名前】, OOO 님.
  /[○〇●◯×✕□■△＿]{2,}|某某|(?:XX|xx|ＸＸ|OOO)\s?(?:公司|先生|女士|总|様|さん|社|님|대표|씨)|【[^】\n]{0,12}(?:名|社名|会社|氏名|日付|役職|入力|記入|ここ)[^】\n]{0,12}】|［[^］\n]{1,20}］/u,
  /\*\|[A-Z_]{2,30}\|\*|\$[A-Z][A-Z_]{2,30}\b|#[A-Z_]{3,30}#/u, // *|FNAME|*, $FIRST_NAME, #NAME#
  /\((?:insert|your|their|company|contact|first|last|full)[ _](?:[^)\n]{0,30})\)/iu, // (insert company), (your name)
  // An editing note in brackets: (add metrics here), <mention their team>, {fill in later}.
  /[([{<]\s*(?:add|insert|fill(?: in)?|include|mention|put|replace|edit|update|paste|write|agregar|añadir|adicionar|inserir|einfügen|ergänzen|ajouter|insérer|inserire|aggiungere)\b[^)\]}>\n]{0,60}?(?:here|this|later|before sending|details?|metrics?|names?|links?|numbers?|lines?|sentences?|results?|info|aquí|aqui|hier|ici|qui)\s*[)\]}>]/iu,
  /\$\{[^}\n]{1,40}\}|%%[^%\n]{1,40}%%|\[\[[^\]\n]{1,40}\]\]/u, // ${company_name}, %%company%%, [[FIRST]]
  /_{3,}/u, // a blank to fill in
  /(?<![\p{L}])X{2,}(?![\p{L}])|(?<![\p{L}])X\s?(?:years|yrs|%|\+)/u, // XX years, X years
];

export interface TemplateVerdict {
  field: 'howKnow' | 'whyContact' | 'blurb' | null;
  kind: 'placeholder' | 'other-person' | 'other-company' | null;
  detail: string;
}

const GENERIC_GREETED = new Set('all there everyone team friend friends folks sir madam hiring recruiter hope again good thanks thank quick long happy dear i we my our this it'.split(' '));

export function judgeTemplate(fields: { howKnow: string; whyContact: string; blurb: string }, contact: PublicContact, ownerName: string): TemplateVerdict {
  for (const k of ['howKnow', 'whyContact', 'blurb'] as const) {
    const text = fields[k];
    const ph = PLACEHOLDERS.map((re) => re.exec(text)).find((x) => x);
    if (ph) return { field: k, kind: 'placeholder', detail: ph[0] };
    const phrase = matches(TEMPLATE_PHRASES, fold(text))[0]?.text;
    if (phrase) return { field: k, kind: 'placeholder', detail: phrase };
  }
  const terms = contactTerms(contact);
  const known = new Set([...terms.name, ...terms.company, ...fold(ownerName).split(/\s+/)]);
  for (const k of ['whyContact', 'howKnow'] as const) {
    const greeted = GREETING.exec(fields[k].trim())?.[1];
    const name = greeted ? fold(greeted) : '';
    // A greeting names someone when it is capitalised and is not "Hi, hope you're well".
    if (greeted && /^\p{Lu}/u.test(greeted) && !known.has(name) && !GENERIC_GREETED.has(name)) {
      return { field: k, kind: 'other-person', detail: greeted };
    }
    const cjk = GREETING_CJK.exec(fields[k].trim())?.[1];
    if (cjk && !terms.cjk.some((n) => n.includes(cjk) || cjk.includes(n)) && !known.has(fold(cjk))) {
      return { field: k, kind: 'other-person', detail: cjk };
    }
  }
  const attributed = attributedCompany(fields.whyContact, contact, terms);
  if (attributed) return { field: 'whyContact', kind: 'other-company', detail: attributed };
  const asked = ASKS_SOMEONE.exec(fields.whyContact)?.[1];
  if (asked && !known.has(fold(asked)) && !terms.company.has(fold(asked))) return { field: 'whyContact', kind: 'other-person', detail: asked };
  const other = otherEmployer(fields.whyContact, terms.company, terms.name);
  if (other) return { field: 'whyContact', kind: 'other-company', detail: other };
  return { field: null, kind: null, detail: '' };
}

// "ask Maria whether...": the ask is addressed to someone else by name.
const ASKS_SOMEONE = /(?:\bask|\bmeet|\bspeak (?:with|to)|\btalk (?:with|to)|\bintroduce (?:me|us) to|\bconnect (?:me )?with|\bpreguntar(?:le)? a|\bperguntar (?:a|ao|à)|\bdemander à|\bchiedere a) ([\p{Lu}][\p{Ll}'-]+)(?= (?:whether|if|about|for|how|what|who|which|at|from|si|se|ob)\b)/u;

// "you work at X", "she runs X's team", "trabalha no X": a company named as the contact's.
const EMPLOYER = /(?:(?:you|she|he|they) (?:work|works|are|is|were|was) (?:at|for|with)|(?:your|her|his|their) (?:work|role|team|position|job) (?:at|with)|(?:tu|su) (?:trabajo|equipo|rol) en|(?:seu|sua) (?:trabalho|equipe|time) (?:na|no|em)|(?:ihre|deine) (?:arbeit|rolle) bei|(?:votre|ton) (?:travail|equipe|role) chez|(?:il suo|il tuo) (?:lavoro|ruolo) (?:in|presso|da)|(?:you|she|he) (?:run|runs|lead|leads|head|heads) .{0,25}? at|trabalha (?:no|na|em)|trabaja (?:en|para)|arbeitet (?:bei|fur)|arbeiten (?:bei|fur)|travaille (?:chez|pour)|travaillez (?:chez|pour)|lavora (?:in|presso|da|per)) ([\p{Lu}][\p{L}\p{N}&.'-]*(?: [\p{Lu}][\p{L}\p{N}&.'-]*){0,3})/u;

function otherEmployer(why: string, company: Set<string>, name: Set<string>): string | null {
  const m = EMPLOYER.exec(why.replace(/ü/g, 'u'));
  if (!m?.[1] || company.size === 0) return null;
  const named = tokenize(m[1]).map((t) => t.folded);
  return named.some((w) => company.has(w) || name.has(w)) ? null : m[1];
}

const CAP_NAME = "([\\p{Lu}][\\p{L}\\p{N}&.'-]*(?: [\\p{Lu}][\\p{L}\\p{N}&.'-]*){0,3})";
const ROLE_VERB = '(?:runs?|leads?|heads?|manages?|directs?|oversees?|works?|is|was|built|founded|co-founded|started|joined|set up|scaled|grew)';

/**
 * "Maren runs field operations at Kelp Dynamics", "Sven built Snowflake's hub":
 * the contact (by first name or pronoun) placed at a company that isn't theirs.
 * Only when the request never names the contact's own company, so a past
 * employer mentioned next to the current one doesn't count.
 */
// "She runs Europe's largest…", "he leads sales at EMEA HQ": regions, not companies.
const PLACES = new Set(
  'europe asia africa america americas latam emea apac dach nordics scandinavia world us usa uk eu india china japan korea brazil mexico canada germany france spain italy portugal norway sweden denmark finland poland netherlands belgium switzerland austria ireland australia singapore africa nigeria kenya egypt turkey israel argentina chile colombia peru indonesia vietnam thailand philippines london paris berlin madrid lisbon tokyo seoul shanghai beijing'.split(' '),
);

const patterns = new Map<string, RegExp>();
function attributionPattern(first: string): RegExp {
  let re = patterns.get(first);
  if (!re) {
    const subject = `(?:${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|she|he|they)`;
    re = new RegExp(`(?<![\\p{L}])${subject} ${ROLE_VERB}(?: [\\p{Ll}-]+){0,4}? at ${CAP_NAME}|(?<![\\p{L}])${subject} ${ROLE_VERB} ${CAP_NAME}['’]s\\b`, 'u');
    patterns.set(first, re);
    if (patterns.size > 256) patterns.delete(patterns.keys().next().value as string);
  }
  return re;
}

function attributedCompany(why: string, contact: PublicContact, terms: ReturnType<typeof contactTerms>): string | null {
  if (terms.company.size === 0 || !contact.company) return null;
  if (tokenize(why).some((t) => terms.company.has(t.folded.replace(/'s$|’s$/u, '')))) return null;
  const first = contact.name.split(/\s+/).find((w) => !/^(?:dr|prof|mr|mrs|ms)\.?$/i.test(w)) ?? '';
  if (!first || /[^\p{Script=Latin}'-]/u.test(first)) return null;
  const m = attributionPattern(first).exec(why);
  const named = m?.[1] ?? m?.[2];
  if (!named) return null;
  const words = tokenize(named).map((t) => t.folded);
  return words.some((w) => terms.company.has(w) || terms.name.has(w) || terms.other.has(w) || PLACES.has(w)) ? null : named;
}
