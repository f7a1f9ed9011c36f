// /introduce <contact>: the owner finds one of his contacts to introduce someone to (the core refuses anyone else).
import type { SlackDeps } from '../../deps.ts';
import { runCommand } from './run-command.ts';

export const introduce = (deps: SlackDeps) => runCommand('introduce', deps);
