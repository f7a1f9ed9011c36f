// Shape checks the schema alone cannot say kindly: ids and tokens pasted in the
// wrong variable, and ports that only matter in one mode. Each problem is one
// line that names the variable and what to put there. Secrets are never echoed.
type Env = Record<string, string | undefined>;

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const SNOWFLAKE = /^\d{17,20}$/;
const DISCORD_TOKEN = /^[\w-]+\.[\w-]+\.[\w-]+$/;

const value = (env: Env, name: string) => {
  const v = env[name]?.trim();
  return v === '' ? undefined : v;
};

/** A port as a person writes it: digits, 1–65535. */
export function parsePort(raw: string): number | undefined {
  if (!/^\d+$/.test(raw.trim())) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= 65535 ? n : undefined;
}

function slackTokenProblems(env: Env): string[] {
  const problems: string[] = [];
  const bot = value(env, 'SLACK_BOT_TOKEN');
  const app = value(env, 'SLACK_APP_TOKEN');
  if (bot !== undefined && !bot.startsWith('xoxb-')) {
    if (bot.startsWith('xapp-')) problems.push('SLACK_BOT_TOKEN: this is an app-level token (xapp-…), it belongs in SLACK_APP_TOKEN; put the Bot User OAuth Token (xoxb-…) here');
    else if (bot.startsWith('xoxp-')) problems.push('SLACK_BOT_TOKEN: this is a user token (xoxp-…); use the Bot User OAuth Token (xoxb-…) from OAuth & Permissions');
    else problems.push('SLACK_BOT_TOKEN: must start with xoxb- (the Bot User OAuth Token from your Slack app\'s OAuth & Permissions page)');
  }
  if (app !== undefined && !app.startsWith('xapp-')) {
    if (app.startsWith('xoxb-')) problems.push('SLACK_APP_TOKEN: this is the bot token (xoxb-…), it belongs in SLACK_BOT_TOKEN; put the app-level token (xapp-…, Basic Information → App-Level Tokens) here');
    else problems.push('SLACK_APP_TOKEN: must start with xapp- (an app-level token with connections:write, from Basic Information → App-Level Tokens)');
  }
  return problems;
}

function idProblems(env: Env): string[] {
  const problems: string[] = [];
  const slackOwner = value(env, 'SLACK_OWNER_ID');
  if (slackOwner !== undefined && !SLACK_USER_ID.test(slackOwner)) {
    problems.push(`SLACK_OWNER_ID: must be a Slack member id like U0123ABCD (your profile → ⋮ → Copy member ID), not a name (got "${slackOwner}")`);
  }
  for (const name of ['DISCORD_OWNER_ID', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID']) {
    const v = value(env, name);
    // A guild id may come as a comma-separated list.
    const ids = v === undefined ? [] : name === 'DISCORD_GUILD_ID' ? v.split(/[\s,]+/).filter(Boolean) : [v];
    if (v !== undefined && !ids.every((id) => SNOWFLAKE.test(id))) {
      problems.push(`${name}: must be a Discord id, 17 to 20 digits (Developer Mode on, then right-click → Copy ID) (got "${v}")`);
    }
  }
  const token = value(env, 'DISCORD_TOKEN');
  if (token !== undefined && !DISCORD_TOKEN.test(token)) {
    problems.push(
      /^bot\s/i.test(token)
        ? 'DISCORD_TOKEN: leave out the "Bot " prefix, paste only the token'
        : 'DISCORD_TOKEN: does not look like a bot token (three parts separated by dots); copy it from the Developer Portal → Bot → Reset Token, not the client secret or public key',
    );
  }
  return problems;
}

/** PORT matters only in Slack's HTTP mode, where an empty or odd value must not become a random port. */
function portProblems(env: Env): string[] {
  const problems: string[] = [];
  const httpMode = value(env, 'SLACK_BOT_TOKEN') !== undefined && value(env, 'SLACK_APP_TOKEN') === undefined;
  const port = env.PORT;
  if (httpMode && port !== undefined && parsePort(port) === undefined) {
    problems.push(`PORT: Slack's HTTP mode listens on it; set a number from 1 to 65535, e.g. PORT=3000${port.trim() === '' ? ' (it is empty)' : ` (got "${port}")`}`);
  }
  const health = value(env, 'HEALTH_PORT');
  if (health !== undefined && parsePort(health) === undefined) {
    problems.push(`HEALTH_PORT: a number from 1 to 65535 for GET /healthz, or leave it empty for none (got "${health}")`);
  }
  return problems;
}

export function shapeProblems(env: Env): string[] {
  return [...slackTokenProblems(env), ...idProblems(env), ...portProblems(env)];
}
