// A generated, imported-looking rolodex for triage tests: unvetted contacts with
// connected-on dates, companies, LinkedIn URLs, and namesakes in pairs.
import type { SqliteStore } from '../../db/sqlite-store.ts';
import type { Contact } from '../../src/domain.ts';

const FIRST = ['Aisha', 'Ben', 'Chloé', 'Dev', 'Elif', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jun'];
const LAST = ['Andersson', 'Barros', 'Chen', 'Diallo', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ito', 'Jones'];
const COMPANIES = ['Google', 'Goodyear', 'Lumen Pay', 'Café Nova', 'Orbit', 'Northwind'];

/** `n` unvetted contacts; contact i and i+1 (i even) share a name but not a company, date or URL. */
export function seedRolodex(store: SqliteStore, n: number, at = '2026-11-01T09:00:00.000Z'): Contact[] {
  return store.transaction(() =>
    Array.from({ length: n }, (_, i) => {
      const pair = Math.floor(i / 2);
      const day = new Date(Date.UTC(2020, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10);
      return store.insertContact(
        {
          name: `${FIRST[pair % 10]} ${LAST[Math.floor(pair / 10) % 10]}`,
          title: i % 3 === 0 ? 'Engineering Manager' : 'Product Lead',
          company: COMPANIES[i % COMPANIES.length] ?? null,
          linkedinUrl: `https://www.linkedin.com/in/generated-${i}`,
          email: i % 7 === 0 ? `person${i}@example.com` : null,
          connectedOn: day,
          source: 'linkedin',
          importKey: `li:${i}`,
        },
        at,
      );
    }),
  );
}
