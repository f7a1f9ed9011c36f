// Play the part of Slack's servers against a Bolt app in HTTP mode: sign
// requests exactly as Slack does and encode bodies the way Bolt expects.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface SlackHttpResponse {
  status: number;
  headers: Headers;
  /** Raw response text ('' for Bolt's empty 200 ack). */
  text: string;
  /** Parsed JSON when the response is JSON, otherwise the text. */
  body: unknown;
}

export interface SignedPostOptions {
  contentType: string;
  /** Unix seconds; defaults to now. Use an old value to test the 5-minute staleness check. */
  timestamp?: number;
  /** Sent as x-slack-retry-num / x-slack-retry-reason, as Slack does on Events API retries. */
  retryNum?: number;
  retryReason?: string;
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** Slack's v0 signature: 'v0=' + hex HMAC-SHA256(secret, `v0:${ts}:${rawBody}`). */
export function slackSignature(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export async function signedPost(url: string, signingSecret: string, rawBody: string, opts: SignedPostOptions): Promise<SlackHttpResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    // Bolt compares the content type with ===, so no '; charset=...' suffix:
    // with one, a form body is JSON.parse'd and Bolt answers 400.
    'content-type': opts.contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(signingSecret, timestamp, rawBody),
  };
  if (opts.retryNum !== undefined) headers['x-slack-retry-num'] = String(opts.retryNum);
  if (opts.retryReason !== undefined) headers['x-slack-retry-reason'] = opts.retryReason;

  const res = await fetch(url, { method: 'POST', headers, body: rawBody });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, headers: res.headers, text, body: isJson && text !== '' ? (JSON.parse(text) as unknown) : text };
}

export type ExtraOptions = Omit<SignedPostOptions, 'contentType'>;

export interface SlashCommandFields {
  token: string;
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  api_app_id: string;
  response_url: string;
  trigger_id: string;
  [extra: string]: string;
}

const slashDefaults: SlashCommandFields = {
  token: 'verification-token',
  team_id: 'T1',
  team_domain: 'fake-team',
  channel_id: 'C1',
  channel_name: 'general',
  user_id: 'U1',
  user_name: 'alice',
  command: '/find-contact',
  text: '',
  api_app_id: 'A1',
  // Harmless unless a handler calls respond(); pass fake.responseUrl(...) when it does.
  response_url: 'http://127.0.0.1:9/response/unset',
  trigger_id: '1111111111.1111111111.trigger',
};

/** A slash command, form-encoded like Slack (every field a string). */
export function postSlashCommand(url: string, signingSecret: string, fields: Partial<SlashCommandFields>, opts: ExtraOptions = {}): Promise<SlackHttpResponse> {
  const form = new URLSearchParams({ ...slashDefaults, ...stripUndefined(fields) });
  return signedPost(url, signingSecret, form.toString(), { ...opts, contentType: FORM });
}

/** block_actions / view_submission / shortcuts: form-encoded `payload=<json>`. */
export function postInteraction(url: string, signingSecret: string, payload: object, opts: ExtraOptions = {}): Promise<SlackHttpResponse> {
  const form = new URLSearchParams({ payload: JSON.stringify(payload) });
  return signedPost(url, signingSecret, form.toString(), { ...opts, contentType: FORM });
}

/** Events API: the event_callback envelope as a JSON body. */
export function postEvent(url: string, signingSecret: string, eventCallback: object, opts: ExtraOptions = {}): Promise<SlackHttpResponse> {
  return signedPost(url, signingSecret, JSON.stringify(eventCallback), { ...opts, contentType: JSON_TYPE });
}

/**
 * Reads test/fixtures/slack/<name>.json. The fixtures carry realistic
 * hooks.slack.com response URLs; pass `responseUrl` (fake.responseUrl(...))
 * so a handler calling respond() reaches the fake instead of the internet.
 */
export function loadSlackFixture<T = Record<string, unknown>>(name: string, opts: { responseUrl?: string } = {}): T {
  const file = new URL(`../fixtures/slack/${name}.json`, import.meta.url);
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (opts.responseUrl !== undefined) {
    if ('response_url' in data) data.response_url = opts.responseUrl;
    if (Array.isArray(data.response_urls)) {
      for (const r of data.response_urls as Record<string, unknown>[]) r.response_url = opts.responseUrl;
    }
  }
  return data as T;
}

function stripUndefined(o: Partial<SlashCommandFields>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
}
