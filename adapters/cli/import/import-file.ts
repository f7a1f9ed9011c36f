// Importing a contacts file, streamed: read a chunk, parse its rows, upsert
// them in batches, report every line that was skipped and why. The CLI's
// `import` command and an upload in chat both call importContactsCsv, and
// print formatImportReport, so the owner sees the same summary either way.
import type { CoreContext } from '../../../src/context.ts';
import type { ContactInput } from '../../../src/ports.ts';
import { ImportRun, type ImportRow, type ImportSummary } from '../../../src/use-cases/manage-contacts.ts';
import { type CsvInput, csvRecords, readLines, textChunks } from './csv-stream.ts';
import { EMPTY_FILE, type GenericContactRow, GenericRows, NotAContactsCsvError } from './generic-csv.ts';
import {
  byLine,
  type ContactImportRow,
  type CsvRecord,
  findLinkedInHeader,
  HEADER_SEARCH_LINES,
  type ImportIssue,
  LinkedInRows,
  NotALinkedInExportError,
} from './linkedin-csv.ts';

export type ImportKind = 'linkedin' | 'csv';

export interface ImportReport extends ImportSummary {
  kind: ImportKind;
  dryRun: boolean;
  /** Rows read and valid (imported, or that would be on a dry run). */
  read: number;
  /** Lines left out; each is in `issues` with its reason. */
  skipped: number;
  /** Every problem, in file order; never quotes a private value. */
  issues: ImportIssue[];
}

export interface ImportOptions {
  kind: ImportKind;
  /** Who imports, for the event log ('cli', or the owner's id in chat). */
  by: string;
  dryRun?: boolean;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rows: number) => void;
}

/** Rows per transaction: big enough to amortise a commit, small enough to keep memory flat. */
const BATCH = 5_000;

/**
 * Imports a LinkedIn Connections.csv (`kind: 'linkedin'`) or a generic
 * contacts CSV (`kind: 'csv'`) from a stream, a Buffer or a string. Re-imports
 * update (never duplicate) and never bring back a contact the owner removed.
 * Throws NotALinkedInExportError / NotAContactsCsvError when the file is not
 * one; their messages are ready to show.
 */
export async function importContactsCsv(ctx: CoreContext, input: CsvInput, opts: ImportOptions): Promise<ImportReport> {
  const chunks = textChunks(input);
  const prefix = await readLines(chunks, HEADER_SEARCH_LINES);
  const linkedInHeader = findLinkedInHeader(prefix);
  if (opts.kind === 'linkedin' && !linkedInHeader) throw new NotALinkedInExportError();
  const issues: ImportIssue[] = [];
  const records = csvRecords(prefix, chunks, opts.kind === 'linkedin' ? linkedInHeader!.line : 1, issues);
  const first = (await records.next()).value as CsvRecord | undefined; // the header row
  if (!first) throw opts.kind === 'linkedin' ? new NotALinkedInExportError() : new NotAContactsCsvError(EMPTY_FILE);
  const reader = opts.kind === 'linkedin' ? linkedInReader(new LinkedInRows(linkedInHeader!)) : genericReader(new GenericRows(first, linkedInHeader !== null));

  const run = new ImportRun(ctx, opts.by, opts.kind);
  let batch: ImportRow[] = [];
  let read = 0;
  const flush = () => {
    if (!opts.dryRun) run.add(batch);
    read += batch.length;
    batch = [];
    opts.onProgress?.(read);
  };
  try {
    for await (const record of records) {
      const result = reader.read(record);
      if (result.issues.length > 0) issues.push(...result.issues);
      if (result.row) batch.push(result.row);
      if (batch.length >= BATCH) flush();
    }
    flush();
  } finally {
    // Also after a failure: leaves bulk mode with the full-text index whole.
    if (!opts.dryRun) run.finish();
  }
  const all = byLine([...issues, ...reader.finish()]);
  const summary = opts.dryRun ? { added: 0, updated: 0, unchanged: 0, removed: 0 } : run.summary;
  return { kind: opts.kind, dryRun: opts.dryRun === true, read, ...summary, skipped: all.filter((i) => i.skipped).length, issues: all };
}

/** What the owner reads after an import: the summary, one line per issue, then what to do next (if anything). */
export function formatImportReport(r: ImportReport, fileName: string): { summary: string[]; issues: string[]; next: string | null } {
  const s = (n: number) => (n === 1 ? '' : 's');
  const summary = [
    `${r.dryRun ? 'Dry run: would import' : 'Imported'} ${r.read} row${s(r.read)} from ${fileName}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped.`,
  ];
  if (r.removed > 0) {
    summary.push(`${r.removed} row${r.removed === 1 ? ' was' : 's were'} left out because you removed ${r.removed === 1 ? 'that contact' : 'those contacts'} before (add one back with \`contacts add\`).`);
  }
  const next = !r.dryRun && r.added > 0 ? 'New contacts start unvetted: members cannot see them until you vet them (`contacts triage`, or `contacts vet --company …`).' : null;
  return { summary, issues: r.issues.map((i) => `  ${i.reason}`), next };
}

interface Reader {
  read(record: CsvRecord): { row: ImportRow | null; issues: ImportIssue[] };
  finish(): ImportIssue[];
}

function linkedInReader(rows: LinkedInRows): Reader {
  return {
    read: (record) => {
      const r = rows.read(record);
      return { row: r.row ? fromLinkedIn(r.row) : null, issues: r.issues };
    },
    finish: () => [],
  };
}

function genericReader(rows: GenericRows): Reader {
  return {
    read: (record) => {
      const r = rows.read(record);
      return { row: r.row ? fromGeneric(r.row) : null, issues: r.issues };
    },
    finish: () => rows.finish(),
  };
}

/** Drops nulls, so a re-import never erases what the owner added by hand. */
function known<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key in o) {
    const v = o[key];
    if (v !== null && v !== undefined && (v as unknown) !== '') out[key] = v;
  }
  return out;
}

export function fromLinkedIn(r: ContactImportRow): ImportRow {
  const input: ContactInput & { importKey: string } = {
    name: r.name,
    importKey: r.importKey,
    ...known({ title: r.title, company: r.company, linkedinUrl: r.linkedinUrl, email: r.email, connectedOn: r.connectedOn }),
  };
  return { line: r.line, input };
}

export function fromGeneric(r: GenericContactRow): ImportRow {
  const input: ContactInput & { importKey: string } = {
    name: r.name,
    importKey: r.importKey,
    ...known({
      title: r.title, company: r.company, location: r.location, bio: r.bio, email: r.email, phone: r.phone,
      linkedinUrl: r.linkedinUrl, notes: r.notes, introCap: r.introCap, slackUserId: r.slackUserId,
      discordUserId: r.discordUserId, connectedOn: r.connectedOn,
    }),
    ...(r.tags.length ? { tags: r.tags } : {}),
    ...(r.topics.length ? { topics: r.topics } : {}),
    // A file can vet, opt out, or mark a contact close; it never silently undoes the owner's curation.
    ...(r.vetted ? { vetted: true } : {}),
    ...(!r.openToIntros ? { openToIntros: false } : {}),
    ...(r.noOptin ? { noOptin: true } : {}),
    ...(r.strength !== 'known' ? { strength: r.strength } : {}),
  };
  return { line: r.line, input };
}
