// GET /healthz: whether the database answers and each platform is connected.
// 200 when all is well, 503 otherwise, with a small JSON body a person or a
// monitor can read. In Slack's HTTP mode Bolt serves it on PORT; HEALTH_PORT
// serves it on a port of its own in any mode (Socket Mode and Discord-only
// runs have no HTTP port otherwise).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthAnswer {
  status: number;
  body: { status: 'ok' | 'unavailable'; database: string; platforms: Record<string, string> };
}

/** A platform's connection states that count as healthy. */
const UP = new Set(['listening', 'connected', 'ready']);

export function healthCheck(database: () => void, platforms: Record<string, () => string>): () => HealthAnswer {
  return () => {
    let db = 'ok';
    try {
      database();
    } catch (err) {
      db = `error: ${(err as { code?: string }).code ?? 'unavailable'}`;
    }
    const states = Object.fromEntries(Object.entries(platforms).map(([name, state]) => [name, state()]));
    const ok = db === 'ok' && Object.values(states).every((s) => UP.has(s));
    return { status: ok ? 200 : 503, body: { status: ok ? 'ok' : 'unavailable', database: db, platforms: states } };
  };
}

/** Serves GET /healthz on its own port; resolves once listening. */
export async function startHealthServer(port: number, check: () => HealthAnswer, host?: string): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/healthz') {
      res.writeHead(404).end();
      return;
    }
    const { status, body } = check();
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  // Health checks are short; nothing should keep the process alive at stop.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
