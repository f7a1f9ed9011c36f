// `contacts triage`: one pass over unvetted contacts, one key each, so an owner
// with 3,000 imported connections gets through them in an evening. In a
// terminal a key acts at once (no Enter); from a pipe each line's first
// character is its key. Skips are kept: `--include-skipped` brings them back.
// Keys: v vet · c vet, knows them well · t tag and vet · o opt out · s skip · q quit.
import type { TriageDeck, TriageVerb } from '../../../src/actions.ts';
import type { Contact } from '../../../src/domain.ts';
import type { TriageOrder } from '../../../src/ports.ts';
import { TRIAGE_ORDERS } from '../../../src/ports.ts';
import { applyTriage, nextTriageStep, queueOf, type TriageStep } from '../../../src/use-cases/triage-contacts.ts';
import { mergeTags, readTags } from '../../../src/rules/tags.ts';
import { connectedOnText, progressText } from '../../../src/views/triage.ts';
import { answersFrom, isTty } from '../keys.ts';
import { type CliContext, out, UsageError } from '../io.ts';

const HELP = '[v] vet  [c] vet, knows them well  [t] tag and vet  [o] opt out  [s] skip  [q] quit';
const VERBS: Record<string, TriageVerb> = { v: 'vet', c: 'vet_close', t: 'tag', o: 'opt_out', s: 'skip', '': 'skip' };

export interface TriageOptions {
  limit?: number;
  order?: string;
  includeSkipped?: boolean;
}

// The owner's own terminal: the LinkedIn URL is what tells two namesakes apart.
function describe(step: TriageStep): string {
  const c: Contact = step.contact;
  const role = [c.title, c.company].filter(Boolean).join(' at ');
  return [
    `\n(${progressText(step.position, step.total)}) #${c.id} ${c.name}`,
    role && `  ${role}`,
    c.location && `  ${c.location}`,
    `  connected ${connectedOnText(c.connectedOn)}`,
    c.linkedinUrl && `  ${c.linkedinUrl}`,
    c.tags.length ? `  tags: ${c.tags.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function deckOf(o: TriageOptions): TriageDeck {
  const order = o.order ?? 'recent';
  if (!TRIAGE_ORDERS.includes(order as TriageOrder)) throw new UsageError(`--order must be ${TRIAGE_ORDERS.join(' or ')} (got "${order}").`);
  return { order: order as TriageOrder, includeSkipped: o.includeSkipped === true, done: 0 };
}

export async function runTriage(c: CliContext, o: TriageOptions = {}): Promise<number> {
  const deck = deckOf(o);
  const total = c.ctx.store.countTriageQueue(queueOf(deck));
  if (total === 0) {
    const skipped = c.ctx.store.countTriageQueue({ ...queueOf(deck), includeSkipped: true });
    out(c, skipped > 0 && !deck.includeSkipped ? `Nothing to triage but ${skipped} skipped contact${skipped === 1 ? '' : 's'}: add --include-skipped to see them again.` : 'Nothing to triage: every contact is vetted or opted out.');
    return 0;
  }
  out(c, `${total.toLocaleString('en-US')} unvetted contact${total === 1 ? '' : 's'}${deck.includeSkipped ? ', skipped ones included' : ''}. ${HELP}${isTty(c.io.stdin) ? '' : '\n(Reading one answer per line.)'}`);
  const answers = answersFrom(c.io.stdin, c.io.stdout);
  const counts = { vetted: 0, tagged: 0, optedOut: 0, skipped: 0 };
  const seen = new Set<number>();
  let after: number | undefined;
  try {
    while (o.limit === undefined || deck.done < o.limit) {
      const step = nextTriageStep(c.ctx, deck, after);
      if (!step || seen.has(step.contact.id)) break;
      seen.add(step.contact.id);
      out(c, describe(step));
      const verb = await askVerb(c, answers);
      if (verb === null) break;
      const contact = step.contact;
      if (verb === 'tag') {
        const tags = await askTags(c, answers);
        if (tags === null) break; // Ctrl-C or the end of input at the prompt: stop, change nothing
        applyTriage(c.ctx, c.by, contact.id, tags.length ? 'tag' : 'vet', mergeTags(contact.tags, tags));
        if (tags.length) counts.tagged++;
        counts.vetted++;
      } else {
        applyTriage(c.ctx, c.by, contact.id, verb);
        if (verb === 'skip') counts.skipped++;
        else if (verb === 'opt_out') counts.optedOut++;
        else counts.vetted++;
      }
      deck.done++;
      after = contact.id;
    }
  } finally {
    answers.close();
  }
  out(c, `\nVetted ${counts.vetted} (${counts.tagged} tagged), opted out ${counts.optedOut}, skipped ${counts.skipped}. Run it again any time to continue${counts.skipped ? ' (skipped ones stay out; --include-skipped brings them back)' : ''}.`);
  return 0;
}

/** A key until it is one of ours; null to stop (q, Ctrl-C, end of input). */
async function askVerb(c: CliContext, answers: ReturnType<typeof answersFrom>): Promise<TriageVerb | null> {
  for (;;) {
    c.io.stdout.write('> ');
    const key = await answers.key();
    if (key === null || key === 'q') return null;
    const verb = VERBS[key];
    if (verb) return verb;
    out(c, `Unknown key "${key}". ${HELP}`);
  }
}

/** The tags line, asked again (with why) until it reads; null when input ends. */
async function askTags(c: CliContext, answers: ReturnType<typeof answersFrom>): Promise<string[] | null> {
  for (;;) {
    c.io.stdout.write('tags (comma separated)> ');
    const typed = await answers.line();
    if (typed === null) return null;
    const read = readTags(typed);
    if (read.ok) return read.tags;
    out(c, read.error);
  }
}
