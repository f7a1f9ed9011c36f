// What a person sees on a platform's home surface (Slack's App Home): the owner
// their queue and figures, a member their own requests, anyone else the way in.
// Which of these a person gets is a rule, so it lives here and not in an adapter.
import type { Actor } from '../domain.ts';
import { type CoreContext, type Membership, roleOf } from '../context.ts';
import type { ContactStore, ReportStore, RequestStore } from '../ports.ts';
import type { View } from '../views/view.ts';
import { getStats, intros } from './my-requests.ts';
import { searchContacts } from './search-contacts.ts';

/** What the home surface reads: the owner's queue and figures, a member's requests, the search's refusal for others. */
export type HomeStore = Membership & ReportStore & Pick<ContactStore, 'getContact' | 'searchContacts'> & Pick<RequestStore, 'getRequest' | 'listRequests' | 'countContactLoad'>;

export function home(ctx: CoreContext<HomeStore>, actor: Actor): View {
  const role = roleOf(ctx, actor);
  if (role.kind === 'owner') {
    const queue = intros(ctx, actor);
    const stats = getStats(ctx, actor);
    return { summary: queue.summary, blocks: [...queue.blocks, { kind: 'divider' }, ...stats.blocks] };
  }
  if (role.kind === 'member') return intros(ctx, actor);
  // Pending, declined, blocked and strangers get what a search would tell them: the join path or why not.
  return searchContacts(ctx, actor, '');
}
