// Turn az CLI output (properties flattened to the top, "Ip" spelling, an extra
// `resourceGroup` on every object that has an id) back into the exact shape
// the ARM REST API sends: fields under `properties`, REST spelling ("IP").
// Used by the fake ARM server (fake-arm.ts) so it answers like the real one.
//
// The REST spelling comes from @azure/arm-network 39 (API 2026-01-01). That
// version is generated from TypeSpec and has no `mappers.js` / serializedName
// any more; its deserializers read the wire names directly (`item["name"]` in
// dist/commonjs/models/{common,network}/models.js). az only changes the case
// of a name (REST `frontendIPConfigurations` -> Python
// `frontend_ip_configurations` -> az `frontendIpConfigurations`), so a
// case-insensitive look-up of the REST names that have an acronym in them is
// enough, except for the few names the REST API itself spells both ways
// (REST_SPELLING_EXCEPTIONS). test/contract/fake-arm.test.ts checks the table
// against the installed SDK.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** REST names of @azure/arm-network 39 with two or more capitals in a row:
 *  the only ones whose az spelling differs from the wire. */
export const REST_ACRONYM_NAMES: readonly string[] = [
  'applicationGatewayIPConfigurations',
  'availableIPAddresses',
  'azureASN',
  'backendIPConfiguration',
  'backendIPConfigurations',
  'clientCertIssuerDN',
  'customIPPrefix',
  'customerASN',
  'destinationIPAddress',
  'destinationLoadBalancerFrontEndIPConfiguration',
  'destinationNetworkInterfaceIPConfiguration',
  'disableIPSecReplayProtection',
  'enableFloatingIP',
  'enableIPForwarding',
  'enableOnlyIPv6Peering',
  'endIP',
  'entraJWTValidationConfig',
  'entraJWTValidationConfigs',
  'frontendIPConfiguration',
  'frontendIPConfigurations',
  'gatewayIPConfigurations',
  'hubIPAddresses',
  'linkedPublicIPAddress',
  'loadBalancerFrontendIPConfiguration',
  'localIPAddress',
  'networkInterfaceIPConfiguration',
  'networkInterfaceIPConfigurationId',
  'newSTag',
  'numberOfAllocatedIPAddresses',
  'numberOfAvailableIPAddresses',
  'numberOfIPAddressesToAllocate',
  'numberOfReservedIPAddresses',
  'p2SConnectionConfigurations',
  'p2SVpnGateway',
  'p2SVpnGateways',
  'peerASN',
  'preferHTTPS',
  'preferredIPVersion',
  'primaryASPath',
  'privateEndpointVNetPolicies',
  'privateIPAddress',
  'privateIPAddressPrefixLength',
  'privateIPAddressVersion',
  'privateIPAllocationMethod',
  'publicIPAddress',
  'publicIPAddressVersion',
  'publicIPAddresses',
  'publicIPAllocationMethod',
  'publicIPPrefix',
  'publicIPs',
  'remoteIPAddress',
  'requestBodyInspectLimitInKB',
  'secondaryASPath',
  'servicePublicIPAddress',
  'sourceIPAddress',
  'startIP',
  'terminateTLS',
  'totalNumberOfIPAddresses',
  'validateSNI',
  'verifyClientCertIssuerDN',
];

const REST_SPELLING = new Map(REST_ACRONYM_NAMES.map((n) => [n.toLowerCase(), n]));

/** Names the REST API spells with a lower "Ip" (or otherwise differently) in
 *  some resource types: keep the az spelling there. Keyed by the lower-case
 *  type of the top-level resource. */
export const REST_SPELLING_EXCEPTIONS: Record<string, string[]> = {
  'microsoft.network/natgateways': ['publicIpAddresses', 'publicIpAddressesV6'],
  'microsoft.network/publicipprefixes': ['loadBalancerFrontendIpConfiguration'],
  'microsoft.network/networkvirtualappliances': ['privateIpAddress', 'publicIpAddress'],
  'microsoft.network/vpngateways': ['privateIpAddress', 'publicIpAddress'],
  'microsoft.network/virtualhubs': ['peerAsn'],
  'microsoft.network/virtualrouters': ['peerAsn'],
  'microsoft.network/ddoscustompolicies': ['frontEndIpConfiguration'],
};
const KEEP = new Map(
  Object.entries(REST_SPELLING_EXCEPTIONS).map(([t, names]) => [t, new Set(names.map((n) => n.toLowerCase()))]),
);

/** Envelope fields of a top-level ARM resource (everything else is in `properties`). */
const TOP_LEVEL_KEYS = new Set([
  'id',
  'name',
  'type',
  'location',
  'tags',
  'etag',
  'sku',
  'zones',
  'extendedLocation',
  'identity',
  'plan',
  'kind',
  'managedBy',
  'systemData',
]);
/** Envelope fields of a child resource (subnet, frontendIPConfiguration, ...). */
const CHILD_KEYS = new Set(['id', 'name', 'type', 'etag', 'zones', 'kind']);
/** Types whose `sku` is a property, not part of the envelope. */
const SKU_IN_PROPERTIES = new Set([
  'microsoft.network/applicationgateways',
  'microsoft.network/azurefirewalls',
  'microsoft.network/firewallpolicies',
  'microsoft.network/virtualhubs',
  'microsoft.network/virtualnetworkgateways',
]);
/** Extra envelope fields by type. */
const EXTRA_TOP_LEVEL: Record<string, string[]> = {
  'microsoft.compute/virtualmachines': ['resources'],
};
/** Objects with an `id` that are not ARM (sub)resources on the wire (Compute). */
const NOT_WRAPPED = new Set(['managedDisk', 'diskEncryptionSet', 'imageReference', 'sourceVault']);
/** Free-form maps: keys are data, never renamed. */
const OPAQUE = new Set(['tags', 'userAssignedIdentities']);

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isArmId = (v: unknown): v is string => typeof v === 'string' && /^\/subscriptions\//i.test(v);
const isRestShaped = (o: Record<string, any>) => isObject(o.properties);

