// ReferenceGrant (§2.9), BackendTLSPolicy (§2.10) and the Experimental x-k8s.io kinds (§2.11).

import { durationMs } from './duration.ts';
import { Atomic, CEL, cel, Enum, Int, ListMap, MapOf, Obj, Opt, Str } from './schema.ts';
import {
  existsOne,
  GatewayController,
  Group,
  Hostname,
  Kind,
  LocalObjectReference,
  Namespace,
  ObjectName,
  P,
  PortNumber,
  PreciseHostname,
  SecretObjectReference,
  SectionName,
  SessionPersistence,
} from './shared.ts';

type O = Record<string, unknown>;

export const ReferenceGrantSpec = () =>
  Obj({
    from: Atomic(
      Obj(
        { group: Group(), kind: Kind(), namespace: Namespace() },
        { description: 'Who may refer: objects of this group/kind in this namespace.' },
      ),
      { minItems: 1, maxItems: 16, description: 'The referring objects (e.g. HTTPRoutes in namespace app).' },
    ),
    to: Atomic(
      Obj(
        {
          group: Group(),
          kind: Kind(),
          name: Opt(ObjectName({ description: 'One object only; unset = all of that kind here.' })),
        },
        { description: "What may be referred to, in this grant's namespace." },
      ),
      {
        minItems: 1,
        maxItems: 16,
        description: 'The objects in this namespace that may be referenced (e.g. Services).',
      },
    ),
  });

const emptySection = (v: unknown) => v === undefined || v === '';

const BackendTLSValidation = () =>
  Obj(
    {
      caCertificateRefs: Opt(
        Atomic(LocalObjectReference(), {
          maxItems: 8,
          description: 'ConfigMaps (key ca.crt) with the CA certificates that sign the backend certificate.',
        }),
      ),
      wellKnownCACertificates: Opt(
        Str({
          minLength: 1,
          maxLength: 253,
          pattern: P.wellKnownCA,
          description: 'System: trust the platform CA bundle instead.',
        }),
      ),
      hostname: PreciseHostname({ description: 'SNI sent to the backend and the name its certificate must carry.' }),
      subjectAltNames: Opt(
        Atomic(
          Obj(
            {
              type: Enum(['Hostname', 'URI'] as const),
              hostname: Opt(Hostname()),
              uri: Opt(Str({ minLength: 1, maxLength: 253, pattern: P.absoluteURI })),
            },
            {
              [CEL]: [
                cel(
                  'SubjectAltName element must contain Hostname, if Type is set to Hostname',
                  (s) => !(s.type === 'Hostname' && (s.hostname === undefined || s.hostname === '')),
                ),
                cel(
                  'SubjectAltName element must not contain Hostname, if Type is not set to Hostname',
                  (s) => !(s.type !== 'Hostname' && s.hostname !== undefined && s.hostname !== ''),
                ),
                cel(
                  'SubjectAltName element must contain URI, if Type is set to URI',
                  (s) => !(s.type === 'URI' && (s.uri === undefined || s.uri === '')),
                ),
                cel(
                  'SubjectAltName element must not contain URI, if Type is not set to URI',
                  (s) => !(s.type !== 'URI' && s.uri !== undefined && s.uri !== ''),
                ),
              ],
            },
          ),
          { maxItems: 5 },
        ),
      ),
    },
    {
      description: "How the Gateway verifies the backend's certificate.",
      [CEL]: [
        cel(
          'must not contain both CACertificateRefs and WellKnownCACertificates',
          (s) =>
            !(
              Array.isArray(s.caCertificateRefs) &&
              s.caCertificateRefs.length > 0 &&
              s.wellKnownCACertificates !== undefined &&
              s.wellKnownCACertificates !== ''
            ),
        ),
        cel(
          'must specify either CACertificateRefs or WellKnownCACertificates',
          (s) =>
            (Array.isArray(s.caCertificateRefs) && s.caCertificateRefs.length > 0) ||
            (s.wellKnownCACertificates !== undefined && s.wellKnownCACertificates !== ''),
        ),
      ],
    },
  );

