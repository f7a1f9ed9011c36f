// `import linkedin <file>` and `import csv <file>`: stream the file in, report
// every skipped line with its reason, upsert by import key so a re-import
// never duplicates. The work is importContactsCsv (also used for uploads in chat).
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { formatImportReport, importContactsCsv } from '../import/import-file.ts';
import { type CliContext, err, out, printJson, UsageError } from '../io.ts';

async function openable(path: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No file at ${path}.` : `Cannot read ${path} (${code ?? 'unknown error'}).`);
  }
}

export async function runImport(c: CliContext, kind: string | undefined, file: string | undefined, opts: { dryRun: boolean }): Promise<number> {
  if ((kind !== 'linkedin' && kind !== 'csv') || !file) throw new UsageError('Usage: intro-broker import linkedin <Connections.csv> | import csv <file.csv> [--dry-run]');
  await openable(file);
  const showProgress = !c.json;
  const report = await importContactsCsv(c.ctx, createReadStream(file), {
    kind,
    by: c.by,
    dryRun: opts.dryRun,
    onProgress: (rows) => {
      if (showProgress && rows >= 5_000) c.io.stderr.write(`\rimporting… ${rows} rows`);
    },
  });
  if (showProgress && report.read + report.skipped >= 5_000) c.io.stderr.write('\n');
  if (c.json) {
    printJson(c, { file, ...report });
    return 0;
  }
  const text = formatImportReport(report, file);
  for (const line of text.summary) out(c, line);
  for (const line of text.issues) err(c, line);
  if (text.next) out(c, text.next);
  return 0;
}
