import { openDatabase } from '#db/client';
import { copyWorkspace } from '#db/copy';

/**
 * `node server.js copy <sqlite file> <postgres url>`: copies the workspace and prints each
 * table's row counts; false when any count differs (the caller exits non-zero).
 */
export async function copySqliteWorkspace(
  from: string,
  to: string,
  log: (line: string) => void = console.log,
): Promise<boolean> {
  const source = openDatabase(from);
  const target = openDatabase(to);
  try {
    const report = await copyWorkspace(source, target, log);
    const width = Math.max(...report.map((r) => r.table.length));
    log('');
    log(`${'table'.padEnd(width)}  ${'SQLite'.padStart(10)}  ${'copy'.padStart(10)}`);
    for (const r of report)
      log(
        `${r.table.padEnd(width)}  ${String(r.source).padStart(10)}  ${String(r.target).padStart(10)}${r.source === r.target ? '' : '  DIFFERENT'}`,
      );
    const same = report.every((r) => r.source === r.target);
    log(same ? 'Every table’s row count matches.' : 'Row counts differ: see DIFFERENT above.');
    return same;
  } finally {
    await Promise.all([source.destroy(), target.destroy()]);
  }
}
