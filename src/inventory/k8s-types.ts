// The parts of Kubernetes/OpenShift objects the engine reads; the JSON of
// `kubectl get -o json` and of the API (both camelCase) fits these shapes.

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: {
    kind: string;
    name: string;
    apiVersion?: string;
    controller?: boolean;
  }[];
  creationTimestamp?: string | Date;
  resourceVersion?: string;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

export interface Container {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  env?: EnvVar[];
}

export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    hostNetwork?: boolean;
    containers?: Container[];
    /** ClusterFirst (the default), Default, ClusterFirstWithHostNet or None */
    dnsPolicy?: string;
    dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
  };
  status?: {
    phase?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    hostIP?: string;
    conditions?: { type: string; status: string }[];
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  protocol?: string;
}

export interface Service extends KubeObject {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    selector?: Record<string, string>;
    ports?: ServicePort[];
    externalTrafficPolicy?: string;
    healthCheckNodePort?: number;
    externalIPs?: string[];
    loadBalancerIP?: string;
  };
  status?: {
    loadBalancer?: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] };
  };
}

export interface EndpointSlice extends KubeObject {
  addressType?: string;
  endpoints?: {
    addresses: string[];
    conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
    nodeName?: string;
    targetRef?: { kind?: string; name?: string; namespace?: string };
  }[];
  ports?: { name?: string; port?: number; protocol?: string }[];
}

export interface Endpoints extends KubeObject {
  subsets?: {
    addresses?: {
      ip: string;
      nodeName?: string;
      targetRef?: { kind?: string; name?: string; namespace?: string };
    }[];
    notReadyAddresses?: {
      ip: string;
      nodeName?: string;
      targetRef?: { kind?: string; name?: string };
    }[];
    ports?: { name?: string; port: number; protocol?: string }[];
  }[];
}

export interface Node extends KubeObject {
  spec?: { providerID?: string; podCIDR?: string; podCIDRs?: string[] };
  status?: {
    addresses?: { type: string; address: string }[];
    conditions?: { type: string; status: string }[];
  };
}

export type Namespace = KubeObject;

export interface Route extends KubeObject {
  spec?: {
    host?: string;
    path?: string;
    to?: { kind?: string; name: string; weight?: number };
    alternateBackends?: { kind?: string; name: string; weight?: number }[];
    port?: { targetPort: number | string };
    tls?: { termination?: string; insecureEdgeTerminationPolicy?: string };
    wildcardPolicy?: string;
  };
  status?: {
    ingress?: {
      host?: string;
      routerName?: string;
      routerCanonicalHostname?: string;
    }[];
  };
}

export interface Ingress extends KubeObject {
  spec?: {
    ingressClassName?: string;
    rules?: {
      host?: string;
      http?: {
        paths?: {
          path?: string;
          backend?: {
            service?: {
              name: string;
              port?: { number?: number; name?: string };
            };
          };
        }[];
      };
    }[];
    tls?: { hosts?: string[] }[];
  };
  status?: {
    loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] };
  };
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface NetworkPolicyRule {
  from?: NetworkPolicyPeer[];
  to?: NetworkPolicyPeer[];
  ports?: { port?: number | string; protocol?: string; endPort?: number }[];
}

export interface NetworkPolicy extends KubeObject {
  spec?: {
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: NetworkPolicyRule[];
    egress?: NetworkPolicyRule[];
  };
}

/** OpenShift OVN-Kubernetes EgressIP (k8s.ovn.org/v1), cluster-scoped. */
export interface EgressIP extends KubeObject {
  spec?: {
    egressIPs?: string[];
    namespaceSelector?: LabelSelector;
    podSelector?: LabelSelector;
  };
  status?: { items?: { node: string; egressIP: string }[] };
}

/** Policies other than NetworkPolicy: their presence is reported (they are not evaluated). */
// https://network-policy-api.sigs.k8s.io/  (AdminNetworkPolicy, BaselineAdminNetworkPolicy; OpenShift 4.14+)
// https://docs.cilium.io/en/stable/security/policy/  (CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy)
export type OtherPolicy = KubeObject;

/** Gateway API (gateway.networking.k8s.io/v1). */
export interface GatewayClass extends KubeObject {
  spec?: { controllerName?: string };
}

export interface Gateway extends KubeObject {
  spec?: {
    gatewayClassName?: string;
    listeners?: { name?: string; hostname?: string; port?: number; protocol?: string }[];
    addresses?: { type?: string; value?: string }[];
  };
  status?: { addresses?: { type?: string; value?: string }[] };
}

export interface HTTPRoute extends KubeObject {
  spec?: {
    parentRefs?: { name: string; namespace?: string; sectionName?: string }[];
    hostnames?: string[];
    rules?: { backendRefs?: { name: string; namespace?: string; port?: number; kind?: string }[] }[];
  };
}

export interface KubeKinds {
  Pod: Pod;
  Service: Service;
  EndpointSlice: EndpointSlice;
  Endpoints: Endpoints;
  Node: Node;
  Namespace: Namespace;
  Route: Route;
  Ingress: Ingress;
  NetworkPolicy: NetworkPolicy;
  EgressIP: EgressIP;
  AdminNetworkPolicy: OtherPolicy;
  BaselineAdminNetworkPolicy: OtherPolicy;
  CiliumNetworkPolicy: OtherPolicy;
  CiliumClusterwideNetworkPolicy: OtherPolicy;
  GatewayClass: GatewayClass;
  Gateway: Gateway;
  HTTPRoute: HTTPRoute;
}

export type KubeKind = keyof KubeKinds;

export const KUBE_KINDS: KubeKind[] = [
  'Pod',
  'Service',
  'EndpointSlice',
  'Endpoints',
  'Node',
  'Namespace',
  'Route',
  'Ingress',
  'NetworkPolicy',
  'EgressIP',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'GatewayClass',
  'Gateway',
  'HTTPRoute',
];
