/**
 * The stack's own Lighthouse floor on this machine (#27 line 1): the smallest page the portal's
 * stack can serve, scored exactly as the portal's pages are (bench/lighthouse.ts), so that their
 * scores can be read against it. A one-page Next.js App Router app, built from the project's own
 * `next`, `react` and `react-dom`: a stylesheet, a heading, a paragraph and one client component (a
 * form with state), served by `next start`. Whatever it loses to the simulated phone, every page of
 * the portal loses too: React's and Next.js's start-up, and Chromium's paint holding.
 */
import { execFileSync } from "node:child_process";
import { linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { medianLighthouseScore, type LighthouseFigures } from "./lighthouse";
import { watchedServer, type WatchedServer } from "./watched-server";

const FILES: Record<string, string> = {
  "package.json": `{ "name": "lighthouse-floor", "private": true }\n`,
  // Its own Turbopack root: the portal's root would bring the portal's instrumentation.ts in.
  "next.config.mjs": `export default { turbopack: { root: import.meta.dirname } };\n`,
  "app/globals.css": `body { margin: 0; font-family: system-ui, sans-serif; color: #0f172a; background: #f8fafc; }
main { max-width: 28rem; margin: 3rem auto; padding: 2rem; background: #fff; border: 1px solid #e2e8f0; }
label { display: block; font-size: 0.875rem; }
input { display: block; width: 100%; margin-top: 0.25rem; padding: 0.5rem; border: 1px solid #cbd5e1; }
button { margin-top: 1rem; padding: 0.5rem 1rem; background: #2f5bea; color: #fff; border: 0; }
`,
  "app/layout.jsx": `import "./globals.css";
export const metadata = { title: "Sign in" };
export default function RootLayout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  "app/page.jsx": `import { SignInForm } from "./sign-in-form";
export const dynamic = "force-dynamic";
export default function Page() {
  return (<main><h1>Sign in</h1><SignInForm /><p>Register your business for US A2P 10DLC messaging and Twilio Trust Hub.</p></main>);
}
`,
  "app/sign-in-form.jsx": `"use client";
import { useState } from "react";
export function SignInForm() {
  const [email, setEmail] = useState("");
  return (<form method="post"><label>Email <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} /></label><button>Sign in</button></form>);
}
`,
};

/**
 * Builds the floor page beside the portal (`.bench-floor`, removed after), scores it `runs` times
 * and answers the median run. The project's node_modules is linked file by file (hard links: the
 * same disk, no copy), since Turbopack resolves nothing outside its root.
 */
export async function lighthouseFloor(
  root: string,
  port: number,
  runs: number,
): Promise<LighthouseFigures & { runs: number[] }> {
  const app = path.join(root, ".bench-floor");
  rmSync(app, { recursive: true, force: true });
  try {
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
      writeFileSync(path.join(app, file), text);
    }
    linkTree(path.join(root, "node_modules"), path.join(app, "node_modules"));
    const next = path.join(app, "node_modules/next/dist/bin/next");
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    execFileSync(process.execPath, [next, "build"], { cwd: app, env, stdio: ["ignore", "ignore", "inherit"] });
    // Its output kept, as the portal's is (#27 line 6): a floor page that fails to start says why.
    const server = watchedServer(process.execPath, [next, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: app,
      env,
      log: path.join(os.tmpdir(), `portal-bench-floor-${process.pid}.log`),
      name: "the floor page's server",
    });
    try {
      const url = `http://127.0.0.1:${port}/`;
      await waitUntilAnswering(url, server);
      return await medianLighthouseScore(url, undefined, runs);
    } finally {
      server.kill();
    }
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

function linkTree(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) linkSync(source, target);
    else if (entry.isSymbolicLink() && statSync(source, { throwIfNoEntry: false })?.isFile()) linkSync(source, target);
  }
}

async function waitUntilAnswering(url: string, server: WatchedServer) {
  for (let tries = 0; tries < 120; tries++) {
    server.assertRunning();
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the floor page did not answer at ${url}\n${server.report()}`);
}
