import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NotALinkedInExportError,
  nameImportKey,
  normaliseLinkedInUrl,
  parseConnectedOn,
  parseLinkedInConnections,
} from '../../../adapters/cli/import/linkedin-csv.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe('parseLinkedInConnections: finding the header', () => {
  it('reads the usual export with three preamble lines, header on line 4', () => {
    const { rows, issues } = parseLinkedInConnections(fixture('linkedin-3-preamble.csv'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.name])).toEqual([
      [5, 'Ada Lovelace'],
      [6, 'José Núñez'],
      [7, 'Grace Hopper'],
      [8, 'Alan Turing'],
    ]);
    expect(rows[0]).toEqual({
      line: 5,
      importKey: 'https://www.linkedin.com/in/ada-lovelace',
      name: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
      title: 'Chief Programmer',
      company: 'Analytical Engines Ltd',
      linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace',
      email: null,
      connectedOn: '2024-03-15',
    });
  });

  it('reads an export with no preamble (header on line 1)', () => {
    const { rows, issues } = parseLinkedInConnections(fixture('linkedin-0-preamble.csv'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(rows[1]?.email).toBe('alan@example.org');
  });

  it('reads an export with four preamble lines, one quoted note spanning two of them', () => {
    const { rows, issues } = parseLinkedInConnections(fixture('linkedin-4-preamble.csv'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.name])).toEqual([
      [6, 'Ada Lovelace'],
      [7, 'Alan Turing'],
    ]);
  });

  it('reads an older export without URL, with odd header case and spacing and a stray quote in the preamble', () => {
    const { rows, issues } = parseLinkedInConnections(fixture('linkedin-old-no-url.csv'));
    expect(rows.map((r) => [r.line, r.importKey, r.linkedinUrl])).toEqual([
      [5, 'name:ada lovelace|analytical engines ltd', null],
      [6, 'name:jose nunez|acme, inc.', null],
      [7, 'name:jose nunez|globex', null],
    ]);
    // Same person after case, accent and whitespace folding: reported, not imported twice.
    expect(issues).toEqual([{ line: 8, reason: 'line 8: skipped — same contact as line 6 (same name and company)', skipped: true }]);
  });

  it('accepts the columns in any order', () => {
    const text = ['Connected On,Company,Position,Last Name,First Name', '1 Jan 2020,Globex,CTO,Diaz,Mo'].join('\n');
    const { rows } = parseLinkedInConnections(text);
    expect(rows[0]).toMatchObject({ line: 2, name: 'Mo Diaz', company: 'Globex', title: 'CTO', connectedOn: '2020-01-01', linkedinUrl: null, email: null });
  });

  it('accepts a quoted header row', () => {
    const text = `"First Name","Last Name","URL","Email Address","Company","Position","Connected On"\nAda,Lovelace,,,,,\n`;
    expect(parseLinkedInConnections(text).rows.map((r) => r.name)).toEqual(['Ada Lovelace']);
  });
});

