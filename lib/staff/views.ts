/** Shapes the server hands to client components: neutral, so the browser bundle imports nothing from lib/server. */
export type InvitationLinkResult = { link: string; emailed: boolean; expiresAt: string; organizationId?: string };
