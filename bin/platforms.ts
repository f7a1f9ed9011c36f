// Starts every configured chat platform over one store and one outbox dispatcher.
import type { Config } from '../src/config.ts';

export async function runPlatforms(config: Config): Promise<void> {
  await Promise.resolve();
  throw new Error(`Platform adapters are not built yet (slack: ${Boolean(config.slack)}, discord: ${Boolean(config.discord)}).`);
}
