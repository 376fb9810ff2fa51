// botframework-connector prints every rejected token to stderr (the expired token's error, or "Error finding key
// for token" with the whole key set): kilobytes per request anyone can send, and no structure. The server writes
// one audit line per refusal instead, so exactly those two prints are dropped; everything else passes through.
const patched = new WeakSet<Console>();

const isTokenNoise = (first: unknown): boolean =>
  (typeof first === 'string' && first.startsWith('Error finding key for token.')) ||
  (first instanceof Error && first.name === 'TokenExpiredError');

export function quietTokenRejections(c: Console = console): void {
  if (patched.has(c)) return;
  patched.add(c);
  const print = c.error.bind(c);
  c.error = (...args: unknown[]) => {
    if (!isTokenNoise(args[0])) print(...args);
  };
}
