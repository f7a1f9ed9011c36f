// The owner's curation: add, edit, vet, tag, opt out, remove and import
// contacts. Each call is one transaction with one event per contact touched.
import type { Contact } from '../domain.ts';
import { type CoreContext, nowIso } from '../context.ts';
import { notFound } from '../errors.ts';
import type { ContactFilter, ContactInput } from '../ports.ts';
import { closePendingRequests } from './close-requests.ts';

export type ContactPatch = Partial<ContactInput>;

/** A contact no one may ask for any more (opted out, unvetted): their pending requests close. */
function closeIfUnavailable(ctx: CoreContext, by: string, c: Contact): void {
  if (!c.vetted || !c.openToIntros) closePendingRequests(ctx, by, { contactId: c.id }, 'contact_unavailable');
}

export function addContact(ctx: CoreContext, by: string, input: ContactInput): Contact {
  return ctx.store.transaction(() => {
    const at = nowIso(ctx);
    const c = ctx.store.insertContact({ source: 'manual', ...input }, at);
    ctx.store.appendEvent({ at, actor: by, kind: 'contact.added', contactId: c.id });
    return c;
  });
}

export function editContact(ctx: CoreContext, by: string, id: number, patch: ContactPatch): Contact {
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
export function bulkUpdate(ctx: CoreContext, by: string, filter: ContactFilter, patch: ContactPatch, kind: string): number {
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

export function tagContacts(ctx: CoreContext, by: string, filter: ContactFilter, tags: string[]): number {
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

export function removeContacts(ctx: CoreContext, by: string, ids: number[]): { deleted: number; anonymised: number } {
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

/**
 * Imports rows in batches (one transaction each, so a crash loses at most the
 * batch in flight and a re-run finishes the job: rows are keyed). Progress is
 * reported after each batch.
 */
export function importContacts(ctx: CoreContext, by: string, source: string, rows: ImportRow[], onProgress?: (done: number, total: number) => void): ImportSummary {
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const BATCH = 2_000;
  for (let i = 0; i < rows.length; i += BATCH) {
    ctx.store.transaction(() => {
      const at = nowIso(ctx);
      const batch: ImportSummary = { added: 0, updated: 0, unchanged: 0, removed: 0 };
      for (const row of rows.slice(i, i + BATCH)) batch[ctx.store.upsertContactByImportKey({ source, ...row.input }, at)]++;
      // One event per batch, in the batch's transaction: the log always matches the rows.
      ctx.store.appendEvent({ at, actor: by, kind: 'contacts.imported', data: { source, ...batch } });
      summary.added += batch.added;
      summary.updated += batch.updated;
      summary.unchanged += batch.unchanged;
      summary.removed += batch.removed;
    });
    onProgress?.(Math.min(i + BATCH, rows.length), rows.length);
  }
  // A bulk import leaves the search index in many small segments; one merge makes searches faster.
  if (summary.added + summary.updated > 0) ctx.store.optimizeSearchIndex();
  return summary;
}
