// One test per signal the quality gate reads, in several languages, and the
// gate held to the project's own labelled set (test/fixtures/gate/).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PublicContact } from '../../src/domain.ts';
import { contactTerms, facts, mentions } from '../../src/rules/gate/features.ts';
import { judgeBlurb, judgeKnow, judgeSpam, judgeTemplate, judgeWhy } from '../../src/rules/gate/judge.ts';
import { judgeIntro } from '../../src/rules/quality-gate.ts';
import { containment, fold, words } from '../../src/rules/text.ts';
import { loadLabelled, runGate } from '../../scripts/gate-data.ts';

const contact = (c: Partial<PublicContact> & { name: string }): PublicContact => ({
  id: 1, company: null, title: null, location: null, tags: [], topics: [], bio: null, strength: 'known', ...c,
});
const ines = contact({ name: 'Inés Carvalho', company: 'Ribeira Foods', title: 'Head of Export', tags: ['olive oil', 'Porto'] });

describe('text in any script', () => {
  it('folds accents on Latin letters but leaves kana and hangul intact, index for index', () => {
    expect(fold('Inés ÁLVAREZ Ærø')).toBe('ines alvarez ærø');
    expect(fold('がぎぐ 한국어')).toBe('がぎぐ 한국어');
    expect(fold('Müller-Lüdenscheidt').length).toBe('Müller-Lüdenscheidt'.length);
  });

  it('splits Chinese and Japanese into words, and keeps short names whole', () => {
    expect(words('我们在腾讯一起工作了三年').length).toBeGreaterThan(4);
    expect(words('2018年から楽天で同じチームでした')).toContain('チーム');
    expect(words('Bo Li at EY, 3M and HP')).toEqual(['bo', 'li', 'at', 'ey', '3m', 'and', 'hp']);
  });

  it('matches a contact with a two-letter name or company only as a whole word', () => {
    const bo = contactTerms(contact({ name: 'Bo Li', company: 'EY' }));
    expect(mentions(facts('Bo runs the EY transfer-pricing desk.'), bo)).toMatchObject({ name: ['bo'], company: ['ey'] });
    expect(mentions(facts('A bonus for the eyewear boss.'), bo)).toEqual({ name: [], company: [], other: [] });
  });

  it('finds years, durations and proper nouns, not capitalised sentence starts', () => {
    const f = facts('We rowed together at Lisbon Naval Club for five seasons, 2012–2017. Great times.');
    expect(f.years).toEqual(['2012–2017']);
    expect(f.properNouns).toEqual(expect.arrayContaining(['Lisbon', 'Naval', 'Club']));
    expect(f.properNouns).not.toContain('Great');
    expect(facts('I am a passionate, results-driven professional. Visionary leader.').properNouns).toEqual([]);
  });
});

