// /intros: a member's own requests (with Withdraw), or the owner's waiting queue.
import type { SlackDeps } from '../../deps.ts';
import { runCommand } from './run-command.ts';

export const intros = (deps: SlackDeps) => runCommand('intros', deps);
