/** An IPv4-looking token inside a trigger phrase (validated later by isIpv4). */
export const IP_PATTERN = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