/** `Microsoft.Network/loadBalancers` from an ID, lower case; '' if none. */
export function topLevelType(id: string): string {
  const m = /\/providers\/([^/]+)\/([^/]+)\/[^/]+/i.exec(id);
  return m ? `${m[1]}/${m[2]}`.toLowerCase() : '';
}
/** True for `/subscriptions/s/resourceGroups/rg/providers/ns/type/name` (no child segments). */
export function isTopLevelId(id: string): boolean {
  return /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/providers\/[^/]+\/[^/]+\/[^/]+\/?$/i.test(id);
}

function restName(key: string, ownerType: string): string {
  const lower = key.toLowerCase();
  if (KEEP.get(ownerType)?.has(lower)) return key;
  return REST_SPELLING.get(lower) ?? key;
}

function convertValue(key: string, value: any, ownerType: string): any {
  if (OPAQUE.has(key)) return value;
  if (Array.isArray(value)) return value.map((v) => convertValue('', v, ownerType));
  if (!isObject(value)) return value;
  if (isArmId(value.id) && !NOT_WRAPPED.has(key)) return convertResource(value, ownerType, false);
  return convertPlain(value, ownerType);
}

/** An object that is not an ARM resource: rename keys, drop az's resourceGroup. */
function convertPlain(obj: Record<string, any>, ownerType: string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'resourceGroup' || v === undefined) continue;
    out[restName(k, ownerType)] = convertValue(k, v, ownerType);
  }
  return out;
}

function convertResource(res: Record<string, any>, ownerType: string, topLevel: boolean): Record<string, any> {
  if (isRestShaped(res)) return res;
  const id = String(res.id ?? '');
  // A top-level resource (or a reference to one) is typed by itself, a child
  // resource by the resource it belongs to.
  const own = topLevel || isTopLevelId(id);
  const type = own ? String(res.type ?? topLevelType(id)).toLowerCase() : ownerType;
  const envelope = new Set(own ? TOP_LEVEL_KEYS : CHILD_KEYS);
  for (const k of EXTRA_TOP_LEVEL[type] ?? []) envelope.add(k);
  if (SKU_IN_PROPERTIES.has(type)) envelope.delete('sku');
  const out: Record<string, any> = {};
  const props: Record<string, any> = {};
  for (const [k, v] of Object.entries(res)) {
    if (k === 'resourceGroup' || v === undefined) continue;
    if (envelope.has(k)) out[k] = OPAQUE.has(k) || k === 'sku' || k === 'zones' ? v : convertValue(k, v, type);
    else props[restName(k, type)] = convertValue(k, v, type);
  }
  if (Object.keys(props).length > 0) out.properties = props;
  return out;
}

/**
 * One Azure resource in az CLI (flattened) shape -> the ARM REST shape.
 * Envelope fields (id, name, type, location, tags, etag, sku, zones,
 * extendedLocation, identity, plan, kind, managedBy, systemData) stay on top,
 * the rest goes under `properties`; child resources (anything with an ARM id:
 * subnets, frontendIPConfigurations, rules, ipConfigurations, references) are
 * converted the same way (a bare reference stays `{id}`); names get the REST
 * spelling; az's `resourceGroup` is dropped. An object that already has
 * `properties` is returned unchanged.
 */
export function toRestShape(resource: any): any {
  if (!isObject(resource)) return resource;
  if (isRestShaped(resource)) return resource;
  return convertResource(resource, '', true);
}

function resourcesOf(doc: any): any[] {
  if (Array.isArray(doc)) return doc;
  if (isObject(doc) && Array.isArray(doc.value)) return doc.value;
  if (isObject(doc)) return [doc];
  return [];
}

/**
 * Every resource of a snapshot folder (`<dir>/azure/*.json`: an az list array,
 * an ARM `{"value": [...]}` page or one az show object), in REST shape. The
 * subnets of virtual networks are also returned on their own, as ARM serves
 * them (GET .../virtualNetworks/v/subnets/s).
 */
export function loadRestResources(snapshotDir: string): any[] {
  const dir = join(snapshotDir, 'azure');
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json'))
    .sort();
  const out: any[] = [];
  for (const file of files) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const item of resourcesOf(doc)) {
      if (!isObject(item) || !isArmId(item.id)) continue;
      const rest = toRestShape(item);
      out.push(rest);
      if (topLevelType(rest.id) === 'microsoft.network/virtualnetworks') {
        for (const subnet of rest.properties?.subnets ?? []) {
          if (isObject(subnet) && isArmId(subnet.id)) out.push(subnet);
        }
      }
    }
  }
  return out;
}
