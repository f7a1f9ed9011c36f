import { rmSync } from 'node:fs';
import { SqliteStore } from '../db/sqlite-store.ts';
import { contactAt } from './generate.ts';
const rows = Array.from({ length: 100_000 }, (_, i) => contactAt(1, i));
for (const mode of ['automerge0', 'no-fts-trigger+rebuild', 'triggers']) {
  rmSync('/tmp/sb/ins.db', { force: true }); rmSync('/tmp/sb/ins.db-wal', { force: true });
  const s = SqliteStore.open('/tmp/sb/ins.db');
  if (mode === 'no-fts-trigger+rebuild') s.db.exec('DROP TRIGGER contacts_ai');
  if (mode === 'automerge0') { s.db.exec("INSERT INTO contacts_fts(contacts_fts, rank) VALUES('automerge', 0)"); s.db.exec("INSERT INTO contacts_fts(contacts_fts, rank) VALUES('hashsize', 67108864)"); }
  const ins = s.db.prepare(`INSERT INTO contacts (name, title, company, import_key, source, created_at, updated_at) VALUES (?, ?, ?, ?, 'linkedin', 'x', 'x') ON CONFLICT (import_key) DO NOTHING`);
  const t = performance.now();
  for (let b = 0; b < rows.length; b += 5000) {
    s.db.transaction(() => { for (let i = b; i < b + 5000; i++) { const r = rows[i]!; ins.run(r.name, r.title, r.company, 'k' + i); } })();
  }
  const t2 = performance.now();
  if (mode === 'no-fts-trigger+rebuild') s.db.exec("INSERT INTO contacts_fts(contacts_fts) VALUES('rebuild')");
  if (mode === 'automerge0') s.db.exec("INSERT INTO contacts_fts(contacts_fts) VALUES('optimize')");
  console.log(mode, 'insert', (t2 - t).toFixed(0), 'total', (performance.now() - t).toFixed(0));
  s.close();
}
