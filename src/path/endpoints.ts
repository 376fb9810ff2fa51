// Service → its endpoints (EndpointSlices, falling back to Endpoints) and ports.
import type { EndpointSlice, Endpoints, Pod, Service, ServicePort } from '../inventory/k8s-types';
import { endpointsNamed, podNamed, slicesOfService } from './index';

export interface Endpoint {
  ip: string;
  port?: number;
  ready: boolean;
  nodeName?: string;
  podName?: string;
  namespace: string;
}

/** The service port a client uses: the one asked for (number or name), else the only/first one. */
export function pickServicePort(svc: Service, asked?: number | string): ServicePort | undefined {
  const ports = svc.spec?.ports ?? [];
  if (asked === undefined) return ports[0];
  return ports.find((p) => p.port === asked || p.name === asked || p.targetPort === asked);
}

/**
 * The Service port a client dials: by port number or name only. A Service port is not the pod port:
 * ClusterIP:80 → targetPort 8080 works, ClusterIP:8080 is refused.
 * https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
export function dialedServicePort(svc: Service, asked?: number): ServicePort | undefined {
  const ports = svc.spec?.ports ?? [];
  return asked === undefined ? ports[0] : ports.find((p) => p.port === asked);
}

export function endpointsOf(
  svc: Service,
  port: ServicePort | undefined,
  slices: EndpointSlice[],
  legacy: Endpoints[],
  pods: Pod[],
): Endpoint[] {
  const ns = svc.metadata.namespace ?? 'default';
  // (looked up by name: an answer about every frontend asks for many Services' endpoints)
  const mine = slicesOfService(slices, ns, svc.metadata.name);
  const targetPortOf = (
    slicePorts: { name?: string; port?: number }[] | undefined,
    podName?: string,
  ): number | undefined => {
    const byName = slicePorts?.find((p) => (p.name ?? '') === (port?.name ?? ''));
    if (byName?.port) return byName.port;
    if (typeof port?.targetPort === 'number') return port.targetPort;
    if (typeof port?.targetPort === 'string') {
      const pod = podNamed(pods, ns, podName);
      const cp = pod?.spec?.containers?.flatMap((c) => c.ports ?? []).find((x) => x.name === port.targetPort);
      if (cp) return cp.containerPort;
    }
    return slicePorts?.length === 1 ? slicePorts[0].port : port?.port;
  };
  if (mine.length) {
    return mine.flatMap((s) =>
      (s.endpoints ?? []).flatMap((e) =>
        e.addresses.map((ip) => ({
          ip,
          port: targetPortOf(s.ports, e.targetRef?.name),
          ready: e.conditions?.ready !== false,
          nodeName: e.nodeName,
          podName: e.targetRef?.kind === 'Pod' ? e.targetRef.name : undefined,
          namespace: ns,
        })),
      ),
    );
  }
  const ep = endpointsNamed(legacy, ns, svc.metadata.name);
  return (ep?.subsets ?? []).flatMap((sub) => [
    ...(sub.addresses ?? []).map((a) => ({
      ip: a.ip,
      port: targetPortOf(sub.ports, a.targetRef?.name),
      ready: true,
      nodeName: a.nodeName,
      podName: a.targetRef?.name,
      namespace: ns,
    })),
    ...(sub.notReadyAddresses ?? []).map((a) => ({
      ip: a.ip,
      port: targetPortOf(sub.ports, a.targetRef?.name),
      ready: false,
      nodeName: a.nodeName,
      podName: a.targetRef?.name,
      namespace: ns,
    })),
  ]);
}

/** The pod an endpoint points at. */
export const podOfEndpoint = (e: Endpoint | undefined, pods: Pod[]): Pod | undefined =>
  e && podNamed(pods, e.namespace, e.podName);
