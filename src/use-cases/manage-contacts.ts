// The owner's curation: add, edit, vet, tag, opt out, remove and import
// contacts. Each call is one transaction with one event per contact touched.
import type { Contact } from '../domain.ts';
import { type ContactChange, type CoreContext, type IntroWork, nowIso } from '../context.ts';
import { notFound } from '../errors.ts';
import type { ContactFilter, ContactInput } from '../ports.ts';
import { closePendingRequests } from './close-requests.ts';

export type ContactPatch = Partial<ContactInput>;

/** A contact no one may ask for any more (opted out, unvetted): their pending requests close. */
function closeIfUnavailable(ctx: CoreContext<IntroWork>, by: string, c: Contact): void {
  if (!c.vetted || !c.openToIntros) closePendingRequests(ctx, by, { contactId: c.id }, 'contact_unavailable');
}

export function addContact(ctx: CoreContext<ContactChange>, by: string, input: ContactInput): Contact {
  return ctx.store.transaction(() => {
    const at = nowIso(ctx);
    const c = ctx.store.insertContact({ source: 'manual', ...input }, at);
    ctx.store.appendEvent({ at, actor: by, kind: 'contact.added', contactId: c.id });
    return c;
  });
}

export function editContact(ctx: CoreContext<ContactChange & IntroWork>, by: string, id: number, patch: ContactPatch): Contact {
  return ctx.store.transaction(() => {
    if (!ctx.store.getContact(id)) throw notFound('contact');
    const at = nowIso(ctx);
    const c = ctx.store.updateContact(id, patch, at);
    // Field names only: the values may be private.
    ctx.store.appendEvent({ at, actor: by, kind: 'contact.edited', contactId: id, data: { fields: Object.keys(patch) } });
    closeIfUnavailable(ctx, by, c);
    return c;
  });
}

/** Applies one patch to every contact the filter selects; returns how many changed. */
export function bulkUpdate(ctx: CoreContext<ContactChange & IntroWork>, by: string, filter: ContactFilter, patch: ContactPatch, kind: string): number {
  return ctx.store.transaction(() => {
    const at = nowIso(ctx);
    const targets = ctx.store.listContacts(filter);
    for (const c of targets) {
      const updated = ctx.store.updateContact(c.id, patch, at);
      ctx.store.appendEvent({ at, actor: by, kind, contactId: c.id });
      closeIfUnavailable(ctx, by, updated);
    }
    return targets.length;
  });
}

export function tagContacts(ctx: CoreContext<ContactChange>, by: string, filter: ContactFilter, tags: string[]): number {
  return ctx.store.transaction(() => {
    const at = nowIso(ctx);
    const targets = ctx.store.listContacts(filter);
    for (const c of targets) {
      const merged = [...new Set([...c.tags, ...tags])];
      ctx.store.updateContact(c.id, { tags: merged }, at);
      ctx.store.appendEvent({ at, actor: by, kind: 'contact.tagged', contactId: c.id, data: { tags } });
    }
    return targets.length;
  });
}

export function removeContacts(ctx: CoreContext<ContactChange & IntroWork>, by: string, ids: number[]): { deleted: number; anonymised: number } {
  return ctx.store.transaction(() => {
    const at = nowIso(ctx);
    const out = { deleted: 0, anonymised: 0 };
    for (const id of ids) {
      if (!ctx.store.getContact(id)) throw notFound(`contact #${id}`);
      closePendingRequests(ctx, by, { contactId: id }, 'contact_removed');
      out[ctx.store.removeContact(id, at)]++;
      ctx.store.appendEvent({ at, actor: by, kind: 'contact.removed', contactId: id });
    }
    return out;
  });
}

export interface ImportRow {
  line: number;
  input: ContactInput & { importKey: string };
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Rows for contacts the owner had removed: left out. */
  removed: number;
}

const BATCH = 5_000;

/**
 * Imports rows in batches (one transaction each, so a crash loses at most the
 * batch in flight and a re-run finishes the job: rows are keyed). Progress is
 * reported after each batch. For rows read from a stream, see ImportRun.
 */
export function importContacts(ctx: CoreContext<ContactChange>, by: string, source: string, rows: ImportRow[], onProgress?: (done: number, total: number) => void): ImportSummary {
  const run = new ImportRun(ctx, by, source);
  for (let i = 0; i < rows.length; i += BATCH) {
    run.add(rows.slice(i, i + BATCH));
    onProgress?.(Math.min(i + BATCH, rows.length), rows.length);
  }
  return run.finish();
}

/**
 * An import fed batch by batch, so a file of any size is imported in bounded
 * memory. Each batch is one transaction with one event. From the second
 * batch on the store is in bulk mode (the full-text index is rebuilt once at
 * the end instead of row by row); a small import never pays for a rebuild.
 */
export class ImportRun {
  readonly summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  private batches = 0;

  constructor(
    private readonly ctx: CoreContext<ContactChange>,
    private readonly by: string,
    private readonly source: string,
  ) {}

  add(rows: readonly ImportRow[]): void {
    if (rows.length === 0) return;
    const { store } = this.ctx;
    const at = nowIso(this.ctx);
    if (this.batches++ > 0) store.startBulkImport(at);
    store.transaction(() => {
      const batch: ImportSummary = { added: 0, updated: 0, unchanged: 0, removed: 0 };
      for (const row of rows) batch[store.upsertContactByImportKey({ source: this.source, ...row.input }, at)]++;
      // One event per batch, in the batch's transaction: the log always matches the rows.
      store.appendEvent({ at, actor: this.by, kind: 'contacts.imported', data: { source: this.source, ...batch } });
      for (const k of ['added', 'updated', 'unchanged', 'removed'] as const) this.summary[k] += batch[k];
    });
  }

  finish(): ImportSummary {
    if (this.batches > 1) this.ctx.store.finishBulkImport();
    return this.summary;
  }
}
