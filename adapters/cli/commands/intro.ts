// `intro create`: the owner introduces someone to one of his contacts from the
// command line, as /introduce does in chat. Both sides are asked on the
// platform the bot runs on (--via when it runs on several); the bot's outbox
// sends the questions, and the answers come back in chat as usual.
import type { Config } from '../../../src/config.ts';
import type { Actor, Platform } from '../../../src/domain.ts';
import { submitIntroduce } from '../../../src/use-cases/introduce.ts';
import { type CliContext, out, printJson, UsageError } from '../io.ts';
import type { Flags } from './contacts.ts';

const str = (f: Flags, k: string): string | undefined => (typeof f[k] === 'string' ? f[k] : undefined);

/** The owner on the platform the questions go out on. The terminal demo's owner is "owner". */
function ownerOn(config: Config, via: string | undefined): Actor {
  const configured: Partial<Record<Platform, string>> = {
    ...(config.slack ? { slack: config.slack.ownerId } : {}),
    ...(config.discord ? { discord: config.discord.ownerId } : {}),
  };
  const platforms = Object.keys(configured) as Platform[];
  if (via !== undefined && via !== 'slack' && via !== 'discord' && via !== 'console') throw new UsageError('--via must be slack, discord or console.');
  const platform = via ?? (platforms.length === 1 ? platforms[0] : platforms.length === 0 ? 'console' : undefined);
  if (platform === undefined) throw new UsageError(`The bot runs on ${platforms.join(' and ')}: say which with --via.`);
  const userId = platform === 'console' ? 'owner' : configured[platform];
  if (userId === undefined) throw new UsageError(`${platform} is not configured (see .env).`);
  return { platform, userId };
}

export function runIntro(c: CliContext, sub: string | undefined, f: Flags, config: Config): number {
  if (sub !== 'create') throw new UsageError('intro create --contact <id> (--member "Name" | --name "Full Name" --email e) --why "…" --blurb "…" [--via slack|discord]');
  const contact = str(f, 'contact');
  if (!contact || !/^[1-9][0-9]*$/.test(contact)) throw new UsageError('--contact <id> (a contact id, as `contacts list --search` shows).');
  const owner = ownerOn(config, str(f, 'via'));
  const ctx = { ...c.ctx, policy: { ...c.ctx.policy, owners: { [owner.platform]: owner.userId } } };
  const values = { person: str(f, 'member') ?? str(f, 'name') ?? '', email: str(f, 'email') ?? '', whyContact: str(f, 'why') ?? '', blurb: str(f, 'blurb') ?? '' };
  const result = submitIntroduce(ctx, owner, Number(contact), values);
  if (!result.ok) {
    const flag: Record<string, string> = { person: '--member/--name', email: '--email', whyContact: '--why', blurb: '--blurb' };
    for (const [field, problem] of Object.entries(result.errors)) c.io.stderr.write(`${flag[field] ?? field}: ${problem}\n`);
    return 1;
  }
  if (c.json) return printJson(c, result.request), 0;
  out(c, result.view.summary);
  return 0;
}
