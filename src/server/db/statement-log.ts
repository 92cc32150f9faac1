import fs from 'node:fs';
import type { Logger } from 'drizzle-orm';

/**
 * TANDEM_SQL_LOG=<file>: every statement the application sends (not BEGIN/COMMIT) is appended to
 * that file, one line each, without its parameters (they may hold personal data). The benchmarks
 * use it to count statements per write; off by default, and then it costs nothing.
 */
export function statementLogger(): Logger | undefined {
  const file = process.env.TANDEM_SQL_LOG;
  if (!file) return undefined;
  const fd = fs.openSync(file, 'a');
  return {
    logQuery(query) {
      fs.writeSync(fd, `${query.replace(/\s+/g, ' ')}\n`);
    },
  };
}
