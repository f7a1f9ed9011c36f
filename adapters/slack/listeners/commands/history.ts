// /history <member>: a member's requests, declines and outcomes, for the owner only.
import type { SlackDeps } from '../../deps.ts';
import { runCommand } from './run-command.ts';

export const history = (deps: SlackDeps) => runCommand('history', deps);
