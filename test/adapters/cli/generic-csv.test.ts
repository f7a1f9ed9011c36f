import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotAContactsCsvError, parseContactsCsv } from '../../../adapters/cli/import/generic-csv.ts';
import type { GenericContactRow } from '../../../adapters/cli/import/generic-csv.ts';
import { parseLinkedInConnections } from '../../../adapters/cli/import/linkedin-csv.ts';
import type { ImportIssue } from '../../../adapters/cli/import/linkedin-csv.ts';

const FIXTURES = new URL('../../fixtures/csv/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('parseContactsCsv: the fixture', () => {
  const text = fixture('generic.csv');
  const { rows, issues } = parseContactsCsv(text);

  it('uses a fixture that really has a BOM and CRLF line endings', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
  });

  it('reads every column of a full row, with a bio spanning lines 2-4', () => {
    expect(rows[0]).toEqual({
      line: 2,
      importKey: 'https://www.linkedin.com/in/priya-raman',
      name: 'Priya Raman',
      firstName: '',
      lastName: '',
      title: 'Partner',
      company: 'Raman, Patel & Co',
      location: 'London',
      tags: ['fintech', 'payments'],
      topics: ['seed rounds', 'hiring'],
      bio: 'Invests in fintech.\n\nLoves "hard" problems.',
      email: 'priya@example.com',
      phone: '+44 20 7946 0958',
      linkedinUrl: 'https://www.linkedin.com/in/priya-raman',
      notes: 'Met at a conference',
      strength: 'close',
      vetted: true,
      openToIntros: false,
      introCap: 2,
      noOptin: false,
      slackUserId: 'U012AB3CD',
      discordUserId: '123456789012345678',
      connectedOn: null,
    } satisfies GenericContactRow);
  });

  it('fills defaults for empty columns', () => {
    expect(rows[1]).toMatchObject({
      line: 5,
      importKey: 'name:sam lee|',
      strength: 'known',
      vetted: false,
      openToIntros: true,
      introCap: null,
      noOptin: false,
      tags: [],
      topics: [],
      email: null,
    });
  });

  it('uses an explicit import_key and reads 1/0 and yes as booleans', () => {
    expect(rows[2]).toMatchObject({ line: 10, importKey: 'crm-42', strength: 'acquainted', vetted: true, openToIntros: false, introCap: 0, noOptin: true });
  });

  it('keeps the original file lines after the multi-line bio', () => {
    expect(rows.map((r) => r.line)).toEqual([2, 5, 10]);
  });

  it('reports unknown columns once, then every bad row with its line and the columns at fault', () => {
    expect(issues).toEqual<ImportIssue[]>([
      {
        line: 1,
        reason: 'line 1: ignored an unsupported column: “Favourite Colour” (see adapters/cli/import/README.md for the columns)',
        skipped: false,
      },
      { line: 6, reason: 'line 6: skipped — strength “bff” must be close, known or acquainted', skipped: true },
      {
        line: 7,
        reason:
          'line 7: skipped — vetted “maybe” must be yes or no (or leave it empty for no); ' +
          'intro_cap “-2” must be a whole number, 0 or more (or empty for no cap)',
        skipped: true,
      },
      { line: 8, reason: 'line 8: skipped — no name (fill in name, or first_name and last_name)', skipped: true },
      {
        line: 9,
        reason:
          'line 9: skipped — email is not an email address; ' +
          'linkedin_url is not a LinkedIn profile link (like https://www.linkedin.com/in/name); ' +
          'slack_user_id is not a Slack member ID (like U012AB3CD, from the profile’s ⋮ menu → Copy member ID); ' +
          'discord_user_id is not a Discord user ID (a long number: Developer Mode on, right-click the user → Copy User ID)',
        skipped: true,
      },
      { line: 11, reason: 'line 11: skipped — same contact as line 5 (same name and company)', skipped: true },
    ]);
  });
});

