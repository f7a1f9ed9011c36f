import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { fileShared } from './file-shared.ts';

/** `files`: the bot token and the hosts it may be sent to, for downloading the owner's uploads. */
export function register(app: App, deps: SlackDeps, files?: { token: string; origins: string[] }): void {
  app.event('app_home_opened', appHomeOpened(deps));
  if (files) app.event('message', fileShared(deps, files));
}