describe('how the requester knows the owner', () => {
  it.each([
    ['en', 'You were my manager at Kestrel Bank from 2016 to 2019.', 'Kestrel Bank, 2016–2019'],
    ['en terse', 'Flatmates in Leeds, 2011–13.', 'Leeds, 2011–13'],
    ['es', 'Trabajamos juntos en Telefónica de 2014 a 2018, en el equipo de datos.', 'Telefónica, 2014–2018'],
    ['de', 'Du warst 2015 bis 2019 meine Teamleiterin bei Bosch in Reutlingen.', 'Bosch, Reutlingen, 2015–2019'],
    ['fr', "On a travaillé ensemble chez Decathlon à Lille en 2017, tu m'as formé.", 'Decathlon, Lille, 2017'],
    ['ja', '2016年から2019年まで、同じチームで働いていました。', '2016–2019'],
    ['zh', '2015年到2018年我们是同事，在您的团队做仓储规划。', '2015–2018'],
    ['ko', '2014년부터 2017년까지 네이버에서 같은 팀에서 함께 일했습니다.', '2014–2017'],
  ])('accepts a real two-way tie (%s) and says what it was', (_lang, text, history) => {
    expect(judgeKnow(text, 'Sam')).toEqual({ ok: true, history, facts: expect.any(Array) as unknown });
  });

  it.each([
    "You don't know me, but I've followed your posts for years.",
    'I listen to your podcast every week and loved the episode on hiring.',
    'We have many mutual connections on LinkedIn.',
    'A friend of a friend of mine worked with you at Google.',
    'I emailed you last year about my startup, but you didn\'t reply.',
    "I was in the audience at your keynote in Berlin in 2023 — great talk!",
    'No nos conocemos personalmente, pero sigo tus publicaciones.',
    'Wir kennen uns nicht persönlich, aber ich lese Ihren Newsletter.',
    '面識はありませんが、いつも投稿を拝見しています。',
    '我们并不认识，但我一直关注您的公众号。',
    '직접 뵌 적은 없지만 유튜브 강연을 보고 팬이 되었습니다.',
    'My brother worked with you at Deloitte in 2015.',
    'We are in the same WhatsApp group for Lisbon founders since 2021.',
    "I'm a customer of your company since 2019.",
  ])('sends a stranger to the admission path: %s', (text) => {
    expect(judgeKnow(text, 'Sam')).toMatchObject({ ok: false, problem: 'stranger' });
  });

  it('accepts a specific time and place in a language the vocabulary does not know, with no sign of distance', () => {
    expect(judgeKnow('Kita satu kantor di Gojek Jakarta tahun 2016 sampai 2019.', 'Sam')).toMatchObject({ ok: true, history: 'Gojek Jakarta, 2016–2019' });
  });

  it.each(['We met at an event once.', 'Our paths have crossed in various circles.', 'friends', 'We met at the Roche Diagnostics event in Basel in 2019.'])('asks for a place and a time when the tie is vague: %s', (text) => {
    expect(judgeKnow(text, 'Sam').ok).toBe(false);
  });
});

describe('distance in other words: second-hand ties, parallel lives, crowds', () => {
  it.each([
    ['a relative\'s stint at the owner\'s firm', 'My brother-in-law used to work at your firm in Trondheim, 2016 to 2018.'],
    ['a colleague of a relative (pt)', 'Um colega do meu primo trabalhou com você na Vale em 2018.'],
    ['a relative\'s tie (zh)', '我表哥以前在您公司做过两年销售。'],
    ['forgotten, unanswered', 'You may not remember me, but I sent you an email in March 2021 about a role.'],
    ['forgotten (fr)', 'Vous ne vous souvenez sans doute pas de moi : je vous ai écrit en 2021.'],
    ['a reader of a column (de)', 'Ich lese seit 2019 Ihre Kolumne im Handelsblatt.'],
    ['one face in a crowd', 'I was one of 3,000 people at the Nordic Fintech Forum where you spoke in 2022.'],
    ['a follower on a Q&A site (zh)', '我2020年开始在知乎上看您的回答。'],
    ['the same university, separately', 'We both studied at NTNU, though I graduated in 2012 and you earlier.'],
    ['the same university, separately (es)', 'Los dos estudiamos en la Complutense, yo terminé en 2014.'],
    ['only swapped business cards (ja)', '2022年の展示会で名刺交換だけさせていただきました。'],
    ['an online course among a thousand (it)', 'Ho seguito il tuo corso online nel 2021 insieme ad altri mille studenti.'],
    ['a channel reader (ru)', 'Я давно читаю ваш Telegram-канал, с 2020 года.'],
    ['a course taken among many', 'I managed to attend your keynote in 2022 and did your online course with 500 others.'],
  ])('sends a stranger to the admission path: %s', (_kind, text) => {
    expect(judgeKnow(text, 'Sam')).toMatchObject({ ok: false, problem: 'stranger' });
  });

  it.each([
    'Coincidimos en el Mobile World Congress de 2022, entre miles de asistentes.',
    'We were both at Web Summit in Lisbon in 2023.',
    '2022년 서울 컨퍼런스에서 같이 있었습니다.',
  ])('does not count being at the same big event as a tie: %s', (text) => {
    expect(judgeKnow(text, 'Sam').ok).toBe(false);
  });

  it.each([
    'We both worked at Equinor in Stavanger on the same subsea team, 2014–2017.',
    'My wife and I were your neighbours on Kalfarveien from 2016 to 2020.',
    'We ran the volunteer desk together at the Bergen Tech Conference in 2019.',
    'I edited your column at Dagens Næringsliv for two years (2017–2019).',
    'I was your sound engineer for 40 podcast episodes at Spotify in 2020.',
  ])('still accepts a real tie worded near those: %s', (text) => {
    expect(judgeKnow(text, 'Sam').ok).toBe(true);
  });
});

