// `import linkedin <file>` and `import csv <file>`: read, report every skipped
// line with its reason, upsert by import key so a re-import never duplicates.
import { readFileSync } from 'node:fs';
import type { ContactInput } from '../../../src/ports.ts';
import { importContacts, type ImportRow } from '../../../src/use-cases/manage-contacts.ts';
import { parseContactsCsv, type GenericContactRow } from '../import/generic-csv.ts';
import { parseLinkedInConnections, type ContactImportRow, type ImportIssue } from '../import/linkedin-csv.ts';
import { type CliContext, err, out, printJson, UsageError } from '../io.ts';

/** Drops nulls, so a re-import never erases what the owner added by hand. */
function known<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Partial<T>;
}

function fromLinkedIn(r: ContactImportRow): ImportRow {
  const input: ContactInput & { importKey: string } = {
    name: r.name,
    importKey: r.importKey,
    ...known({ title: r.title, company: r.company, linkedinUrl: r.linkedinUrl, email: r.email, connectedOn: r.connectedOn }),
  };
  return { line: r.line, input };
}

function fromGeneric(r: GenericContactRow): ImportRow {
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

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No file at ${path}.` : `Cannot read ${path} (${code ?? 'unknown error'}).`);
  }
}

export function runImport(c: CliContext, kind: string | undefined, file: string | undefined, opts: { dryRun: boolean }): number {
  if ((kind !== 'linkedin' && kind !== 'csv') || !file) throw new UsageError('Usage: intro-broker import linkedin <Connections.csv> | import csv <file.csv> [--dry-run]');
  const text = readText(file);
  const parsed = kind === 'linkedin' ? parseLinkedInConnections(text) : parseContactsCsv(text);
  const rows = kind === 'linkedin' ? (parsed.rows).map(fromLinkedIn) : (parsed.rows as GenericContactRow[]).map(fromGeneric);
  const progress = (done: number, total: number) => {
    if (total > 5_000 && !c.json) c.io.stderr.write(`\rimporting… ${done}/${total}`);
    if (total > 5_000 && !c.json && done === total) c.io.stderr.write('\n');
  };
  const summary = opts.dryRun ? { added: 0, updated: 0, unchanged: 0, removed: 0 } : importContacts(c.ctx, c.by, kind, rows, progress);
  const skipped = parsed.issues.filter((i: ImportIssue) => i.skipped);
  if (c.json) {
    printJson(c, { file, kind, dryRun: opts.dryRun, read: rows.length, ...summary, skipped: skipped.length, issues: parsed.issues });
    return 0;
  }
  out(c, `${opts.dryRun ? 'Dry run: would import' : 'Imported'} ${rows.length} row${rows.length === 1 ? '' : 's'} from ${file}: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${skipped.length} skipped.`);
  if (summary.removed > 0) out(c, `${summary.removed} row${summary.removed === 1 ? ' was' : 's were'} left out because you removed ${summary.removed === 1 ? 'that contact' : 'those contacts'} before (add one back with \`contacts add\`).`);
  for (const issue of parsed.issues) err(c, `  ${issue.reason}`);
  if (!opts.dryRun && summary.added > 0) out(c, 'New contacts start unvetted: members cannot see them until you vet them (`contacts triage`, or `contacts vet --company …`).');
  return 0;
}
