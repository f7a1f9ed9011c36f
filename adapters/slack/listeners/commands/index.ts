import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { findContact } from './find-contact.ts';
import { history } from './history.ts';
import { introduce } from './introduce.ts';
import { intros } from './intros.ts';
import { profile } from './profile.ts';
import { stats } from './stats.ts';
import { triage } from './triage.ts';

export function register(app: App, deps: SlackDeps): void {
  app.command('/find-contact', findContact(deps));
  app.command('/intros', intros(deps));
  app.command('/stats', stats(deps));
  app.command('/triage', triage(deps));
  app.command('/introduce', introduce(deps));
  app.command('/history', history(deps));
  app.command('/profile', profile(deps));
}