describe('parseContactsCsv: columns', () => {
  it('builds the name from first_name and last_name, and keys it like the LinkedIn importer', () => {
    const { rows } = parseContactsCsv('first_name,last_name,company\nJosé,Núñez,"Acme, Inc."\n');
    expect(rows[0]).toMatchObject({ line: 2, name: 'José Núñez', firstName: 'José', lastName: 'Núñez', importKey: 'name:jose nunez|acme, inc.' });
    const linkedIn = parseLinkedInConnections(fixture('linkedin-old-no-url.csv')).rows.find((r) => r.name === 'José Núñez');
    expect(rows[0]?.importKey).toBe(linkedIn?.importKey);
  });

  it('prefers name over first_name and last_name when both are given', () => {
    const { rows } = parseContactsCsv('name,first_name,last_name\nDr Ada Lovelace,Ada,Lovelace\n');
    expect(rows[0]).toMatchObject({ name: 'Dr Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('matches column names in any case, with spaces or hyphens for underscores', () => {
    const { rows, issues } = parseContactsCsv(' Name ,Open to intros,INTRO-CAP,LinkedIn URL\nAda,no,3,linkedin.com/in/ada\n');
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({ name: 'Ada', openToIntros: false, introCap: 3, linkedinUrl: 'https://www.linkedin.com/in/ada' });
  });

  it('splits tags and topics on ; and |, dropping blanks and repeats', () => {
    const { rows } = parseContactsCsv('name,tags,topics\nAda,"a; b |A;; c",x|y\n');
    expect(rows[0]).toMatchObject({ tags: ['a', 'b', 'c'], topics: ['x', 'y'] });
  });

  it('reports a repeated column and reads the first', () => {
    const { rows, issues } = parseContactsCsv('name,email,Email\nAda,ada@example.com,other@example.com\n');
    expect(rows[0]?.email).toBe('ada@example.com');
    expect(issues).toEqual([{ line: 1, reason: 'line 1: column “email” appears more than once; only the first is read', skipped: false }]);
  });

  it('reports an unnamed column only when it holds data', () => {
    expect(parseContactsCsv('name,title,\nAda,CEO,\n').issues).toEqual([]);
    expect(parseContactsCsv('name,title,\nAda,CEO,\nAlan,CTO,secret\n').issues).toEqual([
      { line: 1, reason: 'line 1: ignored an unsupported column: unnamed column 3 (see adapters/cli/import/README.md for the columns)', skipped: false },
    ]);
  });

  it('points to `import linkedin` for a LinkedIn export without preamble', () => {
    const { issues } = parseContactsCsv(fixture('linkedin-0-preamble.csv'));
    expect(issues[0]?.reason).toMatch(/`import linkedin`/);
  });
});

describe('parseContactsCsv: values', () => {
  const one = (header: string, row: string) => parseContactsCsv(`${header}\n${row}\n`);

  it.each([
    ['yes', true],
    ['YES', true],
    ['true', true],
    ['1', true],
    ['no', false],
    ['False', false],
    ['0', false],
    ['', false],
  ])('reads vetted %j as %s', (raw, value) => {
    expect(one('name,vetted', `Ada,${raw}`).rows[0]?.vetted).toBe(value);
  });

  it('defaults open_to_intros to yes and no_optin to no', () => {
    expect(one('name,open_to_intros,no_optin', 'Ada,,').rows[0]).toMatchObject({ openToIntros: true, noOptin: false });
  });

  it.each(['1.5', 'three', '+2', '99999999999999999999'])('refuses intro_cap %j', (raw) => {
    const { rows, issues } = one('name,intro_cap', `Ada,${raw}`);
    expect(rows).toEqual([]);
    expect(issues[0]?.reason).toMatch(/^line 2: skipped — intro_cap .*must be a whole number, 0 or more/);
  });

  it('reads strength in any case', () => {
    expect(one('name,strength', 'Ada, Acquainted ').rows[0]?.strength).toBe('acquainted');
  });

  it('keeps paragraphs in bio and notes but collapses single-line fields', () => {
    const { rows } = one('name,company,notes', '"Ada\nLovelace","Analytical\n  Engines","First.\n\n\n\nSecond.  "');
    expect(rows[0]).toMatchObject({ name: 'Ada Lovelace', company: 'Analytical Engines', notes: 'First.\n\nSecond.' });
  });

  it('skips a row with more values than columns, and keeps its neighbours', () => {
    const { rows, issues } = parseContactsCsv('name,company\nAda,Acme, Inc.\nAlan,Globex\n');
    expect(rows.map((r) => r.line)).toEqual([3]);
    expect(issues).toEqual([
      { line: 2, reason: 'line 2: skipped — it has 3 values but the header has 2 columns (a value that contains a comma must be wrapped in double quotes)', skipped: true },
    ]);
  });
});

describe('parseContactsCsv: files it cannot read', () => {
  it('throws for an empty file', () => {
    expect(() => parseContactsCsv('\uFEFF\r\n\r\n')).toThrow(NotAContactsCsvError);
  });

  it('throws for a file without a name column, without echoing private values', () => {
    const read = () => parseContactsCsv('Ada Lovelace,ada@example.com,https://www.linkedin.com/in/ada\n');
    expect(read).toThrow(NotAContactsCsvError);
    expect(read).toThrow(/no name column \(its first row has: “Ada Lovelace”, 2 values not shown\)/);
    expect(read).not.toThrow(/example\.com|linkedin\.com\/in\/ada/);
  });

  it('points a LinkedIn export with its Notes preamble to `import linkedin`', () => {
    expect(() => parseContactsCsv(fixture('linkedin-3-preamble.csv'))).toThrow(/`import linkedin`/);
  });
});

describe('privacy of issue reasons', () => {
  const PRIVATE = /[^\s,;"<>()]+@[^\s,;"<>()]+|https?:\/\/[^\s,"]+|(?:www\.)?linkedin\.com\/[^\s,"]+|[^\s,"]+\.example\.com|\+?\d[\d ()-]{6,}\d/g;
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv'));

  function reasons(text: string): string[] {
    const all: string[] = [];
    for (const parser of [parseLinkedInConnections, parseContactsCsv]) {
      try {
        all.push(...parser(text).issues.map((i) => i.reason));
      } catch (error) {
        all.push((error as Error).message);
      }
    }
    return all;
  }

  function expectNoSecretsIn(text: string): void {
    const secrets = [...new Set(text.match(PRIVATE) ?? [])].map((s) => s.trim()).filter((s) => s.length > 6);
    expect(secrets.length).toBeGreaterThan(0); // the check below must have something to look for
    for (const reason of reasons(text)) {
      for (const secret of secrets) expect(reason).not.toContain(secret);
    }
  }

  it.each(files)('%s: no reason or error quotes an email, URL or phone number from the file', (file) => {
    expectNoSecretsIn(fixture(file));
  });

  it('does not echo private values that landed in columns whose values are echoed', () => {
    expectNoSecretsIn(
      [
        'name,strength,vetted,intro_cap,no_optin,open_to_intros',
        'Ada,ada@example.com,https://ada.example.com/me,+1 (415) 555-0199,www.ada.example.com/x,ada@example.com',
      ].join('\n'),
    );
    expectNoSecretsIn(
      [
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        'Ada,Lovelace,,,,,ada@example.com',
        'Alan,Turing,,,,,+44 20 7946 0958',
        'Mo,Diaz,,,,,https://www.linkedin.com/in/mo',
      ].join('\n'),
    );
  });

  it('does not echo a file without a header', () => {
    expectNoSecretsIn('Ada Lovelace,ada@example.com,+44 20 7946 0958,https://www.linkedin.com/in/ada\n');
  });
});
