// What counts as a secret, for every place that shows or writes Kubernetes or Azure objects: pod facts (never
// shown), capture (never written). Every pattern here is linear: values come from the cluster, names from anyone
// who can create a pod.

const SECRET_NAME = new RegExp(
  'pass(word|wd)?|pwd|secret|token|key|credential|connection.?string|conn.?str|auth|cert|private|signature|' +
    'sas\\b|salt|cookie|session|bearer|jwt|dsn',
  'i',
);

const STRONG = [
  // key=value pairs of connection strings, flags and JSON (`;Password=…`, `--db-password=…`, `"password":`)
  '(pass(word|wd)?|pwd|secret|token|accountkey|sharedaccesskey|sharedaccesssignature|apikey|api_key|sig)["\']?\\s*[=:]',
  '-----BEGIN', // PEM
  'eyJ[A-Za-z0-9_-]{10,}\\.', // a JWT
  '//[^/@\\s:]*:[^/@\\s]*@', // user:password@ in a URL
  '^[A-Za-z0-9+/]{40,}={0,2}$', // long base64 (keys)
];

/** Credentials embedded in any string (safe to run on names and IDs: no guessing from randomness). */
const CREDENTIAL = new RegExp(STRONG.join('|'), 'i');

const SECRET_VALUE = new RegExp(
  [
    ...STRONG,
    '^[A-Za-z0-9+/]{8,}={1,2}$', // padded base64, however short
  ].join('|'),
  'i',
);

/** Short base64 or random-looking tokens: letters of both cases and digits, no separators a name would have. */
const RANDOMISH = /^[A-Za-z0-9+_-]{16,}$/;
const randomish = (v: string): boolean => RANDOMISH.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v);

/** A value that looks like a credential whatever its name (connection strings, JWTs, keys, URL passwords). */
export const looksSecretValue = (value: string): boolean => SECRET_VALUE.test(value) || randomish(value);

/** A string with a credential inside (key=value secrets, PEM, JWT, URL passwords, long base64). */
const hasCredential = (value: string): boolean => CREDENTIAL.test(value);

/** An env variable (or annotation, or tag) whose name suggests a secret. */
export const looksSecretName = (name: string): boolean => SECRET_NAME.test(name);

/** An env variable (or annotation, or tag) whose name or value suggests a secret. */
const looksSecret = (name: string, value = ''): boolean => looksSecretName(name) || looksSecretValue(value);

// scheme(s), then //, then an optional userinfo, then host[:port]: jdbc:postgresql://…, amqp://…, sqlserver://…
const URL_LIKE = /^((?:[a-z][a-z0-9+.-]*:){1,3})\/\/(?:[^@/?#\s]*@)?([^/?#;\s@]*)/i;

/** A URL-style value as scheme://host:port (never userinfo, path or query); undefined for other values. */
export function urlOrigin(value: string): string | undefined {
  const m = URL_LIKE.exec(value.slice(0, 2000));
  return m && m[2] ? `${m[1]}//${m[2]}` : undefined;
}

// ---- what `capture` writes: an allowlist of the fields the rules read -------------------------------------------

const REDACTED = '(redacted by packet-path capture)';

/** true: keep the value whole; an object: keep only these fields; [shape]: each element of an array. */
/** true: keep the value whole; an object: keep only these fields; [shape]: each element of an array. */
export type Shape = true | { [field: string]: Shape } | [Shape];

const REF: Shape = { name: true, key: true };
const CONDITIONS: Shape = [{ type: true, status: true }];
export const META: Shape = {
  name: true,
  namespace: true,
  uid: true,
  labels: true,
  ownerReferences: [{ apiVersion: true, kind: true, name: true, controller: true }],
  creationTimestamp: true,
  resourceVersion: true,
};
/** Containers: name, image and ports (east-west, policy), env by name with safe values (pod answers). Never args,
 * command, volumes, or init/ephemeral containers (the rules read none of them). */
const CONTAINER: Shape = {
  name: true,
  image: true,
  ports: [{ name: true, containerPort: true, protocol: true }],
  env: [
    {
      name: true,
      value: true,
      valueFrom: {
        secretKeyRef: REF,
        configMapKeyRef: REF,
        fieldRef: { fieldPath: true },
        resourceFieldRef: { resource: true },
      },
    },
  ],
};

/**
 * The fields of each kind written down, besides apiVersion, kind and metadata (name, namespace, uid, labels,
 * ownerReferences, creationTimestamp, resourceVersion, and annotations under ANNOTATION_PREFIX). Kinds not listed
 * keep spec/status and the top-level fields of EndpointSlice/Endpoints whole: they are network configuration,
 * and every string in them still goes through the credential check.
 */
export const KEPT: Record<string, Shape> = {
  Pod: {
    // dnsPolicy/dnsConfig: which resolver a pod uses (kubernetes.io/docs/concepts/services-networking/dns-pod-service/)
    spec: { nodeName: true, hostNetwork: true, dnsPolicy: true, dnsConfig: true, containers: [CONTAINER] },
    status: { phase: true, podIP: true, podIPs: true, hostIP: true, hostIPs: true, conditions: CONDITIONS },
  },
  Node: {
    spec: { providerID: true, podCIDR: true, podCIDRs: true, taints: true, unschedulable: true },
    status: { addresses: true, conditions: CONDITIONS },
  },
  // Route read access hands out every inline TLS key (spec.tls.key, certificate, caCertificate,
  // destinationCACertificate): only how TLS terminates is kept
  Route: {
    spec: {
      host: true,
      path: true,
      to: true,
      alternateBackends: true,
      port: true,
      wildcardPolicy: true,
      subdomain: true,
      tls: { termination: true, insecureEdgeTerminationPolicy: true },
    },
    status: true,
  },
};
export const DEFAULT_KEPT: Shape = {
  spec: true,
  status: true,
  addressType: true,
  endpoints: true,
  ports: true,
  subsets: true,
};

/** Annotations the rules read (OVN node subnets and gateway addresses, cloud-provider LB settings, routers). */
export const ANNOTATION_PREFIX = new RegExp(
  String.raw`^(k8s\.ovn\.org|service\.beta\.kubernetes\.io|service\.kubernetes\.io|[a-z.]*router\.openshift\.io|` +
    String.raw`openshift\.io|kubernetes\.io\/ingress\.class|[a-z.]*ingress\.kubernetes\.io)(\/|$)`,
  'i',
);

function pick(v: unknown, shape: Shape): unknown {
  if (shape === true) return v;
  if (Array.isArray(shape)) return Array.isArray(v) ? v.map((x) => pick(x, shape[0])) : undefined;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(shape)) {
    const x = pick((v as Record<string, unknown>)[k], s);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

/** Every string with a credential inside replaced (a value anywhere can hold one). */
function withoutCredentials(v: unknown): unknown {
  if (typeof v === 'string') return hasCredential(v) ? REDACTED : v;
  if (Array.isArray(v)) return v.map(withoutCredentials);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutCredentials(x)]));
  return v;
}