describe('why this contact, and the ask', () => {
  it('accepts a bounded ask tied to the contact and quotes it for the owner', () => {
    const v = judgeWhy('Inés opened the Brazilian market for Ribeira. I would like 20 minutes to ask her which importer certifications took longest for our 3 oils.', ines);
    expect(v).toMatchObject({ ok: true, ask: '20 minutes to ask her which importer certifications took longest for…' });
  });

  it('accepts a terse question that points at the contact without naming them', () => {
    expect(judgeWhy('She built their export desk. Would they take 2 pallets on consignment? 15 min.', ines).ok).toBe(true);
  });

  it('bounces flattery and abstract nouns, however long', () => {
    const v = judgeWhy(
      "Inés Carvalho's visionary leadership at Ribeira Foods is truly inspiring. I would love to exchange perspectives on the future of food innovation, explore synergies and learn from her remarkable journey.",
      ines,
    );
    expect(v).toMatchObject({ ok: false, problem: 'generic' });
  });

  it("bounces the contact's own words echoed without content", () => {
    const v = judgeWhy('Inés is Head of Export at Ribeira Foods. Export is my passion and Ribeira Foods export is the best export. I want to talk export with the Head of Export at Ribeira Foods.', ines);
    expect(v).toMatchObject({ ok: false, problem: 'stuffed' });
  });

  it('bounces an ask with nothing about this contact', () => {
    expect(judgeWhy('I would like 20 minutes to ask about careers in consulting and how to prepare for case interviews.', ines)).toMatchObject({ ok: false, problem: 'untied' });
  });

  it('bounces a why with no ask in it', () => {
    expect(judgeWhy('Inés works at Ribeira Foods and I think she is great and we would get along.', ines)).toMatchObject({ ok: false, problem: 'no-ask' });
  });
});

describe('the blurb', () => {
  it('needs a name, an employer, a product or a result', () => {
    expect(judgeBlurb('Rui Costa runs InverTec, which has repaired 60 solar inverters in Spain.').ok).toBe(true);
    expect(judgeBlurb('佐々木健は後払いサービス「アトバライ」の代表で、加盟店は600社です。').ok).toBe(true);
    expect(judgeBlurb('I am a passionate, results-driven professional with a strategic mindset and a track record of impact.')).toEqual({ ok: false, problem: 'generic' });
  });
});

describe('asks in other wordings', () => {
  it.each([
    ['an "Ask:" label', 'Inés sells to Brazil. Ask: MOQ for unfiltered oil, one pallet.'],
    ['Portuguese "saber se"', 'A Inés abriu o Brasil para a Ribeira. Queríamos saber apenas se a Ribeira vende azeite a granel a clientes pequenos.'],
    ['a Korean indirect question', '박지훈 소장님이 세라마이드 원료를 개발하셨다고 들었습니다. 50kg 샘플로 구매할 수 있는지 여쭙고 싶습니다.'],
  ])('finds the ask in %s', (_kind, text) => {
    const c = text.startsWith('박') ? contact({ name: '박지훈', company: '네오팜랩' }) : ines;
    expect(judgeWhy(text, c).ok).toBe(true);
  });
});

describe('the blurb names someone', () => {
  it('does not take a bare number for a name', () => {
    expect(judgeBlurb('Me: scientist, 10 yrs.')).toEqual({ ok: false, problem: 'generic' });
  });
});

