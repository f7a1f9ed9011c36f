// The registry: what deploy-commands registers and what the handler routes to.
import type { Command } from './command.ts';
import { findContact } from './find-contact.ts';
import { intros } from './intros.ts';
import { profile } from './profile.ts';
import { stats } from './stats.ts';

export type { Command } from './command.ts';

export const commands: readonly Command[] = [findContact, intros, stats, profile];

export type CommandRegistry = ReadonlyMap<string, Command>;

export function commandRegistry(list: readonly Command[] = commands): CommandRegistry {
  return new Map(list.map((c) => [c.data.name, c]));
}
