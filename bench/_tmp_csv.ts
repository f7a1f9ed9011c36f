import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { writeLinkedInCsv } from './generate.ts';
const file = '/tmp/sb/Connections.csv';
writeLinkedInCsv(file, 100_000, 20261102);
async function run(name: string, opts: object) {
  const t = performance.now();
  let n = 0;
  const parser = createReadStream(file).pipe(parse({ from_line: 4, relax_column_count: true, ...opts }));
  for await (const r of parser) n++;
  console.log(name, (performance.now() - t).toFixed(0), n);
}
for (let k = 0; k < 2; k++) {
  await run('defaults', {});
  await run('info', { info: true });
  await run('relax+skip', { relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, record_delimiter: '\n' });
  await run('on_record', { relax_quotes: true, skip_empty_lines: true, on_record: (r: string[], ctx: { lines: number }) => [ctx.lines, r] });
}
