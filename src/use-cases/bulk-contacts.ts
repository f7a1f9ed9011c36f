// Bulk changes to many contacts (vet, unvet, opt out, opt in) as one batch:
// one transaction, one event per contact changed, each carrying the batch id
// and the value before, so the whole batch can be undone in one step.
import type { Contact } from '../domain.ts';
import { type ContactChange, type CoreContext, nowIso } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { ContactFilter, ContactStore } from '../ports.ts';

export const BULK_CHANGES = ['vet', 'unvet', 'opt-out', 'opt-in'] as const;
export type BulkChange = (typeof BULK_CHANGES)[number];

const FIELD: Record<BulkChange, { field: 'vetted' | 'openToIntros'; to: boolean }> = {
  vet: { field: 'vetted', to: true },
  unvet: { field: 'vetted', to: false },
  'opt-out': { field: 'openToIntros', to: false },
  'opt-in': { field: 'openToIntros', to: true },
};

const eventKind = (change: BulkChange) => `contact.${change.replace('-', '_')}`;

/** The contacts a bulk change would touch; unknown ids are an error that names them. */
export function selectForBulk(ctx: CoreContext<Pick<ContactStore, 'listContacts' | 'missingContactIds'>>, filter: ContactFilter): Contact[] {
  if (filter.ids?.length) {
    const missing = ctx.store.missingContactIds(filter.ids);
    if (missing.length) throw new DomainError('not_found', `No contact with id ${missing.join(', ')}: nothing was changed. \`contacts list\` shows the ids.`);
  }
  return ctx.store.listContacts(filter);
}

/** Of the selected contacts, those the change would actually change. */
export function pendingBulk(ctx: CoreContext<Pick<ContactStore, 'listContacts' | 'missingContactIds'>>, filter: ContactFilter, change: BulkChange): Contact[] {
  const { field, to } = FIELD[change];
  return selectForBulk(ctx, filter).filter((c) => c[field] !== to);
}

export interface BulkResult {
  batch: string;
  changed: number;
  /** Selected, but already as asked. */
  unchanged: number;
}

export function applyBulk(ctx: CoreContext<ContactChange>, by: string, filter: ContactFilter, change: BulkChange): BulkResult {
  return ctx.store.transaction(() => {
    const { field, to } = FIELD[change];
    const selected = selectForBulk(ctx, filter);
    const targets = selected.filter((c) => c[field] !== to);
    const at = nowIso(ctx);
    const batch = ctx.store.newBatchId();
    for (const c of targets) {
      ctx.store.updateContact(c.id, { [field]: to }, at);
      ctx.store.appendEvent({ at, actor: by, kind: eventKind(change), contactId: c.id, data: { batch, field, before: c[field] } });
    }
    return { batch, changed: targets.length, unchanged: selected.length - targets.length };
  });
}

export interface UndoResult {
  batch: string;
  restored: number;
  /** Changed again since the batch: left as they are now. */
  changedSince: number;
}

/** Puts every contact of a batch back as it was, unless it was changed again since. */
export function undoBatch(ctx: CoreContext<ContactChange>, by: string, batch: string): UndoResult {
  return ctx.store.transaction(() => {
    const events = ctx.store.listBatchEvents(batch).filter((e) => e.contactId !== null && (e.data.field === 'vetted' || e.data.field === 'openToIntros'));
    if (events.length === 0) throw new DomainError('not_found', `No bulk change with batch id ${batch}. The batch id is printed when a bulk change is made.`);
    if (ctx.store.listBatchEvents(`undo-${batch}`).length > 0) throw new DomainError('conflict', `Batch ${batch} was already undone.`);
    const at = nowIso(ctx);
    const result: UndoResult = { batch, restored: 0, changedSince: 0 };
    for (const e of events) {
      const field = e.data.field as 'vetted' | 'openToIntros';
      const before = e.data.before === true;
      const c = ctx.store.getContact(e.contactId as number);
      // Gone, or set back by hand since: the later change wins.
      if (!c || c[field] === before) {
        if (c) result.changedSince++;
        continue;
      }
      ctx.store.updateContact(c.id, { [field]: before }, at);
      ctx.store.appendEvent({ at, actor: by, kind: `contact.${field === 'vetted' ? (before ? 'vet' : 'unvet') : before ? 'opt_in' : 'opt_out'}`, contactId: c.id, data: { batch: `undo-${batch}`, undoOf: batch, field, before: !before } });
      result.restored++;
    }
    return result;
  });
}
