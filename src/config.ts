// The one place that reads the environment. Everything else receives a Config.
import { z } from 'zod';
import { FAULT_POINTS, type FaultPoint } from './faults.ts';
import { parsePort, shapeProblems } from './config-checks.ts';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional());

const schema = z.object({
  DATABASE_PATH: z.string().trim().min(1).default('./data/intro-broker.db'),
  ACCESS_POLICY: z.enum(['request', 'allowlist', 'open']).default('request'),
  OWNER_NAME: z.string().trim().min(1).default('the owner'),
  MAX_OPEN_REQUESTS_PER_MEMBER: positiveInt(3),
  CONTACT_INTROS_PER_90_DAYS: positiveInt(3),
  REQUEST_EXPIRY_DAYS: positiveInt(14),
  REMINDER_DAYS: positiveInt(3),
  OPTIN_EXPIRY_DAYS: positiveInt(7),
  FOLLOW_UP_DAYS: positiveInt(14),
  FOLLOW_UP_NUDGE_DAYS: positiveInt(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_OWNER_ID: optionalText,
  SLACK_API_URL: optionalUrl,
  // PORT and HEALTH_PORT are checked in config-checks.ts: PORT only matters in Slack's HTTP mode.
  PORT: z.string().optional(),
  HEALTH_PORT: optionalText,
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_OWNER_ID: optionalText,
  // ── Who may reach the bot (issue 10): the only servers / workspace it serves.
  DISCORD_GUILD_ID: optionalText.pipe(
    z
      .string()
      // Their shape (17 to 20 digits each) is checked with the other ids in config-checks.ts.
      .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean))])
      .optional(),
  ),
  SLACK_TEAM_ID: optionalText.pipe(z.string().regex(/^[TE][A-Z0-9]{2,}$/, 'a Slack workspace id, like T0123ABCD').optional()),
  // Test-only: offsets the bot's clock by this many ms (or "<n>d" days), so timers are tested on the running bot.
  CLOCK_OFFSET: optionalText.pipe(
    z
      .string()
      .regex(/^-?\d+d?$/, 'milliseconds, or days with a d (like 15d)')
      .transform((v) => (v.endsWith('d') ? Number(v.slice(0, -1)) * 86_400_000 : Number(v)))
      .optional(),
  ),
  DISCORD_API_URL: optionalUrl,
  // Test-only: crash (SIGKILL) at this point, to prove restarts lose and double nothing.
  FAULT_INJECTION: z.enum(FAULT_POINTS).optional(),
});

export type AccessPolicy = 'request' | 'allowlist' | 'open';

export interface Limits {
  maxOpenRequestsPerMember: number;
  contactIntrosPer90Days: number;
  requestExpiryDays: number;
}

/** Due times, in days: reminders, expiries and follow-ups. */
export interface Timers {
  reminderDays: number;
  optinExpiryDays: number;
  followUpDays: number;
  followUpNudgeDays: number;
}

export const DEFAULT_TIMERS: Timers = { reminderDays: 3, optinExpiryDays: 7, followUpDays: 14, followUpNudgeDays: 7 };

export interface SlackConfig {
  botToken: string;
  ownerId: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  port: number;
  /** SLACK_TEAM_ID: when set, requests from any other workspace are refused. */
  teamId?: string;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  ownerId: string;
  /** The first of `guildIds`: where deploy-commands registers the commands. */
  guildId?: string;
  /** DISCORD_GUILD_ID: the servers the bot serves; anyone else (another server, a DM from a stranger) is refused. */
  guildIds?: string[];
  apiUrl?: string;
}

export interface Config {
  databasePath: string;
  accessPolicy: AccessPolicy;
  ownerName: string;
  limits: Limits;
  timers: Timers;
  logLevel: string;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** GET /healthz on this port (any mode); in Slack's HTTP mode it is also served on PORT. */
  healthPort?: number;
  /** Test-only: the crash point FAULT_INJECTION names. */
  faultInjection?: FaultPoint;
  /** Test-only: CLOCK_OFFSET, in ms, added to the bot's clock. */
  clockOffsetMs?: number;
}

