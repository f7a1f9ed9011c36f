// /profile email you@example.com: the member's address for email intros.
import type { SlackDeps } from '../../deps.ts';
import { runCommand } from './run-command.ts';

export const profile = (deps: SlackDeps) => runCommand('profile', deps);
