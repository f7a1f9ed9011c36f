import type { App, BlockAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { ACTION_PATTERN, coreAction } from './core-action.ts';
import { STALE_PATTERN, staleButton } from './stale-button.ts';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: ACTION_PATTERN }, coreAction(deps));
  app.action<BlockAction>({ type: 'block_actions', action_id: STALE_PATTERN }, staleButton(deps));
}
