import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { imports } from './tables.ts';

const FILE_NAME = /^tandem-import-([0-9a-f-]{36})\.csv$/;

/**
 * The temporary files of imports (DATA_DIR/import-tmp): an upload is spooled here, then parsed.
 * A file lives only while its import runs: it is removed when the import completes or fails, when
 * the server closes (running imports are stopped first) and, for files a killed process left
 * behind, by the sweep at the next start.
 */
export class ImportFiles {
  readonly dir: string;
  private readonly running = new Map<string, { abort: AbortController; done: Promise<unknown> }>();
  private closed = false;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'import-tmp');
    fs.mkdirSync(this.dir, { recursive: true });
  }

  fileOf(importId: string) {
    return path.join(this.dir, `tandem-import-${importId}.csv`);
  }

  remove(importId: string) {
    fs.rmSync(this.fileOf(importId), { force: true });
  }

  /** Runs an import's background work; its file is removed however it ends. */
  run(importId: string, work: (signal: AbortSignal) => Promise<unknown>) {
    const abort = new AbortController();
    if (this.closed) abort.abort();
    const done = work(abort.signal)
      .catch(() => {})
      .finally(() => {
        this.running.delete(importId);
        this.remove(importId);
      });
    this.running.set(importId, { abort, done });
  }

  /** Resolves once an import's background work has ended (at once when none runs). */
  async settled(importId: string) {
    await this.running.get(importId)?.done;
  }

  /** Shutdown: stops the running imports (each records itself as interrupted) and removes their files. */
  async close() {
    this.closed = true;
    const running = [...this.running.values()];
    for (const { abort } of running) abort.abort();
    await Promise.all(running.map(({ done }) => done));
  }

  /**
   * Start-up, after interrupted imports were recovered: every file that does not belong to an
   * import still uploading or processing (another instance's, on PostgreSQL) is a leftover.
   */
  async sweep(db: DbOrTx) {
    const entries = fs.readdirSync(this.dir);
    const ids = entries.map((name) => FILE_NAME.exec(name)?.[1]).filter((id): id is string => !!id);
    const live = new Set(
      ids.length
        ? (
            await db
              .select({ id: imports.id, status: imports.status })
              .from(imports)
              .where(inArray(imports.id, ids))
          )
            .filter((row) => row.status === 'uploading' || row.status === 'processing')
            .map((row) => row.id)
        : [],
    );
    for (const name of entries) {
      const id = FILE_NAME.exec(name)?.[1];
      if (id && (live.has(id) || this.running.has(id))) continue;
      fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
    }
  }
}
