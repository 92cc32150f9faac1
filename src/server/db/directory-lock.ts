import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

/**
 * The embedded database's lock file (DATA_DIR/pglite.lock). Two PGlite processes on one
 * directory corrupt it, so a second process must be refused; but a lock left behind by a killed
 * process must never stop the next start. Node has no portable OS-level file lock (flock needs a
 * native add-on), so the file records enough to tell a live holder from a stale one:
 *
 * - `dataDir`: the directory the lock was taken for. A lock found in another directory came with
 *   a copy (or a move) of the data directory: stale.
 * - `hostname` and `bootId` (/proc/sys/kernel/random/boot_id): on the same host and boot, the
 *   holder's PID is checked, together with its start time (field 22 of /proc/<pid>/stat), so a
 *   PID reused by an unrelated process after a container restart is not mistaken for the holder.
 *   The same hostname with another boot id means a reboot: stale.
 * - `heartbeat`: the holder touches the file every few seconds. Where the PID cannot be checked
 *   (another host or container sharing the volume, no /proc), a lock not touched for LEASE_MS is
 *   stale; a fresher one is waited for up to LEASE_MS, and refused if it keeps being touched.
 *
 * What is not detected: a holder on another host whose clock is far off, or a frozen (SIGSTOPped)
 * holder on another host for longer than the lease.
 */
interface LockOwner {
  pid: number;
  startTicks: string | null;
  bootId: string | null;
  hostname: string;
  dataDir: string;
  instance: string;
  createdAt: string;
}

export const LEASE_MS = 30_000;
const HEARTBEAT_MS = 5_000;

export async function acquireDirectoryLock(lockPath: string, dataDir: string): Promise<() => void> {
  const realDir = fs.realpathSync(dataDir);
  const waitUntil = Date.now() + LEASE_MS + HEARTBEAT_MS;
  for (;;) {
    const owner: LockOwner = {
      pid: process.pid,
      startTicks: processStartTicks(process.pid),
      bootId: bootId(),
      hostname: os.hostname(),
      dataDir: realDir,
      instance: randomBytes(8).toString('hex'),
      createdAt: new Date().toISOString(),
    };
    try {
      fs.writeFileSync(lockPath, JSON.stringify(owner), { flag: 'wx' });
      return holdLock(lockPath, owner.instance);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const verdict = judgeLock(lockPath, realDir);
    if (verdict.kind === 'stale') {
      fs.rmSync(lockPath, { force: true });
      continue;
    }
    if (verdict.kind === 'held' || Date.now() > waitUntil) {
      throw new Error(`The data directory is in use by process ${verdict.pid} (${lockPath}).`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

type Verdict = { kind: 'stale' } | { kind: 'held'; pid: number } | { kind: 'unknown'; pid: number };

function judgeLock(lockPath: string, realDir: string): Verdict {
  let text: string;
  let touched: number;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
    touched = fs.statSync(lockPath).mtimeMs;
  } catch {
    return { kind: 'stale' }; // removed meanwhile: try again
  }
  const owner = parseOwner(text);
  // The format before this one held only the PID: judge it by the PID alone.
  if (!owner) {
    const pid = Number(text);
    return pid && pid !== process.pid && isAlive(pid) ? { kind: 'held', pid } : { kind: 'stale' };
  }
  if (owner.dataDir !== realDir) return { kind: 'stale' };
  const sameHost = owner.hostname === os.hostname();
  const currentBoot = bootId();
  if (sameHost && owner.bootId && currentBoot) {
    if (owner.bootId !== currentBoot) return { kind: 'stale' };
    if (owner.pid === process.pid || !isAlive(owner.pid)) return { kind: 'stale' };
    const ticks = processStartTicks(owner.pid);
    if (owner.startTicks && ticks)
      return ticks === owner.startTicks ? { kind: 'held', pid: owner.pid } : { kind: 'stale' };
  }
  // The holder cannot be checked from here: trust the heartbeat.
  return Date.now() - touched > LEASE_MS ? { kind: 'stale' } : { kind: 'unknown', pid: owner.pid };
}

/** Keeps the lock's heartbeat going; the returned function releases it (only if still ours). */
function holdLock(lockPath: string, instance: string): () => void {
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      fs.utimesSync(lockPath, now, now);
    } catch {
      // the file is gone (someone removed it by hand): nothing to refresh
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return () => {
    clearInterval(heartbeat);
    try {
      if (parseOwner(fs.readFileSync(lockPath, 'utf8'))?.instance === instance)
        fs.rmSync(lockPath, { force: true });
    } catch {
      // already gone
    }
  };
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | number;
    if (
      typeof value === 'object' &&
      value &&
      typeof value.pid === 'number' &&
      typeof value.dataDir === 'string'
    )
      return value as LockOwner;
  } catch {
    // not JSON: the older PID-only format
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's start time in clock ticks since boot (Linux), or null where /proc is missing. */
function processStartTicks(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 overall
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}
