// Deterministic, realistic-looking data for the benchmarks: a seeded PRNG, a
// rolodex of contacts (names, companies, titles, places, tags; mostly vetted),
// and a LinkedIn Connections.csv. The same seed and size always give the same
// rows, so two runs (or two machines) measure the same work.
import type Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';

/** mulberry32: tiny, fast, good enough for test data; never for anything secret. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
/** Skewed towards the front of the list, like real data (many people in London, few in Tallinn). */
const pickSkewed = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * r() * xs.length)] as T;

const FIRST = [
  'Ana', 'José', 'Liam', 'Olivia', 'Noah', 'Emma', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Arjun', 'Priya', 'Wei', 'Mei', 'Hiroshi',
  'Yuki', 'Kwame', 'Amara', 'Chinedu', 'Ngozi', 'Omar', 'Layla', 'Youssef', 'Fatima', 'Ivan', 'Olga', 'Lars', 'Ingrid', 'Sven',
  'Freya', 'Pierre', 'Camille', 'Luca', 'Giulia', 'Diego', 'Valentina', 'Sam', 'Alex', 'Jordan', 'Taylor', 'Morgan', 'Chris',
  'Daniel', 'Sarah', 'David', 'Rachel', 'Michael', 'Laura', 'James', 'Hannah', 'Ben', 'Chloe', 'Tom', 'Grace', 'Ravi', 'Ananya',
  'Sanjay', 'Deepa', 'Kenji', 'Aiko', 'Tariq', 'Zainab', 'Marta', 'Pablo', 'Carmen', 'Jakub', 'Zofia', 'Eero', 'Aino', 'Niamh',
  'Seán', 'Aoife', 'Björn', 'Astrid', 'Tomás', 'Inês', 'João', 'Beatriz', 'Elif', 'Emre', 'Nadia', 'Karim', 'Leila', 'Hugo',
  'Elena', 'Nikolai', 'Anya', 'Felix', 'Lena', 'Max', 'Clara', 'Oscar', 'Maya', 'Ethan', 'Zoe', 'Adam', 'Eva', 'Leo', 'Isla',
];
const LAST = [
  'Ferreira', 'Álvarez', "O'Neil", 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
  'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Patel', 'Shah', 'Singh', 'Kumar', 'Raman', 'Iyer', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu',
  'Tanaka', 'Suzuki', 'Sato', 'Kim', 'Park', 'Choi', 'Okafor', 'Mensah', 'Adeyemi', 'Okonkwo', 'Haddad', 'Khalil', 'Mansour',
  'Ivanov', 'Petrov', 'Novak', 'Kowalski', 'Nowak', 'Larsen', 'Nielsen', 'Johansson', 'Lindqvist', 'Virtanen', 'Korhonen',
  'Dubois', 'Moreau', 'Laurent', 'Rossi', 'Russo', 'Bianchi', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker',
  'Murphy', 'Kelly', "O'Brien", 'Byrne', 'Silva', 'Santos', 'Oliveira', 'Costa', 'Pereira', 'Yilmaz', 'Demir', 'Kaya', 'Stone',
];
/** Surnames that occur a handful of times in any rolodex: the "rare name" query. */
export const RARE_SURNAMES = ['Whitcombe', 'Przybylski', 'Oyelaran', 'Thorvaldsen', 'Quintanilla', 'Abernathy', 'Kavanagh-Reyes'];

const COMPANY_HEAD = [
  'Lumen', 'Northwind', 'Orbit', 'Harbor', 'Cordillera', 'Acme', 'Umbrella', 'Globex', 'Initech', 'Stark', 'Wayne', 'Tyrell',
  'Blue', 'Red', 'Green', 'Silver', 'Golden', 'Iron', 'Cedar', 'Maple', 'Oak', 'Pine', 'River', 'Summit', 'Atlas', 'Nova',
  'Vertex', 'Quantum', 'Pixel', 'Signal', 'Beacon', 'Lighthouse', 'Compass', 'Anchor', 'Granite', 'Cobalt', 'Helix', 'Nimbus',
  'Polar', 'Solar', 'Terra', 'Aqua', 'Ember', 'Falcon', 'Kestrel', 'Otter', 'Panda', 'Zebra', 'Fjord', 'Tundra', 'Mesa',
];
const COMPANY_TAIL = [
  'Pay', 'Labs', 'Health', 'Capital', 'Ventures', 'Systems', 'Bank', 'Analytics', 'Robotics', 'Energy', 'Foods', 'Media',
  'Logistics', 'Security', 'Cloud', 'AI', 'Bio', 'Therapeutics', 'Studio', 'Partners', 'Group', 'Holdings', 'Software', 'Retail',
  'Mobility', 'Insurance', 'Learning', 'Games', 'Networks', 'Works',
];
const COMPANY_SUFFIX = ['', '', '', ' Ltd', ' Inc.', ', Inc.', ' GmbH', ' SA', ' & Co', ' BV'];