/** A configuration problem, phrased as one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

function describe(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = String(issue.path[0] ?? 'configuration');
  const got = env[name];
  // Secrets (tokens) are never echoed back, only named.
  const shown = got === undefined || /TOKEN|SECRET/.test(name) ? '' : ` (got "${got}")`;
  return `${name}: ${issue.message}${shown}`;
}

/** Which platform variables are missing, from the raw environment, so every problem is reported at once. */
function platformProblems(env: Record<string, string | undefined>): string[] {
  const has = (k: string) => (env[k] ?? '').trim() !== '';
  const problems: string[] = [];
  if (['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_OWNER_ID'].some(has)) {
    if (!has('SLACK_BOT_TOKEN')) problems.push('SLACK_BOT_TOKEN: required when Slack is configured (starts with xoxb-)');
    if (!has('SLACK_OWNER_ID')) problems.push("SLACK_OWNER_ID: required when Slack is configured (the owner's Slack user id, like U0123ABCD)");
    if (!has('SLACK_APP_TOKEN') && !has('SLACK_SIGNING_SECRET'))
      problems.push('SLACK_SIGNING_SECRET: required for HTTP mode, or set SLACK_APP_TOKEN (xapp-…) for Socket Mode');
  }
  if (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_OWNER_ID'].some(has)) {
    if (!has('DISCORD_TOKEN')) problems.push('DISCORD_TOKEN: required when Discord is configured (the bot token)');
    if (!has('DISCORD_APPLICATION_ID')) problems.push('DISCORD_APPLICATION_ID: required when Discord is configured');
    if (!has('DISCORD_OWNER_ID')) problems.push("DISCORD_OWNER_ID: required when Discord is configured (the owner's Discord user id)");
  }
  return problems;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => describe(i, env))), ...platformProblems(env), ...shapeProblems(env)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN && e.SLACK_OWNER_ID) {
    slack = { botToken: e.SLACK_BOT_TOKEN, ownerId: e.SLACK_OWNER_ID, port: parsePort(e.PORT ?? '3000') ?? 3000 };
    if (e.SLACK_SIGNING_SECRET) slack.signingSecret = e.SLACK_SIGNING_SECRET;
    if (e.SLACK_APP_TOKEN) slack.appToken = e.SLACK_APP_TOKEN;
    if (e.SLACK_API_URL) slack.apiUrl = e.SLACK_API_URL;
    if (e.SLACK_TEAM_ID) slack.teamId = e.SLACK_TEAM_ID;
  }
  let discord: DiscordConfig | undefined;
  if (e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID && e.DISCORD_OWNER_ID) {
    discord = { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, ownerId: e.DISCORD_OWNER_ID };
    if (e.DISCORD_GUILD_ID?.[0]) Object.assign(discord, { guildId: e.DISCORD_GUILD_ID[0], guildIds: e.DISCORD_GUILD_ID });
    if (e.DISCORD_API_URL) discord.apiUrl = e.DISCORD_API_URL;
  }

  const config: Config = {
    databasePath: e.DATABASE_PATH,
    accessPolicy: e.ACCESS_POLICY,
    ownerName: e.OWNER_NAME,
    limits: {
      maxOpenRequestsPerMember: e.MAX_OPEN_REQUESTS_PER_MEMBER,
      contactIntrosPer90Days: e.CONTACT_INTROS_PER_90_DAYS,
      requestExpiryDays: e.REQUEST_EXPIRY_DAYS,
    },
    timers: {
      reminderDays: e.REMINDER_DAYS,
      optinExpiryDays: e.OPTIN_EXPIRY_DAYS,
      followUpDays: e.FOLLOW_UP_DAYS,
      followUpNudgeDays: e.FOLLOW_UP_NUDGE_DAYS,
    },
    logLevel: e.LOG_LEVEL,
  };
  if (e.HEALTH_PORT) config.healthPort = parsePort(e.HEALTH_PORT);
  if (e.FAULT_INJECTION) config.faultInjection = e.FAULT_INJECTION;
  if (e.CLOCK_OFFSET !== undefined && e.CLOCK_OFFSET !== 0) config.clockOffsetMs = e.CLOCK_OFFSET;
  if (slack) config.slack = slack;
  if (discord) config.discord = discord;
  return config;
}