/** An env value as capture writes it: a URL as scheme://host:port, nothing that may be secret. */
function envValue(name: string, value: string): string {
  if (looksSecretName(name)) return REDACTED;
  return urlOrigin(value) ?? (looksSecretValue(value) ? REDACTED : value);
}

type Env = { name: string; value?: string };
type Scrubbed = Record<string, unknown> & {
  metadata: Record<string, unknown>;
  spec?: { containers?: { env?: Env[] }[] };
};

/** A copy of a Kubernetes object safe to write down: only the allowlisted fields, no credential in any string. */
export function scrubKubeObject<T extends { kind?: string; metadata: object }>(o: T): T {
  const plain = JSON.parse(JSON.stringify(o)) as Record<string, unknown> & { metadata: Record<string, unknown> };
  const ann = plain.metadata.annotations as Record<string, string> | undefined;
  const annotations = Object.entries(ann ?? {}).filter(
    ([k, v]) => ANNOTATION_PREFIX.test(k) && !looksSecret(k.replace(/^.*\//, ''), String(v)),
  );
  const kept = pick(plain, {
    apiVersion: true,
    kind: true,
    ...((KEPT[o.kind ?? ''] ?? DEFAULT_KEPT) as Record<string, Shape>),
  }) as Scrubbed;
  kept.metadata = pick(plain.metadata, META) as Record<string, unknown>;
  if (annotations.length) kept.metadata.annotations = Object.fromEntries(annotations);
  for (const c of kept.spec?.containers ?? [])
    for (const e of c.env ?? []) if (typeof e.value === 'string') e.value = envValue(e.name, e.value);
  return withoutCredentials(kept) as T;
}

/** Azure properties that hold secrets in network resources (application gateway certificates, VPN shared keys). */
const AZURE_SECRET_KEY = /password|secret|sharedkey|authorizationkey|^data$|certdata|token/i;
/** Tags AKS and the cloud provider set; any other tag is free text, and may hold anything. */
const AZURE_TAG = /^(aks-managed-|k8s-azure-|kubernetes)/i;

function azureClean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(azureClean);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (AZURE_SECRET_KEY.test(k)) continue;
    if (k === 'tags' && x && typeof x === 'object') {
      const tags = Object.entries(x).filter(([t, tv]) => AZURE_TAG.test(t) && !looksSecret(t, String(tv)));
      if (tags.length) out[k] = Object.fromEntries(tags);
    } else out[k] = azureClean(x);
  }
  return out;
}

/** A copy of an Azure resource safe to write down: no tags but AKS's own, no secret properties or values. */
export const scrubAzureResource = (item: unknown): unknown =>
  withoutCredentials(azureClean(JSON.parse(JSON.stringify(item ?? null))));