const SENIORITY = ['', '', 'Senior ', 'Staff ', 'Principal ', 'Lead '];
const ROLES = [
  'Software Engineer', 'Product Manager', 'Data Scientist', 'Product Designer', 'Account Executive', 'Marketing Manager',
  'Engineering Manager', 'Recruiter', 'Financial Analyst', 'Solutions Architect', 'Backend Engineer', 'Frontend Engineer',
  'Machine Learning Engineer', 'UX Researcher', 'Customer Success Manager', 'Operations Manager', 'Growth Marketer',
];
const FUNCTIONS = ['Engineering', 'Product', 'Design', 'Marketing', 'Sales', 'Data', 'Payments', 'Growth', 'Operations', 'Finance', 'People', 'Partnerships', 'Risk', 'Legal'];
const LEADERS = ['Head of ', 'VP of ', 'Director of '];
const C_LEVEL = ['CEO', 'CTO', 'CFO', 'COO', 'Founder', 'Co-founder', 'Partner', 'Managing Partner', 'Investor', 'Board Member', 'Advisor'];

const CITIES = [
  'London', 'New York', 'San Francisco', 'Berlin', 'Paris', 'Lisbon', 'Amsterdam', 'Madrid', 'Barcelona', 'Dublin', 'Stockholm',
  'Copenhagen', 'Oslo', 'Helsinki', 'Zurich', 'Munich', 'Milan', 'Rome', 'Vienna', 'Prague', 'Warsaw', 'Tallinn', 'Singapore',
  'Tokyo', 'Seoul', 'Bangalore', 'Mumbai', 'Delhi', 'Dubai', 'Tel Aviv', 'Lagos', 'Nairobi', 'Cape Town', 'São Paulo', 'Mexico City',
  'Toronto', 'Montreal', 'Boston', 'Austin', 'Seattle', 'Chicago', 'Los Angeles', 'Sydney', 'Melbourne', 'Auckland', 'Porto',
  'Edinburgh', 'Manchester', 'Bristol', 'Cambridge', 'Brussels', 'Hamburg', 'Lyon', 'Valencia', 'Athens', 'Istanbul',
];
const TAGS = [
  'fintech', 'payments', 'climate', 'healthtech', 'saas', 'ai', 'machine learning', 'investor', 'angel', 'vc', 'founder',
  'hiring', 'b2b', 'marketplace', 'crypto', 'insurtech', 'edtech', 'biotech', 'devtools', 'open source', 'security', 'hardware',
  'robotics', 'mobility', 'logistics', 'retail', 'ecommerce', 'gaming', 'media', 'design', 'consumer', 'enterprise', 'govtech',
  'proptech', 'legaltech', 'agritech', 'foodtech', 'energy', 'space', 'quantum', 'nonprofit', 'public sector', 'banking', 'lending',
];
const TOPICS = [
  'seed rounds', 'series a', 'hiring engineers', 'go-to-market', 'pricing', 'fundraising', 'board governance', 'product strategy',
  'design systems', 'data platforms', 'fraud', 'compliance', 'regulation', 'partnerships', 'enterprise sales', 'remote teams',
  'developer relations', 'growth loops', 'unit economics', 'international expansion', 'mentoring', 'career moves', 'ipo readiness',
];
const INDUSTRIES = ['payments', 'consumer lending', 'climate tech', 'health', 'retail', 'logistics', 'media', 'security', 'developer tools', 'banking', 'gaming', 'education'];

