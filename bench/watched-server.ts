import { spawn, type SpawnOptions } from "node:child_process";
import { createWriteStream } from "node:fs";

/**
 * The portal's server for a benchmark, with its output kept (#27 line 6): everything it prints goes
 * to a log file, its last lines stay in memory, and how it ended is recorded, so that a part that
 * fails ("connection refused") can say why: the server's own last words, its exit code or signal.
 */
export type WatchedServer = {
  pid: number | undefined;
  kill: (signal?: NodeJS.Signals) => void;
  /** Throws, with the report, when the server has already ended. */
  assertRunning: () => void;
  /** How the server ended (or that it still runs), its log's path, and its last lines. */
  report: () => string;
};

const KEPT_LINES = 80;

export function watchedServer(
  command: string,
  args: string[],
  options: Omit<SpawnOptions, "stdio"> & { log: string; name?: string },
): WatchedServer {
  const { log, name = "the portal's server", ...spawnOptions } = options;
  const file = createWriteStream(log);
  const lines: string[] = [];
  let ended: string | null = null;
  let partial = "";
  const child = spawn(command, args, { ...spawnOptions, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    file.write(chunk);
    const text = partial + chunk.toString("utf8");
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  child.on("exit", (code, signal) => {
    ended = signal ? `ended by signal ${signal}` : `exited with code ${code}`;
  });
  child.on("error", (error) => {
    ended = `could not run: ${error.message}`;
  });
  const report = () =>
    [
      `[bench] ${name} ${ended ?? `is still running (pid ${child.pid})`}; its output: ${log}`,
      `[bench] its last ${Math.min(lines.length + (partial ? 1 : 0), KEPT_LINES)} lines:`,
      ...lines.map((line) => `  | ${line}`),
      ...(partial ? [`  | ${partial}`] : []),
    ].join("\n");
  return {
    pid: child.pid,
    kill: (signal = "SIGTERM") => {
      child.kill(signal);
      file.end();
    },
    assertRunning: () => {
      if (ended) throw new Error(`${name} ${ended}\n${report()}`);
    },
    report,
  };
}
