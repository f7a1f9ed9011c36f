// The gate's vocabulary, by meaning rather than by sentence: each list names a
// concept of the owner's policy (a two-way relationship, one-way exposure, a
// bounded ask, an abstract noun...) in the languages members write in
// (en, es, pt, de, fr, it, ja, zh, ko, hi). Patterns are written folded (lower
// case, no accents); Latin ones must start at a word boundary and may go on
// (stems), others match anywhere because those scripts glue words together.

export interface Lexicon {
  name: string;
  /** Latin-script patterns, tried only where a word starts (sticky). */
  latin: RegExp | null;
  /** Patterns in other scripts, searched anywhere. */
  other: RegExp | null;
  /** Both, searched anywhere: for finding the first match in a short sentence. */
  re: RegExp;
}

const NON_LATIN = /[^\p{ASCII}\u0080-\u024F]/u;

const SPACED_SCRIPT = /\p{Script=Cyrillic}|\p{Script=Hebrew}|\p{Script=Arabic}|\p{Script=Devanagari}/u;

/**
 * `whole`: short words (she, ли, هل, वे) must end where the word ends, and
 * in scripts written with spaces must start where it starts, so "he" never
 * matches "help" nor "он" the middle of a Russian word.
 */
export function lexicon(name: string, patterns: string[], whole = false): Lexicon {
  const end = '(?![\\p{L}\\p{M}\\p{N}])';
  const latin = patterns.filter((p) => !NON_LATIN.test(p)).map((p) => (whole ? `(?:${p})${end}` : p));
  const other = patterns.filter((p) => NON_LATIN.test(p)).map((p) => (whole && SPACED_SCRIPT.test(p) ? `(?<![\\p{L}\\p{M}])(?:${p})${end}` : p));
  const parts: string[] = [];
  if (latin.length) parts.push(`(?<![\\p{L}\\p{N}])(?:${latin.join('|')})`);
  if (other.length) parts.push(`(?:${other.join('|')})`);
  return {
    name,
    latin: latin.length ? new RegExp(`(?:${latin.join('|')})`, 'uy') : null,
    other: other.length ? new RegExp(`(?:${other.join('|')})`, 'gu') : null,
    re: new RegExp(parts.join('|'), 'gu'),
  };
}

