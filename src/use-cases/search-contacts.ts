import type { Actor } from '../domain.ts';
import { type CoreContext, type Membership, nowIso, roleOf } from '../context.ts';
import type { ContactStore } from '../ports.ts';
import { cleanText } from '../rules/text.ts';
import { emptyQueryView, noMatchView, searchResultsView } from '../views/search-results.ts';
import { message, strangerView } from '../views/notices.ts';
import type { View } from '../views/view.ts';

export const PAGE_SIZE = 5;
const MAX_QUERY = 200;

/** Members search vetted, open contacts; the owner may search too; others get the way in. */
export function searchContacts(ctx: CoreContext<Membership & Pick<ContactStore, 'searchContacts'>>, actor: Actor, text: string, page = 1): View {
  const role = roleOf(ctx, actor);
  const owner = ctx.policy.ownerName;
  if (role.kind === 'pending') return message(`Your request to join is waiting for ${owner}. You'll hear back here.`);
  if (role.kind === 'blocked' || role.kind === 'declined') return strangerView(owner, false);
  if (role.kind === 'stranger') return strangerView(owner, ctx.policy.accessPolicy === 'request');

  const query = cleanText(text).replace(/\s+/g, ' ').slice(0, MAX_QUERY);
  if (query.length === 0) return emptyQueryView(owner);
  // Any page: every match is reachable (past the last, the answer is the no-match one).
  const p = Number.isFinite(page) ? Math.max(1, Math.floor(page)) : 1;
  const result = ctx.store.searchContacts(query, { limit: PAGE_SIZE, offset: (p - 1) * PAGE_SIZE, now: nowIso(ctx) });
  if (result.items.length === 0) return noMatchView(query, owner);
  return searchResultsView({ query, page: p, pageSize: PAGE_SIZE, items: result.items, hasMore: result.hasMore, ownerName: owner });
}
