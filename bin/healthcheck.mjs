#!/usr/bin/env node
// The container's HEALTHCHECK: GET /healthz on HEALTH_PORT (or PORT) of this
// machine; exit 0 when the bot says it is healthy, 1 otherwise. Plain
// JavaScript with no dependencies, so it costs one small node start.
const port = process.env.HEALTH_PORT || process.env.PORT || '8080';
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4000) });
  process.stdout.write(`${res.status} ${await res.text()}\n`);
  process.exit(res.ok ? 0 : 1);
} catch (err) {
  process.stdout.write(`no answer on port ${port}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