const WORD_RUN = /[\p{L}\p{N}$#%+]+/gu;

// Every lexicon scans the same few texts: remember where their words start.
const startsOf = new Map<string, number[]>();
function wordStarts(folded: string): number[] {
  let starts = startsOf.get(folded);
  if (!starts) {
    starts = [];
    for (const run of folded.matchAll(WORD_RUN)) starts.push(run.index);
    startsOf.set(folded, starts);
    if (startsOf.size > 64) startsOf.delete(startsOf.keys().next().value as string);
  }
  return starts;
}
const HAS_NON_LATIN = /[^\p{ASCII}\u0080-\u024F\u2000-\u206F]/u;

/**
 * Every match of a lexicon in folded text, as [index, matched text], without
 * overlaps. Trying the Latin patterns only where a word starts keeps a few
 * hundred alternatives fast on a page of text.
 */
export function matches(lex: Lexicon, folded: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  if (lex.latin) {
    let end = 0;
    for (const start of wordStarts(folded)) {
      if (start < end) continue;
      lex.latin.lastIndex = start;
      const m = lex.latin.exec(folded);
      if (m && m[0].length > 0) {
        out.push({ index: start, text: m[0] });
        end = start + m[0].length;
      }
    }
  }
  if (lex.other && HAS_NON_LATIN.test(folded)) {
    lex.other.lastIndex = 0;
    for (const m of folded.matchAll(lex.other)) out.push({ index: m.index, text: m[0] });
  }
  return out;
}

export function count(lex: Lexicon, folded: string): number {
  return matches(lex, folded).length;
}

// ── How the requester knows the owner ─────────────────────────────────────

/** Says outright that there is no relationship. */
export const NO_RELATIONSHIP = lexicon('no relationship', [
  // en
  "(?:we(?:'ve| have)?|i(?:'ve| have)?) never (?:actually |really )?(?:met|spoken|talked|worked|been introduced|crossed paths)",
  "never (?:actually )?met",
  "(?:we )?(?:haven'?t|have not|had not|hadn'?t) (?:yet |actually |really )?(?:met|crossed paths|been introduced|had the chance to meet|had the pleasure)",
  "(?:you )?(?:don'?t|do not|won'?t|wouldn'?t|may not|might not) (?:really |actually )?know me",
  "not (?:met )?(?:in person|personally)",
  "(?:strangers|a stranger)",
  "(?:you )?(?:may|might|probably|likely|will|won'?t|wouldn'?t)(?: not| never)? (?:not |never )?remember me", "(?:we(?:'ve| have)?|i(?:'ve| have)?) never (?:actually )?(?:spoken|talked|exchanged)", 'no (?:te|se) (?:acordara|acordaras|acuerda)s? de mi', 'no me recordara', 'nao (?:se )?lembra(?:ra)? de mim', '(?:erinnern sich|erinnerst du dich) (?:\\w+ )?nicht an mich', 'ne (?:vous|te) souvenez (?:\\w+ )*pas de moi', 'ne te souviens (?:\\w+ )*pas de moi', 'non si ricord', 'non ti ricord', '覚えて(?:いらっしゃらない|おられない|いない)', '不记得我', '记不得我', '기억 ?(?:못|하지 못|안 나)',
  "not (?:yet )?acquainted", 'never (?:had|got) the (?:chance|opportunity|pleasure) to (?:meet|talk|speak|work)', 'reaching out cold', 'cold outreach',
  // es
  'no nos (?:conocemos|hemos conocido|hemos visto)', 'no (?:te|le|lo|la) conozco', 'no personalmente', 'nunca nos hemos (?:visto|conocido|cruzado)', 'no me conoce', 'no he tenido (?:el gusto|la oportunidad) de conocer',
  // pt
  'nao nos conhecemos', 'nao (?:te|o|a) conheco', 'nunca nos (?:vimos|conhecemos|falamos|encontramos)', 'voce nao me conhece', 'nao me conhece', 'ainda nao nos conhecemos',
  // de
  'wir kennen uns (?:noch )?nicht', 'kenne (?:sie|dich) (?:noch )?nicht', 'nicht personlich', 'kennen uns nicht', 'nie (?:personlich )?(?:getroffen|begegnet|gesprochen)', 'noch nicht (?:personlich )?(?:getroffen|kennengelernt|begegnet)', 'kennen mich nicht', 'kennst mich nicht',
  // fr
  'ne nous connaissons pas', 'ne (?:vous|te) connais pas', 'pas personnellement', 'ne (?:me )?connaissez pas', 'ne me connais pas', "ne nous sommes (?:jamais|pas encore) (?:rencontres|croises|parle)", 'jamais rencontre', 'pas encore rencontre',
  // it
  'non ci conosciamo', 'non (?:la|ti|lo) conosco', 'non personalmente', 'non mi conosce', 'non ci siamo mai', 'mai incontrat',
  // ja
  '面識は?(?:ありません|ない|ございません|なく)', 'お会いしたこと[はが]?(?:ありません|ない|ございません)', '会ったことが(?:ありません|ない)', '会ったことは?(?:ありません|ない)', '直接の面識', '存じ上げない',
  // zh
  '不认识', '素不相识', '没有?见过面?', '未曾谋面', '从未见过', '从来没见过', '从没见过', '没打过交道', '并不认识', '不熟',
  // ko
  '뵌 ?적[은이]? ?없', '만난 ?적[은이]? ?없', '모르시겠지만', '일면식', '모르실',
  // nl, sv, pl, tr, ru, vi, id, ar, he
  'kennen elkaar niet', 'nooit ontmoet', 'nog nooit', 'aldrig traffats', 'aldri møtt', 'nie znamy sie', 'nigdy sie nie', 'tanısmadık', 'tanısmıyoruz', 'hic tanısma', 'не знакомы', 'никогда не встречались', 'лично не знакомы', 'chua tung gap', 'belum pernah bertemu', 'لم نلتق', 'لا تعرفني', 'لم نتقابل', 'לא נפגשנו', 'אתה לא מכיר אותי',
  // hi
  'कभी (?:नहीं )?मिले नहीं', 'कभी नहीं मिले', 'मुलाकात नहीं हुई', 'नहीं जानते', 'मिले नहीं',
]);

/** One-way exposure: follows, reads, listens, attends, is connected online. */
export const ONE_WAY = lexicon('one-way exposure', [
  // en
  'follow(?:s|ed|ing|er|ers)?', 'podcast', 'newsletter', 'subscri(?:be|ber|bed|ption)', 'webinar', 'youtube', 'livestream', 'your (?:book|posts?|thread|tweets?|articles?|blog|talk|keynote|videos?|interview|episode|course|column|channel|substack|ama|content|panel|session|presentation|lecture)',
  'read (?:your|his|her)', 'heard (?:you|your|him|her)', 'watched (?:you|your)', 'saw (?:you|your)', 'listen(?:ed|er|ers)? to',
  'fan of', 'big fan', '(?:long-?time |avid )?admirer', 'linkedin', 'connections?(?: on| via)', '(?:second|2nd|third|3rd)[- ]degree', 'mutual (?:connections?|friends?|contacts?)', 'friend of a friend', "friend of (?:my|a) (?:friend|cousin|colleague)", '(?:through|via) (?:a |my )?(?:friend|cousin|colleague)s? of',
  'found (?:you|your (?:name|profile))', 'came across (?:you|your)', 'your (?:community|slack|discord|group|audience|followers|readers|network)', 'in the audience', 'members? of your', 'one of the \\d', 'emailed you', "(?:didn'?t|did not|never) (?:reply|respond|answer|get back)", 'cold (?:email|message|dm)', 'dm(?:ed)? you', 'reached out (?:on|via|through)',
 'alumni', "(?:whatsapp|slack|telegram|linkedin|online|wechat|signal|discord) group", 'your (?:meetups?|events?|workshops?|courses?|classes online|online course)', 'liked my', 'commented on (?:my|your)', 'i use your', '(?:a )?(?:customer|user|client) of your', 'same (?:conference|event|webinar|summit)', 'different teams?', 'masterclass', 'bootcamp', 'twitter', 'instagram', 'tiktok', 'substack', 'medium post', 'clubhouse', 'discord server', 'facebook group', 'heard (?:about|of) you', '(?:recommended|mentioned) (?:you|your name)', 'told me about you', 'your name came up', 'exchanged (?:a few )?(?:dms|messages|emails)', 'q&a', 'as a listener', 'as a reader', 'as a viewer',
  'me hablaron de (?:ti|usted)', 'me recomendaron', 'ouvi falar (?:de voce|do senhor|da senhora)', 'me indicaram', 'von (?:ihnen|dir) gehort', "j.ai entendu parler de (?:vous|toi)", 'on m.a recommande', 'ho sentito parlare di (?:lei|te)', 'mi hanno parlato di', 'お名前を(?:伺|聞)', '听说过您', '听说过你', '소개받았', '말씀을 들었', 'आपके बारे में सुना', 'on (?:the )?(?:main )?stage', 'great talk', 'tried to (?:catch|meet|reach) you', 'you were (?:swamped|busy)', 'in the crowd', 'attendees?',  'at different times', 'different (?:batch|cohort|years)', 'from afar', 'only online', 'online community',
  // a face in a crowd, a message sent, a feed read, a card swapped
  '(?:with|together with) (?:[\\d,.]+|hundreds|thousands|dozens) (?:of )?(?:others|other|people)', 'insieme ad? altri', 'junto (?:a|con) (?:otros|otras|otras|mas de) ', 'zusammen mit (?:anderen|[\\d.]+|hunderten|tausenden)', 'avec (?:des centaines|des milliers|[\\d ]+ autres)', 'ho seguito', '(?:tuo|suo) corso', 'exchanged (?:business )?cards', 'swapped (?:business )?cards', 'shook hands', 'said hello', 'brief(?:ly)? (?:chat|hello|exchange|word)', 'intercambiamos tarjetas', 'trocamos cartoes', 'visitenkarten', 'cartes de visite', 'biglietti da visita', 'telegram[- ]?(?:channel|канал)', 'your telegram', '(?:читаю|читал|читала|смотрю|слушаю) (?:ваш|вас|твой|тебя)', '(?:ваш|твой) (?:\\p{L}+-)?канал', '名刺交換', '名刺を交換', '交换了名片', '交换名片', '명함',
  'one of (?:the )?(?:[\\d,.]+|hundreds|thousands|many|dozens)', '(?:among|along with|with|alongside) (?:[\\d,.]+|hundreds|thousands|dozens|many) (?:others|other|people|attendees|participants|guests|students|viewers)', 'sent you an? (?:email|message|dm|note|linkedin|cv|resume|request)', "(?:i )?(?:emailed|messaged|wrote to|pinged|tweeted at) you", 'reading your', 'watched (?:the|a|your)', 'listened to', 'your (?:reels|stories|feed|updates|webinars?|masterclass)', '(?:read|reading|follow|following) your (?:columns?|answers?|replies|profile|website|site)', '(?:listen|listening|listened) to your (?:show|program(?:me)?|radio)', 'connections? (?:on|since)', '(?:first|1st)[- ]degree', 'liked (?:each other|your)', 'from (?:industry|news|press) (?:reports|articles|coverage)', 'know your work',
  'entre (?:miles|cientos|centenares|centenas|milhares|centenas) de', 'unter (?:tausenden|hunderten)', 'parmi (?:des milliers|des centaines|les milliers)', 'au milieu de la foule', 'tra (?:migliaia|centinaia)', 'te escucho', 'le escucho', 'tus columnas', 'sus columnas', 'tu programa', 'su programa', 'assisto (?:as|aos|a|o) (?:suas|seus|sua|seu)', '(?:suas|seus) aulas', 'ihre kolumne', 'deine kolumne', 'ihr buch', 'votre chronique', 'vos interventions', 'i suoi interventi', 'i tuoi interventi', 'uw columns?', 'uw boek', 'je columns?', 'je boek',
  '聴講', '視聴', '拝読', 'SNS', '読んで(?:い|お)', '看您的', '看你的', '听过您', '听过你', '听您', '您的分享', '你的分享', '知乎', '微博', '抖音', '小红书', 'b站', '강연을 들', '블로그', '읽고 있', '읽었', '들었습니다',
  // es
  'te sigo', 'le sigo', 'sigo (?:tus|sus|su)', 'seguidor', 'tu (?:podcast|libro|boletin|charla|canal|blog)', 'su (?:podcast|libro|boletin|charla|canal|blog)', '(?:tus|sus) (?:publicaciones|videos|articulos|posts)', 'suscript', 'lei (?:tu|su) libro', 'escuche (?:tu|su)', 'vi (?:tu|su) (?:charla|video|entrevista)',
  // pt
  'sigo (?:voce|o senhor|a senhora|seu|sua|suas|seus)', '(?:seu|sua) (?:podcast|livro|palestra|canal|blog|newsletter)', '(?:suas|seus) (?:publicacoes|posts|videos|artigos)', 'li (?:seu|sua|o seu) livro', 'assisti', 'inscrito',
  // de
  'folge (?:ihnen|dir|ihrem|deinem)', '(?:ihren|deinen|ihrem|deinem) (?:podcast|newsletter|vortrag|kanal|blog)', '(?:ihr|dein) (?:buch|podcast)', '(?:ihre|deine) (?:beitrage|posts|videos|artikel)', 'abonniert', 'abonnent', 'zugehort', 'im publikum',
  // fr
  'je vous suis', 'je te suis', '(?:votre|ton) (?:podcast|livre|newsletter|conference|blog|chaine|intervention)', '(?:vos|tes) (?:publications|posts|videos|articles)', 'abonne', 'lu votre livre', 'ecoute votre',
  // it
  'la seguo', 'ti seguo', '(?:il suo|il tuo) (?:podcast|libro|blog|canale|intervento)', '(?:la sua|la tua) (?:newsletter|conferenza)', '(?:i suoi|i tuoi) (?:post|video|articoli)', 'iscritt', 'ho letto il (?:suo|tuo) libro',
  // ja
  '投稿', 'フォロー', 'ポッドキャスト', '拝見', '講演', '著書', 'ご著書', '読者', 'ファン', 'ウェビナー', 'ニュースレター', '動画', 'ツイート', 'ブログ', '配信', '登壇', 'リンクトイン', 'つながり',
  // zh
  '关注', '粉丝', '播客', '公众号', '演讲', '文章', '视频', '直播', '订阅', '读过您', '拜读', '领英', '朋友的朋友', '听众', '读者',
  // ko
  '팔로우', '팬이', '팟캐스트', '구독', '유튜브', '강연', '게시물', '뉴스레터', '책을 읽', '링크드인', '영상', '발표를 듣', '지인의 지인',
  // nl, sv, pl, tr, ru, vi, id, ar
  'volg (?:je|jou|u)', 'je podcast', 'je nieuwsbrief', 'foljer dig', 'din podcast', 'obserwuje', 'twoj podcast', 'takip ediyorum', 'podcastinizi', 'podcastini', 'подписан', 'подписчик', 'ваш подкаст', 'ваш канал', 'ваши посты', 'theo doi', 'podcast cua', 'mengikuti', 'أتابع', 'متابع', 'بودكاست', 'עוקב',
  // hi
  'फॉलो', 'पॉडकास्ट', 'वीडियो', 'न्यूज़लेटर', 'किताब', 'पोस्ट', 'यूट्यूब', 'वेबिनार', 'लिंक्डइन', 'फैन',
]);

/** A tie through someone else, or an unanswered approach: decisive, whatever relationship words follow (they describe someone else). */
export const INDIRECT = lexicon('indirect tie', [
  'friend of a friend', '(?:friend|colleague|cousin|brother|sister|boss|classmate) of (?:my|a|an) (?:\\w+ )?(?:friend|cousin|colleague|sister|brother|classmate|boss)', '(?:second|2nd|third|3rd)[- ]degree', 'mutual (?:connections?|contacts?)', 'through a (?:friend|colleague|contact) of', "(?:didn'?t|did not|never) (?:reply|respond|answer|get back)", 'emailed you (?:last|a few|several|twice|before)', 'cold (?:email|message|dm)',
  "my (?:dad|father|mother|mom|mum|brother|sister|wife|husband|partner|friend|boss|colleague|cousin|uncle|aunt|neighbou?r|manager) (?:knows|knew|worked with|works with|went to school with|met|studied with|plays \\w+ with) you", 'your (?:brother|sister|wife|husband|son|daughter|cousin|friend|colleague|assistant|partner) (?:is|was) (?:my|a)',
  "my (?:dad|father|mother|mom|mum|parents?|brother|sister|sibling|wife|husband|spouse|partner|son|daughter|friend|boss|colleague|co-?worker|cousin|uncle|aunt|neighbou?r|manager|roommate|flatmate|classmate|nephew|niece|fianc[ée]e?|girlfriend|boyfriend|(?:brother|sister|father|mother|son|daughter)-in-law)(?:'s \\w+)? (?:\\w+ ){0,2}?(?:used to work|worked|works|work|was|is|studied|interned|knows|knew|met|went|used to)\\b(?: [\\w-]+){0,3}? (?:at|for|in|with|under|on|to) (?:your|you)\\b",
  '(?:colleague|friend|cousin|neighbou?r|classmate|boss|roommate)s? of (?:my|a) ', 'colega de (?:mi|un|una) ', 'amig[oa] de (?:mi|un|una) ', 'colega d[oa] (?:meu|minha) ', 'amig[oa] d[oa] (?:meu|minha) ', 'kolleg(?:e|in) (?:meines|meiner) ', 'freund(?:in)? (?:meines|meiner) ', 'collegue (?:de mon|de ma|d.un|d.une) ', 'ami(?:e)? (?:de mon|de ma) ', 'collega di (?:mio|mia) ', 'amic[oa] di (?:mio|mia) ',
  'mi (?:primo|prima|hermano|hermana|padre|madre|esposa|esposo|marido|mujer|amigo|amiga|cunado|cunada|tio|tia|jefe|colega|vecino|vecina) (?:\\w+ ){0,2}?(?:trabajo|trabaja|estudio|conoce|conocio)',
  '(?:meu (?:primo|irmao|pai|marido|amigo|cunhado|tio|chefe|colega|vizinho)|minha (?:prima|irma|mae|esposa|mulher|amiga|cunhada|tia|chefe|colega|vizinha)) (?:\\w+ ){0,2}?(?:trabalhou|trabalha|estudou|conhece|conheceu)',
  '(?:mein (?:cousin|bruder|vater|mann|freund|schwager|onkel|chef|kollege|nachbar)|meine (?:cousine|schwester|mutter|frau|freundin|schwagerin|tante|chefin|kollegin|nachbarin)) (?:\\w+ ){0,3}?(?:hat|hatte|arbeitete|arbeitet|kennt|kannte)',
  '(?:mon (?:cousin|frere|pere|mari|ami|beau-frere|oncle|chef|collegue|voisin)|ma (?:cousine|soeur|mere|femme|amie|belle-soeur|tante|collegue|voisine)) (?:\\w+ ){0,2}?(?:a travaille|travaille|travaillait|connait|a connu)',
  '(?:mio (?:cugino|fratello|padre|marito|amico|cognato|zio|capo|collega|vicino)|mia (?:cugina|sorella|madre|moglie|amica|cognata|zia|collega|vicina)) (?:\\w+ ){0,2}?(?:ha lavorato|lavora|lavorava|conosce)',
  '我(?:的)?(?:表哥|表姐|表弟|表妹|堂哥|堂姐|哥哥|姐姐|弟弟|妹妹|父亲|爸爸|母亲|妈妈|丈夫|妻子|老婆|老公|朋友|舅舅|叔叔|阿姨)(?:曾经|以前|之前|曾)?(?:在|和|跟|认识)', '(?:表哥|表姐|哥哥|姐姐|朋友|同学|同事)的(?:朋友|同事|同学)', '(?:いとこ|兄|姉|弟|妹|父|母|夫|妻|友人|知人)が(?:以前|かつて)?(?:御社|貴社|あなた|そちら)', 'の友人の', '의 (?:친구|동료|지인)', '(?:사촌|형|누나|오빠|언니|동생|아버지|어머니|남편|아내|친구)(?:이|가) (?:예전에 |전에 )?(?:귀사|회사|대표님)',
  'amigo de un amigo', 'amigo de uma? amig', 'amigo de um amigo', 'freund(?:in)? eines freundes', "ami d.un ami", 'amie d.une amie', 'amico di un amico', '友達の友達', '知人の知人', '朋友的朋友', '지인의 지인', 'दोस्त का दोस्त', 'दोस्त के दोस्त',
]);

/** A two-way relationship the owner would recognise. */
export const RELATION = lexicon('relationship', [
  // en: working together, reporting lines, study, family, neighbours, investing, mentoring, hosting
  'work(?:ed|ing)? (?:together|with you|with him|with her|for you|under you|alongside|side by side)', 'worked under', 'colleagues?', 'co-?workers?', 'teammates?', 'team ?mates?', 'same (?:team|squad|lab|class|dorm|unit|department|office|crew|desk|floor|project|program(?:me)?|cohort|batch|study group|company)',
  '(?:on|in|joined) your (?:team|squad|lab|group|department|board|staff)', 'your (?:team|squad|lab) at', 'reported (?:to|into) you', 'report(?:ed)? to you', 'your (?:direct )?report', '(?:was|were) (?:your|my) (?:report|boss|manager|lead)',
  '(?:my|your) (?:former |old |first |direct )?(?:manager|boss|lead|team lead|mentor|mentee|advisor|adviser|supervisor|professor|teacher|tutor|coach|investor|landlord|tenant|client|customer|co-?founder|roommate|flatmate|housemate|neighbou?r|cousin|brother|sister|uncle|aunt|godfather|godmother|godson|goddaughter|niece|nephew|in-law|best man|student|intern|hire|employee|apprentice|ta|teaching assistant|thesis|phd|committee|editor|agent|doctor|classmate|partner at|sponsor|referee|reference|first hire|second hire|cto|ceo|coo|cfo)',
  'you (?:hired|mentored|managed|supervised|coached|taught|advised|invested|interviewed|hosted|introduced me|chaired|led our|backed|funded|sponsored|trained|recruited|onboarded|seated|invited me|referred|wrote my|signed|placed|promoted|examined|tutored|housed|fixed|helped me|ran the|sat on)', 'you were (?:my|our|on my|the)', 'i was (?:your|on your|in your|the (?:first|second|third))', "i'm your", 'i am your',
  'classmates?', 'class of (?:19|20)?\\d\\d', 'same class', 'cohort', 'batch', 'study group', 'roommates?', 'flatmates?', 'housemates?', 'neighbou?rs', 'next door', 'co-?founded', 'co-?founders', 'founded .{0,30}together', 'together (?:at|on|in|for|from|during|since|every|through)', 'together\\b',
  'intern(?:ed|ship)?', 'volunteer(?:ed)? (?:on|at|with|for) your', 'on your (?:trip|project|campaign|expedition|crew|course|programme|program|stand|podcast team|show)', 'mentor(?:ed|ing|ship)?', 'invested in', 'investor in', 'your (?:portfolio|fund)', 'board (?:member|observer|seat|together)', 'on the board', 'thesis', 'phd committee', 'dissertation', 'family', 'married', 'wedding', 'godfather', 'godmother', 'cousins?', 'brother-in-law', 'sister-in-law',
  "we(?:'ve| have|'d| had)? (?:\\w+ )?(?:studied|trained|served|volunteered|played|ran|built|shipped|launched|organi[sz]ed|taught|co-?authored|wrote|founded|started|shared|sat|lived|rowed|climbed|sang|coached|raised|hiked|trekked|cycled|traveled|travelled|spent|did|made|went|had|argued|fought|designed|cooked|moved|won|lost|finished|survived|drove|flew|sailed|ran)\\b", "i was (?:the|your|an?) [\\w-]+(?: [\\w-]+)? (?:on|for|at|in|of) your", '(?:lab|class|team|room|flat|house|band|ship|desk|office|study|course|dorm|squad|crew|club|gym|carpool)[ -]?mates?', 'co-?author', 'hosted me', 'stayed (?:with|at) you', 'kept in touch', 'stayed in touch', 'keep in touch', "we've (?:been )?(?:friends|in touch)", '(?:close|old|childhood|university|college|school) friends?', 'friends since', 'known (?:each other|you) (?:since|for)', 'grew up',
  // interaction: the owner did something with or for the requester
  'with (?:you|him|her)\\b', "you(?:'ve| have)? (?:then |later |once |also |even |still )?(?:\\w+ed|spent|gave|took|taught|ran|sent|wrote|made|put|kept|let|told|brought|lent|showed|found|got)\\b(?: [^ .;]+){0,4} (?:me|my|us|our)\\b", "you(?:'re| are) (?:my|our|the)", "i(?:'m| am) the one", 'same (?:[\\w-]+ ){0,3}(?:advisor|adviser|supervisor|professor|manager|boss|mentor|teacher|coach|team|class|course|section|cohort|batch|squad|lab|dorm|unit|department|office|crew|project|program(?:me)?|group|club|band|choir|flat|house|school|year)', 'shared (?:a |an )?(?:flat|apartment|house|office|desk|room|lab)', '(?:as a pair|in pairs)', 'every (?:week|month|sunday|monday|tuesday|wednesday|thursday|friday|saturday|morning|summer)', 'weekly', 'monthly', 'your (?:wedding|keeper|team|company|startup|foundation|lab|class|course|students?|interns?|house|home|kids?|son|daughter|family|dinner|office|flat|garden|boat|band|choir)\\b',
  // es
  'trabajamos juntos', 'compartimos', 'contigo', 'con usted', 'padrino', 'madrina', 'me (?:\\w+aste|\\w+iste)\\b', 'eres (?:mi|el|la|nuestro|nuestra)', 'trabajamos juntas', 'trabaje (?:contigo|con usted|con vos|para ti|para usted|bajo|en tu|en su)', 'companer[oa]s?', 'mi (?:jefe|jefa|mentor|mentora|director|directora|profesor|profesora|tutor|tutora|vecino|vecina|primo|prima|socio|socia|cliente|tio|tia|cunado|cunada|hermano|hermana|becario|inversor|inversora)', '(?:tu|su) (?:becario|becaria|pasante|alumno|alumna|estudiante|mentorado|mentorada|vecino|vecina|equipo|sobrino|sobrina|practicante)', 'fuiste (?:mi|nuestro|nuestra)', 'fue (?:mi|nuestro|nuestra)', 'fui (?:tu|su)', 'fundamos', 'cofundamos', 'cofundador', 'invirti(?:o|ste)', 'me (?:contrataste|contrato|mentoreaste|asesoraste|supervisaste|dirigiste|dirigio)', 'estudiamos juntos', 'en el mismo (?:equipo|curso|master|mba|departamento|proyecto)', 'vecinos', 'familia', 'reportaba a', 'promocion (?:19|20)', 'juntos en', 'juntas en',
  // pt
  'trabalhamos juntos', 'trabalhamos juntas', 'voce foi (?:meu|minha|nosso|nossa)', 'foi (?:meu|minha) ', 'com voce', 'com o senhor', 'com a senhora', 'dividimos', 'padrinho', 'madrinha', 'voce (?:me|nos) ', 'trabalhei (?:com voce|com o senhor|com a senhora|para voce|na sua|no seu|sob)', 'colegas', 'meu (?:chefe|gestor|mentor|orientador|professor|vizinho|primo|socio|cliente|tio|cunhado|irmao|investidor|lider)', 'minha (?:chefe|gestora|mentora|orientadora|professora|vizinha|prima|socia|tia|cunhada|irma|investidora|lider)', 'fui (?:seu|sua) ', 'voce (?:me contratou|me orientou|me mentorou|investiu|foi meu|foi minha)', 'fundamos', 'cofundamos', 'estudamos juntos', 'mesma turma', 'mesmo time', 'mesma equipe', 'vizinhos', 'familia', '(?:sua|seu) (?:equipe|time|estagiari[oa]|alun[oa]|orientand[oa]|sobrinh[oa])', 'fomos colegas', 'juntos (?:na|no|em)', 'estagi',
  // de
  'zusammengearbeitet', 'mein(?:e|em|en|er)? [a-z]*(?:leiter|leiterin|chef|chefin|betreuer|betreuerin|vorgesetzte[rn]?|professor|professorin)\\b', '(?:sie waren|du warst|er war|sie war) (?:mein|meine|unser|unsere)', 'mit (?:dir|ihnen)\\b', 'zusammen', 'du hast mir', 'sie haben mir', 'jeden (?:sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag)', 'patenonkel', 'patentante', 'zusammen gearbeitet', 'arbeiteten zusammen', '(?:fur|unter|mit) (?:ihnen|dir) gearbeitet', 'kolleg(?:e|in|en|innen)', 'kommiliton', 'mein(?:e|em|en|er)? (?:chef|chefin|vorgesetzte[rn]?|mentor|mentorin|betreuer|betreuerin|doktorvater|doktormutter|professor|professorin|nachbar|nachbarin|cousin|cousine|onkel|tante|mitgrunder|mitgrunderin|mitbewohner|mitbewohnerin|trainer|trainerin|kunde|investor|teamleiter|teamleiterin)', '(?:ihr|ihre|dein|deine) (?:praktikant|praktikantin|werkstudent|werkstudentin|doktorand|doktorandin|mitarbeiter|mitarbeiterin|mentee|team|abteilung|nachbar|nachbarin|neffe|nichte|azubi)', 'sie haben (?:mich|uns|in uns)', 'du hast (?:mich|uns)', 'gemeinsam', 'zusammen (?:studiert|gegrundet|im|in|an|bei|auf)', 'im selben (?:team|jahrgang|kurs|projekt|buro)', 'jahrgang', 'nachbarn', 'familie', 'berichtete an', 'an sie berichtet', 'praktikum', 'betreut',
  // fr
  'travaille ensemble', '(?:vous etiez|tu etais) (?:mon|ma|notre)', 'avec (?:toi|vous)\\b', "c.est (?:toi|vous) qui", 'vous m.avez', 'tu m.as', 'tu (?:y )?(?:donnais|enseignais|dirigeais|animais|encadrais)', 'vous (?:donniez|enseigniez|dirigiez|animiez|encadriez)', 'parrain', 'marraine', 'travaillions ensemble', 'travaille (?:avec vous|avec toi|pour vous|pour toi|sous vos ordres|sous ta direction|dans votre equipe|dans ton equipe)', 'collegues?', 'camarades?', 'meme (?:promo|equipe|classe|labo|bureau|projet)', 'promo(?:tion)? (?:19|20)', 'mon (?:manager|chef|directeur|mentor|maitre de stage|tuteur|professeur|voisin|cousin|associe|colocataire|parrain|oncle|investisseur|client)', 'ma (?:manager|cheffe|directrice|mentore|tutrice|professeure|voisine|cousine|associee|colocataire|marraine|tante|responsable)', '(?:votre|ton|ta) (?:stagiaire|alternant|alternante|etudiant|etudiante|doctorant|doctorante|equipe|voisin|voisine|filleul|filleule|niece|neveu)', 'vous (?:m.avez|avez) (?:recrute|embauche|encadre|accompagne|investi|mentore|coache|forme|dirige)', "tu m.as", 'cofonde', 'fonde ensemble', 'ensemble (?:a|au|chez|sur|dans|pendant|de)', 'voisins', 'famille', 'colocs?', "j.ai ete (?:votre|ton|ta)", "j.etais (?:votre|ton|ta|dans)", '(?:mon|en|de|un) stage', 'stage (?:chez|a|au|dans)',
  // it
  'lavorato insieme', '(?:eri|era|sei stat[oa]) (?:il mio|la mia|il nostro|la nostra|mio|mia)', 'con te\\b', 'con lei\\b', 'mi conosci', 'mi conosce da', 'mi hai', 'il tuo socio', 'la tua socia', 'figli[oa] di', 'padrino', 'madrina', 'lavoravamo insieme', 'lavorato (?:con te|con lei|per te|per lei|nel suo|nel tuo|sotto)', 'collegh(?:i|e)', 'collega', 'compagn[oia] di (?:corso|classe|universita|squadra|stanza|studi)', 'mio (?:capo|responsabile|mentore|relatore|professore|vicino|cugino|socio|coinquilino|zio|cliente)', 'mia (?:capo|responsabile|mentore|relatrice|professoressa|vicina|cugina|socia|coinquilina|zia)', '(?:suo|tuo) (?:stagista|studente|tesista|dottorando|team)', '(?:sua|tua) (?:stagista|studentessa|tesista|dottoranda|squadra)', '(?:lei|tu) (?:mi ha|ha|hai) (?:assunto|seguito|investito|supervisionato|guidato)', 'hai (?:investito|assunto)', 'abbiamo (?:fondato|studiato|lavorato|giocato|corso|organizzato|condiviso)', 'insieme (?:a|in|al|alla|presso|su|per|nel|nella)', 'vicini', 'famiglia', 'ero (?:il suo|la sua|il tuo|la tua)',
  // joint action in the first person plural, or the owner acting on the requester
  '(?:nos|nous|wir|noi|ci) [\\p{L}]+ (?:juntos|juntas|ensemble|zusammen|insieme)', '(?:trabaj|estudi|jug|compart|viv|fund|organiz|corr|remam|cant|entren|viaj)[a-z]*amos', '(?:trabalh|estud|jog|compartilh|divid|mor|fund|organiz|corr|remam|cant|trein|viaj)[a-z]*amos', 'fuimos', 'fomos', 'estuvimos', 'estivemos', 'nous avons (?:travaille|etudie|joue|fonde|partage|vecu|organise|couru|chante|voyage)', "on (?:a|avait) (?:travaille|etudie|joue|fonde|partage|vecu|organise|couru|chante|voyage|fait)", 'on etait', 'nous etions', 'wir (?:haben|hatten) .{0,40}?(?:gearbeitet|studiert|gespielt|gegrundet|geteilt|gewohnt|organisiert|trainiert|gesungen|gerudert)', 'wir waren', 'abbiamo (?:lavorato|studiato|giocato|fondato|condiviso|vissuto|organizzato|corso|cantato|viaggiato)', 'eravamo', 'siamo stati',
  // nl, sv/no/da, pl, tr, ru, vi, id, sw
  'samengewerkt', 'samen (?:gewerkt|gestudeerd|gespeeld|opgericht|in|bij|op)', 'mijn (?:manager|baas|mentor|leidinggevende|buurman|buurvrouw|promotor|docent)', 'je (?:team|afdeling)', 'studiegeno', 'jaargeno', 'buren', 'collega',
  'jobbade tillsammans', 'arbetade tillsammans', 'jobbet sammen', 'arbejdede sammen', 'tillsammans', 'sammen', 'kollega', 'klasskamrat', 'granne', 'nabo', 'min (?:chef|sjef|mentor|handledare|veileder)',
  'pracowalismy', 'razem', 'wspołpracowal', 'kolega', 'kolezank', 'sasiad', 'moj (?:szef|mentor|promotor|przełozon)', 'moja (?:szefowa|mentorka|promotorka)', 'w twoim zespole',
  'birlikte', 'beraber', 'is arkadas', 'sınıf arkadas', 'oda arkadas', 'komsu', 'yoneticim', 'mudurum', 'hocam', 'ekibinde', 'ekibinizde', 'stajyer',
  'работали вместе', 'вместе', 'коллег', 'однокурсник', 'одноклассник', 'однокашник', 'сосед', 'мои (?:руководитель|начальник|наставник|научныи руководитель|ментор)', 'в вашеи команде', 'в твоеи команде', 'стажер', 'под вашим руководством', 'под твоим руководством',
  'cung nhau', 'đong nghiep', 'ban cung lop', 'hang xom', 'sep cua toi', 'lam viec cung', 'lam viec voi',
  'bersama', 'rekan kerja', 'teman sekelas', 'tetangga', 'atasan saya', 'mentor saya',
  'pamoja', 'mwenzangu',
  'عملنا', 'معا', 'معًا', 'زميل', 'زملاء', 'جار', 'مديري', 'مدير', 'فريقك', 'درسنا', 'دفعة', 'أستاذي', 'مشرفي', 'متدرب',
  'עבדנו', 'ביחד', 'עמית', 'שכנ', 'המנהל שלי',
  // ja
  '一緒に', '同じ[\\u30A0-\\u30FF\\u4E00-\\u9FFF]{1,6}', '部活', 'サークル', '[\\u30A0-\\u30FF\\u4E00-\\u9FFF]{1,6}部で', 'いただき', 'くださ', 'ご一緒', '相談に乗', 'お世話', '同僚', '同期', '上司', '部下', 'チームで', 'チームに', 'チームの', '同じチーム', '同じ部署', '同じ研究室', '同じゼミ', '同級生', '同窓', '同じクラス', '先輩', '後輩', '指導教員', '指導を受け', '指導して', 'メンター', 'インターン', '投資して', '投資いただ', '出資', '共同創業', '創業メンバー', 'ルームメイト', 'ご近所', '隣人', '家族', '親戚', 'いとこ', '甥', '姪', 'お世話にな', '下で働', '在籍', '家庭教師', '教え子', '研究室', '部署', '担当して',
  // zh
  '同事', '同一(?:个)?[\\u4E00-\\u9FFF]{1,4}', '师姐', '师兄', '师妹', '师弟', '老同学', '在你手下', '你手下', '帮我', '帮过我', '和你', '跟你', '与您', '和您', '您帮', '你帮', '一起', '共事', '在您手下', '您的下属', '我的(?:上司|领导|导师|老板|经理|教授|邻居|表哥|表姐|表弟|表妹|同学|室友|合伙人|投资人)', '同学', '同班', '同届', '室友', '邻居', '导师', '实习', '投资了', '您投资', '联合创始', '共同创办', '汇报', '同一个', '家人', '亲戚', '表哥', '表姐', '指导', '带过我', '带我', '共同',
  // ko
  '함께', '같은 [가-힣]{1,6}', '동아리', '주셨', '해주', '덕분', '같이 일', '동료', '상사', '팀장', '같은 팀', '같은 부서', '같은 연구실', '동기', '동창', '선배', '후배', '멘토', '인턴', '투자하', '투자를 받', '공동 창업', '공동창업', '룸메이트', '이웃', '가족', '사촌', '지도 교수', '지도교수', '지도를 받', '팀에서', '밑에서', '같은 반', '모시고',
  // the same unit of work or service, and mates of any kind ("section-mates", "same engagement", "bunkmates")
  'same (?:engagement|case|deal|account|client|rotation|shift|ward|platoon|regiment|squadron|ship|newsroom|kitchen|residency|fellowship|syndicate|section|startup|trading desk|pod)', '(?:section|bunk|cabin|seat|running|tennis|climbing|rowing|chess|work|batch|cohort|platoon|ship|tent)[ -]?mates?',
  // "the same team" in more languages
  'mism[oa] (?:equipo|area|proyecto|oficina|departamento|clase|promocion|grupo)', 'mesm[oa] (?:area|projeto|sala|grupo|departamento)', '(?:gleiche[nm]?|selbe[nm]?) (?:team|abteilung|projekt|buro|jahrgang|gruppe)', 'stess[oa] (?:team|gruppo|ufficio|progetto|corso|squadra|classe|azienda|reparto)', 'zelfde (?:team|afdeling|project|klas|jaar|groep)', 'samma (?:team|avdelning|projekt|klass|kontor|grupp)', '(?:tym samym|ten sam|tej samej) (?:zespol\\p{L}*|dzia\\p{L}*|projek\\p{L}*|grup\\p{L}*)', 'ayn[ıi] (?:ekip|tak[ıi]m|sirket|s[ıi]n[ıi]f|bolum|proje|ofis|departman)\\p{L}*', 'cung (?:nhom|team|phong|du an|lop|cong ty)', '(?:satu|se) ?(?:tim|kantor|kelas|divisi|proyek)', 'tim yang sama', 'kolleg(?:or|orna|er|erne)', 'одно(?:и|м) (?:команде|отделе|проекте|группе|классе)', 'نفس الفريق', 'نفس القسم',
  '(?:你|您)(?:曾经|以前|当年)?是我(?:的|在)', 'あなたは私の', '(?:私|僕|わたし)の(?:上司|メンター|指導教員|先生|先輩)', '제 (?:멘토|상사|팀장|지도교수|사수|선배)', '멘토셨', '사수셨', '상사셨',
  // terse ties: "ex-Stripe team w/ you 2019–21", "your MBA study group '18", "I reported to you at Y", in several languages
  'w/ ?(?:you|u)\\b', 'ex-?[\\p{L}\\d&.]+ (?:[\\p{L}-]+ )?(?:team|squad|crew|colleagues?|teammates?|peers?|cohort) (?:w/ ?|with )(?:you|u)\\b', 'ex-?(?:colleague|coworker|co-worker|teammate|boss|manager|report|intern)s?', 'former (?:colleague|coworker|teammate|report|intern|direct report)s?', 'your (?:[\\w-]+ ){0,2}(?:study group|section|cohort|syndicate|pod|squad)', '(?:i )?reported (?:directly )?to you', 'under you (?:at|in|on)', 'co-?founded [\\p{L}\\d .&-]{1,30}with you', 'your (?:co-?founder|first (?:hire|engineer|employee|pm|designer)|deputy|chief of staff|tech lead)', 'sat next to you', 'paired with you', 'on your (?:desk|squad|board|staff)',
  'ex ?-?companer[oa]s?', 'ex ?-?colegas?', '(?:te|le) reportaba', 'reportaba a (?:ti|usted)', 'cofunde [\\p{L}\\d .&-]{1,30}contigo', 'tu (?:grupo de estudio|seccion|cohorte)', 'contigo en', 'reportava (?:a|para|pra) (?:voce|ti)', 'seu grupo de estudo', 'com voce (?:na|no|em)',
  'ex-?kolleg', 'ehemalige[rn]? (?:kolleg|mitarbeiter|praktikant)', 'berichtete (?:direkt )?an (?:sie|dich)', 'an (?:sie|dich) berichtet', '(?:ihre|deine) lerngruppe', 'mit (?:ihnen|dir) (?:bei|in|an)\\b', 'ex-?collegue', 'ancien(?:ne)?s? (?:collegue|stagiaire|eleve|associe)', 'je (?:vous|te) reportais', 'reportais a (?:vous|toi)', 'cofonde [\\p{L}\\d .&-]{1,30}avec (?:vous|toi)',
  'ex-? ?colleg(?:a|hi|he)', 'riportavo (?:a te|a lei|direttamente)', 'cofondato [\\p{L}\\d .&-]{1,30}con (?:te|lei)', 'oud-?collega', 'ex-?collega', 'rapporteerde (?:aan|direct aan) (?:je|jou|u)', 'by[lł](?:em|am)? (?:twoim|twoja|pana|pani)', 'raportowa[lł]', 'wspolzalozyl', 'eski (?:is )?arkadas', 'eski ekip', '(?:size|sana) rapor', 'tidigare kollega', 'ex-?kollega', 'mantan rekan', 'bekas rekan', 'cuu đong nghiep',
  'бывш(?:ии|ая|ие|его|ем) коллег', 'подчинял(?:ся|ась) (?:вам|тебе)', 'я был(?:а)? (?:вашим|вашеи|твоим|твоеи)', 'زميل سابق', 'زميلة سابقة', 'पूर्व सहकर्मी', 'पुराने सहकर्मी',
  '元同僚', '元上司', '元部下', '部下でした', '直属', '前同事', '老同事', '老领导', '前领导', '向您汇报', '向你汇报', '전 동료', '전 직장 동료', '전 상사', '직속', '보고했',
  // hi
  'साथ काम', 'आपकी शादी', 'आपने (?:मुझे|मेरी|मेरा)', 'आपके साथ', 'एक ही (?:section|सेक्शन|बैच|क्लास)', 'साथ में', 'सहकर्मी', 'मेरे (?:मैनेजर|बॉस|मेंटर|गुरु|प्रोफेसर|पड़ोसी|भाई|चाचा|मामा|निवेशक)', 'आपके (?:साथ|अधीन|नीचे|टीम|मार्गदर्शन)', 'आपकी टीम', 'सहपाठी', 'क्लासमेट', 'एक ही (?:टीम|बैच|कक्षा|कंपनी|विभाग)', 'बैच', 'इंटर्न', 'निवेश', 'सह-संस्थापक', 'पड़ोसी', 'परिवार', 'रिश्तेदार', 'मेंटर', 'रिपोर्ट कर',
]);

/** Work done on the owner's own book, show or talk: a two-way tie, though it names their content. */
export const CONTRIBUTED = lexicon('worked on their content', [
  "i (?:[\\w-]+ ){0,2}?(?:edited|produced|ghost-?wrote|designed|illustrated|translated|engineered|mixed|fact-checked|moderated|coordinated|filmed|co-?hosted|sub-?edited) (?:[\\w-]+ ){0,3}?(?:for |on |of )?your (?:book|column|podcast|show|newsletter|talks?|keynote|channel|videos?|blog|course|events?|panel|conference|website|campaign|webinars?|episodes?|posts?|articles?)(?: [\\w-]+){0,8}",
  '(?:as|i was|i am|i.m) your (?:[\\w-]+ ){0,2}(?:engineer|editor|producer|assistant|researcher|designer|intern|ghostwriter|translator|co-?host|moderator)',
]);

/** Two people who went through the same place separately: "we both studied at", not "together". */
export const PARALLEL = lexicon('parallel lives', [
  "we (?:both|each|all) (?:\\w+ )?(?:studied|went|attended|graduated|worked|are|were|live|lived|grew up|belong|come|came|did)", 'both (?:alumni|alums|graduates|went to|studied)', 'fellow (?:alumn|graduate)', 'alumn(?:us|a|i|ae)? of', 'same (?:alma mater|university|college)',
  '(?:ambos|los dos|las dos|os dois|as duas) (?:\\w+ )?(?:estudiamos|fuimos|trabajamos|vivimos|estudamos|fomos|trabalhamos|moramos)', 'wir (?:haben |waren |sind )?beide', 'tous (?:les )?deux', 'toutes (?:les )?deux', 'entrambi', 'tutti e due', 'we (?:hebben )?allebei', 'vi (?:har )?(?:båda|begge)',
  '同じ大学(?:の)?出身', '出身(?:大学|校)が同じ', '都是.{0,8}(?:校友|毕业)', '校友', '같은 (?:대학|학교) 출신', '동문',
]);

/** Large events: a crowd is not a relationship unless something was done together there. */
export const CROWD_EVENT = lexicon('large event', [
  'conference', 'summit', 'congress', 'expo', 'trade ?show', 'convention', 'festival', 'forum', 'keynote', 'world congress', 'fair\\b', 'web summit', 'ces\\b', 'sxsw', 'davos',
  'congreso', 'feria', 'cumbre', 'foro', 'congresso', 'feira', 'cupula', 'konferenz', 'kongress', 'messe', 'gipfel', 'salon', 'congres', 'sommet', 'fiera', 'vertice', 'conferenza',
  'カンファレンス', 'サミット', '展示会', '学会', 'フォーラム', '峰会', '大会', '展会', '论坛', '博览会', '컨퍼런스', '콘퍼런스', '박람회', '포럼', '서밋', 'सम्मेलन',
]);

/** A vague encounter that names nothing the owner could recognise. */
export const VAGUE_TIE = lexicon('vague tie', [
  'met (?:at|during|in|on) (?:[\\w-]+ ){0,4}(?:event|conference|summit|fair|expo|meetup|congress|forum|gala|party|reception|webinar|panel|talk|hackathon|mixer|happy hour)', 'nos conocimos en (?:[\\w-]+ ){0,4}(?:evento|conferencia|feria|congreso|foro)', 'nos conhecemos (?:em|no|na|num|numa) (?:[\\w-]+ ){0,4}(?:evento|conferencia|feira|congresso|forum)', 'kennengelernt (?:auf|bei) (?:[\\w-]+ ){0,4}(?:event|konferenz|messe|kongress|veranstaltung)', 'rencontres? (?:a|au|lors d.un|lors de) (?:[\\w-]+ ){0,4}(?:evenement|conference|salon|congres|forum)', 'conosciuti (?:a|al|durante|in) (?:[\\w-]+ ){0,4}(?:evento|conferenza|fiera|congresso)',
  'paths (?:have )?crossed', 'crossed paths', 'we (?:have )?met (?:once|before|a while|some time|at (?:an?|some|the) (?:event|conference|party|meetup|summit|fair|expo))', 'we(?:\'ve| have) met', 'met (?:once|briefly)', 'go way back', 'we connected', 'various (?:professional )?circles', 'extended network', 'know (?:you|each other) (?:from around|through)', 'same (?:industry|space|ecosystem|scene|city)', 'shared interest',
  'nos conocimos en un evento', 'nos cruzamos', 'coincidimos en (?:el|la|un|una|algun)', 'coincidimos (?:alguna|varias|un par)', 'a couple of times', 'over the years in the', 'in the (?:\\w+ ){0,2}(?:scene|circles|community)', 'nos conhecemos em um evento', 'wir haben uns (?:mal|einmal|kurz) ', 'nous nous sommes croises', 'ci siamo incrociati',
]);

// ── Why this contact, and the ask ─────────────────────────────────────────

/** A bounded amount of someone's time. */
export const TIME_BOX = lexicon('time box', [
  '\\d+[ -]?(?:min|mins|minutes?|minute|hours?|hrs?|h)\\b', '(?:five|ten|fifteen|twenty|thirty|forty-five|half an?)[ -](?:min|minutes?|minute|hour)', '(?:one|a|quick|short|single|brief) (?:call|meeting|chat|coffee|zoom|video call|phone call)', 'coffee', '\\bcall\\b', 'phone',
  '\\d+ ?(?:minutos|min)', '(?:una|uma) (?:llamada|chamada|reunion|reuniao|conversa)', 'llamada', 'chamada', 'cafe', '\\d+[ -]?minut', '\\d+ ?(?:мин|dakika|minuut|minuter|minutter|phut|menit|دقيقة|دقائق|דקות)', 'halbe stunde', 'mezz.ora', 'media hora', 'meia hora', 'demi-heure', 'telefonat', 'anruf', '(?:ein|einen|kurzes?) (?:gesprach|telefonat|call|termin)', 'un appel', 'appel de', 'rendez-vous', '\\d+ ?minuti', 'una chiamata', 'chiamata', 'videochiamata',
  '\\d+ ?分', '分間', '[一二三四五六七八九十]+分', '通话', '电话', '通話', '電話', '面談', 'ミーティング', 'お時間', '打ち合わせ', '\\d+ ?분', '통화', '미팅', '시간을', '\\d+ ?मिनट', 'कॉल', 'मिनट',
]);

/** Words that ask for one thing the contact can say yes or no to. */
export const ASK = lexicon('ask', [
  // en
  'ask (?:her|him|them|you|whether|if|about|one|a|two|for|how|who|what|which|when)', 'ask(?:ing)? \\p{L}+ (?:whether|if|about|for|how|who|what|which)\\b', 'asking (?:her|him|them|whether|if|for|about|who)', '(?:would|could|can|does|do|is|are|did|will) (?:she|he|they|you|it|the|their|her|his)\\b', 'whether', 'review', 'look at', 'look over', 'eyes on', 'feedback on', 'sanity[- ]check', 'pilot', 'trial', 'reference call', 'reference check', 'introduc(?:e|tion) (?:me |us )?to', 'point (?:me|us) to', 'who (?:owns|runs|handles|leads|decides|is the right)', 'forward (?:my|our|the)', 'refer(?:ral)?', 'advice on', 'one (?:question|answer|thing|point|favou?r|request|introduction|intro)', 'two questions', 'my (?:question|request) ',  'how (?:[\\p{L}-]+ ){1,3}(?:[\\p{L}]+ed|did|does|built|ran|chose|set|made|got|took|handles|runs|prices|hires|sets|uses|picks|gets|won)\\b', 'specific question', 'my ask', 'the ask', 'i want to know', "i'd like to know", 'want to learn (?:how|whether|if|what|which)', 'how (?:she|he|they|her team|his team)', 'open to', 'interested in (?:piloting|trialling|testing|buying|licensing|hiring)', 'licen[cs]e', 'quote', 'demo to', 'apply', 'hiring', 'role', 'position', 'opening',
  '(?:ask|question|request|need)s? ?:', '(?:saber|sapere|savoir) (?:\\w+ )?(?:si|se)\\b', 'quer(?:ia|iamos|emos|o) saber', 'querr(?:ia|iamos) saber', 'queria(?:mos)? saber', 'pregunta ?:', 'pergunta ?:', 'frage ?:', 'demande ?:', 'domanda ?:',
  'offer (?:her|him|them|you)', 'walk (?:her|him|them) through', 'walkthrough', 'send (?:her|him|them)', 'share (?:our|my|the) (?:data|dataset|results|deck|draft)',
  // es
  'preguntar(?:le)?', 'pedir(?:le)?', 'revise', 'que (?:revise|mire|lea)', 'una sola cosa', 'bitte', 'pregunta', 'revisar', 'revision', 'piloto', 'prueba', 'presentar(?:me|nos)? a', 'quien (?:lleva|decide|gestiona|es)', 'consejo sobre', 'me gustaria saber', 'quiero saber', 'si (?:ella|el|ustedes|su equipo)', 'estaria dispuest', 'podria',
  // pt
  'perguntar', 'pergunta', 'revisar', 'piloto', 'teste', 'apresentar', 'quem (?:cuida|decide|e responsavel)', 'gostaria de saber', 'quero saber', 'se (?:ela|ele|eles|a equipe)', 'estaria dispost', 'poderia',
  // de
  'fragen', 'frage', 'feedback', 'durchsehen', 'anschauen', 'pilot', 'test', 'vorstellen', 'wer (?:verantwortet|entscheidet|ist zustandig)', 'ob (?:sie|er|ihr|das|die)', 'wissen', 'wurde (?:sie|er)', 'konnte (?:sie|er)',
  // fr
  'demander', 'question', 'relire', 'avis sur', 'pilote', 'essai', 'presenter', 'qui (?:gere|decide|pilote|est responsable)', 'savoir si', 'si (?:elle|il|son equipe|leur)', 'pourrait',
  // it
  'chied', 'capire se', 'se posso', 'domanda', 'rivedere', 'parere', 'pilota', 'prova', 'presentare', 'chi (?:gestisce|decide|segue)', 'sapere se', 'se (?:lei|lui|il suo team)', 'potrebbe',
  // ja
  '伺い', 'お聞き', '質問', '教えて', 'ご意見', 'レビュー', '見ていただ', '試験', 'パイロット', 'トライアル', 'ご紹介', '相談', 'かどうか', 'でしょうか', 'ですか', 'お願い',
  // zh
  '请教', '问题', '咨询', '想问', '请她', '请他', '是否', '能否', '可否', '试点', '试用', '评审', '看看', '介绍', '帮忙', '吗',
  // ko
  '여쭤', '여쭙', '있는지', '없는지', '할지', '될지', '는지 ', '질문', '문의', '검토', '조언', '파일럿', '시범', '소개', '여부', '인지', '까요', '부탁',
  // nl, tr, ru, pl, id, vi, ar, sv
  'vragen', 'testen', 'proef', 'sormak', 'soru', 'deneme', 'pilot', 'спросить', 'вопрос', 'пилот', 'тест', 'zapytac', 'pytanie', 'bertanya', 'pertanyaan', 'uji coba', 'hoi', 'cau hoi', 'thu nghiem', 'أسأل', 'سؤال', 'تجربة', 'fraga', 'sporsmal', 'sporge',
  // hi
  'पूछना', 'सवाल', 'प्रश्न', 'सलाह', 'समीक्षा', 'पायलट', 'परिचय', 'क्या (?:वे|वह|उनकी)', 'जानना',
]);

/** Abstract nouns and buzzwords that stand in for facts. */
export const ABSTRACT = lexicon('abstract', [
  'valuable', 'wertvoll', 'valios', 'precieu', 'prezios', 'synerg', 'insights?', 'innovat', 'thought leader', 'leadership', 'perspectives?', 'visions?', 'visionary', 'transform', 'ecosystem', 'landscape', 'journey', 'passion', 'collaborat', 'opportunit', 'value', 'impact', 'growth', 'excellence', 'the future of', 'mutual(?:ly)?', 'meaningful', 'dynamic', 'results-driven', 'track record', 'cutting-edge', 'best-in-class', 'holistic', 'strategic', 'stakeholder', 'empower', 'co-create', 'ideas', 'explore', 'exchange', 'thrive', 'intersection', 'navigat', 'ever-evolving', 'ever-changing', 'fast-paced', 'world-class', 'game-?chang', 'disrupt', 'paradigm', 'leverage', 'unlock', 'align', 'bridge', 'changemaker', 'mindset', 'wisdom', 'guidance', 'dialogue', 'conversation', 'connect', 'network(?:ing)?', 'relationship', 'potential', 'solutions', 'success', 'professional', 'motivated', 'driven', 'forward-thinking', 'continuous learning', 'trends', 'enrich', 'learn from', 'pick (?:his|her|their|your) brain', 'touch base', 'circle back',
  // es/pt
  'sinergia', 'innovacion', 'inovacao', 'liderazgo', 'lideranca', 'perspectiva', 'vision', 'visao', 'transformacion', 'transformacao', 'ecosistema', 'ecossistema', 'trayectoria', 'trajetoria', 'pasion', 'paixao', 'colaboracion', 'colaboracao', 'oportunidad', 'oportunidade', 'valor', 'impacto', 'crecimiento', 'crescimento', 'excelencia', 'el futuro', 'o futuro', 'enriquecedor', 'intercambiar', 'trocar ideias', 'apasionad', 'apaixonad', 'estrategic', 'estrategi', 'conectar', 'dialogo', 'experiencias',
  // de
  'synergie', 'innovation', 'fuhrung', 'perspektive', 'vision', 'transformation', 'okosystem', 'leidenschaft', 'zusammenarbeit', 'moglichkeit', 'mehrwert', 'wachstum', 'exzellenz', 'die zukunft', 'austausch', 'vernetz', 'strategisch', 'impulse', 'potenzial', 'digitalisierung',
  // fr/it
  'synergie', 'innovation', 'leadership', 'perspective', 'vision', 'transformation', 'ecosysteme', 'parcours', 'passion', 'collaboration', 'opportunite', 'valeur', 'croissance', 'excellence', "l'avenir", 'echanger', 'enjeux', 'reflexion', 'bienveillance', 'sinergi', 'innovazione', 'visione', 'trasformazione', 'ecosistema', 'percorso', 'passione', 'collaborazione', 'opportunita', 'crescita', 'eccellenza', 'il futuro', 'confronto', 'scambiare',
  // ja/zh/ko/hi
  'シナジー', '相乗効果', 'イノベーション', 'リーダーシップ', 'ビジョン', '変革', 'エコシステム', '情熱', '協業', '機会', '価値', '未来', '知見', '意見交換', '交流', '共創',
  '协同', '合作机会', '创新', '领导力', '愿景', '转型', '生态', '热情', '价值', '未来', '交流', '见解', '共赢', '赋能', '探讨',
  '시너지', '혁신', '리더십', '비전', '변화', '생태계', '열정', '협업', '기회', '가치', '미래', '인사이트', '교류', '통찰',
  'شغوف', 'طموح', 'محترف', 'متحمس', 'مبدع', 'رؤية', 'ابتكار', 'मेहनती', 'पेशेवर', 'महत्वाकांक्षी', 'מקצועי', 'נלהב', 'חדשנות',
  'सहयोग', 'नवाचार', 'नेतृत्व', 'दृष्टिकोण', 'विज़न', 'परिवर्तन', 'जुनून', 'अवसर', 'मूल्य', 'भविष्य', 'विचारों का आदान',
]);

/** Praise in place of history or content. */
export const FLATTERY = lexicon('flattery', [
  'inspir', 'admir', 'remarkable', 'incredible', 'exceptional', 'outstanding', 'extraordinary', 'impressive', 'pioneering', 'groundbreaking', 'visionary', 'brilliant', 'legendary', 'honou?red', 'privilege', 'truly', 'deeply', 'amazing', 'wonderful', 'renowned', 'esteemed', 'nothing short of', 'at the forefront', 'trailblaz', 'generosity', 'profound', 'invaluable', 'incomparable', 'unparalleled', 'greatly appreciate', 'stands? at', 'exemplif', 'embod',
  'admiro', 'admiracion', 'admiracao', 'inspira', 'increible', 'incrivel', 'excepcional', 'referente', 'indiscutible', 'extraordinari', 'bewunder', 'beeindruck', 'herausragend', 'inspirier', 'admiration', 'remarquable', 'exceptionnel', 'incarne', 'formidable', 'ammir', 'straordinari', 'eccezional',
  '尊敬', '憧れ', '素晴らしい', '感銘', '敬佩', '钦佩', '卓越', '杰出', '了不起', '존경', '감명', '훌륭', '탁월', 'प्रेरणा', 'प्रशंसा', 'शानदार', 'अद्भुत',
]);

// ── Spam, phishing, fraud ─────────────────────────────────────────────────

/** Each of these is spam or fraud on its own. */
export const SPAM_STRONG = lexicon('spam', [
  'backlinks?', 'guest posts?', 'da ?\\d0\\+', 'page (?:#|number )?1 of google', 'seo (?:package|service|agency)', 'casino (?:bonus|promo|offer|deal|games?)', '(?:play|best|top|free|new) (?:online )?casino', 'free spins', 'betting tips', 'sure bets?', 'slots? bonus', 'revshare', 'presale', 'pre-sale', 'airdrop', 'whitelist', '\\d+x (?:potential|returns?|gains?)', 'to the moon', 'memecoin', 'before the pump', 'pump and dump', 'not financial advice', '\\$[a-z]{3,6}\\b', 'verify (?:your )?(?:account|credentials|identity|login|password)', '(?:confirm|update|enter) your (?:password|credentials|login|bank details|card)', 'account (?:was |has been )?(?:flagged|suspended|locked|compromised)', '(?:from|is) (?:your|the) (?:organi[sz]ation.s )?(?:it|security) (?:team|support|department)', 'it support', 'do not reply to this', 'wire transfer', 'confidential transfer', 'next of kin', 'million (?:us )?dollars', 'us\\$ ?\\d', 'barrister', 'unclaimed', 'lottery', 'you have won', 'gift card', 'free gift', 'limited time', '\\d+% off', 'act now', 'no interview', 'job guarantee', 'bulk (?:hiring|sms|email)', 'email lists?', 'leads? database', 'make money', 'passive income', 'earn \\$', 'work from home', 'financial freedom', 'reply .?yes', 'utm_', 'bit\\.ly', 't\\.me/', 'linktr\\.ee', 'wa\\.me', 'tinyurl', 'sponsored (?:post|slot)', 'viagra', 'loan approved',
  'gagner \\d', 'gana \\d', 'ganhe', 'dinero facil', 'dinheiro facil', 'sans risque', 'sin riesgo', 'sem risco', 'rejoins mon equipe', 'unete a mi equipo', 'geld verdienen', 'gewinnspiel',
  '加微信', '月入', '最低价', '代理加盟', '一件代发', '工厂直销', '稼げ', '副業', '高収入', '簡単に稼', '카지노', '수익 보장', 'रोज़ कमाएं', 'गारंटी',
]);

/** Sales wording: spam when it comes with a link, a price or a call to act. */
export const SALES = lexicon('sales', [
  'our (?:product|solution|platform|services|agency|company) (?:helps|can|will|is)', 'book a demo', 'free (?:trial|sample|demo|consultation)', 'special offer', 'discount', 'pricing', 'packages?', 'per (?:link|lead|month|post)', '#1', 'number one', 'best price', 'cheap', 'exclusive opportunity', 'once in a lifetime', "don'?t miss", 'click here', 'sign up', 'buy now', 'order now', 'contact us', 'call me', 'dm me', 'call now', 'leading (?:provider|agency)', 'happy clients', 'iso certified', 'trusted by', 'guaranteed', 'within 24 hours', 'whatsapp', 'telegram', 'wechat', '微信', 'media kit', 'decision makers', 'contact lists?',
  'oferta', 'descuento', 'desconto', 'promocion', 'promocao', 'angebot', 'rabatt', 'offre', 'remise', 'sconto', '割引', 'キャンペーン', '优惠', '促销', '할인', 'छूट',
]);

// ── Templates ─────────────────────────────────────────────────────────────

export const TEMPLATE_PHRASES = lexicon('template', [
  'dear (?:hiring manager|sir|madam|recruiter|team|friend)', 'firstname', 'lastname', 'john doe', 'jane doe', 'acme (?:corp|inc|ltd)', 'example\\.com', 'sir/madam', 'sir or madam', 'to whom it may concern', 'insert .{0,20} here', 'lorem ipsum', 'sent from my (?:iphone|ipad|android|samsung)', 'references available', 'job id: ?_', '\\bcompany x\\b', '\\bx{1,3}%', '\\bx{1,3}\\+? (?:years|yrs|anos|anos|jahre|ans|anni|clients|customers|users|employees)', 'your name here', '(?:first|last)[ _]name', 'estimado senor', 'estimada senora', 'a quien corresponda', 'prezado senhor', 'sehr geehrte damen und herren', 'madame, monsieur', 'gentile signore', 'estimados senores', 'prezados senhores', 'egregi signori', 'geachte heer', 'geachte mevrouw', 'ご?担当者様', 'company name', 'contact name', 'recipient name', 'your company name', 'as an ai', 'as a language model', '(?:company|empresa|firma|societe|societa|entreprise|unternehmen|azienda|companhia|compania|organi[sz]ation|startup|client|cliente|kunde|brand|marca|product|producto|produto|produkt|produit|prodotto|person|persona|contact|contacto|contato) [xyz]\\b(?![\\p{L}\\p{N}-])', '以下は.{0,12}(?:文|例|メッセージ|案|版)', '(?:依頼文|例文|文面|テンプレート)の例', '以下是.{0,12}(?:版本|消息|草稿|邮件|范文|模板|示例)', '다음은.{0,12}(?:메시지|초안|수정본|예시|예문)', "here(?:'s| is| are) (?:a|an|the|your|some) (?:[\\w-]+ ){0,3}(?:draft|message|version|template|email|note|rewrite|intro|introduction|request|options?|suggestions?)(?: (?:of|for) (?:your|the|this|my)\\b| you (?:can|could|might)|\\s*:)", "i(?:'ve| have) (?:rewritten|revised|polished|reworded|tightened) (?:it|this|your)", "let me know if you(?:'d| would)? (?:like|want) (?:me to|any|a (?:shorter|longer|more))", 'want me to (?:make|adjust|shorten|change|tweak)', '(?:shorter|longer|more formal|less formal|more casual|more concise) (?:version|tone)', 'adjust the tone', 'i hope this helps', 'certainly! ', 'sure! here', 'polished version', 'aqui (?:tienes|esta|tiene) (?:una|un|el|la) (?:\\w+ )?(?:version|borrador|mensaje)', 'aqui esta (?:uma|a|o) (?:\\w+ )?(?:versao|mensagem|rascunho)', 'hier ist (?:eine|die|der) (?:\\w+ )?(?:version|entwurf|nachricht|fassung)', 'voici (?:une|la|le) (?:\\w+ )?(?:version|brouillon|message)', 'ecco (?:una|la|il) (?:\\w+ )?(?:versione|bozza|messaggio)', '以下は.{0,10}(?:文面|メッセージ|例文|修正版)', '修正版', '以下是.{0,10}(?:版本|消息|草稿|邮件)', '润色(?:后|版)', '다음은.{0,10}(?:메시지|초안|수정본)', '수정본', 'fill (?:in|this) (?:before|later)', 'feel free to (?:customi[sz]e|edit|adjust|personali[sz]e)', 'subject line', 'subject:', 'get outlook for', 'personali[sz]e this', '相关负责人', '负责人(?:您好|你好)', '담당자님',
]);

/** Greetings at the start of a message, then whoever they greet. */
export const GREETING = /^(?:hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening)|dear|cześć|czesc|привет|здравствуйте|добрый день|merhaba|hola|olá|ola|oi|bonjour|salut|hallo|guten tag|liebe|lieber|sehr geehrte[rs]?|ciao|buongiorno|buenos dias|buenos días|bom dia|gentile|caro|cara|estimad[oa]|prezad[oa]|querid[oa]|namaste|hej|merhaba|beste|geachte)[ ,]+(?:(?:mr|mrs|ms|dr|prof|herr|frau|sr|sra|m|mme|sig|dott|ing|señor|senhor|señora|senhora|heer|mevrouw)\.? +)?([\p{L}][\p{L}'-]*)(?:\s+[\p{L}][\p{L}'-]*)?(?=\s*[,!:;.\n—–-]|\s+(?:at|from|of|de|da|do|von|bei|chez|di)\s|\s*$)/iu;

