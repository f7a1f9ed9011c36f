// `contacts triage` and bulk vetting in the owner's CLI, over a real SQLite file:
// single keys on a terminal, lines from a pipe, skips that stay skipped, the
// two orders, and bulk changes that confirm, refuse unknown ids and undo.
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../db/sqlite-store.ts';
import { runCliCaptured, withStoreAt, type CliResult } from '../../support/cli.ts';
import { tempDbPath } from '../../support/core.ts';
import { seedRolodex } from '../../support/rolodex.ts';

let tmp: ReturnType<typeof tempDbPath>;
beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(() => tmp.cleanup());

/** A stdin that looks like a terminal: isTTY and setRawMode, keys pushed one at a time. */
function fakeTty(): PassThrough & { isTTY: boolean; raw: boolean[]; setRawMode(raw: boolean): void } {
  const s = new PassThrough() as PassThrough & { isTTY: boolean; raw: boolean[]; setRawMode(raw: boolean): void };
  s.isTTY = true;
  s.raw = [];
  s.setRawMode = (raw: boolean) => void s.raw.push(raw);
  return s;
}

const cli = (args: string[], input: string | PassThrough = ''): Promise<CliResult> => runCliCaptured(tmp.path, args, { input });
const withStore = <T>(fn: (s: SqliteStore) => T): T => withStoreAt(tmp.path, fn);

