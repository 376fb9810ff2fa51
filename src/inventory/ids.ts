// Azure resource IDs: compared case-insensitively (Azure treats resource group
// and provider segments case-insensitively, and az/ARM/providerID spell them differently).

export const idKey = (id: string): string => id.trim().replace(/\/+$/, '').toLowerCase();

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

export const resourceGroupId = (id: string): string => {
  const p = parseId(id);
  return p ? `/subscriptions/${p.subscription}/resourceGroups/${p.resourceGroup}` : '';
};

/** Is `id` inside `scope` (a subscription or resource group ID)? */
export const inScope = (id: string, scope: string): boolean => idKey(id).startsWith(idKey(scope) + '/');

/** `azure:///subscriptions/…/virtualMachines/vm` → the VM (or VMSS instance) resource ID. */
export function vmIdFromProviderId(providerId?: string): string | undefined {
  if (!providerId || !/^azure:\/\//i.test(providerId)) return undefined;
  const id = providerId.replace(/^azure:\/\/+/i, '/');
  return /\/virtualMachines\/[^/]+$/i.test(id) ? id : undefined;
}
