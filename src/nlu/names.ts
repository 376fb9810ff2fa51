// What a user may type as a Kubernetes name, checked before any lookup.

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const isDns1123Subdomain = (s: string): boolean => s.length > 0 && s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
export const isDns1123Label = (s: string): boolean => s.length > 0 && s.length <= 63 && DNS1123_LABEL.test(s);

/** Edit distance with transpositions (optimal string alignment): "sqlpai" is one edit from "sqlapi". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Up to `max` names closest to `typed`, close enough to be a plausible typo or fragment. */
export function closest(typed: string, names: string[], max = 3): string[] {
  const scored = [...new Set(names)]
    .map((n) => {
      const d = Math.min(editDistance(typed, n), editDistance(typed, n.slice(0, typed.length + 1)) + 1);
      return { n, d };
    })
    .filter(({ d }) => d <= Math.max(2, Math.floor(typed.length / 3)))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  return scored.slice(0, max).map(({ n }) => n);
}

/** The longest run of characters two names share: "ratingapi" and "sqlapi" share "api" (3). */
export function sharedRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  return best;
}

/** Names sharing a part of at least 3 characters with `typed` (longest first): what a stranger's name may stand for
 * when no name is a typo away ("ratingapi" → sqlapi). */
export function alike(typed: string, names: string[], max = 3): string[] {
  return [...new Set(names)]
    .map((n) => ({ n, run: sharedRun(typed, n) }))
    .filter(({ run }) => run >= 3)
    .sort((a, b) => b.run - a.run || a.n.localeCompare(b.n))
    .slice(0, max)
    .map(({ n }) => n);
}
