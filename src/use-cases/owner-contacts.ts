// The owner's search and curation from chat: find any of his contacts (vetted
// or not, by public words or his private email and notes), then vet, tag or
// opt one out with a click. Each change is one transaction with its event.
import type { Actor, Contact } from '../domain.ts';
import { type ContactChange, type ContactLookup, type CoreContext, nowIso, requireOwner, who } from '../context.ts';
import type { ContactStore } from '../ports.ts';
import { notFound } from '../errors.ts';
import { readTags } from '../rules/tags.ts';
import { cleanText } from '../rules/text.ts';
import { curatedView, ownerEmptyQueryView, ownerNoMatchView, ownerSearchResultsView, tagFormView } from '../views/owner-search.ts';
import type { FieldErrors, FormView, View } from '../views/view.ts';

const PAGE_SIZE = 5;
const MAX_PAGE = 50;

export function searchAllContacts(ctx: CoreContext<Pick<ContactStore, 'searchAllContacts'>>, actor: Actor, text: string, page = 1): View {
  requireOwner(ctx, actor);
  const query = cleanText(text).replace(/\s+/g, ' ').slice(0, 200);
  if (query.length === 0) return ownerEmptyQueryView();
  const p = Math.min(Math.max(1, Math.floor(page)), MAX_PAGE);
  const result = ctx.store.searchAllContacts(query, { limit: PAGE_SIZE, offset: (p - 1) * PAGE_SIZE });
  if (result.items.length === 0) return ownerNoMatchView(query);
  return ownerSearchResultsView({ query, page: p, pageSize: PAGE_SIZE, items: result.items, hasMore: result.hasMore && p < MAX_PAGE });
}

function ownedContact(ctx: CoreContext<ContactLookup>, actor: Actor, id: number): Contact {
  requireOwner(ctx, actor);
  const c = ctx.store.getContact(id);
  if (!c) throw notFound('contact');
  return c;
}

function change(ctx: CoreContext<ContactChange>, actor: Actor, id: number, patch: Partial<Contact>, kind: string, data: Record<string, unknown> = {}): Contact {
  return ctx.store.transaction(() => {
    ownedContact(ctx, actor, id);
    const at = nowIso(ctx);
    const c = ctx.store.updateContact(id, patch, at);
    ctx.store.appendEvent({ at, actor: who(actor), kind, contactId: id, data });
    return c;
  });
}

export function vetFromChat(ctx: CoreContext<ContactChange>, actor: Actor, id: number): View {
  const c = change(ctx, actor, id, { vetted: true }, 'contact.vetted');
  return curatedView(`${c.name} is vetted${c.openToIntros ? ': members can now find them' : ' (still opted out, so members do not see them)'}.`);
}

export function optOutFromChat(ctx: CoreContext<ContactChange>, actor: Actor, id: number): View {
  const c = change(ctx, actor, id, { openToIntros: false }, 'contact.opted_out');
  return curatedView(`${c.name} is opted out: no one can ask for an intro to them, and they are hidden from members.`);
}

export function openTagForm(ctx: CoreContext<ContactLookup>, actor: Actor, id: number): FormView {
  return tagFormView(ownedContact(ctx, actor, id));
}

export function submitTags(ctx: CoreContext<ContactChange>, actor: Actor, id: number, values: Record<string, string>): { ok: true; view: View } | { ok: false; errors: FieldErrors; form: FormView } {
  const read = readTags(String(values.tags ?? ''));
  if (!read.ok || read.tags.length === 0) {
    const error = read.ok ? 'Type at least one tag, separated by commas.' : read.error;
    return { ok: false, errors: { tags: error }, form: tagFormView(ownedContact(ctx, actor, id)) };
  }
  const { tags } = read;
  const c = change(ctx, actor, id, { tags }, 'contact.tagged', { tags });
  return { ok: true, view: curatedView(`${c.name} is tagged ${c.tags.join(', ')}.`) };
}
