// Types for bin/build-if-stale.mjs (plain JavaScript: it runs before anything is compiled).
export declare const ROOT: string;
export declare function staleReason(root?: string): string | undefined;
export declare function build(root?: string): { ok: true } | { ok: false; message: string };
export declare function ensureBuilt(root?: string): void;
