/**
 * Host names that may load `next dev`'s own resources (its scripts and the hot-reload socket).
 * Next.js 16 blocks them for any origin it was not told about, and the page then never hydrates:
 * the host of APP_URL, this machine under its usual names, and DEV_ALLOWED_HOSTS (comma-separated,
 * for a machine name or a LAN address) are allowed.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function devAllowedOrigins(env) {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
  try {
    if (env.APP_URL) hosts.add(new URL(env.APP_URL).hostname);
  } catch {
    // An invalid APP_URL is reported by the environment check at start-up.
  }
  for (const host of (env.DEV_ALLOWED_HOSTS ?? "").split(",")) {
    const trimmed = host.trim();
    if (trimmed) hosts.add(trimmed);
  }
  return [...hosts];
}
