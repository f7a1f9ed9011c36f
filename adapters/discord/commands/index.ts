// The registry: what deploy-commands registers and what the handler routes to.
import type { Command } from './command.ts';
import { findContact } from './find-contact.ts';
import { history } from './history.ts';
import { introduce } from './introduce.ts';
import { intros } from './intros.ts';
import { profile } from './profile.ts';
import { stats } from './stats.ts';
import { triage } from './triage.ts';

export type { Command } from './command.ts';

export const commands: readonly Command[] = [findContact, intros, stats, triage, introduce, history, profile];

export type CommandRegistry = ReadonlyMap<string, Command>;

export function commandRegistry(list: readonly Command[] = commands): CommandRegistry {
  return new Map(list.map((c) => [c.data.name, c]));
}
