// The search worker's thread (started by search-worker.ts): its own SQLite
// connection (WAL lets it read beside the bot's writer) and its own in-memory
// search index, so /find-contact is searched, rendered and posted to the
// command's response_url without touching the event loop that acks Slack.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../../db/sqlite-store.ts';
import type { CoreContext } from '../../src/context.ts';
import { handleAction, handleCommand } from '../../src/interactions.ts';
import { systemClock } from '../../src/ports.ts';
import { describeError, slackActor, SORRY } from './deps.ts';
import { renderMessage } from './render.ts';
import type { SearchJob, SearchThreadData, SearchThreadMessage } from './search-worker.ts';

const data = workerData as SearchThreadData;
const store = SqliteStore.open(data.databasePath);
const ctx: CoreContext = { store, clock: systemClock, policy: data.policy };
const send = (msg: SearchThreadMessage) => parentPort?.postMessage(msg);

/** POSTs JSON to a response_url; resolves with the HTTP status. */
function postJson(url: string, body: unknown): Promise<number> {
  const payload = JSON.stringify(body);
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', timeout: 10_000, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('response_url timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

function answer(job: SearchJob): unknown {
  try {
    const actor = slackActor(job.userId, job.userName);
    const reply = job.actionId !== undefined ? handleAction(ctx, actor, job.actionId) : handleCommand(ctx, actor, 'find-contact', job.text ?? '');
    if (!('view' in reply)) throw new Error(`search answered with ${reply.type}`);
    // A page button replaces the results it sat under; a command answers anew.
    return { response_type: 'ephemeral', ...(job.actionId !== undefined ? { replace_original: reply.type === 'update' } : {}), ...renderMessage(reply.view) };
  } catch (err) {
    send({ type: 'error', what: 'slack command failed', detail: describeError(err) });
    return { response_type: 'ephemeral', text: SORRY };
  }
}

parentPort?.on('message', (job: SearchJob) => {
  postJson(job.responseUrl, answer(job))
    .then((status) => {
      if (status >= 300) send({ type: 'error', what: 'slack response_url refused the answer', detail: { status } });
    })
    .catch((err: unknown) => send({ type: 'error', what: 'slack response_url failed', detail: describeError(err) }));
});

// Build the index now, so the first member's search is as quick as the rest.
store.searchContacts('a', { limit: 1, offset: 0 });
send({ type: 'ready' });
