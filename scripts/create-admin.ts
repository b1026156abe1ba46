import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

import { loadLocalEnv } from "./load-env";

/**
 * `npm run admin:create -- --email admin@isv.example --name "Ada Admin"`: creates an administrator.
 * The password is asked for (hidden) on a terminal, or read from standard input with
 * --password-stdin (for automation); never a flag, which would show in the process list and history.
 */
const usage = `Usage: npm run admin:create -- --email <address> --name "<full name>" [--password-stdin]`;

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, "");
  }
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for the password: pass it with --password-stdin.");
  const ask = async (prompt: string) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Hide what is typed: write the prompt ourselves and mute readline's echo.
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    process.stdout.write(prompt);
    output._writeToOutput = () => {};
    const answer = await rl.question("");
    rl.close();
    process.stdout.write("\n");
    return answer;
  };
  const password = await ask("Password (12+ characters): ");
  if ((await ask("Password again: ")) !== password) throw new Error("The two passwords do not match.");
  return password;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
  });
  if (!values.email || !values.name) throw new Error(usage);
  loadLocalEnv();
  const password = await readPassword(values["password-stdin"] ?? false);
  const { createAdmin } = await import("../lib/server/users/create-admin");
  const outcome = await createAdmin({ email: values.email, name: values.name, password });
  if (!outcome.ok) throw new Error(`Not created:\n${outcome.problems.map((problem) => `  - ${problem}`).join("\n")}`);
  console.info(`[admin] ${outcome.email} can now sign in as an administrator.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
