// Azure resource IDs: compared case-insensitively (Azure treats resource group
// and provider segments case-insensitively, and az/ARM/providerID spell them differently).

// called for every ID a question compares: trailing slashes cut without a regex
export function idKey(id: string): string {
  const s = id.trim();
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  return (end === s.length ? s : s.slice(0, end)).toLowerCase();
}

export const sameId = (a?: string, b?: string): boolean => !!a && !!b && idKey(a) === idKey(b);

export interface ParsedId {
  subscription: string;
  resourceGroup: string;
  provider?: string;
  /** type segments, e.g. ["loadBalancers", "frontendIPConfigurations"] */
  types: string[];
  names: string[];
}

export function parseId(id: string): ParsedId | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)(?:\/providers\/([^/]+)\/(.*))?$/i.exec(id.trim());
  if (!m) return undefined;
  const rest = (m[4] ?? '').split('/').filter(Boolean);
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i + 1 < rest.length; i += 2) {
    types.push(rest[i]);
    names.push(rest[i + 1]);
  }
  return {
    subscription: m[1],
    resourceGroup: m[2],
    provider: m[3],
    types,
    names,
  };
}

/** The ID of the resource (or sub-resource) `depth` levels up: a frontend ID → its load balancer ID. */
export function parentId(id: string, levels = 1): string {
  const parts = id.replace(/\/+$/, '').split('/');
  return parts.slice(0, parts.length - 2 * levels).join('/');
}

/** The subscription of an ARM ID or scope (`/subscriptions/<s>…`, also inside `azure:///subscriptions/…`). */
export const subscriptionOf = (id?: string): string | undefined =>
  /(?:^|\/)subscriptions\/([^/]+)/i.exec(id?.trim() ?? '')?.[1];

export const nameOf = (id?: string): string => (id ? (id.replace(/\/+$/, '').split('/').pop() ?? id) : '');

export const resourceGroupOf = (id: string): string => parseId(id)?.resourceGroup ?? '';

/**
 * `fn` remembering its last results (every question reads every node's providerID: 5,000 parses a question
 * otherwise); forgets all once `max` are kept.
 */
function remembered<R>(fn: (s: string) => R, max = 20_000): (s: string) => R {
  const kept = new Map<string, R>();
  return (s) => {
    if (kept.has(s)) return kept.get(s) as R;
    if (kept.size >= max) kept.clear();
    const r = fn(s);
    kept.set(s, r);
    return r;
  };
}

export const resourceGroupId = remembered((id: string): string => {
  const p = parseId(id);
  return p ? `/subscriptions/${p.subscription}/resourceGroups/${p.resourceGroup}` : '';
});

/** Is `id` inside `scope` (a subscription or resource group ID)? */
export const inScope = (id: string, scope: string): boolean => idKey(id).startsWith(idKey(scope) + '/');

/** `azure:///subscriptions/…/virtualMachines/vm` → the VM (or VMSS instance) resource ID. */
export const vmIdFromProviderId = (providerId?: string): string | undefined =>
  providerId ? vmIdOf(providerId) : undefined;

const vmIdOf = remembered((providerId: string): string | undefined => {
  if (!/^azure:\/\//i.test(providerId)) return undefined;
  const id = providerId.replace(/^azure:\/\/+/i, '/');
  return /\/virtualMachines\/[^/]+$/i.test(id) ? id : undefined;
});
