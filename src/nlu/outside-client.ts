// A client on the Internet said at its address, asked whether it reaches an address of ours.
import { isIpv4, isPrivateIp } from '../path/ip';
import { escapeRe } from '../regex';
import { IP_PATTERN as IP } from './patterns';

/** "can 203.0.113.50 reach 51.104.20.30 on 8443?", "203.0.113.50 can't reach 51.104.20.30:443 — why?": a public
 * address asked whether it reaches another address is a client on the Internet, as a flow drawn from it is */
export function askedWhetherReaches(text: string): string | undefined {
  const reach = String.raw`(?:able\s+to\s+)?(?:reach|hit|open|connect\s+to|get\s+to|access|talk\s+to)\s+${IP}\b`;
  const asked =
    new RegExp(
      String.raw`\b(?:can|could|cannot|can't|does|do|will|would|is|are)\s+(${IP})\s+(?:still\s+|not\s+)?${reach}`,
    ).exec(text)?.[1] ??
    new RegExp(
      String.raw`(?:^|[\s(])(${IP})\s+(?:can|cannot|can't|could|couldn't|could not|won't|doesn't|does not|still)\s+` +
        String.raw`(?:not\s+|still\s+)?${reach}`,
    ).exec(text)?.[1];
  return asked && isIpv4(asked) && !isPrivateIp(asked) ? asked : undefined;
}

/** "can 198.51.100.7 reach web on 80?", "could the office at 198.51.100.7 connect to web": the address asked whether it
 * opens a connection is the client, never the far end a workload goes out to (the client is whoever opens the
 * connection: https://kubernetes.io/docs/tutorials/services/source-ip/) */
export const askedWhetherOpens = (text: string, ip: string): boolean =>
  new RegExp(
    String.raw`\b(can|could|may|will|would|does|do|is|are)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:at\s+)?\(?` +
      String.raw`${escapeRe(ip)}\)?\s+(?:be\s+)?(?:able\s+to\s+)?` +
      String.raw`(reach|connect|talk|access|get|hit|open|call|curl|send)\w*\b`,
  ).test(text);
