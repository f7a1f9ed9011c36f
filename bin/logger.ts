// The bot's logger: JSON lines on stderr (pino). Nothing the bot logs carries
// contact details or request text: callers log ids, kinds and error codes.
import { destination, pino } from 'pino';
import type { Logger } from '../src/ports.ts';

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'intro-broker' } }, destination(2));
}