/** A greeting by name in Japanese, Chinese or Korean: 田中様, 王总您好, 김민수님. */
export const GREETING_CJK = /^(?:尊敬的|亲爱的|敬爱的|親愛なる|존경하는|친애하는)?\s*([\p{L}]{1,6}?)\s*(?:様|さま|さん|先生|部長|課長|社長|専務|常務|室長|所長|总|總|女士|老师|经理|經理|主任|院长|님|대표님|부장님|팀장님|이사님|소장님)(?:[、，,！!：:\s]|您好|你好|こんにちは|안녕하세요)/u;

// ── Terse requests: pointing at the contact, asking, in more languages ────

/**
 * The contact referred to without their name: a third-person pronoun or
 * possessive ("she runs", "their team", "his fund"), or their role ("the
 * person who owns", "la responsable de"). "You" is the owner, never the contact.
 */
export const CONTACT_REF = lexicon('points at the contact', [
  // en
  'she', 'he', 'her', 'his', 'him', 'they', 'their', 'them', 'hers', "(?:the )?(?:person|one|people) (?:who|that) (?:owns|runs|leads|built|signs|buys|decides|handles|wrote|approves|manages)", 'whoever (?:owns|runs|leads|decides|handles|signs|buys)',
  // es, pt
  '(?:le|les|gli|lhe) (?:\\p{L}+ ){0,2}?(?:pregunt|pedi|ped|consult|chied|domand|pergunt|propon|propor)\\p{L}*', '(?:chieder|domandar|perguntar|preguntar)(?:le|gli|lhe)',
    'ella', 'el', 'ellos', 'ellas', 'su (?:equipo|empresa|fondo|producto|area|unidad|libro|articulo|paper|trabajo|grupo|proyecto)', 'sus (?:equipos|clientes|fondos|productos)', '(?:le|les) (?:pregunt|pid|consult|mostr|ensen|propon)\\p{L}*', 'preguntarle', 'pedirle', '(?:el|la) responsable de', '(?:quien|quienes) (?:lleva|dirige|decide|gestiona|compra)',
  'ela', 'ele', 'eles', 'elas', 'dela', 'dele', 'deles', '(?:o|a) responsavel (?:por|pela|pelo)', '(?:sua|seu) (?:equipe|time|empresa|fundo|produto|area|livro|artigo|trabalho|grupo|projeto)', 'perguntar a ela', 'perguntar a ele', 'lhe (?:perguntar|pedir|mostrar)',
  // de, nl, sv, da/no
  'sie', 'er', 'ihr', 'ihm', 'ihre[mnrs]?', 'sein(?:e[mnrs]?)?', 'ihn', '(?:der|die) (?:verantwortliche|zustandige)', 'zij', 'ze', 'hij', 'haar', 'zijn', 'hen', 'hun', 'hon', 'han', 'hennes', 'hans', 'deras', 'henne', 'honom', 'hun', 'hendes',
  // fr, it
  'elle', 'il', 'lui', 'leur', 'son (?:equipe|fonds|produit|livre|article|entreprise|service|projet|groupe|labo)', 'sa (?:societe|boite|startup|equipe|division|these)', 'ses (?:equipes|clients|fonds)', '(?:le|la) responsable (?:de|du|des)', 'lei', 'suo', 'sua', 'suoi', 'gli', 'loro', '(?:il|la) responsabile (?:di|del|della)',
  // pl, tr, ru, vi, id
  'ona', 'jej', 'jego', 'ich', 'niej', 'niego', 'jemu', 'onun', 'ekibi', 'ekibinin', 'sirketi', 'ona sor', 'она', 'он', 'ее', 'его', 'их', 'ему', 'неи', 'него', 'chi ay', 'anh ay', 'co ay', 'ong ay', 'ba ay', 'ho', 'cua ho', 'dia', 'beliau', 'timnya', 'perusahaannya', 'produknya',
  // ja, zh, ko, hi, ar
  // humble asking verbs (伺う, ご相談, 여쭙다, 请教) are addressed to the person asked: subjects are dropped in these languages
  '伺', 'ご相談', 'ご教示', 'お聞きし', 'お尋ね', '여쭤', '여쭙', '请教', '向(?:他|她|对方)',
  '彼女', '彼ら', '彼は', '彼の', '彼に', '同氏', '先方', 'あの方', 'その方', 'ご担当', '担当の方', '责任人', '她', '(?<!其)他', '他们', '她们', '该负责人', '그분', '그녀', '그는', '그가', '그의', '그 팀', '담당자분', 'उन', 'उनकी', 'उनके', 'उनका', 'वे', 'वह', 'هي', 'هو', 'فريقها', 'فريقه', 'شركتها', 'شركته', 'لها', 'له',
], true);

