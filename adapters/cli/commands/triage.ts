// `contacts triage`: one pass over unvetted contacts, one key each, so an owner
// with 5,000 imported connections gets through them in an evening.
// Keys: v vet · s skip · t tag (then type tags, Enter) · o opt out · c vet as close · q quit.
import { createInterface } from 'node:readline';
import type { Contact } from '../../../src/domain.ts';
import { bulkUpdate, tagContacts } from '../../../src/use-cases/manage-contacts.ts';
import { type CliContext, out } from '../io.ts';

const HELP = '[v] vet  [c] vet, knows them well  [t] tag and vet  [o] opt out  [s] skip  [q] quit';

function describe(c: Contact, i: number, total: number): string {
  const role = [c.title, c.company].filter(Boolean).join(' at ');
  return [`\n(${i}/${total}) #${c.id} ${c.name}`, role && `  ${role}`, c.location && `  ${c.location}`, c.connectedOn && `  connected ${c.connectedOn}`, c.tags.length ? `  tags: ${c.tags.join(', ')}` : '']
    .filter(Boolean)
    .join('\n');
}

/** Lines from stdin; in a terminal the first character of each line is the key. */
export async function runTriage(c: CliContext, limit?: number): Promise<number> {
  const queue = c.ctx.store.listContacts({ vetted: false, ...(limit ? { limit } : {}) });
  if (queue.length === 0) {
    out(c, 'Nothing to triage: every contact is vetted.');
    return 0;
  }
  out(c, `${queue.length} unvetted contact${queue.length === 1 ? '' : 's'}. ${HELP}`);
  const rl = createInterface({ input: c.io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const r = await lines.next();
    return r.done ? null : String(r.value);
  };
  const counts = { vetted: 0, tagged: 0, optedOut: 0, skipped: 0 };
  try {
    for (let i = 0; i < queue.length; i++) {
      const contact = queue[i] as Contact;
      out(c, describe(contact, i + 1, queue.length));
      c.io.stdout.write('> ');
      const line = await next();
      if (line === null) break;
      const key = line.trim().charAt(0).toLowerCase();
      const only = { ids: [contact.id] };
      if (key === 'q') break;
      if (key === 'v' || key === 'c') {
        bulkUpdate(c.ctx, c.by, only, key === 'c' ? { vetted: true, strength: 'close' } : { vetted: true }, 'contact.vet');
        counts.vetted++;
      } else if (key === 't') {
        c.io.stdout.write('tags (comma separated)> ');
        const tags = (await next())?.split(',').map((t) => t.trim()).filter(Boolean) ?? [];
        if (tags.length) tagContacts(c.ctx, c.by, only, tags);
        bulkUpdate(c.ctx, c.by, only, { vetted: true }, 'contact.vet');
        counts.tagged++;
        counts.vetted++;
      } else if (key === 'o') {
        bulkUpdate(c.ctx, c.by, only, { openToIntros: false }, 'contact.opt_out');
        counts.optedOut++;
      } else if (key === 's' || key === '') {
        counts.skipped++;
      } else {
        out(c, `Unknown key "${key}". ${HELP}`);
        i--;
      }
    }
  } finally {
    rl.close();
  }
  out(c, `\nVetted ${counts.vetted} (${counts.tagged} tagged), opted out ${counts.optedOut}, skipped ${counts.skipped}. Run it again any time to continue.`);
  return 0;
}
