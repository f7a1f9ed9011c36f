// A small, bounded memory of keys already seen (event ids, submitted views).
// In memory on purpose: Slack retries within minutes, and a restart that forgets
// costs at most a repeated harmless side effect, because the core's decisions
// are exactly-once in SQLite anyway.
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = 5_000) {}

  /** True the first time a key is seen, false on every repeat. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    // A Set iterates in insertion order, so the first key is the oldest.
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next();
      if (!oldest.done) this.keys.delete(oldest.value);
    }
    return true;
  }
}
