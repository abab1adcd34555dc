// GatewayClass (§2.2), Gateway (§2.3) and ListenerSet (§2.4).

import type { Channel } from '../types.ts';
import { isIPv4, isIPv6, matchesPattern } from './regex.ts';
import { Atomic, CEL, CHECK, type CheckResult, cel, Enum, exp, ListMap, MapOf, Obj, Opt, Str } from './schema.ts';
import {
  AllowedRoutes,
  existsOne,
  GatewayController,
  Group,
  Hostname,
  Kind,
  LabelSelector,
  ListenerTLSConfig,
  Namespace,
  ObjectName,
  ObjectReference,
  P,
  PortNumber,
  SecretObjectReference,
  SectionName,
} from './shared.ts';

type O = Record<string, unknown>;

export const GatewayClassSpec = () =>
  Obj({
    controllerName: GatewayController({
      description:
        'The controller that manages Gateways of this class, as domain/path (e.g. example.net/gateway-controller). Immutable.',
      [CEL]: [{ ...cel('Value is immutable', (s, old) => s === old), transition: true }],
    }),
    description: Opt(Str({ maxLength: 64 })),
    parametersRef: Opt(Obj({ group: Group(), kind: Kind(), name: ObjectName(), namespace: Opt(Namespace()) })),
  });

/** The six listener-list CEL rules shared by Gateway and ListenerSet (§3.2, §3.3). */
function listenerRules(listenerSet: boolean) {
  return [
    cel("tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']", (self: O[]) =>
      self.every((l) => !['HTTP', 'TCP', 'UDP'].includes(l.protocol as string) || l.tls === undefined),
    ),
    cel('tls mode must be Terminate for protocol HTTPS', (self: O[]) =>
      self.every((l) => {
        if (!(l.protocol === 'HTTPS' && l.tls !== undefined)) return true;
        const mode = (l.tls as O).mode;
        return mode === '' || mode === 'Terminate';
      }),
    ),
    // §3.2: `tls: {}` is defaulted to mode Terminate before this runs, so in practice it fires when tls is absent.
    cel('tls mode must be set for protocol TLS', (self: O[]) =>
      self.every((l) => {
        if (l.protocol !== 'TLS') return true;
        const tls = l.tls as O | undefined;
        return tls !== undefined && tls.mode !== undefined && tls.mode !== '';
      }),
    ),
    cel("hostname must not be specified for protocols ['TCP', 'UDP']", (self: O[]) =>
      self.every(
        (l) => !['TCP', 'UDP'].includes(l.protocol as string) || l.hostname === undefined || l.hostname === '',
      ),
    ),
    cel('Listener name must be unique within the Gateway', (self: O[]) =>
      self.every((a) => existsOne(self, (b) => a.name === b.name)),
    ),
    cel('Combination of port, protocol and hostname must be unique for each listener', (self: O[]) =>
      self.every(
        (a) =>
          (listenerSet && a.port === undefined) ||
          existsOne(
            self,
            (b) =>
              (!listenerSet || b.port !== undefined) &&
              a.port === b.port &&
              a.protocol === b.protocol &&
              (a.hostname !== undefined && b.hostname !== undefined
                ? a.hostname === b.hostname
                : a.hostname === undefined && b.hostname === undefined),
          ),
      ),
    ),
  ];
}

export const Listener = () =>
  Obj(
    {
      name: SectionName({
        description: 'Listener name, unique in the Gateway; routes pick it with parentRefs[].sectionName.',
      }),
      hostname: Opt(
        Hostname({
          description:
            'Only requests for this host (SNI for TLS) use this listener. A leading `*.` matches one or more labels. Unset = any host.',
        }),
      ),
      port: PortNumber({ description: 'Network port the listener accepts connections on.' }),
      protocol: Str({
        minLength: 1,
        maxLength: 255,
        pattern: P.protocol,
        description: 'HTTP, HTTPS, TLS, TCP or UDP (or a domain-prefixed implementation protocol).',
      }),
      tls: Opt(ListenerTLSConfig()),
      allowedRoutes: Opt(AllowedRoutes()),
    },
    { description: 'A logical endpoint: port + protocol (+ hostname) on which the Gateway accepts traffic.' },
  );

const Listeners = (listenerSet: boolean) =>
  ListMap(Listener(), ['name'], {
    minItems: 1,
    maxItems: 64,
    description: 'The listeners: each is a port + protocol (+ hostname) that routes attach to.',
    [CEL]: listenerRules(listenerSet),
  });

const FrontendTLSValidation = () =>
  Obj({
    caCertificateRefs: Atomic(ObjectReference(), { minItems: 1, maxItems: 16 }),
    mode: Opt(Enum(['AllowValidOnly', 'AllowInsecureFallback'] as const, { default: 'AllowValidOnly' })),
  });

