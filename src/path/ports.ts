// A port said by its name ("on the http port", "over postgres"): a Service's ports and a container's ports carry
// names, and a Service's targetPort may name a container port, so a name stands for a number only through what the
// target declares https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports
import type { Pod, Service } from '../inventory/k8s-types';
import { matchesSelector } from './kube';

/** Numbers a few protocols' names usually stand for, used only when the target declares that number. */
const WELL_KNOWN: Record<string, number> = {
  postgres: 5432,
  postgresql: 5432,
  https: 443,
  http: 80,
  mysql: 3306,
  mssql: 1433,
  sql: 1433,
  redis: 6379,
  dns: 53,
};

/** The ports an OpenShift router or an ingress controller serves routes and ingresses on: http and https
 * https://docs.openshift.com/container-platform/4.16/networking/ingress-operator.html */
export const ROUTER_PORTS: readonly number[] = [80, 443];

/** The only number of a list, or none when it holds two different ones (a name that is not one port). */
const only = (xs: number[]): number | undefined => (new Set(xs).size === 1 ? xs[0] : undefined);

/**
 * The number a port name stands for on a target: the port of that name of its Service (the one named, or the one
 * selecting its pods), else its pods' container port of that name, else a well-known number the target declares;
 * two candidates at the first place that has any: no port.
 */
export function portByName(
  name: string,
  target: { service?: Service; pods: Pod[] },
  services: Service[],
): number | undefined {
  const selecting = target.service
    ? [target.service]
    : services.filter(
        (s) =>
          !!s.spec?.selector &&
          target.pods.length > 0 &&
          target.pods.every(
            (p) =>
              p.metadata.namespace === s.metadata.namespace &&
              matchesSelector(p.metadata.labels, { matchLabels: s.spec?.selector }),
          ),
      );
  const servicePorts = selecting.length === 1 ? (selecting[0].spec?.ports ?? []) : [];
  const bySvc = servicePorts.filter((p) => p.name === name).map((p) => p.port);
  if (bySvc.length) return only(bySvc);
  const containerPorts = target.pods.flatMap((p) => p.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  const byPod = containerPorts.filter((p) => p.name === name).map((p) => p.containerPort);
  if (byPod.length) return only(byPod);
  const known = WELL_KNOWN[name];
  const declared = [
    ...servicePorts.flatMap((p) => [p.port, ...(typeof p.targetPort === 'number' ? [p.targetPort] : [])]),
    ...containerPorts.map((p) => p.containerPort),
  ];
  return known !== undefined && declared.includes(known) ? known : undefined;
}

/** The ports a pod's containers declare (of one protocol, when given), each once. A declared port is informational:
 * nothing stops a container listening on another
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports */
export const declaredPorts = (pod: Pod, protocol?: string): number[] => [
  ...new Set(
    (pod.spec?.containers ?? [])
      .flatMap((c) => c.ports ?? [])
      .filter((p) => !protocol || (p.protocol ?? 'TCP') === protocol)
      .map((p) => p.containerPort),
  ),
];
