/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeCallbackPath(callbackUrl: string | undefined | null): string | null {
  if (!callbackUrl) return null;
  if (!callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.startsWith("/\\")) return null;
  if (callbackUrl.startsWith("/api/") || callbackUrl.startsWith("/sign-in")) return null;
  return callbackUrl;
}
