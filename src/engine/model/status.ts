// Status schemas (what controllers write). The API server ignores `status` on create; it is validated
// only through the status subresource. Modelled for completeness (drift guard) and for the
// status-update checks of the upstream tests.

import { isIPv4, isIPv6, matchesPattern } from './regex.ts';
import { Atomic, CEL, CHECK, type CheckResult, cel, Enum, Int, Int32, ListMap, Obj, Opt, Str } from './schema.ts';
import { GatewayController, Group, Kind, P, ParentReference, SectionName } from './shared.ts';

const pending = (type: string) => ({
  lastTransitionTime: '1970-01-01T00:00:00Z',
  message: 'Waiting for controller',
  reason: 'Pending',
  status: 'Unknown',
  type,
});

export const Condition = () =>
  Obj({
    type: Str({
      maxLength: 316,
      pattern: String.raw`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$`,
    }),
    status: Enum(['True', 'False', 'Unknown'] as const),
    observedGeneration: Opt(Int({ format: 'int64', minimum: 0 })),
    lastTransitionTime: Str({ format: 'date-time' }),
    reason: Str({ minLength: 1, maxLength: 1024, pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$' }),
    message: Str({ maxLength: 32768 }),
  });

const Conditions = (o: Record<string, unknown> = {}) => ListMap(Condition(), ['type'], o);

const SupportedFeatures = () => Opt(ListMap(Obj({ name: Str() }), ['name'], { maxItems: 64 }));

export const GatewayClassStatus = () =>
  Obj(
    {
      conditions: Opt(Conditions({ maxItems: 8, default: [pending('Accepted')] })),
      supportedFeatures: SupportedFeatures(),
    },
    { default: { conditions: [pending('Accepted')] } },
  );

export const XMeshStatus = () =>
  Obj(
    {
      conditions: Opt(Conditions({ maxItems: 8, default: [pending('Accepted'), pending('Programmed')] })),
      supportedFeatures: SupportedFeatures(),
    },
    { default: { conditions: [pending('Accepted')] } },
  );

const ListenerStatus = () =>
  Obj({
    name: SectionName(),
    supportedKinds: Opt(
      Atomic(Obj({ group: Opt(Group({ default: 'gateway.networking.k8s.io' })), kind: Kind() }), { maxItems: 8 }),
    ),
    attachedRoutes: Int32(),
    conditions: Conditions({ maxItems: 8 }),
  });

const statusAddressIP = (a: Record<string, unknown>): CheckResult[] | null => {
  if ((a.type ?? 'IPAddress') !== 'IPAddress' || typeof a.value !== 'string') return null;
  if (isIPv4(a.value) || isIPv6(a.value)) return null;
  const v = JSON.stringify(a.value);
  return [
    { at: ['value'], detail: `Invalid value: ${v}: {path}.value in body must be of type ipv4: ${v}` },
    { at: ['value'], detail: `Invalid value: ${v}: {path}.value in body must be of type ipv6: ${v}` },
  ];
};

export const GatewayStatus = () =>
  Obj(
    {
      addresses: Opt(
        Atomic(
          Obj(
            {
              type: Opt(Str({ default: 'IPAddress', minLength: 1, maxLength: 253, pattern: P.addressType })),
              value: Str({ minLength: 1, maxLength: 253 }),
            },
            {
              [CEL]: [
                cel(
                  'Hostname value must only contain valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)',
                  (s) => (s.type === 'Hostname' ? matchesPattern(P.hostname, String(s.value)) : true),
                ),
              ],
              [CHECK]: statusAddressIP,
            },
          ),
          { maxItems: 16 },
        ),
      ),
      conditions: Opt(Conditions({ maxItems: 8, default: [pending('Accepted'), pending('Programmed')] })),
      listeners: Opt(ListMap(ListenerStatus(), ['name'], { maxItems: 64 })),
      attachedListenerSets: Opt(Int32()),
    },
    { default: { conditions: [pending('Accepted'), pending('Programmed')] } },
  );

export const ListenerSetStatus = () =>
  Obj(
    {
      conditions: Opt(Conditions({ maxItems: 8, default: [pending('Accepted'), pending('Programmed')] })),
      listeners: Opt(ListMap(ListenerStatus(), ['name'], { maxItems: 64 })),
    },
    { default: { conditions: [pending('Accepted'), pending('Programmed')] } },
  );

/** ParentReference without the list-level CEL rules (status copies). */
const StatusParentRef = () => ParentReference();

export const RouteStatus = () =>
  Obj({
    parents: Atomic(
      Obj({
        parentRef: StatusParentRef(),
        controllerName: GatewayController(),
        conditions: Conditions({ minItems: 1, maxItems: 8 }),
      }),
      { maxItems: 32 },
    ),
  });

export const PolicyStatus = () =>
  Obj({
    ancestors: Atomic(
      Obj({
        ancestorRef: StatusParentRef(),
        controllerName: GatewayController(),
        conditions: Conditions({ minItems: 1, maxItems: 8 }),
      }),
      { maxItems: 16 },
    ),
  });

export const XBackendStatus = () =>
  Obj({
    parents: Opt(
      Atomic(
        Obj({
          parentRef: StatusParentRef(),
          controllerName: GatewayController(),
          conditions: Opt(Conditions()),
        }),
        { maxItems: 32 },
      ),
    ),
  });

export const STATUS = 'x-gwsim-status';
