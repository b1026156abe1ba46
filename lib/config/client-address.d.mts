export const CLIENT_IP_HEADER: "x-portal-client-ip";
export function clientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
}): string;
export function trustedProxyHops(value: string | undefined): number;
