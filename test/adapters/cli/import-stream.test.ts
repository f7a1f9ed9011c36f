// importContactsCsv: a file read as a stream, in chunks that cut lines (and
// CRLF pairs and characters) anywhere, gives exactly what reading the whole
// text gives; big imports rebuild the full-text index once; the summary is
// the CLI's, for an upload in chat as much as for a file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../../../adapters/cli/import/generic-csv.ts';
import { formatImportReport, importContactsCsv } from '../../../adapters/cli/import/import-file.ts';
import { NotALinkedInExportError, parseLinkedInConnections } from '../../../adapters/cli/import/linkedin-csv.ts';
import { exactFullRanking } from '../../../db/search-reference.ts';
import { SqliteStore } from '../../../db/sqlite-store.ts';
import { makeCore, type TestCore } from '../../support/core.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/csv');
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.cleanup());

/** The bytes of `text` as a stream of `size`-byte chunks. */
const chunked = (bytes: Buffer, size: number) => Readable.from((function* () {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
})());

const linkedinRows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, k) => `Fïrst${from + k},Last${from + k},https://www.linkedin.com/in/p${from + k},,Company ${(from + k) % 50},Engineer,15 Mar 2024`);

describe('importing a stream', () => {
  it.each(['linkedin-0-preamble.csv', 'linkedin-3-preamble.csv', 'linkedin-4-preamble.csv', 'linkedin-bom-crlf.csv', 'linkedin-old-no-url.csv'])(
    'reads %s in 1, 3 and 64-byte chunks exactly as the whole text',
    async (file) => {
      const bytes = readFileSync(join(FIXTURES, file));
      const whole = parseLinkedInConnections(bytes.toString('utf8'));
      for (const size of [1, 3, 64]) {
        const report = await importContactsCsv(t.ctx, chunked(bytes, size), { kind: 'linkedin', by: 'test', dryRun: true });
        expect(report.issues).toEqual(whole.issues);
        expect(report.read).toBe(whole.rows.length);
      }
    },
  );

  it('reads the generic format in small chunks exactly as the whole text', async () => {
    const bytes = readFileSync(join(FIXTURES, 'generic.csv'));
    const whole = parseContactsCsv(bytes.toString('utf8'));
    const report = await importContactsCsv(t.ctx, chunked(bytes, 5), { kind: 'csv', by: 'test' });
    expect(report.issues).toEqual(whole.issues);
    expect(report.added).toBe(whole.rows.length);
    expect(t.ctx.store.listContacts().map((c) => c.name).sort()).toEqual(whole.rows.map((r) => r.name).sort());
  });

  it('reports a ragged line and a quote never closed with their lines, from a stream', async () => {
    const text = `Notes:\n\n${HEADER}\nAda,Lovelace,,,Engines,,\nAlan,Turing\nMo,Diaz,,,"Globex,CTO,1 Jan 2020\nGrace,Hopper,,,,,\n`;
    const report = await importContactsCsv(t.ctx, chunked(Buffer.from(text), 4), { kind: 'linkedin', by: 'test' });
    expect(report.issues.map((i) => i.line)).toEqual([5, 6]);
    expect(report.issues[0]!.reason).toContain('it has 2 values but the header has 7 columns');
    expect(report.issues[1]!.reason).toContain('lines 6–8 could not be read');
    expect(t.ctx.store.listContacts().map((c) => c.name)).toEqual(['Ada Lovelace']);
  });

  it('refuses a file that is not an export before importing anything', async () => {
    await expect(importContactsCsv(t.ctx, readFileSync(join(FIXTURES, 'not-linkedin.csv')), { kind: 'linkedin', by: 'test' })).rejects.toThrow(
      NotALinkedInExportError,
    );
    expect(t.ctx.store.listContacts()).toEqual([]);
  });
});

