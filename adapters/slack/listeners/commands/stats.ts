// /stats: the network's figures. The core refuses anyone but the owner.
import type { SlackDeps } from '../../deps.ts';
import { runCommand } from './run-command.ts';

export const stats = (deps: SlackDeps) => runCommand('stats', deps);