/** Asking and bounded-ask markers in more languages, short forms included. */
export const ASK_MORE = lexicon('ask, more languages', [
  // en, short
  'could (?:i|we|you)', 'can (?:i|we)', "(?:would|i'd|we'd) (?:love|like) (?:to (?:ask|know|show|run|share|send|book|request|get (?:her|his|their))|an? (?:intro|introduction|review|call|reference)|(?:her|his|their) (?:take|view|read|opinion|feedback))", 'need (?:a|an|one|her|his|their)', 'intro to', 'q:', 'ask:', 'looking for (?:a|an|one|her|his|their|advice|feedback)', 'want (?:her|his|their) (?:take|view|read|opinion)', 'her take', 'his take', 'their take', '\\d+ ?(?:min|mins|m)\\b', 'if (?:she|he|they|it|her|his|their)', 'how (?:to|do|does|did|they|she|he|her|his|their)', 'which (?:\\w+ )?(?:she|he|they|vendor|tool|one)',
  // es, pt
  'podrias', 'podria(?:s|mos)?', 'te importaria', 'le importaria', 'me gustaria', 'quisiera', 'quiero (?:preguntar|pedir|saber|mostrar|proponer)', 'como (?:lo|la|los|las|hace|hacen|hicieron|manej|gestion|eval|elig|decid)', 'si (?:podria|aceptan|acepta|usan|tienen|hay|es|seria)', 'una charla', 'un cafe', 'una videollamada', 'una introduccion', 'presentacion', 'feedback', 'ayuda con', 'consulta',
  'poderia(?:m)?', 'voce poderia', 'gostaria\\p{L}*', 'queria (?:perguntar|pedir|saber|mostrar)', 'como (?:eles|ela|ele|fazem|fez|lidam|avaliam|escolhem)', 'se (?:poderia|aceitam|aceita|usam|tem|ha|seria)', 'uma conversa', 'um cafe', 'revisao', 'ajuda com', 'opiniao sobre',
  // de, nl, sv
  'konnten (?:sie|wir|ich)', 'konnte ich', 'wurde gern', 'mochte (?:gern|ihn|sie|fragen|wissen)', 'wie (?:sie|er|ihr|man|das|die)', 'ob\\b', 'kurzes? (?:gesprach|austausch|telefonat)', 'gesprach', 'ruckmeldung', 'einschatzung', 'vorstellung bei', 'kunnen (?:we|ik|jullie|ze)', 'zou (?:ze|hij|zij|ik|u)', 'graag', 'of (?:ze|hij|zij|jullie)', 'hoe (?:ze|hij|zij|jullie|je)', 'gesprek', 'bellen', 'advies', 'vraag', 'kunde (?:hon|han|jag|vi|du)', 'skulle (?:hon|han|jag|vi)', 'om (?:hon|han|de)\\b', 'hur (?:hon|han|de|ni)', 'samtal', 'fika', 'rad om', 'fraga (?:henne|honom)',
  // fr, it
  'pourri(?:ez|ons|ais)', 'pourrait', 'j.aimerais', 'je voudrais', 'souhaite(?:rais)?', 'comment (?:elle|il|ils|son|sa|leur|vous)', 'si (?:elle|il|ils|leur|son|sa)', 'un echange de', 'un cafe', 'un appel', 'relecture', 'conseil sur', 'avis', 'potrebbe', 'potrei', 'vorrei', 'mi piacerebbe', 'come (?:lei|lui|il suo|la sua|gestisc|fanno|hanno)', 'se (?:lei|lui|accettano|usano)', 'una call', 'un caffe', 'un parere', 'consiglio su',
  // pl, tr, ru, vi, id, ar
  'czy\\b', 'jak (?:ona|on|oni|jej|jego)', 'rozmow[ay]', 'prosze o', 'chcial(?:a|bym|abym)', 'mog[lł]\\p{L}*', 'porad\\p{L}*', 'opini[ae]', 'mı', 'mi(?:sin|siniz)', 'mu(?:sun|sunuz)?', 'mü', 'nasıl', 'gorusme\\p{L}*', 'rica ediyorum', 'sorabilir\\p{L}*', 'danıs\\p{L}*', 'fikrini', 'можно ли', 'можно\\b', 'ли\\b', 'как (?:она|он|они|ее|его|их)', 'звонок', 'созвон', 'встреч\\p{L}*', 'хотел(?:а|ось)? бы', 'прошу', 'совет', 'мнение', 'lieu', 'co the', 'cuoc goi', 'nhu the nao', 'xin (?:hoi|y kien|gioi thieu|tu van)', 'muon hoi', 'ca phe', 'apakah', 'bisakah', 'bolehkah', 'bagaimana', 'panggilan', 'ngobrol', 'minta', 'ingin (?:bertanya|tahu|menanyakan)', 'masukan', 'هل', 'كيف', 'مكالمة', 'أود', 'ممكن', 'أرجو', 'نصيحة', 'رأي',
  // ja, zh, ko, hi
  'ませんか', 'ますか', 'か？', 'いただけ', 'いただきたい', 'たいです', 'お願い', 'お話', '可能', 'ご教示', 'ご助言', 'アドバイス', '可以', '能不能', '能否', '想请', '想问', '想了解', '聊聊', '请教', '指点', '如何', '怎么', '有没有', '建议', '주실', '주시', '가능할', '있을까', '싶습니다', '싶어', '궁금', '어떻게', '조언', '의견', '여쭙', '통화', '커피', 'क्या आप', 'क्या वे', 'क्या वह', 'कैसे', 'बात', 'मदद', 'चाहता', 'चाहती', 'राय', 'सलाह',
], true);