export const BackendTLSPolicySpec = () =>
  Obj({
    targetRefs: Atomic(Obj({ group: Group(), kind: Kind(), name: ObjectName(), sectionName: Opt(SectionName()) }), {
      minItems: 1,
      maxItems: 16,
      description: 'The Services (optionally one named port) whose connections use TLS.',
      [CEL]: [
        cel(
          'sectionName must be specified when targetRefs includes 2 or more references to the same target',
          (self: O[]) =>
            self.every((a) =>
              self.every((b) =>
                a.group === b.group && a.kind === b.kind && a.name === b.name
                  ? emptySection(a.sectionName) === emptySection(b.sectionName)
                  : true,
              ),
            ),
        ),
        cel(
          'sectionName must be unique when targetRefs includes 2 or more references to the same target',
          (self: O[]) =>
            self.every((a) =>
              existsOne(
                self,
                (b) =>
                  a.group === b.group &&
                  a.kind === b.kind &&
                  a.name === b.name &&
                  ((emptySection(a.sectionName) && emptySection(b.sectionName)) ||
                    (a.sectionName !== undefined && b.sectionName !== undefined && a.sectionName === b.sectionName)),
              ),
            ),
        ),
      ],
    }),
    validation: BackendTLSValidation(),
    options: Opt(MapOf(Str({ minLength: 0, maxLength: 4096 }), { maxProperties: 16 })),
  });

// ---------- Experimental x-k8s.io kinds ----------

const LocalPolicyTargetReference = () => Obj({ group: Group(), kind: Kind(), name: ObjectName() });

export const XBackendTrafficPolicySpec = () =>
  Obj({
    targetRefs: ListMap(LocalPolicyTargetReference(), ['group', 'kind', 'name'], { minItems: 1, maxItems: 16 }),
    retryConstraint: Opt(
      Obj({
        budget: Opt(
          Obj(
            {
              percent: Opt(Int({ default: 20, minimum: 0, maximum: 100 })),
              interval: Opt(
                Str({
                  default: '10s',
                  pattern: P.duration,
                  [CEL]: [
                    cel('interval cannot be greater than one hour or less than one second', (s) => {
                      const d = durationMs(String(s));
                      return d === null || !(d < 1000 || d > 3_600_000);
                    }),
                  ],
                }),
              ),
            },
            { default: { interval: '10s', percent: 20 } },
          ),
        ),
        minRetryRate: Opt(
          Obj(
            {
              count: Opt(Int({ minimum: 1, maximum: 1000000 })),
              interval: Opt(
                Str({
                  pattern: P.duration,
                  [CEL]: [
                    cel('interval cannot be greater than one hour', (s) => {
                      const d = durationMs(String(s));
                      return d === null || !(d === 0 || d > 3_600_000);
                    }),
                  ],
                }),
              ),
            },
            { default: { count: 10, interval: '1s' } },
          ),
        ),
      }),
    ),
    sessionPersistence: Opt(SessionPersistence()),
  });

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const XBackendSpec = () =>
  Obj(
    {
      type: Enum(['ExternalHostname'] as const),
      externalHostname: Opt(
        Obj({
          hostname: PreciseHostname({
            [CEL]: [
              cel(
                'hostname must not be an IP address or end with .cluster.local',
                (s) => !String(s).endsWith('.cluster.local'),
              ),
            ],
          }),
        }),
      ),
      port: Obj({
        port: PortNumber(),
        name: Opt(
          Str({
            maxLength: 63,
            [CEL]: [
              cel(
                'Name must be a valid DNS label',
                (s) => String(s).length === 0 || (String(s).length <= 63 && DNS1123_LABEL.test(String(s))),
              ),
            ],
          }),
        ),
      }),
      protocol: Opt(Enum(['TCP', 'HTTP', 'HTTP2', 'HTTP11', 'H2C', 'MCP'] as const)),
      tls: Opt(
        Obj(
          {
            mode: Enum(['None', 'ServerOnly', 'ClientAndServer'] as const),
            clientCertificateRef: Opt(SecretObjectReference()),
            validation: Opt(BackendTLSValidation()),
          },
          {
            [CEL]: [
              cel('clientCertificateRef must be set if and only if mode is ClientAndServer', (s) =>
                s.mode === 'ClientAndServer'
                  ? s.clientCertificateRef !== undefined
                  : s.clientCertificateRef === undefined,
              ),
            ],
          },
        ),
      ),
    },
    {
      [CEL]: [
        cel('externalHostname must be set when type is ExternalHostname and must be unset otherwise', (s) =>
          s.type === 'ExternalHostname' ? s.externalHostname !== undefined : s.externalHostname === undefined,
        ),
      ],
    },
  );

export const XMeshSpec = () =>
  Obj({
    controllerName: GatewayController({
      [CEL]: [{ ...cel('Value is immutable', (s, old) => s === old), transition: true }],
    }),
    description: Opt(Str({ maxLength: 64 })),
    parametersRef: Opt(Obj({ group: Group(), kind: Kind(), name: ObjectName(), namespace: Opt(Namespace()) })),
  });
