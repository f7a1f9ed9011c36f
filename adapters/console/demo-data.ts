// A demo rolodex of fictional people, so anyone can walk the loop locally.
// None of these people or companies exist; emails use the reserved example.com.
import type { CoreContext } from '../../src/context.ts';
import type { ContactInput } from '../../src/ports.ts';

const C = (name: string, title: string, company: string, location: string, tags: string[], topics: string[], bio: string, extra: Partial<ContactInput> = {}): ContactInput => ({
  name,
  title,
  company,
  location,
  tags,
  topics,
  bio,
  email: `${name.toLowerCase().normalize('NFKD').replace(/[^a-z]+/g, '.')}@example.com`,
  notes: `Met through the demo. Private note about ${name}.`,
  strength: 'known',
  vetted: true,
  source: 'demo',
  ...extra,
});

export const DEMO_CONTACTS: ContactInput[] = [
  C('Ana Ferreira', 'Head of Payments', 'Lumen Pay', 'Lisbon', ['fintech', 'payments'], ['fraud', 'hiring'], 'Built the payments team at Lumen Pay from 3 to 40 people.', { strength: 'close' }),
  C('José Álvarez', 'Partner', 'Cordillera Ventures', 'Madrid', ['investor', 'fintech'], ['seed rounds', 'marketplaces'], 'Invests in early fintech and marketplaces across Southern Europe.'),
  C('Zoë Lindqvist', 'VP Engineering', 'Nordlicht Energy', 'Stockholm', ['climate', 'engineering'], ['scaling teams', 'grid software'], 'Runs a 120-person engineering org building grid software.'),
  C("Liam O'Neil", 'Founder & CEO', 'Harbor Health', 'Dublin', ['healthtech', 'founder'], ['fundraising', 'regulation'], 'Second-time founder; sold his first company to a hospital group.', { strength: 'close', consoleUserId: 'liam' }),
  C('Priya Raman', 'Director of Product Design', 'Quill', 'London', ['design', 'saas'], ['design systems', 'mentoring'], 'Leads design for a document collaboration product.'),
  C('Kenji Watanabe', 'Staff Engineer', 'Tsubame Robotics', 'Osaka', ['robotics', 'c++'], ['embedded', 'hiring'], 'Writes the motion-planning code for warehouse robots.', { strength: 'acquainted' }),
  C('Fatima El Amrani', 'Chief Risk Officer', 'Atlas Bank', 'Casablanca', ['banking', 'fintech', 'risk'], ['credit risk', 'compliance'], 'Twenty years in credit risk across North Africa and Europe.'),
  C('Marta Kowalska', 'Talent Partner', 'Vistula Capital', 'Warsaw', ['recruiting', 'investor'], ['executive hiring'], 'Helps portfolio companies hire their first executives.'),
  C('Daniel Okafor', 'Engineering Manager', 'Lumen Pay', 'Lagos', ['fintech', 'engineering'], ['mobile money', 'APIs'], 'Leads the payouts API team.'),
  C('Sofia Rossi', 'Sustainability Lead', 'Verde Foods', 'Milan', ['climate', 'food'], ['supply chains', 'carbon accounting'], 'Measures and cuts emissions across a food supply chain.'),
  C('Noah Schmidt', 'Head of Data', 'Kraftwerk Mobility', 'Berlin', ['data', 'mobility'], ['machine learning', 'pricing'], 'Built the pricing models for an e-scooter fleet.'),
  C('Chloé Martin', 'Product Manager', 'Baguette Labs', 'Paris', ['saas', 'product'], ['onboarding', 'growth'], 'Owns activation and onboarding for a B2B product.', { strength: 'acquainted' }),
  C('Ravi Shah', 'General Counsel', 'Orbit Logistics', 'Singapore', ['legal', 'logistics'], ['contracts', 'employment law'], 'Advises startups on cross-border employment.'),
  C('Emma Johansson', 'Climate Investor', 'Fjord Impact Fund', 'Oslo', ['climate', 'investor'], ['series a', 'hardware'], 'Backs climate hardware at Series A.', { strength: 'close', noOptin: true }),
  C('Lucas Silva', 'CTO', 'Samba Fintech', 'São Paulo', ['fintech', 'engineering'], ['pix', 'open banking'], 'Built instant-payment rails for a Brazilian neobank.'),
  C('Hannah Cohen', 'Recruiter', 'Northwind Talent', 'New York', ['recruiting'], ['engineering hiring', 'salary negotiation'], 'Places senior engineers at growth-stage startups.', { openToIntros: false }),
  C('Unvetted Person', 'Consultant', 'Somewhere Ltd', 'Nowhere', ['misc'], [], 'Imported but not vetted: members never see this one.', { vetted: false }),
];

/** Seeds the demo database once; a database that already has contacts is left alone. */
export function seedDemo(ctx: CoreContext): boolean {
  const { store } = ctx;
  if (store.listContacts({ limit: 1 }).length > 0) return false;
  store.transaction(() => {
    const at = ctx.clock.now().toISOString();
    for (const c of DEMO_CONTACTS) store.insertContact(c, at);
    store.saveMember({ platform: 'console', userId: 'alice', displayName: 'Alice', status: 'member', at });
    store.saveMember({ platform: 'console', userId: 'bob', displayName: 'Bob', status: 'member', at });
    store.appendEvent({ at, actor: 'system', kind: 'demo.seeded', data: { contacts: DEMO_CONTACTS.length } });
  });
  return true;
}
