// Names and words from a question or the cluster, matched as themselves inside a regular expression.

/** `s` with every character that has a meaning in a regular expression escaped. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
