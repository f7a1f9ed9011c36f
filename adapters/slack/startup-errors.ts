// Turns what Bolt and the Web API throw at start-up into one line that names
// the variable to fix. Anything unrecognised is passed on unchanged.
import type { SlackConfig } from '../../src/config.ts';
import { NETWORK_CODES, networkCode, StartupError } from '../../src/startup-error.ts';

const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'user_removed_from_team', 'team_disabled', 'not_allowed_token_type']);

/** `phase`: 'auth' is auth.test with the bot token; 'connect' is listening (HTTP) or apps.connections.open (Socket Mode). */
export function slackStartupError(err: unknown, phase: 'auth' | 'connect', config: SlackConfig): unknown {
  const e = err as { code?: unknown; data?: { error?: unknown } };
  const detail = e?.data?.error;
  const apiError = e?.code === 'slack_webapi_platform_error' ? (typeof detail === 'string' ? detail : '') : undefined;
  if (apiError !== undefined && AUTH_ERRORS.has(apiError)) {
    if (phase === 'connect' && config.appToken) {
      return new StartupError(`SLACK_APP_TOKEN: Slack refused the app-level token (${apiError}); create one with connections:write under Basic Information → App-Level Tokens and put it (xapp-…) in SLACK_APP_TOKEN.`, err);
    }
    return new StartupError(`SLACK_BOT_TOKEN: Slack refused the bot token (${apiError}); copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, after installing the app to the workspace.`, err);
  }
  const net = networkCode(err);
  if (net === 'EADDRINUSE' || net === 'EACCES') {
    return new StartupError(`PORT: port ${config.port} ${net === 'EADDRINUSE' ? 'is already in use (another intro-broker?)' : 'needs more privileges'}; stop that process or choose another PORT.`, err);
  }
  if (net !== undefined && NETWORK_CODES.has(net)) {
    const where = config.apiUrl ?? 'https://slack.com/api/';
    const hint = config.apiUrl ? 'check SLACK_API_URL' : 'check this machine\'s network and DNS (or SLACK_API_URL, if you go through a proxy)';
    return new StartupError(`SLACK_API_URL: cannot reach Slack at ${where} (${net}); ${hint}.`, err);
  }
  return err;
}
