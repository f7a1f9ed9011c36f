// The App Home tab, rebuilt from the core each time it is shown or clicked in.
import type { webApi } from '@slack/bolt';
import type { Actor } from '../../src/domain.ts';
import { handleHome } from '../../src/interactions.ts';
import type { View } from '../../src/views/view.ts';
import type { SlackDeps } from './deps.ts';
import { renderHome } from './render.ts';

export async function publishHome(client: webApi.WebClient, deps: SlackDeps, actor: Actor, notice?: View): Promise<void> {
  const view = handleHome(deps.ctx, actor);
  await client.views.publish({ user_id: actor.userId, view: renderHome(view, notice) });
}
