import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { findContact } from './find-contact.ts';
import { intros } from './intros.ts';
import { profile } from './profile.ts';
import { stats } from './stats.ts';

export function register(app: App, deps: SlackDeps): void {
  app.command('/find-contact', findContact(deps));
  app.command('/intros', intros(deps));
  app.command('/stats', stats(deps));
  app.command('/profile', profile(deps));
}
