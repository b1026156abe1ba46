// Completes package-lock.json with the platform binaries this machine's registry does not serve.
//
// The npm registry reachable from our machines holds only the Linux builds of native packages
// (Next.js SWC, Tailwind oxide, the ESLint resolver). `npm install` here therefore leaves the other
// platforms' optional binaries out of the lock file, and `npm ci` then refuses the lock as "out of
// sync". This script adds each missing optional binary as a platform-restricted entry, exactly as
// npm writes one on a machine that can see the whole registry: npm ci on Linux skips them, and a
// developer on macOS or Windows gets the binary for their platform. Run it after `npm install`.
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = "package-lock.json";
const lock = JSON.parse(readFileSync(LOCK, "utf8"));
const packages = lock.packages;

const CPUS = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];
const OSES = {
  darwin: "darwin",
  win32: "win32",
  linux: "linux",
  android: "android",
  freebsd: "freebsd",
  openharmony: "openharmony",
};

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.map((part) => OSES[part]).find(Boolean);
  const cpu = parts.find((part) => CPUS.includes(part));
  if (!cpu) return null;
  const entry = { cpu: [cpu] };
  if (os) entry.os = [os];
  if (parts.includes("musl") || parts.includes("musleabihf")) entry.libc = ["musl"];
  else if (os === "linux") entry.libc = ["glibc"];
  return entry;
}

let added = 0;
for (const [location, pkg] of Object.entries(packages)) {
  for (const [dependency, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${dependency}`;
    if (packages[key] || packages[`${location}/${key}`]) continue;
    const platform = platformOf(dependency);
    if (!platform) continue;
    packages[key] = {
      version,
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
      license: pkg.license ?? "MIT",
    };
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.info(`[lockfile] added ${added} platform-specific optional binaries`);