describe('parseLinkedInConnections: BOM, CRLF, quotes and bad rows', () => {
  const text = fixture('linkedin-bom-crlf.csv');

  it('uses a fixture that really has a BOM and CRLF line endings', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
  });

  it('keeps the original file line of every row, even after quoted fields that span lines', () => {
    const { rows } = parseLinkedInConnections(text);
    expect(rows.map((r) => [r.line, r.name])).toEqual([
      [5, 'Priya Raman'],
      [6, "Sam O'Neil"], // company spans lines 6-7
      [12, 'Mo Diaz'],
      [13, 'Lena Berg'], // company spans lines 13-15
      [17, 'Zoe'],
    ]);
  });

  it('reads quoted commas, embedded newlines and empty emails', () => {
    const { rows } = parseLinkedInConnections(text);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('Priya Raman')).toMatchObject({ company: 'Raman, Patel & Co', email: 'priya.raman@example.com' });
    expect(byName.get("Sam O'Neil")).toMatchObject({ company: 'Northwind Traders', email: null });
    expect(byName.get('Lena Berg')).toMatchObject({ company: 'Multi line Co', connectedOn: '2022-07-07' });
    expect(byName.get('Zoe')).toMatchObject({ firstName: 'Zoe', lastName: '', importKey: 'name:zoe|', company: null });
  });

  it('reports each bad row on its own line, kindly', () => {
    const { issues } = parseLinkedInConnections(text);
    expect(issues).toEqual([
      { line: 8, reason: 'line 8: skipped — no first or last name', skipped: true },
      { line: 9, reason: 'line 9: skipped — the URL column is not a LinkedIn profile link', skipped: true },
      { line: 10, reason: 'line 10: skipped — the Email Address column is not an email address', skipped: true },
      {
        line: 11,
        reason: 'line 11: skipped — it has 8 values but the header has 7 columns (a value that contains a comma must be wrapped in double quotes)',
        skipped: true,
      },
      {
        line: 12,
        reason: 'line 12: imported without a connection date — Connected On “31 Feb 2024” is not a date like 15 Mar 2024',
        skipped: false,
      },
      { line: 16, reason: 'line 16: skipped — same contact as line 5 (same LinkedIn profile)', skipped: true },
    ]);
  });

  it('keeps a row with a bad date, with connectedOn null', () => {
    const mo = parseLinkedInConnections(text).rows.find((r) => r.name === 'Mo Diaz');
    expect(mo?.connectedOn).toBeNull();
  });

  it('gives the same result with LF line endings and no BOM', () => {
    const lf = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    expect(parseLinkedInConnections(lf)).toEqual(parseLinkedInConnections(text));
  });
});

describe('parseLinkedInConnections: rows that cannot be read', () => {
  it('reads trailing empty values as empty, and skips a ragged line cut short, with its line number', () => {
    const text = `${HEADER}\nAda,Lovelace,,,Analytical Engines Ltd,,,,\nAlan,Turing\nGrace,Hopper,,,Navy,,\n`;
    const { rows, issues } = parseLinkedInConnections(text);
    expect(rows.map((r) => [r.line, r.name, r.company])).toEqual([
      [2, 'Ada Lovelace', 'Analytical Engines Ltd'],
      [4, 'Grace Hopper', 'Navy'],
    ]);
    expect(issues).toEqual([
      {
        line: 3,
        reason: 'line 3: skipped — it has 2 values but the header has 7 columns (the line is cut short: a value with a line break in it must be wrapped in double quotes)',
        skipped: true,
      },
    ]);
  });

  it('reports a quote that is never closed at the line it opens, and keeps the rows before it', () => {
    const text = `${HEADER}\nAda,Lovelace,,,,,\nMo,Diaz,,,"Globex,CTO,1 Jan 2020\nAlan,Turing,,,,,\n\n`;
    const { rows, issues } = parseLinkedInConnections(text);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(issues).toEqual([
      { line: 3, reason: 'line 3: skipped — a double quote (") opened on this line is never closed, so lines 3–6 could not be read', skipped: true },
    ]);
  });

  it('keeps quotes inside an unquoted value', () => {
    const text = `${HEADER}\nAda,Lovelace,,,Acme "Best" Co,,\n`;
    expect(parseLinkedInConnections(text).rows[0]?.company).toBe('Acme "Best" Co');
  });

  it('skips blank and comma-only lines silently', () => {
    const text = `${HEADER}\n\n  \n,,,,,,\nAda,Lovelace,,,,,\n`;
    const { rows, issues } = parseLinkedInConnections(text);
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([5]);
  });
});

