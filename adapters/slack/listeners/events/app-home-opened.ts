// The Home tab, published fresh each time it is opened. Slack re-sends an event
// it thinks failed (x-slack-retry-num) and Bolt does not dedupe, so each
// event_id is handled once.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { describeError, slackActor, type SlackDeps } from '../../deps.ts';
import { publishHome } from '../../home.ts';

export type HomeOpenedArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, body, client }: HomeOpenedArgs): Promise<void> => {
    // The event also fires for the Messages tab, which has nothing to publish.
    if (event.tab !== 'home') return;
    if (!deps.seen.add(`event:${body.event_id}`)) return;
    try {
      await publishHome(client, deps, slackActor(event.user));
    } catch (err) {
      deps.logger.error({ ...describeError(err) }, 'slack home publish failed');
    }
  };
}
