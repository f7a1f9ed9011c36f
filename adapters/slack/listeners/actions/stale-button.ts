// A button whose action_id is not one of ours (an old release's, or forged).
// Without a listener Bolt would leave it unacknowledged and Slack would show an
// error; instead the core's "no longer valid" answer is shown.
import { coreAction } from './core-action.ts';
import type { SlackDeps } from '../../deps.ts';

export const STALE_PATTERN = /^(?!ib:)/;

export const staleButton = (deps: SlackDeps) => coreAction(deps);