describe('parseLinkedInConnections: files that are not LinkedIn exports', () => {
  it('throws NotALinkedInExportError that points to `import csv`', () => {
    const read = () => parseLinkedInConnections(fixture('not-linkedin.csv'));
    expect(read).toThrow(NotALinkedInExportError);
    expect(read).toThrow(/Connections\.csv/);
    expect(read).toThrow(/`import csv`/);
  });

  it('throws for an empty file', () => {
    expect(() => parseLinkedInConnections('')).toThrow(NotALinkedInExportError);
  });

  it('looks for the header only in the first 50 lines', () => {
    const preamble = (n: number) => Array.from({ length: n }, (_, i) => `Note ${i}, with a comma`).join('\n');
    expect(parseLinkedInConnections(`${preamble(49)}\n${HEADER}\nAda,Lovelace,,,,,`).rows[0]?.line).toBe(51);
    expect(() => parseLinkedInConnections(`${preamble(50)}\n${HEADER}\nAda,Lovelace,,,,,`)).toThrow(NotALinkedInExportError);
  });

  it('does not mistake a header with only the name columns for an export', () => {
    expect(() => parseLinkedInConnections('First Name,Last Name,Email\nAda,Lovelace,\n')).toThrow(NotALinkedInExportError);
  });
});

describe('parseConnectedOn', () => {
  it.each([
    ['15 Mar 2024', '2024-03-15'],
    ['1 Dec 2022', '2022-12-01'],
    ['02 jan 2023', '2023-01-02'],
    ['15-Mar-2024', '2024-03-15'],
    ['15 March 2024', '2024-03-15'],
    ['5 Sept 2021', '2021-09-05'],
    ['29 Feb 2024', '2024-02-29'],
    [' 2024-03-15 ', '2024-03-15'],
  ])('reads %j as %s', (raw, iso) => {
    expect(parseConnectedOn(raw)).toBe(iso);
  });

  it.each(['31 Feb 2024', '29 Feb 2023', '15 Foo 2024', '15 Ma 2024', '03/15/2024', '2024-13-01', 'yesterday', ''])('refuses %j', (raw) => {
    expect(parseConnectedOn(raw)).toBeNull();
  });
});

describe('normaliseLinkedInUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace'],
    ['https://www.linkedin.com/in/Ada-Lovelace/', 'https://www.linkedin.com/in/ada-lovelace'],
    ['http://uk.linkedin.com/in/ada-lovelace?trk=x#top', 'https://www.linkedin.com/in/ada-lovelace'],
    ['linkedin.com/in/ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace'],
    ['www.linkedin.com/in/ada-lovelace/details/experience/', 'https://www.linkedin.com/in/ada-lovelace'],
    ['https://www.linkedin.com/in/jos%C3%A9', 'https://www.linkedin.com/in/josé'],
    ['https://www.linkedin.com/pub/ada-lovelace/1/2/3', 'https://www.linkedin.com/pub/ada-lovelace/1/2/3'],
  ])('keys %s as %s', (raw, key) => {
    expect(normaliseLinkedInUrl(raw)?.key).toBe(key);
  });

  it('keeps the link usable: slug case and encoding as given, query dropped', () => {
    expect(normaliseLinkedInUrl('https://uk.linkedin.com/in/GraceHopper/?trk=x')?.url).toBe('https://www.linkedin.com/in/GraceHopper');
  });

  it.each([
    'https://example.com/in/ada',
    'https://linkedin.com.evil.example/in/ada',
    'https://www.linkedin.com/company/acme',
    'https://www.linkedin.com/in/',
    'ftp://www.linkedin.com/in/ada',
    'linkedin.com/in/ada lovelace',
    'not a url',
  ])('refuses %s', (raw) => {
    expect(normaliseLinkedInUrl(raw)).toBeNull();
  });
});

describe('nameImportKey', () => {
  it('folds case, accents and spaces so a re-import finds the same contact', () => {
    expect(nameImportKey('José  Núñez', 'ACME Inc')).toBe('name:jose nunez|acme inc');
    expect(nameImportKey('jose nunez', 'Acme  inc')).toBe(nameImportKey('José Núñez', 'ACME Inc'));
    expect(nameImportKey('Ada', null)).toBe('name:ada|');
  });
});
