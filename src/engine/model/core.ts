// ObjectMeta and the core Kubernetes kinds the engine reads (§1.1): Service, Namespace, Secret, ConfigMap.
// Only the fields' shapes are modelled (strict unknown-field checks need every field name); the core
// API server's own validation is out of scope except for what the simulator relies on.

import { Any, Atomic, Int32, IntOrString, ListMap, MapOf, Obj, Opt, Str, Type } from './schema.ts';

export const ObjectMeta = () =>
  Obj({
    name: Opt(Str({ description: 'Object name.' })),
    generateName: Opt(Str()),
    namespace: Opt(Str({ description: 'Namespace; default "default".' })),
    labels: Opt(MapOf(Str())),
    annotations: Opt(MapOf(Str())),
    uid: Opt(Str()),
    resourceVersion: Opt(Str()),
    selfLink: Opt(Str()),
    generation: Opt(Type.Integer()),
    creationTimestamp: Opt(Any()),
    deletionTimestamp: Opt(Any()),
    deletionGracePeriodSeconds: Opt(Type.Integer()),
    ownerReferences: Opt(Any()),
    finalizers: Opt(Atomic(Str())),
    managedFields: Opt(Any()),
  });

export const ServicePort = () =>
  Obj({
    name: Opt(Str({ description: 'Port name; parentRefs/targetRefs sectionName can refer to it.' })),
    protocol: Opt(Str({ default: 'TCP' })),
    appProtocol: Opt(Str({ description: 'Application protocol hint, e.g. kubernetes.io/h2c or kubernetes.io/wss.' })),
    port: Int32({ minimum: 1, maximum: 65535, description: 'The Service port that backendRefs[].port names.' }),
    targetPort: Opt(IntOrString()),
    nodePort: Opt(Int32()),
  });

export const ServiceSpec = () =>
  Obj({
    ports: Opt(ListMap(ServicePort(), ['port', 'protocol'])),
    selector: Opt(MapOf(Str())),
    clusterIP: Opt(Str()),
    clusterIPs: Opt(Atomic(Str())),
    type: Opt(
      Str({ default: 'ClusterIP', description: 'ClusterIP (default), NodePort, LoadBalancer or ExternalName.' }),
    ),
    externalIPs: Opt(Atomic(Str())),
    sessionAffinity: Opt(Str()),
    loadBalancerIP: Opt(Str()),
    loadBalancerSourceRanges: Opt(Atomic(Str())),
    externalName: Opt(Str()),
    externalTrafficPolicy: Opt(Str()),
    healthCheckNodePort: Opt(Int32()),
    publishNotReadyAddresses: Opt(Type.Boolean()),
    sessionAffinityConfig: Opt(Any()),
    ipFamilies: Opt(Atomic(Str())),
    ipFamilyPolicy: Opt(Str()),
    allocateLoadBalancerNodePorts: Opt(Type.Boolean()),
    loadBalancerClass: Opt(Str()),
    internalTrafficPolicy: Opt(Str()),
    trafficDistribution: Opt(Str()),
  });

export const NamespaceSpec = () => Obj({ finalizers: Opt(Atomic(Str())) });

/** Secret and ConfigMap have no spec: their fields sit at the top level. */
export const SecretFields = () => ({
  type: Opt(
    Str({ default: 'Opaque', description: 'kubernetes.io/tls for listener certificates (keys tls.crt and tls.key).' }),
  ),
  data: Opt(MapOf(Str())),
  stringData: Opt(MapOf(Str())),
  immutable: Opt(Type.Boolean()),
});

export const ConfigMapFields = () => ({
  data: Opt(MapOf(Str(), { description: 'For CA bundles: key ca.crt.' })),
  binaryData: Opt(MapOf(Str())),
  immutable: Opt(Type.Boolean()),
});
