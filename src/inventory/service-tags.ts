// Azure service tags and their address prefixes, as the Service Tags discovery API returns them
// (`az network list-service-tags --location <region>`, @azure/arm-network `serviceTags.list`): one list per
// cloud, whatever the region asked (the region only picks the cloud and version). Pure: no SDK import.
// https://learn.microsoft.com/azure/virtual-network/service-tags-overview#use-the-service-tag-discovery-api
// https://learn.microsoft.com/powershell/module/az.network/get-aznetworkservicetag
import { flatten } from './azure-model';

export interface ServiceTags {
  cloud?: string;
  changeNumber?: string;
  /** tag name in lower case (`storage`, `sql.westeurope`, `azurefrontdoor.backend`) → its address prefixes */
  prefixes: Map<string, string[]>;
  /** the same key → the tag's name as Azure writes it (`Storage.WestEurope`) */
  names?: Map<string, string>;
}

/** The service tags a source can give, or why it cannot (said in the answer, not an error). */
export type ServiceTagsRead = ServiceTags | { unavailable: string };

type Flat = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Read the discovery API's answer in any shape (ARM REST with `properties`, az / SDK). */
export function serviceTags(raw: unknown): ServiceTags {
  const f = (flatten(raw) ?? {}) as Flat;
  const values = Array.isArray(f.values) ? (f.values as Flat[]) : Array.isArray(raw) ? (flatten(raw) as Flat[]) : [];
  const prefixes = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const v of values) {
    const name = str(v?.name) ?? str(v?.id);
    const list = Array.isArray(v?.addressprefixes) ? (v.addressprefixes as unknown[]).filter((x) => str(x)) : [];
    if (name) prefixes.set(name.toLowerCase(), list as string[]);
    if (name) names.set(name.toLowerCase(), name);
  }
  return { cloud: str(f.cloud), changeNumber: str(f.changenumber), prefixes, names };
}
