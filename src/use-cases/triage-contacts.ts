// Vetting in an evening: the owner goes through unvetted contacts one card at a
// time (chat deck, terminal, CLI). Each verb is one transaction with its event;
// a verb on a contact someone already handled (a double click, an old card)
// changes nothing and moves on. Skips are kept, so a skipped contact does not
// come back until the owner asks for skipped ones.
import { messageKey } from '../messages.ts';
import type { TriageDeck, TriageVerb } from '../actions.ts';
import type { Actor, Contact } from '../domain.ts';
import { type ContactChange, type CoreContext, nowIso, requireOwner, who } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { readTags } from '../rules/tags.ts';
import type { ContactStore, MessagingStore, TriageOrder, TriageQueue } from '../ports.ts';
import { TAGS_FIELD, triageCardView, triageDoneView, triageStartedView, triageTagFormView } from '../views/triage.ts';
import type { FieldErrors, FormView, View } from '../views/view.ts';

export interface TriageStep {
  contact: Contact;
  /** 1-based place of this card in the deck, and the deck's size as it now stands. */
  position: number;
  total: number;
}

export const queueOf = (deck: Pick<TriageDeck, 'order' | 'includeSkipped'>): TriageQueue => ({ order: deck.order, includeSkipped: deck.includeSkipped });

/**
 * The next card after `afterId`. Without skipped contacts the deck wraps
 * around (whatever is before the cursor was never shown: handled contacts
 * leave the queue); with them it ends, or a re-skipped contact would loop.
 */
export function nextTriageStep(ctx: CoreContext<Pick<ContactStore, 'countTriageQueue' | 'nextTriageContact'>>, deck: TriageDeck, afterId?: number): TriageStep | null {
  const queue = queueOf(deck);
  let contact = ctx.store.nextTriageContact(queue, afterId);
  if (!contact && afterId !== undefined && !deck.includeSkipped) contact = ctx.store.nextTriageContact(queue);
  if (!contact) return null;
  // Handled cards left the queue, so done + what is left is the deck's size;
  // with skipped contacts in it, a skip stays in the queue but behind us.
  const left = ctx.store.countTriageQueue(queue, deck.includeSkipped ? contact.id : undefined);
  return { contact, position: deck.done + 1, total: deck.done + left };
}

const VERB_EVENTS: Record<Exclude<TriageVerb, 'tag'>, string> = { vet: 'contact.vet', vet_close: 'contact.vet', skip: 'contact.triage_skipped', opt_out: 'contact.opt_out' };

/**
 * Applies one verb to one contact. Returns false (nothing written) when the
 * contact is no longer in triage: vetted or opted out meanwhile.
 */
export function applyTriage(ctx: CoreContext<ContactChange>, by: string, contactId: number, verb: TriageVerb, tags: string[] = []): boolean {
  return ctx.store.transaction(() => {
    const c = ctx.store.getContact(contactId);
    if (!c) throw notFound('contact');
    if (c.vetted || !c.openToIntros) return false;
    const at = nowIso(ctx);
    const event = (kind: string, data: Record<string, unknown> = {}) => ctx.store.appendEvent({ at, actor: by, kind, contactId, data: { via: 'triage', ...data } });
    switch (verb) {
      case 'vet':
        ctx.store.updateContact(contactId, { vetted: true }, at);
        break;
      case 'vet_close':
        ctx.store.updateContact(contactId, { vetted: true, strength: 'close' }, at);
        break;
      case 'opt_out':
        ctx.store.updateContact(contactId, { openToIntros: false }, at);
        break;
      case 'skip':
        ctx.store.markTriageSkipped(contactId, at);
        break;
      case 'tag':
        if (tags.length === 0) throw new DomainError('invalid', 'Give at least one tag, or choose Vet.');
        ctx.store.updateContact(contactId, { tags, vetted: true }, at);
        event('contact.tagged', { tags });
        event('contact.vet');
        return true;
    }
    event(VERB_EVENTS[verb], verb === 'vet_close' ? { strength: 'close' } : {});
    return true;
  });
}

// ── the chat deck ────────────────────────────────────────────────────────

/**
 * `/triage [company|recent] [skipped]`, for the owner only: the deck's first
 * card goes to the owner's DM (through the outbox, like every owner card), so
 * the deck is a message that stays and that each click edits in place.
 */
export function startTriage(ctx: CoreContext<Pick<ContactStore, 'countTriageQueue' | 'nextTriageContact'> & Pick<MessagingStore, 'enqueue'>>, actor: Actor, text: string): View {
  requireOwner(ctx, actor);
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const unknown = words.filter((w) => !['company', 'recent', 'skipped'].includes(w));
  if (unknown.length) throw new DomainError('invalid', `/triage takes "company" (sort by company), "recent" (the default) and "skipped" (bring skipped contacts back); not "${unknown.join(' ')}".`);
  const order: TriageOrder = words.includes('company') ? 'company' : 'recent';
  const deck: TriageDeck = { order, includeSkipped: words.includes('skipped'), done: 0 };
  const step = nextTriageStep(ctx, deck);
  if (!step) return cardOrDone(ctx, deck);
  const at = nowIso(ctx);
  ctx.store.enqueue({ dedupeKey: messageKey.triage(actor.platform, actor.userId, at), platform: actor.platform, recipients: [actor.userId], kind: 'owner.triage_card', view: triageCardView(step.contact, step.position, step.total, deck), at });
  return triageStartedView(step.total);
}

function cardOrDone(ctx: CoreContext<Pick<ContactStore, 'countTriageQueue' | 'nextTriageContact'>>, deck: TriageDeck, afterId?: number): View {
  const step = nextTriageStep(ctx, deck, afterId);
  if (step) return triageCardView(step.contact, step.position, step.total, deck);
  const skipped = ctx.store.countTriageQueue({ order: deck.order, includeSkipped: true }) - ctx.store.countTriageQueue(queueOf(deck));
  return triageDoneView(deck.done, skipped, deck.includeSkipped);
}

export type TriageClick = { kind: 'card'; view: View } | { kind: 'form'; form: FormView };

/** A button on a card: the next card (which replaces this one), or the tag form. */
export function triageClick(ctx: CoreContext<ContactChange>, actor: Actor, verb: TriageVerb, contactId: number, deck: TriageDeck): TriageClick {
  requireOwner(ctx, actor);
  if (verb === 'tag') {
    const c = ctx.store.getContact(contactId);
    if (!c) throw notFound('contact');
    return { kind: 'form', form: triageTagFormView(c, deck) };
  }
  applyTriage(ctx, who(actor), contactId, verb);
  return { kind: 'card', view: cardOrDone(ctx, { ...deck, done: deck.done + 1 }, contactId) };
}

export type TagSubmit = { ok: true; view: View } | { ok: false; form: FormView; errors: FieldErrors };

export function submitTriageTags(ctx: CoreContext<ContactChange>, actor: Actor, contactId: number, deck: TriageDeck, values: Record<string, string>): TagSubmit {
  requireOwner(ctx, actor);
  const read = readTags(String(values[TAGS_FIELD] ?? ''));
  if (!read.ok || read.tags.length === 0) {
    const c = ctx.store.getContact(contactId);
    if (!c) throw notFound('contact');
    const error = read.ok ? 'Give at least one tag (e.g. fintech, investor), or close this and choose Vet.' : read.error;
    return { ok: false, form: triageTagFormView(c, deck), errors: { [TAGS_FIELD]: error } };
  }
  applyTriage(ctx, who(actor), contactId, 'tag', read.tags);
  return { ok: true, view: cardOrDone(ctx, { ...deck, done: deck.done + 1 }, contactId) };
}
