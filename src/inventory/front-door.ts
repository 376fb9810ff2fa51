// Azure Front Door (Standard/Premium) profiles, endpoints, origin groups and origins, read from
// `az afd profile list`, `az afd endpoint list`, `az afd origin-group list` and `az afd origin list`
// (flattened objects) or ARM REST (fields under `properties`). Pure: no SDK import.
// https://learn.microsoft.com/azure/frontdoor/origin
import { flatten } from './azure-model';
import { idKey } from './ids';

export interface FrontDoorOrigin {
  id: string;
  name: string;
  /** origin group name */
  group: string;
  hostName: string;
  originHostHeader?: string;
  enabled: boolean;
  httpPort?: number;
  httpsPort?: number;
}

export interface FrontDoor {
  id: string;
  name: string;
  resourceGroup?: string;
  sku?: string;
  /** the profile's Front Door ID, sent to origins in X-Azure-FDID */
  frontDoorId?: string;
  /** the endpoints' host names (`<name>-<hash>.z01.azurefd.net`) */
  endpoints: { name: string; hostName?: string }[];
  origins: FrontDoorOrigin[];
}

type Flat = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const items = (raw: unknown): Flat[] => {
  const f = flatten(raw) as Flat | Flat[] | undefined;
  const list = Array.isArray(f) ? f : Array.isArray(f?.value) ? (f.value as Flat[]) : f ? [f] : [];
  return list.filter((x) => x && typeof x === 'object');
};
/** The name after a segment of an ARM ID (`profiles`, `originGroups`), case-insensitive. */
const segment = (id: string, name: string): string | undefined => {
  const parts = id.split('/');
  const i = parts.findIndex((p) => p.toLowerCase() === name.toLowerCase());
  return i >= 0 ? parts[i + 1] : undefined;
};
const under = (child: Flat, profile: { id: string; name: string }) =>
  str(child.id)
    ? idKey(String(child.id)).startsWith(idKey(profile.id) + '/')
    : str(child.profilename)?.toLowerCase() === profile.name.toLowerCase();

/** The profiles with their endpoints and origins; the files not given are empty lists. */
export function frontDoors(profiles: unknown, endpoints: unknown, origins: unknown): FrontDoor[] {
  const [eps, ors] = [items(endpoints), items(origins)];
  return items(profiles).map((p) => {
    const id = str(p.id) ?? '';
    const profile = { id, name: str(p.name) ?? segment(id, 'profiles') ?? '' };
    return {
      ...profile,
      resourceGroup: str(p.resourcegroup) ?? segment(id, 'resourceGroups'),
      sku: str((p.sku as Flat | undefined)?.name),
      frontDoorId: str(p.frontdoorid),
      endpoints: eps
        .filter((e) => under(e, profile))
        .map((e) => ({ name: str(e.name) ?? '', hostName: str(e.hostname) })),
      origins: ors
        .filter((o) => under(o, profile) && str(o.hostname))
        .map((o) => ({
          id: str(o.id) ?? '',
          name: str(o.name) ?? '',
          group: str(o.origingroupname) ?? segment(str(o.id) ?? '', 'originGroups') ?? '',
          hostName: String(o.hostname),
          originHostHeader: str(o.originhostheader),
          enabled: str(o.enabledstate)?.toLowerCase() !== 'disabled',
          httpPort: typeof o.httpport === 'number' ? o.httpport : undefined,
          httpsPort: typeof o.httpsport === 'number' ? o.httpsport : undefined,
        })),
    };
  });
}
