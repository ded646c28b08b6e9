/**
 * Shared plumbing for a benchmark server in a child process: it reports its port, then answers CPU-usage
 * requests from the parent over IPC, so CPU per turn is measured for exactly one server.
 */
export function serveBenchChild(start: () => Promise<{ port: number; close(): Promise<void> }>): void {
  start().then(
    (server) => {
      process.send?.({ kind: 'ready', port: server.port });
      process.on('message', (msg: { kind: string }) => {
        if (msg.kind === 'cpu') process.send?.({ kind: 'cpu', usage: process.cpuUsage() });
        if (msg.kind === 'stop') void server.close().finally(() => process.exit(0));
      });
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
