import { describe, expect, it } from 'vitest';
import type { PublicContact } from '../../src/domain.ts';
import { checkIntroForm } from '../../src/rules/quality-gate.ts';
import { goodForm } from '../support/core.ts';

const ana: PublicContact = {
  id: 1,
  name: 'Ana Ferreira',
  title: 'Head of Payments',
  company: 'Lumen Pay',
  location: 'Lisbon',
  tags: ['fintech'],
  topics: ['fraud'],
  bio: null,
  strength: 'known',
};
const gate = (form: Partial<typeof goodForm>, earlier: { contactName: string; whyContact: string }[] = []) =>
  checkIntroForm({ ...goodForm, ...form }, { contact: ana, ownerName: 'Sam', earlier });

describe('the quality gate', () => {
  it('lets a specific, complete request through', () => {
    expect(gate({})).toEqual({});
  });

  it('asks for more when an answer is too short, per field', () => {
    const errors = gate({ howKnow: 'friends', blurb: 'I am me.' });
    expect(errors.howKnow).toContain('say where you and Sam met');
    expect(errors.blurb).toContain('can forward');
    expect(errors.whyContact).toBeUndefined();
  });

  it('refuses over-long answers with the limit', () => {
    expect(gate({ blurb: 'word '.repeat(400) }).blurb).toContain('under 1500 characters');
  });

  it.each([
    "Hi Ana, I'd like to add you to my professional network. Thanks!",
    'I would like to connect with Ana to expand my network and explore synergies with Lumen Pay.',
    'I just want to pick her brain over a quick chat about Lumen Pay sometime soon please.',
  ])('bounces generic phrases with guidance: %s', (whyContact) => {
    expect(gate({ whyContact }).whyContact).toMatch(/^(?:A little more|This would read the same sent to anyone|What exactly would you ask Ana)/);
  });

  it('allows a common phrase inside an otherwise specific ask', () => {
    const whyContact =
      "I'd love to pick her brain on one thing: how Lumen Pay tuned its fraud rules for instant transfers in Portugal, because my team at Northwind is launching the same product in March.";
    expect(gate({ whyContact }).whyContact).toBeUndefined();
  });

  it('bounces a request with nothing specific to the contact', () => {
    const whyContact = 'I am looking for a new job in a growing company and would be grateful for any advice about careers, salaries and interviews.';
    expect(gate({ whyContact }).whyContact).toBe('Nothing here is specific to Ana. Say what about their work as Head of Payments at Lumen Pay makes them the right person.');
  });

  it("spots a copy of the requester's earlier request to someone else", () => {
    const earlier = [{ contactName: 'Ben Ortiz', whyContact: goodForm.whyContact.replace('Ana', 'Ben') }];
    expect(gate({}, earlier).whyContact).toContain('nearly the same as your request to Ben Ortiz');
  });

  it.each([
    ['placeholder', { whyContact: 'Dear [Name], I admire your work at Lumen Pay on fraud and want to ask about {{company}} hiring in Lisbon this year.' }, 'placeholder'],
    ['shouting', { howKnow: 'WE WORKED TOGETHER AT NORTHWIND FOR TWO YEARS ON CHECKOUT' }, 'capitals'],
    ['repeats', { blurb: 'Alice is great!!!!!!!! She is a data scientist with six years in consumer lending, yes.' }, 'repeated'],
    ['never met', { howKnow: "We have never met, but I follow Sam's posts on LinkedIn every week." }, 'ask Sam to connect with you first'],
  ])('bounces bot-like text: %s', (_name, form, expected) => {
    expect(Object.values(gate(form)).join(' ')).toContain(expected);
  });

  it('bounces a blurb that repeats another answer', () => {
    expect(gate({ blurb: goodForm.whyContact }).blurb).toContain('repeats another answer');
  });

  it('matches the contact accent- and case-insensitively', () => {
    const jose = { ...ana, name: 'José Álvarez', company: 'Cordillera Ventures', title: 'Partner', tags: [], topics: [] };
    const form = { ...goodForm, whyContact: 'JOSE invested early in marketplaces like mine and I want to ask him what he looks for in a seed-stage founder before a first meeting.' };
    expect(checkIntroForm(form, { contact: jose, ownerName: 'Sam', earlier: [] })).toEqual({});
  });
});
