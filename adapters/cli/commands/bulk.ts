// `contacts vet|unvet|opt-out|opt-in` by filter: the count first, a
// confirmation (or --yes), then one batch that `contacts vet --undo <batch>`
// (or `contacts undo-batch <batch>`) takes back in one step.
import { applyBulk, type BulkChange, pendingBulk, undoBatch } from '../../../src/use-cases/bulk-contacts.ts';
import type { ContactFilter } from '../../../src/ports.ts';
import { confirm, isTty } from '../keys.ts';
import { type CliContext, out, printJson, UsageError } from '../io.ts';

const n = (k: number) => `${k.toLocaleString('en-US')} contact${k === 1 ? '' : 's'}`;

export async function runBulk(c: CliContext, change: BulkChange, filter: ContactFilter, o: { yes: boolean; idsOnly: boolean }): Promise<number> {
  // Unknown ids are refused here, before anything is asked or changed.
  const pending = pendingBulk(c.ctx, filter, change).length;
  // Naming contacts by id is deliberate enough; a filter may reach thousands.
  if (pending > 0 && !o.idsOnly && !o.yes) {
    if (!isTty(c.io.stdin)) throw new UsageError(`contacts ${change} would change ${n(pending)}: add --yes to confirm (nothing was changed).`);
    if (!(await confirm(c.io.stdin, c.io.stdout, `${change}: ${n(pending)} will change. Go ahead?`))) {
      out(c, 'Nothing was changed.');
      return 1;
    }
  }
  const r = applyBulk(c.ctx, c.by, filter, change);
  if (c.json) return printJson(c, r), 0;
  const already = r.unchanged ? ` (${n(r.unchanged)} already were)` : '';
  out(c, r.changed ? `${change}: ${n(r.changed)}${already}. Batch ${r.batch}: \`contacts undo-batch ${r.batch}\` takes it back.` : `${change}: ${n(0)}${already}.`);
  return 0;
}

export function runUndoBatch(c: CliContext, batch: string): number {
  if (!/^[1-9][0-9]*$/.test(batch)) throw new UsageError(`"${batch}" is not a batch id (a whole number, as the bulk change printed it).`);
  const r = undoBatch(c.ctx, c.by, batch);
  if (c.json) return printJson(c, r), 0;
  out(c, `Undid batch ${batch}: ${n(r.restored)} put back${r.changedSince ? `, ${n(r.changedSince)} left as changed since` : ''}.`);
  return 0;
}