describe('a big import', () => {
  it('rebuilds the full-text index once, so owner text search finds every row, and leaves bulk mode', async () => {
    const text = [HEADER, ...linkedinRows(12_000)].join('\n');
    const report = await importContactsCsv(t.ctx, text, { kind: 'linkedin', by: 'test' });
    expect(report).toMatchObject({ read: 12_000, added: 12_000, skipped: 0 });
    expect(t.ctx.store.listContacts({ text: 'last11999' }).map((c) => c.name)).toEqual(['Fïrst11999 Last11999']);
    expect(t.ctx.store.listContacts({ text: 'company 7' }).length).toBeGreaterThan(200);
    expect(t.ctx.store.db.prepare("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH '\"last\"*'").pluck().get()).toBe(12_000);
    // Back to row-by-row upkeep: a contact added now is found at once.
    t.ctx.store.insertContact({ name: 'Zed Later', tags: [], topics: [] }, t.ctx.clock.now().toISOString());
    expect(t.ctx.store.listContacts({ text: 'zed' }).map((c) => c.name)).toEqual(['Zed Later']);
    // One event per batch of 5,000.
    expect(t.ctx.store.listEvents().filter((e) => e.kind === 'contacts.imported')).toHaveLength(3);
  });

  it('is seen by a search index built before it (members find vetted rows at once, ranked exactly)', async () => {
    const now = t.ctx.clock.now().toISOString();
    expect(t.ctx.store.searchContacts('engineer', { limit: 5, offset: 0, now }).items).toEqual([]); // builds the index
    const rows = Array.from({ length: 7_000 }, (_, k) => `Person ${k},Engineer,Company ${k % 30},yes`);
    await importContactsCsv(t.ctx, ['name,title,company,vetted', ...rows].join('\n'), { kind: 'csv', by: 'test' });
    const shown = t.ctx.store.searchContacts('engineer company 7', { limit: 5, offset: 0, now }).items.map((c) => c.id);
    expect(shown).toHaveLength(5);
    expect(shown).toEqual(exactFullRanking(t.ctx.store.db, 'engineer company 7', now).slice(0, 5).map((h) => h.id));
  });

  it('updates on re-import, never duplicates, and never brings back a removed contact', async () => {
    const text = [HEADER, ...linkedinRows(6_000)].join('\n');
    await importContactsCsv(t.ctx, text, { kind: 'linkedin', by: 'test' });
    const removed = t.ctx.store.listContacts({ text: 'last42' })[0]!;
    t.ctx.store.removeContact(removed.id, t.ctx.clock.now().toISOString());
    const changed = text.replaceAll('Company 7,Engineer', 'Company 7,Founder');
    const again = await importContactsCsv(t.ctx, changed, { kind: 'linkedin', by: 'test' });
    expect(again).toMatchObject({ added: 0, removed: 1, updated: 120, unchanged: 6_000 - 121 });
    expect(t.ctx.store.listContacts().length).toBe(5_999);
    expect(t.ctx.store.listContacts({ text: 'founder' }).length).toBe(120);
  });

  it('recovers the full-text index when an import stopped half way and the database is opened again', () => {
    const store = t.ctx.store;
    store.startBulkImport(t.ctx.clock.now().toISOString());
    store.insertContact({ name: 'Half Way', tags: [], topics: [] }, t.ctx.clock.now().toISOString());
    expect(store.listContacts({ text: 'half' })).toEqual([]); // not indexed while in bulk mode
    store.db.prepare('UPDATE search_bulk_import SET heartbeat_at = ?').run(Date.now() - 3_600_000);
    const reopened = SqliteStore.open(t.path);
    try {
      expect(reopened.listContacts({ text: 'half' }).map((c) => c.name)).toEqual(['Half Way']);
      expect(reopened.db.prepare('SELECT count(*) FROM search_bulk_import').pluck().get()).toBe(0);
    } finally {
      reopened.close();
    }
  });
});

describe('the summary', () => {
  it('is the same lines the CLI prints, and never quotes a private value', async () => {
    const text = `${HEADER}\nAda,Lovelace,https://www.linkedin.com/in/ada-secret,not-an-email,Engines,,\nAlan,Turing,,,,,\n`;
    const report = await importContactsCsv(t.ctx, Buffer.from(text), { kind: 'linkedin', by: 'owner' });
    const shown = formatImportReport(report, 'Connections.csv');
    expect(shown.summary).toEqual(['Imported 1 row from Connections.csv: 1 added, 0 updated, 0 unchanged, 1 skipped.']);
    expect(shown.issues).toEqual(['  line 2: skipped — the Email Address column is not an email address']);
    expect(shown.next).toContain('New contacts start unvetted');
    expect(JSON.stringify(shown)).not.toContain('ada-secret');
  });
});
