// Preloaded into a benchmarked server (NODE_OPTIONS=--import …/server-probe.mjs, set by
// lib/measurement.ts) to observe it from the inside without touching its code:
// - BENCH_CPU_PROFILE_DIR: a V8 CPU profile written there when the process exits (Node refuses
//   --cpu-prof in NODE_OPTIONS). Open the .cpuprofile in Chrome DevTools or speedscope.
// - BENCH_MEMORY_LOG: every 100 ms, one JSON line of process.memoryUsage() (rss, V8 heap,
//   external, array buffers) with Date.now(), appended to that file.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
if (profileDir) {
  fs.mkdirSync(profileDir, { recursive: true });
  const session = new Session();
  session.connect();
  session.post('Profiler.setSamplingInterval', {
    interval: Number(process.env.BENCH_CPU_PROFILE_US ?? 1000),
  });
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    // The in-thread inspector session answers synchronously, so this runs before the exit.
    session.post('Profiler.stop', (error, result) => {
      if (!error)
        fs.writeFileSync(
          path.join(profileDir, `server-${process.pid}.cpuprofile`),
          JSON.stringify(result.profile),
        );
    });
  });
}

const memoryLog = process.env.BENCH_MEMORY_LOG;
if (memoryLog) {
  const fd = fs.openSync(memoryLog, 'a');
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    fs.writeSync(
      fd,
      `${JSON.stringify({ at: Date.now(), rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers })}\n`,
    );
  }, 100);
  timer.unref();
}
