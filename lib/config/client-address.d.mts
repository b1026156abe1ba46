export const CLIENT_IP_HEADER: "x-portal-client-ip";
export const CLIENT_IP_PROOF_HEADER: "x-portal-client-ip-proof";
export const CLIENT_IP_SECRET_ENV: "PORTAL_CLIENT_IP_SECRET";
export function clientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
}): string;
export function trustedProxyHops(value: string | undefined): number;
