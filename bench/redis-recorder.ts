import type { Redis } from 'ioredis';

/** A command as the client sent it, with Redis's reply (a GET's value is needed to replay it at its size). */
export interface RecordedCommand {
  readonly name: string;
  readonly args: readonly string[];
  reply?: unknown;
}

export interface RedisRecorder {
  start(): void;
  /** The commands since start(); their round trips and socket bytes are added to the totals. */
  stop(): readonly RecordedCommand[];
  totals(): { roundTrips: number; sent: number; received: number };
}

/**
 * Counts what a Redis client sends between start() and stop(): every command (the stores await each one, so
 * each is a round trip), and the bytes on its socket both ways (RESP: commands, values and framing).
 */
export function createRedisRecorder(client: Redis): RedisRecorder {
  let recording: RecordedCommand[] | undefined;
  let roundTrips = 0;
  let sent = 0;
  let received = 0;
  let at = { written: 0, read: 0 };
  const socket = (): { bytesWritten: number; bytesRead: number } => client.stream as unknown as { bytesWritten: number; bytesRead: number };

  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command, stream) => {
    if (recording) {
      const entry: RecordedCommand = { name: command.name, args: command.args.map((a) => (Buffer.isBuffer(a) ? a.toString() : String(a))) };
      recording.push(entry);
      roundTrips++;
      command.promise.then((reply) => void (entry.reply = reply), () => undefined);
    }
    return send(command, stream);
  }) as Redis['sendCommand'];

  return {
    start() {
      recording = [];
      at = { written: socket().bytesWritten, read: socket().bytesRead };
    },
    stop() {
      sent += socket().bytesWritten - at.written;
      received += socket().bytesRead - at.read;
      const commands = recording ?? [];
      recording = undefined;
      return commands;
    },
    totals: () => ({ roundTrips, sent, received }),
  };
}
