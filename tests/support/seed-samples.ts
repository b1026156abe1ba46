import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const SHARED = path.resolve(__dirname, "../../../shared");
export const SEEDS_DIR = path.join(SHARED, "seeds");
export const OAI_DIR = path.join(SHARED, "twilio-oai");
export const haveSeeds = existsSync(SEEDS_DIR);
export const haveOai = existsSync(OAI_DIR);

export type CodeSample = { seed: string; index: number; functionName: string; code: string };

/**
 * The Node.js code samples of a seed document: from `const client = twilio(...)` to the line that
 * calls the sample's function, with the page's line numbers dropped. Run as written, with `client`
 * given.
 */
export function codeSamples(seedPrefix: string): CodeSample[] {
  const file = readdirSeed(seedPrefix);
  const lines = readFileSync(file, "utf8").split("\n");
  const samples: CodeSample[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.trim() === "const client = twilio(accountSid, authToken);") {
      current = [];
      continue;
    }
    if (!current) continue;
    if (/^\d+$/.test(line.trim())) continue;
    const call = /^([A-Za-z]+)\(\);$/.exec(line.trim());
    if (call) {
      samples.push({ seed: seedPrefix, index: samples.length + 1, functionName: call[1]!, code: current.join("\n") });
      current = null;
      continue;
    }
    current.push(line);
  }
  return samples;
}

function readdirSeed(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith(`${prefix}_`));
  if (!name) throw new Error(`seed ${prefix} not found in ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, name);
}

/** Runs one sample's code with the given client; its console output is swallowed. */
export async function runSample(sample: CodeSample, client: unknown): Promise<void> {
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const body = `${sample.code}\nawait ${sample.functionName}();`;
  await new AsyncFunction("client", "console", body)(client, { log: () => undefined, info: () => undefined });
}
