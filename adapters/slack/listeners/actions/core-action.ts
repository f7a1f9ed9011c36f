// Every button this app renders carries the core's opaque action id (`ib:…`) as
// its action_id. The core decodes it and checks it against the store, so a
// forged, forwarded or stale id gets a polite refusal, never a change.
import { decodeAction } from '../../../../src/actions.ts';
import { handleAction } from '../../../../src/interactions.ts';
import { describeError, SORRY, type SlackDeps } from '../../deps.ts';
import { answer, type ActionArgs, show } from './answer.ts';
import { surfaceOf } from './surface.ts';

export const ACTION_PATTERN = /^ib:/;

export function coreAction(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const { body } = args;
    const actor = await deps.names.actor(args.client, body.user.id, body.user.name ?? body.user.username);
    const surface = surfaceOf(body);
    const actionId = body.actions[0]?.action_id ?? '';
    // "More results" under ephemeral search results: searched by the search worker, like the command.
    const job = { userId: body.user.id, userName: body.user.name ?? body.user.username, actionId, responseUrl: body.response_url ?? '' };
    if (surface.kind === 'ephemeral' && job.responseUrl && decodeAction(actionId)?.type === 'search_page' && deps.search?.answer(job)) return;
    try {
      const reply = handleAction(deps.ctx, actor, actionId);
      await answer(args, deps, actor, surface, reply);
    } catch (err) {
      deps.logger.error({ ...describeError(err) }, 'slack action failed');
      await show(args, deps, actor, surface, { summary: SORRY, blocks: [{ kind: 'text', text: SORRY }] }).catch(() => undefined);
    } finally {
      // A decision queues a notice, a request queues the owner's card: send them now.
      deps.kick();
    }
  };
}