const seed = (n: number) => withStore((s) => seedRolodex(s, n));
const vetted = () => withStore((s) => s.listContacts({ vetted: true }).map((c) => c.id));
const cardIds = (stdout: string) => [...stdout.matchAll(/\) #(\d+) /g)].map((m) => Number(m[1]));

describe('contacts triage', () => {
  it('goes through 300 generated contacts, most recently connected first, one answer each', async () => {
    seed(300);
    const keys = Array.from({ length: 300 }, (_, i) => ['v', 'c', 's', 'o', 't'][i % 5]!);
    // A tag answer is followed by its tags line.
    const input = keys.map((k) => (k === 't' ? 't\nfintech, investor' : k)).join('\n') + '\n';
    const r = await cli(['contacts', 'triage'], input);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('300 unvetted contacts');
    expect(r.stdout).toContain('(1 of 300) #300 ');
    expect(r.stdout).toContain('(300 of 300) #1 ');
    expect(r.stdout).toContain('Vetted 180 (60 tagged), opted out 60, skipped 60.');
    const state = withStore((s) => s.listContacts());
    expect(state.filter((c) => c.vetted)).toHaveLength(180);
    expect(state.filter((c) => c.strength === 'close')).toHaveLength(60);
    expect(state.filter((c) => !c.openToIntros)).toHaveLength(60);
    expect(state.filter((c) => c.tags.includes('investor'))).toHaveLength(60);
    // Every card showed what tells namesakes apart: the date, the company and the URL.
    expect(r.stdout).toContain('(1 of 300) #300 Jun Eriksen\n  Product Lead at Northwind\n  connected 16 Jun 2022\n  https://www.linkedin.com/in/generated-299\n');
    // Its namesake comes next, told apart by company, date and URL.
    expect(r.stdout).toContain('(2 of 300) #299 Jun Eriksen\n  Product Lead at Orbit\n  connected 13 Jun 2022\n  https://www.linkedin.com/in/generated-298\n');
  });

  it('reads single keys on a terminal, without Enter', async () => {
    seed(4);
    const tty = fakeTty();
    const done = cli(['contacts', 'triage', '--order', 'company'], tty);
    // Keys arrive as a person types them: one at a time, no newline.
    for (const k of ['v', 'x', 'o', 's']) {
      await new Promise((r) => setTimeout(r, 5));
      tty.write(k);
    }
    await new Promise((r) => setTimeout(r, 5));
    tty.write('\u0003'); // Ctrl-C stops, as q does
    const r = await done;
    expect(r.stdout).toContain('Unknown key "x"');
    expect(r.stdout).toContain('Vetted 1 (0 tagged), opted out 1, skipped 1.');
    // Raw mode on for the session, and off again after it.
    expect(tty.raw).toEqual([true, false]);
  });

  it('keeps skipped contacts out of later sessions until asked for', async () => {
    seed(3);
    const first = await cli(['contacts', 'triage'], 's\nq\n');
    const skipped = cardIds(first.stdout)[0]!;
    const again = await cli(['contacts', 'triage'], 'q\n');
    expect(again.stdout).toContain('2 unvetted contacts');
    expect(cardIds(again.stdout)[0]).not.toBe(skipped);
    const back = await cli(['contacts', 'triage', '--include-skipped'], 'v\n');
    expect(back.stdout).toContain('3 unvetted contacts, skipped ones included');
    expect(cardIds(back.stdout)[0]).toBe(skipped);
    expect(vetted()).toEqual([skipped]);
  });

  it('asks again for a tags line with a tag too long, saying why, and keeps the tags the contact had', async () => {
    seed(1);
    const [id] = withStore((s) => s.listContacts().map((c) => c.id));
    withStore((s) => s.updateContact(id!, { tags: ['Fintech'] }, '2026-01-01T00:00:00.000Z'));
    const r = await cli(['contacts', 'triage'], `t\n${'z'.repeat(51)}\nfintech; Seed  rounds\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A tag is at most 50 characters');
    expect(withStore((s) => s.getContact(id!))).toMatchObject({ vetted: true, tags: ['Fintech', 'Seed rounds'] });
  });

  it('says when only skipped contacts are left', async () => {
    seed(1);
    await cli(['contacts', 'triage'], 's\n');
    expect((await cli(['contacts', 'triage'], '')).stdout).toContain('Nothing to triage but 1 skipped contact: add --include-skipped');
  });

  it('orders by company, accents and case aside, then by name', async () => {
    seed(12);
    const r = await cli(['contacts', 'triage', '--order', 'company', '--limit', '12'], 's\n'.repeat(12));
    const companies = [...r.stdout.matchAll(/\n {2}\w[\w ]* at ([^\n]+)/g)].map((m) => m[1]);
    expect(companies).toEqual(['Café Nova', 'Café Nova', 'Goodyear', 'Goodyear', 'Google', 'Google', 'Lumen Pay', 'Lumen Pay', 'Northwind', 'Northwind', 'Orbit', 'Orbit']);
    expect((await cli(['contacts', 'triage', '--order', 'size'])).stderr).toBe('--order must be recent or company (got "size").\n');
  });
});

describe('bulk vetting', () => {
  beforeEach(() => void seed(12));

  it('matches whole company names with --company and prefixes with --company-prefix', async () => {
    expect((await cli(['contacts', 'vet', '--company', 'Goo', '--yes'])).stdout).toBe('vet: 0 contacts.\n');
    expect((await cli(['contacts', 'vet', '--company', 'cafe  NOVA', '--yes'])).stdout).toMatch(/^vet: 2 contacts\./);
    expect((await cli(['contacts', 'vet', '--company-prefix', 'goo', '--yes'])).stdout).toMatch(/^vet: 4 contacts\./);
    expect(vetted()).toHaveLength(6);
  });

  it('refuses without --yes when it cannot ask, and changes nothing', async () => {
    const r = await cli(['contacts', 'vet', '--unvetted']);
    expect(r).toMatchObject({ code: 2, stderr: 'contacts vet would change 12 contacts: add --yes to confirm (nothing was changed).\n' });
    expect(vetted()).toEqual([]);
  });

  it('shows the count and asks on a terminal', async () => {
    const no = fakeTty();
    const asked = cli(['contacts', 'vet', '--unvetted'], no);
    await new Promise((r) => setTimeout(r, 20));
    no.write('n');
    const r = await asked;
    expect(r.stdout).toContain('vet: 12 contacts will change. Go ahead? [y/N]');
    expect(r.stdout).toContain('Nothing was changed.');
    expect(vetted()).toEqual([]);

    const yes = fakeTty();
    const again = cli(['contacts', 'vet', '--unvetted'], yes);
    await new Promise((r) => setTimeout(r, 20));
    yes.write('y');
    expect((await again).stdout).toMatch(/vet: 12 contacts\. Batch \d+/);
    expect(vetted()).toHaveLength(12);
  });

  it('names unknown ids and changes nothing', async () => {
    const r = await cli(['contacts', 'vet', '1', '99999', '4242']);
    expect(r).toMatchObject({ code: 1, stderr: 'No contact with id 99999, 4242: nothing was changed. `contacts list` shows the ids.\n' });
    expect(vetted()).toEqual([]);
    expect((await cli(['contacts', 'tag', 'investor', '2', '99999'])).stderr).toContain('No contact with id 99999');
    expect(withStore((s) => s.listContacts({ tag: 'investor' }))).toEqual([]);
  });

  it('undoes a bulk change as one batch, once, leaving later changes alone', async () => {
    await cli(['contacts', 'vet', '1']);
    const r = await cli(['contacts', 'vet', '--unvetted', '--yes']);
    expect(r.stdout).toMatch(/^vet: 11 contacts\. Batch (\d+): `contacts undo-batch \1` takes it back\.\n$/);
    const batch = /Batch (\d+)/.exec(r.stdout)![1]!;
    // Unvetted by hand after the batch: the undo leaves it as it is.
    await cli(['contacts', 'unvet', '5']);
    const undo = await cli(['contacts', 'vet', '--undo', batch]);
    expect(undo.stdout).toBe(`Undid batch ${batch}: 10 contacts put back, 1 contact left as changed since.\n`);
    expect(vetted()).toEqual([1]);
    expect((await cli(['contacts', 'undo-batch', batch])).stderr).toBe(`Batch ${batch} was already undone.\n`);
    expect((await cli(['contacts', 'undo-batch', '777'])).stderr).toContain('No bulk change with batch id 777');
    // Every change and every undo is in the event log with its batch.
    const kinds = withStore((s) => s.listBatchEvents(batch).length + s.listBatchEvents(`undo-${batch}`).length);
    expect(kinds).toBe(21);
  });
});
