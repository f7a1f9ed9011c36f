// /triage [company] [skipped]: the owner's deck of unvetted contacts, one card
// at a time; each click replaces the card with the next. The core refuses anyone else.
import type { SlackDeps } from '../../deps.ts';
import { runCommand } from './run-command.ts';

export const triage = (deps: SlackDeps) => runCommand('triage', deps);
