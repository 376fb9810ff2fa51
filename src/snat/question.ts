// How a SNAT usage question is asked ("are we running out of SNAT ports?", "SNAT port usage", "any SNAT
// failures?"): the load balancer family answers it with the SNAT view of every outbound load balancer and NAT gateway.
// ("is the nat gateway anywhere near running dry on SNAT?": dry, short or low said for out
// https://learn.microsoft.com/azure/nat-gateway/nat-gateway-snat)
export const SNAT_QUESTION = new RegExp(
  String.raw`\b(run(ning)?|ran|runs) (out of|dry|short|low)\b.{0,20}\bsnat\b|` +
    String.raw`\bsnat\b.{0,30}\b(exhaust\w*|usage|utili[sz]ation|failures?|failed|failing|` +
    String.raw`run(ning)? (out|dry|short|low)|` +
    String.raw`in use|used|capacity|allocation|allocated|pressure|headroom|left)\b|` +
    String.raw`\b(exhaust\w*|usage|utili[sz]ation|failures?|failed)\b.{0,30}\bsnat\b`,
);

/** "snat ports" alone leans to this question, less than the phrasings above */
export const SNAT_PORTS = /\bsnat ports?\b/;
