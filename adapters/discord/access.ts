// Who may use the bot on Discord. With DISCORD_GUILD_ID set, only the people of
// those servers: an interaction from another server is refused, and a DM is
// accepted only from someone who is a member of one of them (asked of Discord
// with GET /guilds/{guild}/members/{user}, which needs no privileged intent).
// Without it, every server the bot is in counts (set it, and turn off "Public Bot").
import { DiscordAPIError, Routes, type Client } from 'discord.js';

const REMEMBER_MS = 5 * 60_000;

export interface GuildGate {
  /** True when this user, in this server (null: a DM), may use the bot. */
  allows(userId: string, guildId: string | null): Promise<boolean>;
}

export function guildGate(client: Client, guildIds: readonly string[] | undefined, ownerId: string, now: () => number = Date.now): GuildGate {
  const known = new Map<string, { member: boolean; until: number }>();
  async function sharesAGuild(userId: string): Promise<boolean> {
    const hit = known.get(userId);
    if (hit && hit.until > now()) return hit.member;
    let member = false;
    for (const guildId of guildIds ?? []) {
      try {
        await client.rest.get(Routes.guildMember(guildId, userId));
        member = true;
        break;
      } catch (err) {
        // 10007 Unknown Member, 10004 Unknown Guild: not there. Anything else (an outage) is thrown: the handler apologises.
        if (!(err instanceof DiscordAPIError) || (err.status !== 404 && err.status !== 403)) throw err;
      }
    }
    known.set(userId, { member, until: now() + REMEMBER_MS });
    return member;
  }
  return {
    async allows(userId, guildId) {
      if (!guildIds || guildIds.length === 0 || userId === ownerId) return true;
      if (guildId !== null) return guildIds.includes(guildId);
      return sharesAGuild(userId);
    },
  };
}
