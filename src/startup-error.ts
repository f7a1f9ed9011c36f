// A problem the self-hoster must fix before the bot can run (a refused token, an
// unreachable host, a busy port, a database that cannot be written). Its message
// is one line that names the variable to change and what to do; the original
// error stays in `cause` for the debug log.
export class StartupError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'StartupError';
  }
}

/** The first system error code (ENOTFOUND, ECONNREFUSED, …) in an error's chain. */
export function networkCode(err: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; cause?: unknown; original?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) && e.code !== 'ERR') return e.code;
  for (const next of [e.cause, e.original, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])]) {
    const code = networkCode(next, depth + 1);
    if (code) return code;
  }
  return undefined;
}

export const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT']);