export interface GeneratedContact {
  name: string;
  title: string;
  company: string;
  location: string;
  tags: string;
  topics: string;
  bio: string | null;
  strength: 'close' | 'known' | 'acquainted';
  vetted: 0 | 1;
  openToIntros: 0 | 1;
}

function title(r: Rand): string {
  const x = r();
  if (x < 0.65) return pick(r, SENIORITY) + pickSkewed(r, ROLES);
  if (x < 0.9) return pick(r, LEADERS) + pickSkewed(r, FUNCTIONS);
  return pick(r, C_LEVEL);
}

function company(r: Rand): string {
  return `${pickSkewed(r, COMPANY_HEAD)} ${pick(r, COMPANY_TAIL)}${pick(r, COMPANY_SUFFIX)}`;
}

function several(r: Rand, xs: readonly string[], max: number): string {
  const n = Math.floor(r() * (max + 1));
  const out = new Set<string>();
  for (let i = 0; i < n; i++) out.add(pickSkewed(r, xs));
  return [...out].join(', ');
}

/** The i-th contact of the rolodex generated with `seed`; independent of the other rows. */
export function contactAt(seed: number, i: number): GeneratedContact {
  const r = rng(seed ^ Math.imul(i + 1, 0x9e3779b1));
  // A handful of people in every rolodex (one in ~10k, the first at i = 17) share a rare surname.
  const rare = i % 9_973 === 17;
  const last = rare ? RARE_SURNAMES[Math.floor(i / 9_973) % RARE_SURNAMES.length]! : pickSkewed(r, LAST);
  const t = title(r);
  const c = company(r);
  const years = 3 + Math.floor(r() * 20);
  return {
    name: `${pick(r, FIRST)} ${last}`,
    title: t,
    company: c,
    location: pickSkewed(r, CITIES),
    tags: several(r, TAGS, 3),
    topics: several(r, TOPICS, 2),
    bio: r() < 0.5 ? `${t} with ${years} years in ${pick(r, INDUSTRIES)}; previously at ${company(r)}.` : null,
    strength: r() < 0.15 ? 'close' : r() < 0.7 ? 'known' : 'acquainted',
    // Mostly vetted and open: the rolodex members actually search. The rare
    // names always are, so the "rare name" query finds someone at every size.
    vetted: rare || r() < 0.85 ? 1 : 0,
    openToIntros: rare || r() < 0.95 ? 1 : 0,
  };
}

/**
 * Fills a migrated database with `n` generated contacts, in transactions of
 * 10k rows. A plain INSERT (the FTS index is kept by the schema's triggers):
 * seeding is set-up, not what is measured.
 */
export function seedContacts(db: Database.Database, n: number, seed: number, onProgress?: (done: number) => void): void {
  const insert = db.prepare(
    `INSERT INTO contacts (name, title, company, location, tags, topics, bio, strength, vetted, open_to_intros, source, created_at, updated_at)
     VALUES (@name, @title, @company, @location, @tags, @topics, @bio, @strength, @vetted, @openToIntros, 'bench', @at, @at)`,
  );
  const at = '2026-11-01T00:00:00.000Z';
  const BATCH = 10_000;
  for (let start = 0; start < n; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + BATCH); i++) insert.run({ ...contactAt(seed, i), at });
    })();
    onProgress?.(Math.min(n, start + BATCH));
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * A LinkedIn Connections.csv of `rows` connections, as LinkedIn writes it:
 * the notes preamble, the header, unique profile links, emails for a few,
 * quoted companies with commas, dates like "15 Mar 2024".
 */
export function writeLinkedInCsv(path: string, rows: number, seed: number): void {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const c = contactAt(seed, i);
    const r = rng(seed + i * 31);
    const [first = '', ...rest] = c.name.split(' ');
    const last = rest.join(' ');
    const slug = `${first}-${last}-${i.toString(36)}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
    const email = r() < 0.1 ? `${slug}@example.com` : '';
    const date = `${String(1 + Math.floor(r() * 28)).padStart(2, '0')} ${pick(r, MONTH_ABBR)} ${2010 + Math.floor(r() * 16)}`;
    lines.push([first, last, `https://www.linkedin.com/in/${slug}`, email, c.company, c.title, date].map(csvCell).join(','));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}
