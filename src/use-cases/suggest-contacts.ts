// Suggestions while someone types a search (Discord's autocomplete): names and
// companies of contacts they could find anyway. The same gate as the search:
// members and the owner only, vetted and open-to-intros contacts only, public
// fields only. Anyone else gets nothing, so a stranger cannot learn who is in
// the rolodex one keystroke at a time.
import type { Actor, PublicContact } from '../domain.ts';
import { type CoreContext, type Membership, nowIso, roleOf } from '../context.ts';
import type { ContactStore } from '../ports.ts';
import { cleanText, words } from '../rules/text.ts';

export interface Suggestion {
  /** What the person sees in the list. */
  label: string;
  /** What the search is run with when they pick it. */
  value: string;
}

const MAX_SUGGESTIONS = 10;
const MAX_TYPED = 100;

export function suggestContacts(ctx: CoreContext<Membership & Pick<ContactStore, 'searchContacts'>>, actor: Actor, typed: string): Suggestion[] {
  const role = roleOf(ctx, actor);
  if (role.kind !== 'member' && role.kind !== 'owner') return [];
  const text = cleanText(typed).slice(0, MAX_TYPED);
  if (text.length === 0) return [];
  const { items } = ctx.store.searchContacts(text, { limit: MAX_SUGGESTIONS, offset: 0, now: nowIso(ctx) });
  return dedupe(items.flatMap((c) => suggestionsFor(c, words(text)))).slice(0, MAX_SUGGESTIONS);
}

function suggestionsFor(c: PublicContact, typedWords: string[]): Suggestion[] {
  const role = c.title && c.company ? `${c.title} at ${c.company}` : (c.title ?? c.company);
  const out: Suggestion[] = [{ label: role ? `${c.name} · ${role}` : c.name, value: c.name }];
  // A company is offered only when the typed words point at it: typing "ana"
  // should not suggest her employer, typing "lum" should.
  if (c.company && startsAnyWord(c.company, typedWords)) out.push({ label: `${c.company} (company)`, value: c.company });
  return out;
}

function startsAnyWord(text: string, typedWords: string[]): boolean {
  const own = words(text);
  return typedWords.some((t) => own.some((w) => w.startsWith(t)));
}

function dedupe(list: Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = s.value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