describe('spam, phishing and fraud are blocked', () => {
  const empty = { howKnow: 'Hi', blurb: 'We sell things.' };
  it.each([
    ['a sales blast with a link and a price', 'Boost Ribeira sales 300%! Only $49 per month, book a demo: https://growfast.biz/demo'],
    ['phishing', 'Your account was flagged. Verify your credentials within 24 hours at https://intro-login-secure.com'],
    ['a token presale', 'Whitelist for $FOODX presale closes Friday, 100x potential, join t.me/foodx'],
    ['advance-fee fraud', 'A confidential transfer of US$9,000,000 needs your help; you will receive 30% as next of kin.'],
    ['an emoji flood in capitals', '🔥🔥🔥 BEST DEAL EVER 🔥🔥🔥 CALL NOW 💰💰'],
  ])('%s', (_kind, whyContact) => {
    expect(judgeSpam({ ...empty, whyContact }).blocked).toBe(true);
  });

  it('does not block a portfolio link, one emoji or a compliance question that mentions crypto', () => {
    const why = 'I would like her to look at my case study (https://ana.design/export) 🙂 and say whether our crypto custody compliance pack fits.';
    expect(judgeSpam({ howKnow: 'Colleagues at Sonae, 2015–2018.', whyContact: why, blurb: 'Ana Lopes, designer at Sonae.' }).blocked).toBe(false);
  });

  it('blocks a casino offer but not a compliance question about a casino licence', () => {
    const base = { howKnow: 'Colleagues at Paddy Power, 2012–2015.', blurb: 'Siobhán Murphy, MLRO at Greenline Bet.' };
    expect(judgeSpam({ ...base, whyContact: 'Play the best online casino: 200 free spins today at spinwin.xyz' }).blocked).toBe(true);
    expect(judgeSpam({ ...base, whyContact: 'I would like to ask whether the MGA expects a separate risk assessment for an online casino vertical. 20 minutes.' }).blocked).toBe(false);
  });

  it('refuses the whole request without coaching', () => {
    const v = judgeIntro({ howKnow: 'Hello dear', whyContact: 'Earn $5,000 a week from home!!! Guaranteed returns, sign up: bit.ly/x', blurb: 'WhatsApp +44 7700 900000' }, { contact: ines, ownerName: 'Sam', earlier: [] });
    expect(v.blocked).toBe(true);
    expect(Object.values(v.errors)).toEqual([expect.stringContaining("can't be sent")]);
  });
});

