// The owner's CLI, run in-process with its real streams over a real SQLite file.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../db/sqlite-store.ts';
import { runCliCaptured, withStoreAt, type CliResult } from '../../support/cli.ts';
import { tempDbPath } from '../../support/core.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/csv');
let tmp: ReturnType<typeof tempDbPath>;

const cli = (args: string[], input = ''): Promise<CliResult> => runCliCaptured(tmp.path, args, { input });
const withStore = <T>(fn: (s: SqliteStore) => T): T => withStoreAt(tmp.path, fn);

beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(() => tmp.cleanup());

describe('intro-broker import', () => {
  it.each(['linkedin-0-preamble.csv', 'linkedin-3-preamble.csv', 'linkedin-4-preamble.csv', 'linkedin-old-no-url.csv', 'linkedin-bom-crlf.csv'])(
    'imports %s, whatever its preamble',
    async (file) => {
      const r = await cli(['import', 'linkedin', join(FIXTURES, file)]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Imported \d+ rows? from .*: \d+ added/);
      const count = withStore((s) => s.listContacts().length);
      expect(count).toBeGreaterThan(0);
      // Imported contacts are not searchable until vetted.
      expect(withStore((s) => s.listContacts({ vetted: true }).length)).toBe(0);
    },
  );

  it('reports skipped lines with their numbers and never prints private values', async () => {
    const r = await cli(['import', 'linkedin', join(FIXTURES, 'linkedin-bom-crlf.csv')]);
    expect(r.stderr).toMatch(/line \d+: skipped — no first or last name/);
    const text = readFileSync(join(FIXTURES, 'linkedin-bom-crlf.csv'), 'utf8');
    const privateValues = [...text.matchAll(/https?:\/\/[^,"\r\n]+|[\w.+-]+@[\w.-]+/g)].map((m) => m[0]);
    for (const v of privateValues) expect(r.stderr + r.stdout).not.toContain(v);
  });

  it('updates on re-import instead of duplicating, and keeps the vetting', async () => {
    const file = join(FIXTURES, 'linkedin-3-preamble.csv');
    await cli(['import', 'linkedin', file]);
    const before = withStore((s) => s.listContacts().length);
    await cli(['contacts', 'vet', '--all', '--yes']);
    const again = await cli(['import', 'linkedin', file]);
    expect(again.stdout).toContain(`0 added, 0 updated, ${before} unchanged`);
    expect(withStore((s) => s.listContacts({ vetted: true }).length)).toBe(before);
  });

  it('does not bring back a contact the owner removed', async () => {
    const file = join(FIXTURES, 'linkedin-3-preamble.csv');
    await cli(['import', 'linkedin', file]);
    const before = withStore((s) => s.listContacts());
    await cli(['contacts', 'remove', String(before[0]!.id)]);
    const again = await cli(['import', 'linkedin', file]);
    expect(again.stdout).toContain('0 added');
    expect(again.stdout).toContain('1 row was left out because you removed that contact before');
    expect(withStore((s) => s.listContacts().length)).toBe(before.length - 1);
  });

  it('refuses a file that is not a LinkedIn export, kindly', async () => {
    const r = await cli(['import', 'linkedin', join(FIXTURES, 'not-linkedin.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("doesn't look like a LinkedIn Connections.csv export");
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('imports the documented generic CSV columns', async () => {
    const r = await cli(['import', 'csv', join(FIXTURES, 'generic.csv'), '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { added: number; skipped: number; issues: { line: number }[] };
    expect(summary.added).toBeGreaterThan(0);
    expect(summary.issues.every((i) => i.line > 0)).toBe(true);
  });

  it('says so when the file does not exist', async () => {
    const r = await cli(['import', 'csv', '/nonexistent/file.csv']);
    expect(r).toMatchObject({ code: 2, stderr: 'No file at /nonexistent/file.csv.\n' });
  });

  it('shows progress on a long import', async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => `First${i},Last${i},https://www.linkedin.com/in/p${i},,Co${i % 50},Role,15 Mar 2024`);
    const big = join(tmp.path + '.csv');
    writeFileSync(big, ['Notes:', '"Some notes, here"', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n'));
    const r = await cli(['import', 'linkedin', big]);
    expect(r.stdout).toContain('6000 added');
    expect(r.stderr).toContain('importing… 6000 rows');
  });
});

describe('intro-broker contacts', () => {
  beforeEach(async () => {
    await cli(['contacts', 'add', '--name', 'Ana Ferreira', '--company', 'Lumen Pay', '--email', 'ana@example.com', '--tags', 'fintech']);
    await cli(['contacts', 'add', '--name', 'Ben Ortiz', '--company', 'Lumen Pay']);
    await cli(['contacts', 'add', '--name', 'Cara Mendes', '--company', 'Orbit']);
  });

  it('vets, tags and opts out in bulk by filter, with an event per contact', async () => {
    expect((await cli(['contacts', 'vet', '--company-prefix', 'lumen', '--yes'])).stdout).toMatch(/^vet: 2 contacts\. Batch \d+/);
    expect((await cli(['contacts', 'tag', 'payments', '--company', 'Lumen Pay'])).stdout).toContain('Tagged 2 contacts');
    expect((await cli(['contacts', 'opt-out', '2'])).stdout).toMatch(/^opt-out: 1 contact\. Batch \d+/);
    const list = JSON.parse((await cli(['contacts', 'list', '--json'])).stdout) as { name: string; vetted: boolean; tags: string[]; openToIntros: boolean }[];
    expect(list.map((c) => [c.name, c.vetted, c.tags, c.openToIntros])).toEqual([
      ['Ana Ferreira', true, ['fintech', 'payments'], true],
      ['Ben Ortiz', true, ['payments'], false],
      ['Cara Mendes', false, [], true],
    ]);
    expect(withStore((s) => s.listEvents().filter((e) => e.kind === 'contact.vet').length)).toBe(2);
  });

  it('refuses to act on every contact unless asked with --all', async () => {
    const r = await cli(['contacts', 'vet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Say which contacts');
  });

  it('edits, shows and removes', async () => {
    await cli(['contacts', 'edit', '1', '--title', 'Head of Payments', '--cap', '2', '--strength', 'close']);
    const shown = await cli(['contacts', 'show', '1', '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ title: 'Head of Payments', introCap: 2, strength: 'close' });
    expect((await cli(['contacts', 'edit', '1', '--strength', 'bff'])).stderr).toContain('--strength must be one of close, known, acquainted');
    expect((await cli(['contacts', 'remove', '3'])).stdout).toContain('Removed 1');
    expect((await cli(['contacts', 'show', '3'])).stderr).toContain('No contact #3');
  });

  it('triages unvetted contacts one key each', async () => {
    const r = await cli(['contacts', 'triage', '--order', 'company'], 'v\nt\ninvestor, lisbon\no\n');
    expect(r.stdout).toContain('3 unvetted contacts');
    expect(r.stdout).toContain('Vetted 2 (1 tagged), opted out 1, skipped 0');
    const list = withStore((s) => s.listContacts());
    expect(list.map((c) => [c.name, c.vetted, c.openToIntros, c.tags])).toEqual([
      ['Ana Ferreira', true, true, ['fintech']],
      ['Ben Ortiz', true, true, ['investor', 'lisbon']],
      ['Cara Mendes', false, false, []],
    ]);
  });

  it('stops triage at q and reports what was done', async () => {
    const r = await cli(['contacts', 'triage'], 's\nq\n');
    expect(r.stdout).toContain('Vetted 0 (0 tagged), opted out 0, skipped 1');
  });
});

describe('members, requests, stats, export and backup', () => {
  it('adds, blocks and lists members', async () => {
    expect((await cli(['members', 'add', 'slack:U0123', '--name', 'Alice'])).stdout).toContain('slack:U0123 (Alice) is now member');
    await cli(['members', 'block', 'discord:81234567890123456']);
    const members = JSON.parse((await cli(['members', 'list', '--json'])).stdout) as { userId: string; status: string }[];
    expect(members.map((m) => [m.userId, m.status])).toEqual([['U0123', 'member'], ['81234567890123456', 'blocked']]);
    expect((await cli(['members', 'add', 'U0123'])).stderr).toContain('platform:user-id');
  });

  it('lists requests by status and prints stats as JSON', async () => {
    expect((await cli(['requests', 'list', '--status', 'nope'])).code).toBe(2);
    expect(JSON.parse((await cli(['requests', 'list', '--status', 'pending', '--json'])).stdout)).toEqual([]);
    const stats = JSON.parse((await cli(['stats', '--json'])).stdout) as { contacts: { total: number } };
    expect(stats.contacts.total).toBe(0);
  });

  it('exports everything as JSON and makes an online backup that opens', async () => {
    await cli(['contacts', 'add', '--name', 'Ana Ferreira']);
    const exported = JSON.parse((await cli(['export'])).stdout) as { contacts: unknown[]; events: unknown[] };
    expect(exported.contacts).toHaveLength(1);
    expect(exported.events).toHaveLength(1);
    const target = tmp.path + '.backup';
    expect((await cli(['backup', target])).stdout).toBe(`Backed up to ${target}.\n`);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT name FROM contacts').pluck().all()).toEqual(['Ana Ferreira']);
    copy.close();
  });

  it('explains usage errors in one line', async () => {
    expect((await cli(['frobnicate'])).stderr).toContain('Unknown command "frobnicate"');
    expect((await cli(['--nope'])).code).toBe(2);
    expect((await cli(['--help'])).stdout).toContain('import linkedin <Connections.csv>');
  });

  it('refuses a database from a newer version', async () => {
    await cli(['stats']);
    const raw = new Database(tmp.path);
    raw.pragma('user_version = 99');
    raw.close();
    const r = await cli(['stats']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('newer than this intro-broker understands');
  });
});
