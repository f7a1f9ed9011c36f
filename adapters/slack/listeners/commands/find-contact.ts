// /find-contact <words>: ranked search over the vetted contacts, shown only to
// the asker. With a search worker (search-worker.ts) the listener only acks and
// hands the search over; the worker answers through response_url.
import type { SlackDeps } from '../../deps.ts';
import { type CommandArgs, runCommand } from './run-command.ts';

export function findContact(deps: SlackDeps) {
  const inline = runCommand('find-contact', deps);
  const { search } = deps;
  if (!search) return inline;
  return async (args: CommandArgs): Promise<void> => {
    await args.ack();
    const { command } = args;
    if (search.answer({ userId: command.user_id, userName: command.user_name, text: command.text, responseUrl: command.response_url })) return;
    await inline({ ...args, ack: () => Promise.resolve() });
  };
}
