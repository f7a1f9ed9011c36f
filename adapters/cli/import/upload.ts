// Import by upload: the owner sends Connections.csv to the bot in a DM (Slack
// or Discord) and gets the same summary `intro-broker import` prints. The
// adapters fetch the bytes; this is the one place that hands them to the CLI's
// importer (runImport, its main entry point), so re-pointing it at a new
// importer is a change here only. Only the owner may import; nothing of the
// file is logged, and the summary holds counts and line-numbered reasons only
// (the importer's issue texts never quote an email, a link or a phone number).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { CoreContext } from '../../../src/context.ts';
import { isOwner } from '../../../src/context.ts';
import { actorKey, type Actor } from '../../../src/domain.ts';
import { DomainError } from '../../../src/errors.ts';
import { message } from '../../../src/views/notices.ts';
import type { View } from '../../../src/views/view.ts';
import { runImport } from '../commands/import.ts';
import { UsageError, type CliContext } from '../io.ts';
import { NotAContactsCsvError } from './generic-csv.ts';
import { NotALinkedInExportError } from './linkedin-csv.ts';

/** A LinkedIn export of 30,000 connections is about 3 MB; anything far bigger is not one. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface Upload {
  /** The name the owner's file had; shown back, never used as a path. */
  name: string;
  bytes: Uint8Array;
}

/** Whether a shared file is worth fetching at all: a .csv, of a sane size. */
export function looksLikeCsv(name: string, size: number | undefined): boolean {
  return /\.csv$/i.test(name) && (size === undefined || size <= MAX_UPLOAD_BYTES);
}

export function refuseUpload(ctx: CoreContext, actor: Actor): View | null {
  return isOwner(ctx, actor) ? null : message(`Only ${ctx.policy.ownerName} can import contacts. Files sent here are not read.`);
}

/** Imports an uploaded CSV (LinkedIn's Connections.csv, or the generic contacts CSV) and answers with the CLI's summary. */
export async function importUpload(ctx: CoreContext, actor: Actor, upload: Upload): Promise<View> {
  const refused = refuseUpload(ctx, actor);
  if (refused) return refused;
  if (upload.bytes.byteLength > MAX_UPLOAD_BYTES) return message(`That file is too big to be a contacts export (over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`);
  const shownName = upload.name.replace(/[^\w.() -]/g, '_').slice(0, 100) || 'upload.csv';
  const dir = mkdtempSync(join(tmpdir(), 'intro-broker-upload-'));
  try {
    const file = join(dir, 'upload.csv');
    writeFileSync(file, upload.bytes);
    const attempt = async (kind: 'linkedin' | 'csv') => {
      const { c, read } = capture(ctx, actor);
      // Awaited through Promise.resolve: the importer may become async (a streaming one) without a change here.
      await Promise.resolve(runImport(c, kind, file, { dryRun: false }));
      return read().replaceAll(file, shownName);
    };
    let summary: string;
    try {
      summary = await attempt('linkedin');
    } catch (e) {
      if (!(e instanceof NotALinkedInExportError)) throw e;
      summary = await attempt('csv');
    }
    return { summary: summary.split('\n')[0] ?? 'Imported', blocks: [{ kind: 'text', text: summary }] };
  } catch (e) {
    if (e instanceof NotAContactsCsvError || e instanceof UsageError || e instanceof DomainError) return message(e.message);
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A CLI context whose output is kept, so the summary is exactly what the CLI prints. */
function capture(ctx: CoreContext, actor: Actor): { c: CliContext; read: () => string } {
  const chunks: string[] = [];
  // Written synchronously, stdout and stderr in the order the CLI prints them.
  const sink = () =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
  const c: CliContext = { io: { stdin: Readable.from([]), stdout: sink(), stderr: sink() }, ctx, json: false, by: actorKey(actor) };
  return { c, read: () => chunks.join('').trimEnd() };
}
