// Bolt and the WebClient log through this, into the app's own logger. Only
// strings and error names go through: Bolt's debug output and some of its
// objects hold whole payloads (someone's request text), which stay out of logs.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/ports.ts';

function words(parts: unknown[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : p instanceof Error ? `${p.name}: ${p.message}` : `[${typeof p}]`))
    .join(' ')
    .slice(0, 500);
}

export function boltLogger(logger: Logger): BoltLogger {
  return {
    debug: () => {},
    info: (...parts: unknown[]) => logger.info({ source: 'slack' }, words(parts)),
    warn: (...parts: unknown[]) => logger.warn({ source: 'slack' }, words(parts)),
    error: (...parts: unknown[]) => logger.error({ source: 'slack' }, words(parts)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
