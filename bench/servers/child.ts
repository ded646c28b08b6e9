import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/**
 * Shared plumbing for a benchmark server in a child process: it reports its port, then answers CPU-usage
 * requests from the parent over IPC, so CPU per turn is measured for exactly one server.
 *
 * With BENCH_CPU_PROF=<dir>, each load phase (from one CPU-usage request to the next) is also recorded as
 * a V8 CPU profile in that folder, so start-up and warm-up do not blur where a turn's time goes.
 */
export function serveBenchChild(start: () => Promise<{ port: number; close(): Promise<void> }>): void {
  const profileDir = process.env['BENCH_CPU_PROF'];
  let session: Session | undefined;
  let phase = 0;
  async function toggleProfile(): Promise<void> {
    if (!profileDir) return;
    if (!session) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
    }
    if (phase++ % 2 === 0) {
      await session.post('Profiler.start');
      return;
    }
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(profileDir, `${path.basename(process.argv[1] ?? 'child', '.js')}-${process.pid}-${phase / 2}.cpuprofile`), JSON.stringify(profile));
  }
  start().then(
    (server) => {
      process.send?.({ kind: 'ready', port: server.port });
      process.on('message', (msg: { kind: string }) => {
        if (msg.kind === 'cpu') {
          const usage = process.cpuUsage();
          void toggleProfile().finally(() => process.send?.({ kind: 'cpu', usage }));
        }
        if (msg.kind === 'stop') void server.close().finally(() => process.exit(0));
      });
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
