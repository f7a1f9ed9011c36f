// Terse and multilingual requests the owner would accept: a "why" that points
// at the contact by pronoun or role, or asks about their line of work; short
// asking forms in many languages; compact ties in "how you know". Each signal
// is tested on both sides: what it lets through and what it still bounces.
import { describe, expect, it } from 'vitest';
import type { PublicContact } from '../../src/domain.ts';
import { judgeBlurb, judgeKnow, judgeWhy } from '../../src/rules/gate/judge.ts';
import { ASK_MORE, CONTACT_REF, count } from '../../src/rules/gate/lexicon.ts';
import { namesRoleWork, roleWords } from '../../src/rules/gate/roles.ts';
import { fold } from '../../src/rules/text.ts';

const contact = (c: Partial<PublicContact> & { name: string }): PublicContact => ({
  id: 1, company: null, title: null, location: null, tags: [], topics: [], bio: null, strength: 'known', ...c,
});
const ana = contact({ name: 'Ana Quiroga', company: 'Lumbre Energía', title: 'CFO' });
const jonas = contact({ name: 'Jonas Weber', company: 'Kranich Logistik', title: 'Head of Procurement' });
const ola = contact({ name: 'Ola Nowak', company: 'Wisła Data', title: 'Head of Data' });

describe('a why that points at the contact without naming them', () => {
  it.each([
    ['en', 'Her team moved 300 dbt models to Snowflake. Keen to hear how they tested it: 20 min.'],
    ['es', 'Quisiera preguntarle cómo evalúan el riesgo de sus proveedores de baterías; bastan 20 minutos.'],
    ['pt', 'Gostaria de uma conversa de 15 min sobre como o time dela audita fornecedores de baterias.'],
    ['ru', 'Можно ли 15 минут созвона: как его команда выбирает поставщиков для складов?'],
    ['vi', 'Liệu chị ấy có thể dành 20 phút cho cuộc gọi về cách nhóm chị kiểm thử mô hình?'],
    ['id', 'Bisakah beliau meluangkan 20 menit untuk ngobrol soal cara timnya menguji model?'],
    ['ko', '그분 팀이 결제 장애를 어떻게 대응하는지 20분 정도 조언 주실 수 있을지요'],
    ['ar', 'هل يمكن أن تسأله كيف يختار فريقه الموردين؟ مكالمة 20 دقيقة.'],
  ])('ties a terse ask to the contact by pronoun or role (%s)', (_lang, why) => {
    expect(judgeWhy(why, ola)).toMatchObject({ ok: true });
  });

  it('reads pronouns as whole words: "he" is not in "help", "он" is not inside a Russian word', () => {
    expect(count(CONTACT_REF, fold('Help wanted; the hotel chain'))).toBe(0);
    expect(count(CONTACT_REF, fold('Сонный телефон'))).toBe(0);
    expect(count(CONTACT_REF, fold('其他公司'))).toBe(0);
    expect(count(CONTACT_REF, fold('he runs it'))).toBe(1);
  });

  it('still bounces praise with a pronoun, and "you" (the owner) never points at the contact', () => {
    expect(judgeWhy('She is an inspiring, visionary leader and I would love to connect and exchange ideas about the future of energy and innovation.', ana)).toMatchObject({ ok: false });
    expect(judgeWhy('Would you be open to a quick chat sometime? Let me know what works.', ana)).toMatchObject({ ok: false });
  });
});

describe("asking about the contact's line of work", () => {
  it('ties a why about treasury to a CFO and one about suppliers to a buyer, with no name or pronoun', () => {
    expect(judgeWhy('Runs treasury for 3 plants. Need 15 min on hedging lithium contracts.', ana)).toMatchObject({ ok: true });
    expect(judgeWhy('Wants suppliers with EU cold-chain audits? We have 12 trucks certified. 15 min.', jonas)).toMatchObject({ ok: true });
  });

  it('finds role words only at word starts, and only for the domain of the title', () => {
    expect(namesRoleWork('our supplier audit', roleWords(['procurement']))).toBe('supplier');
    expect(namesRoleWork('a resupplier', roleWords(['procurement']))).toBeUndefined();
    expect(namesRoleWork('our supplier list', roleWords(['cfo']))).toBeUndefined();
  });

  it('does not tie a role word without an ask', () => {
    expect(judgeWhy('Suppliers and procurement are fascinating topics in the logistics ecosystem today.', jonas)).toMatchObject({ ok: false });
  });
});

