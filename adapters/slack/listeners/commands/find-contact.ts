// /find-contact <words>: ranked search over the vetted contacts, shown only to the asker.
import type { SlackDeps } from '../../deps.ts';
import { runCommand } from './run-command.ts';

export const findContact = (deps: SlackDeps) => runCommand('find-contact', deps);