const ipAddressValue = (a: O, base: string): CheckResult[] | null => {
  // OpenAPI oneOf on addresses[]: type IPAddress ⇒ value format ipv4 or ipv6 (§2.3).
  if ((a.type ?? 'IPAddress') !== 'IPAddress' || typeof a.value !== 'string') return null;
  if (isIPv4(a.value) || isIPv6(a.value)) return null;
  const v = JSON.stringify(a.value);
  return [
    { at: ['value'], detail: `Invalid value: ${v}: ${base} in body must be of type ipv4: ${v}` },
    { at: ['value'], detail: `Invalid value: ${v}: ${base} in body must be of type ipv6: ${v}` },
  ];
};

const hostnameValueRule = cel(
  'Hostname value must be empty or contain only valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)',
  (s) => (s.type === 'Hostname' ? s.value === undefined || matchesPattern(P.hostname, s.value) : true),
);

const uniqueAddr = (type: string) => (self: O[]) =>
  self.every((a) =>
    a.type === type && a.value !== undefined
      ? existsOne(self, (b) => b.type === a.type && b.value !== undefined && b.value === a.value)
      : true,
  );

const keyRules = (what: 'label' | 'annotation', What: 'Label' | 'Annotation') => [
  cel(
    `${What} keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.`,
    (s: O) => Object.keys(s).every((k) => matchesPattern(P.labelKey, k)),
  ),
  cel(
    `If specified, the ${what} key's prefix must be a DNS subdomain not longer than 253 characters in total.`,
    (s: O) => Object.keys(s).every((k) => (k.split('/')[0] as string).length < 253),
  ),
];

export const GatewaySpec = (ch: Channel) =>
  Obj({
    gatewayClassName: Str({
      minLength: 1,
      maxLength: 253,
      description: 'The GatewayClass (and so the controller) that runs this Gateway.',
    }),
    listeners: Listeners(false),
    addresses: Opt(
      Atomic(
        Obj(
          {
            type: Opt(Str({ default: 'IPAddress', minLength: 1, maxLength: 253, pattern: P.addressType })),
            value: Opt(Str({ maxLength: 253 })),
          },
          {
            [CEL]: [hostnameValueRule],
            [CHECK]: (a: O) => ipAddressValue(a, '{path}.value'),
          },
        ),
        {
          maxItems: 16,
          [CEL]: [
            cel('IPAddress values must be unique', uniqueAddr('IPAddress')),
            cel('Hostname values must be unique', uniqueAddr('Hostname')),
          ],
        },
      ),
    ),
    infrastructure: Opt(
      Obj({
        labels: Opt(
          MapOf(Str({ minLength: 0, maxLength: 63, pattern: P.labelValue }), {
            maxProperties: 8,
            [CEL]: keyRules('label', 'Label'),
          }),
        ),
        annotations: Opt(
          MapOf(Str({ minLength: 0, maxLength: 4096 }), {
            maxProperties: 16,
            [CEL]: keyRules('annotation', 'Annotation'),
          }),
        ),
        parametersRef: Opt(Obj({ group: Group(), kind: Kind(), name: ObjectName() })),
      }),
    ),
    allowedListeners: Opt(
      Obj({
        namespaces: Opt(
          Obj(
            {
              from: Opt(Enum(['All', 'Selector', 'Same', 'None'] as const, { default: 'None' })),
              selector: Opt(LabelSelector()),
            },
            { default: { from: 'None' } },
          ),
        ),
      }),
    ),
    tls: Opt(
      Obj({
        backend: Opt(Obj({ clientCertificateRef: Opt(SecretObjectReference()) })),
        frontend: Opt(
          Obj({
            default: Obj({ validation: Opt(FrontendTLSValidation()) }),
            perPort: Opt(
              ListMap(Obj({ port: PortNumber(), tls: Obj({ validation: Opt(FrontendTLSValidation()) }) }), ['port'], {
                maxItems: 64,
                [CEL]: [
                  cel('Port for TLS configuration must be unique within the Gateway', (self: O[]) =>
                    self.every((a) => existsOne(self, (b) => a.port === b.port)),
                  ),
                ],
              }),
            ),
          }),
        ),
      }),
    ),
    defaultScope: Opt(exp(ch, Enum(['All', 'None'] as const))),
  });

export const ListenerSetSpec = () =>
  Obj({
    parentRef: Obj(
      {
        group: Opt(Group({ default: 'gateway.networking.k8s.io' })),
        kind: Opt(Kind({ default: 'Gateway' })),
        name: ObjectName({ description: 'The Gateway this ListenerSet adds listeners to.' }),
        namespace: Opt(Namespace()),
      },
      { description: 'The Gateway to add these listeners to; it must allow it (spec.allowedListeners).' },
    ),
    listeners: Listeners(true),
  });