describe('short asking forms in many languages', () => {
  it.each([
    ['es', '¿podrías preguntarle?'], ['pt', 'você poderia'], ['de', 'könnten sie fragen, ob'], ['fr', 'pourriez-vous'], ['it', 'vorrei un parere'],
    ['nl', 'zou hij willen'], ['pl', 'czy jej zespół'], ['tr', 'kabul ediyor mu'], ['ru', 'можно ли'], ['vi', 'liệu chị ấy'], ['id', 'bisakah beliau'],
    ['sv', 'kunde han'], ['ar', 'هل يمكن'], ['hi', 'क्या वे'], ['ja', 'いただけませんか'], ['zh', '可以吗'], ['ko', '주실 수 있을까요'],
  ])('recognises an ask (%s)', (_lang, text) => {
    expect(count(ASK_MORE, fold(text))).toBeGreaterThan(0);
  });

  it('does not take a polite form alone, or "would love to connect", for an ask', () => {
    expect(judgeWhy('¿Podrías?', ana)).toMatchObject({ ok: false, problem: 'thin' });
    expect(count(ASK_MORE, fold('I would love to connect and hear about your journey'))).toBe(0);
    expect(count(ASK_MORE, fold('Mi equipo y yo'))).toBe(0);
  });
});

describe('compact ties in "how you know the owner"', () => {
  it.each([
    ['en', 'Ex-Acciona finance team w/ you, 2019–21.'],
    ['en', 'I reported to you at Bolt, 2020–22.'],
    ['en', 'Co-founded Quill with you in Kraków, 2014.'],
    ['pt', 'Ex-colega no Nubank, 2019–21.'],
    ['de', 'Ex-Kollege bei Otto, 2016–2018.'],
    ['nl', 'Oud-collega bij ING, 2016–2019.'],
    ['ru', 'Бывший коллега по Яндексу, 2017–2020.'],
    ['ja', '元同僚（楽天、2016–2019）'],
    ['zh', '前同事，阿里 2015–2018年'],
    ['ko', '전 동료, 카카오 2017–2020'],
  ])('accepts a terse two-way tie with a place or time (%s)', (_lang, know) => {
    expect(judgeKnow(know, 'Sam')).toMatchObject({ ok: true });
  });

  it('still asks for a place or time behind a bare tie, and a one-way terse note is a stranger', () => {
    expect(judgeKnow('w/ you', 'Sam')).toMatchObject({ ok: false });
    expect(judgeKnow("Your podcast listener since '18.", 'Sam')).toMatchObject({ ok: false, problem: 'stranger' });
  });
});

describe('what pointing at the contact does not excuse', () => {
  it.each([
    'Could we connect sometime to discuss how she sees the future of fintech?',
    'Happy to share more about what we do. Could she spare some time for a call?',
    '她在行业里很有经验，可以聊聊吗？',
    'Her budget and finance experience would help us. Can we chat?',
    'Könnten wir uns einmal austauschen? Ihr Blick auf die Branche wäre spannend.',
  ])('bounces a pronoun or role word with a polite but empty ask: %s', (why) => {
    expect(judgeWhy(why, ana)).toMatchObject({ ok: false });
  });
});

describe('blurbs in scripts without capitals', () => {
  it.each([
    ['hi', 'रीना शर्मा, फ़िनटेक संस्थापक'],
    ['ar', 'سارة حداد، مؤسسة شركة نقل مبرد'],
    ['he', 'דנה כהן, מייסדת חברת לוגיסטיקה'],
  ])('accepts a few plain words naming someone (%s)', (_lang, blurb) => {
    expect(judgeBlurb(blurb)).toEqual({ ok: true });
  });

  it.each([
    ['hi', 'मैं एक मेहनती और जुनूनी पेशेवर हूँ'],
    ['ar', 'أنا محترف شغوف ومتحمس'],
    ['he', 'אני איש מקצוע נלהב'],
  ])('still bounces a self-description that names no one (%s)', (_lang, blurb) => {
    expect(judgeBlurb(blurb)).toMatchObject({ ok: false, problem: 'generic' });
  });
});

describe('ties through the same unit of work', () => {
  it('accepts section-mates and a shared engagement with a time, not the same industry', () => {
    expect(judgeKnow("HBS section-mates, '15.", 'Sam')).toMatchObject({ ok: true });
    expect(judgeKnow('Same engagement at Bain Madrid, 2013.', 'Sam')).toMatchObject({ ok: true });
    expect(judgeKnow('Same industry in Madrid since 2013.', 'Sam')).toMatchObject({ ok: false });
  });
});

