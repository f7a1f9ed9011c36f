// What GET /healthz says when something is wrong: 503, and which part.
import { describe, expect, it } from 'vitest';
import { healthCheck, startHealthServer } from '../../bin/health.ts';

describe('healthz', () => {
  it('is 200 only when the database answers and every platform is connected', () => {
    expect(healthCheck(() => undefined, { slack: () => 'connected', discord: () => 'ready' })()).toEqual({
      status: 200,
      body: { status: 'ok', database: 'ok', platforms: { slack: 'connected', discord: 'ready' } },
    });
    expect(healthCheck(() => undefined, { slack: () => 'reconnecting' })()).toMatchObject({ status: 503, body: { status: 'unavailable', platforms: { slack: 'reconnecting' } } });
    const broken = () => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    };
    expect(healthCheck(broken, { slack: () => 'listening' })()).toMatchObject({ status: 503, body: { database: 'error: SQLITE_IOERR' } });
  });

  it('serves GET /healthz on its own port and nothing else', async () => {
    const server = await startHealthServer(0, healthCheck(() => undefined, { discord: () => 'reconnecting' }), '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', database: 'ok', platforms: { discord: 'reconnecting' } });
      expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