describe('templates and mail-merge leftovers', () => {
  const good = { howKnow: 'Colleagues at Sonae, 2015–2018.', whyContact: 'Inés runs export at Ribeira; 15 minutes on Brazil?', blurb: 'Ana Lopes, buyer at Sonae.' };
  it.each([
    ['%FIRST_NAME%', 'Hi %FIRST_NAME%, 15 minutes on Brazil?'],
    ['[Company]', 'I admire the work at [Company] and want 15 minutes on Brazil.'],
    ['{{x}}', 'Olá {{primeiro_nome}}, 15 minutos sobre o Brasil?'],
    ['Company X', 'Company X is doing amazing work and I want 15 minutes.'],
    ['XX years', 'With XX years in food export I want 15 minutes on Brazil.'],
    ['*|FNAME|*', 'Hi *|FNAME|*, 15 minutes on Brazil?'],
    ['(insert company)', 'Your work at (insert company) is why I want 15 minutes on Brazil.'],
    ['COMPANY_NAME', 'I admire COMPANY_NAME and want 15 minutes on Brazil.'],
    ['ご担当者様', 'ご担当者様、ブラジル市場について15分ほどお時間をいただけますか。'],
    ['NAME', 'Dear NAME, 15 minutes on Brazil next week?'],
    ['an assistant draft', "Here's a draft you can personalise: 15 minutes on Brazil?"],
  ])('finds %s', (_kind, whyContact) => {
    expect(judgeTemplate({ ...good, whyContact }, ines, 'Sam')).toMatchObject({ field: 'whyContact', kind: 'placeholder' });
  });

  it.each([
    ['a long editing note in brackets', 'Inés runs export at Ribeira. 15 minutes on [ONE LINE ABOUT THEIR CURRENT INITIATIVE — KEEP IT SPECIFIC]?'],
    ['a reminder to fill in', 'Inés runs export at Ribeira. 15 minutes on [specific project/team — fill in before sending]?'],
    ['an instruction in parentheses', 'Inés runs export at Ribeira (add one line about her team here). 15 minutes on Brazil?'],
    ['${x}', 'Inés runs export at ${company_name}. 15 minutes on Brazil?'],
    ['%%x%%', 'Inés runs export at %%company%%. 15 minutes on Brazil?'],
    ['a capitalised slot word', 'Inés runs export at Ribeira. INSERT TIME minutes on Brazil?'],
    ['an assistant\'s preface', 'Here is a polished version of your message: Inés runs export at Ribeira; 15 minutes on Brazil?'],
    ['an assistant\'s offer to edit', 'Inés runs export at Ribeira; 15 minutes on Brazil? Let me know if you want me to make it shorter.'],
    ['an assistant\'s preface (es)', 'Aquí tienes una versión mejorada: Inés lleva la exportación en Ribeira; ¿15 minutos sobre Brasil?'],
  ])('finds %s', (_kind, whyContact) => {
    expect(judgeTemplate({ ...good, whyContact }, ines, 'Sam')).toMatchObject({ field: 'whyContact', kind: 'placeholder' });
  });

  it.each([
    ['a Japanese blank name', '○○さん、北斗物流の冷凍倉庫について20分ほどお伺いできますか。'],
    ['a Chinese blank company', '想请教您在某某公司负责的海外仓业务，20分钟即可。'],
    ['a Japanese bracketed slot', '【お名前】様、冷凍倉庫について20分ほどお伺いできますか。'],
    ['a generic company in Spanish', 'Inés lleva la exportación en Empresa X; ¿15 minutos sobre Brasil?'],
    ['a capitalised Spanish slot word', 'NOMBRE lleva la exportación en Ribeira; ¿15 minutos sobre Brasil?'],
    ['an assistant preface in Japanese', '以下は丁寧な依頼文の例です。Ribeiraの輸出について15分お話を伺えますか。'],
  ])('finds %s', (_kind, whyContact) => {
    expect(judgeTemplate({ ...good, whyContact }, ines, 'Sam')).toMatchObject({ field: 'whyContact', kind: 'placeholder' });
  });

  it('finds a Japanese greeting by title to someone other than the contact', () => {
    const yamamoto = contact({ name: '山本 恵', company: '北斗物流' });
    expect(judgeTemplate({ ...good, whyContact: '田中部長、冷凍倉庫について20分ほどお伺いできますか。' }, yamamoto, 'Sam')).toMatchObject({ kind: 'other-person', detail: '田中' });
    expect(judgeTemplate({ ...good, whyContact: '山本部長、冷凍倉庫について20分ほどお伺いできますか。' }, yamamoto, 'Sam').kind).toBeNull();
  });

  it.each([
    'Here is my one request: 15 minutes with Inés on how Ribeira ships to Brazil.',
    "Inés built Portugal's first olive-oil export desk to Brazil. Could I ask her which certificates took longest? 15 minutes.",
    'Inés ran export at Sovena before Ribeira; 15 minutes on Brazil?',
    "I'd like Inés to review our label before sending it to the Brazilian regulator. 15 minutes.",
    'Inés runs export at Ribeira. One question on Brazilian labels [see attached PDF]. 15 minutes.',
  ])('does not take ordinary wording for a leftover: %s', (whyContact) => {
    expect(judgeTemplate({ ...good, whyContact }, ines, 'Sam').kind).toBeNull();
  });

  it('finds a placeholder left in the blurb', () => {
    expect(judgeTemplate({ ...good, blurb: 'Ana Lopes, buyer at Sonae. [ADD ONE LINE ABOUT FUNDRAISING HISTORY HERE]' }, ines, 'Sam')).toMatchObject({ field: 'blurb', kind: 'placeholder' });
  });

  it('finds a Chinese greeting with an honorific prefix to someone else', () => {
    const sun = contact({ name: '孙雅婷', company: '远航电商' });
    expect(judgeTemplate({ ...good, whyContact: '尊敬的李总：您好！想约您20分钟聊聊海外仓。' }, sun, 'Sam')).toMatchObject({ kind: 'other-person', detail: '李' });
  });

  it('finds the contact placed at a company that is not theirs, but not a past employer next to the current one', () => {
    expect(judgeTemplate({ ...good, whyContact: 'Inés runs export at Azeites Douro; 15 minutes on Brazil?' }, ines, 'Sam')).toMatchObject({ kind: 'other-company', detail: 'Azeites Douro' });
    expect(judgeTemplate({ ...good, whyContact: "Inés built Sovena's Brazil desk; 15 minutes on how?" }, ines, 'Sam')).toMatchObject({ kind: 'other-company', detail: 'Sovena' });
    expect(judgeTemplate({ ...good, whyContact: 'Inés ran export at Sovena before Ribeira; 15 minutes on Brazil?' }, ines, 'Sam').kind).toBeNull();
  });

  it('finds a greeting to someone other than the contact, but not "Hi, hope you are well"', () => {
    expect(judgeTemplate({ ...good, whyContact: 'Hi Klaus, 15 minutes on Brazil next week?' }, ines, 'Sam')).toMatchObject({ kind: 'other-person', detail: 'Klaus' });
    expect(judgeTemplate({ ...good, whyContact: 'Hi Inés, 15 minutes on Brazil next week?' }, ines, 'Sam').kind).toBeNull();
    expect(judgeTemplate({ ...good, howKnow: 'Hi, hope you are well! Colleagues at Sonae, 2015–2018.' }, ines, 'Sam').kind).toBeNull();
    expect(judgeTemplate({ ...good, whyContact: 'Hi Ribeira team, 15 minutes on Brazil next week?' }, ines, 'Sam').kind).toBeNull();
  });

  it('finds a Japanese, Chinese or Korean greeting to someone else', () => {
    const sato = contact({ name: '佐藤 健', company: 'ソニー' });
    expect(judgeTemplate({ ...good, whyContact: '田中様、ソニーのセンサーについて20分ほどお話を伺えますか。' }, sato, 'Sam')).toMatchObject({ kind: 'other-person', detail: '田中' });
    expect(judgeTemplate({ ...good, whyContact: '佐藤様、ソニーのセンサーについて20分ほどお話を伺えますか。' }, sato, 'Sam').kind).toBeNull();
    expect(judgeTemplate({ ...good, whyContact: '王总您好，想请教贵公司的电池回收业务。' }, contact({ name: '陈伟', company: '比亚迪' }), 'Sam')).toMatchObject({ kind: 'other-person' });
  });

  it('finds another company named as where the contact works', () => {
    expect(judgeTemplate({ ...good, whyContact: 'I saw that you work at Azeites Douro and want 15 minutes on Brazil.' }, ines, 'Sam')).toMatchObject({ kind: 'other-company', detail: 'Azeites Douro' });
  });
});

