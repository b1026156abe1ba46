export function devAllowedOrigins(env: Record<string, string | undefined>): string[];