describe('languages that drop the subject, and clitics', () => {
  const suzuki = contact({ name: '鈴木 花子', company: 'メルカリ', title: 'VP of Engineering' });
  it('reads a humble asking verb (伺う, 여쭙다, 请教) as addressed to the contact when the ask is concrete', () => {
    expect(judgeWhy('決済チームで不正検知をどう運用しているか、20分ほど伺えますか。', suzuki)).toMatchObject({ ok: true });
    expect(judgeWhy('물류센터 자동화 업체를 어떻게 고르는지 20분만 여쭤봐도 될까요?', suzuki)).toMatchObject({ ok: true });
    expect(judgeWhy('언제 한번 여쭤보고 싶습니다.', suzuki)).toMatchObject({ ok: false });
  });

  it('reads "le chiederesti", "le puedes preguntar" as asking the contact', () => {
    const giulia = contact({ name: 'Giulia Neri', company: 'Terna', title: 'Responsabile Innovazione' });
    expect(judgeWhy('Le chiederesti se valutano fornitori di sensori per la rete? 20 minuti.', giulia)).toMatchObject({ ok: true });
    expect(count(CONTACT_REF, fold('¿Le puedes preguntar si aceptan proveedores?'))).toBeGreaterThan(0);
  });

  it('matches a plural of a title word ("stores" for a Head of Store Ops)', () => {
    const amy = contact({ name: 'Amy Roe', company: 'Tesco', title: 'Head of Store Ops' });
    expect(judgeWhy('Need intro for a pilot: 3 stores, 6 weeks, our shelf cameras.', amy)).toMatchObject({ ok: true });
  });

  it('a vague question with praise and no fact is no ask, whoever the contact is', () => {
    expect(judgeWhy('Can I pick her brain on the market? Could we find time for a call?', suzuki)).toMatchObject({ ok: false, problem: 'no-ask' });
  });
});

describe('CJK blurbs and "the same team" in more languages', () => {
  it('accepts a name with a role (创始人, 대표) and bounces a self-description', () => {
    expect(judgeBlurb('王磊，快送科技创始人。')).toEqual({ ok: true });
    expect(judgeBlurb('이준호, 로지봇 대표.')).toEqual({ ok: true });
    expect(judgeBlurb('我是一名经验丰富的经理')).toMatchObject({ ok: false });
  });

  it.each([
    ['tr', "Getir'de aynı ekipteydik, 2019–2021."],
    ['sv', 'Kollegor på Spotify 2014–2017.'],
    ['it', 'Stesso team in Enel, 2013–2016.'],
    ['nl', 'Zelfde team bij Philips, 2011–2014.'],
    ['es', 'Mismo equipo en BBVA, 2015–2018.'],
    ['vi', 'Cùng nhóm ở Tiki, 2017–2019.'],
  ])('accepts the same team with a place and time (%s)', (_lang, know) => {
    expect(judgeKnow(know, 'Sam')).toMatchObject({ ok: true });
  });
});

describe('praise dressed as a question', () => {
  it('does not count a katakana buzzword (ビジョン) or a capitalised German noun after "zu" as a fact', () => {
    const tanaka = contact({ name: '田中 誠', company: 'パナソニック', title: '電池研究所長' });
    expect(judgeWhy('先生のビジョンに感銘を受けました。ぜひ一度お話を伺えませんか。', tanaka)).toMatchObject({ ok: false });
    const tim = contact({ name: 'Tim Vogel', company: 'Sennder', title: 'CFO' });
    expect(judgeWhy('Könnte er sich kurz Zeit nehmen? Sein Input zu Finanzen wäre wertvoll.', tim)).toMatchObject({ ok: false });
    expect(judgeWhy('Eine Frage: würde er unser Pricing-Modell für B2B-Logistik kurz prüfen?', tim)).toMatchObject({ ok: true });
  });

  it('accepts "you were my first manager" in Chinese', () => {
    expect(judgeKnow('你是我在腾讯的第一任经理（2013）', 'Sam')).toMatchObject({ ok: true });
  });
});

describe('an ex-employer alone is two separate lives', () => {
  it('takes "ex-Google team with you" as a tie, "ex-Google team" without the owner in it not', () => {
    expect(judgeKnow('Ex-Google team with you, 2019.', 'Sam')).toMatchObject({ ok: true });
    expect(judgeKnow('Ex-Google team, different office, 2019.', 'Sam')).toMatchObject({ ok: false });
  });
});