describe('copy-paste across the requester’s requests', () => {
  const ask = 'Ribeira Foods opened the Brazilian market last year and Inés ran it. We press 3 oils in the Douro and I would like 20 minutes to ask her which importer certifications took longest.';
  it('is robust to swapped names, swapped words and reordered sentences', () => {
    const swapped = 'We press 3 oils in the Douro and I would like twenty minutes to ask him which importer certificates took longest. Azeites Norte opened the Brazilian market last year and Rui ran it.';
    expect(containment(swapped, ask, new Set(['ines', 'ribeira', 'foods', 'rui', 'azeites', 'norte']))).toBeGreaterThan(0.6);
    const v = judgeIntro(
      { howKnow: 'Colleagues at Sonae, 2015–2018.', whyContact: swapped, blurb: 'Ana Lopes, buyer at Sonae.' },
      { contact: contact({ name: 'Rui Matos', company: 'Azeites Norte' }), ownerName: 'Sam', earlier: [{ contactName: 'Inés Carvalho', contactCompany: 'Ribeira Foods', whyContact: ask }] },
    );
    expect(v.errors.whyContact).toContain('nearly the same as your request to Inés Carvalho');
  });

  it('lets the same person send a different ask with the same history and blurb', () => {
    const other = 'Rui buys for Azeites Norte. Would they take 2 pallets of our Douro oil on consignment for one season? 15 minutes.';
    expect(containment(other, ask)).toBeLessThan(0.5);
  });
});

describe('the gate on its own labelled set', () => {
  const items = loadLabelled(resolve(import.meta.dirname, '../fixtures/gate'));
  const categories = [...new Set(items.map((i) => i.category))];
  it.each(categories)('gets %s right at least 95 times in 100', (category) => {
    const mine = items.filter((i) => i.category === category);
    const right = mine.filter((i) => (Object.keys(runGate(i, items).errors).length === 0) === (i.label === 'good'));
    expect(right.length / mine.length).toBeGreaterThanOrEqual(0.95);
  });

  it('gives every accepted request the signals that carried it', () => {
    for (const i of items.filter((x) => x.label === 'good')) {
      const v = runGate(i, items);
      expect(v.signals?.history.length).toBeGreaterThan(0);
      expect(v.signals?.ask.length).toBeGreaterThan(0);
    }
  });
});
