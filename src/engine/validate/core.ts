// Checks the Kubernetes API server itself (not the Gateway API CRDs) applies and that workshops hit:
// object names and labels (ObjectMeta validation, apimachinery messages), and the parts of core
// Service / Secret / ConfigMap validation the simulator relies on.

import type { FieldError, Seg } from './walk.ts';
import { q } from './walk.ts';

type O = Record<string, unknown>;
const isObj = (v: unknown): v is O => v !== null && typeof v === 'object' && !Array.isArray(v);

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

const MSG_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const MSG_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const MSG_1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const MSG_QUALIFIED =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const MSG_LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const MSG_CONFIG_KEY =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

function add(out: FieldError[], path: Seg[], detail: string) {
  out.push({ path, detail, code: 'schema' });
}

function checkName(out: FieldError[], path: Seg[], v: string, kind: 'subdomain' | 'label' | '1035') {
  const max = kind === 'subdomain' ? 253 : 63;
  const re = kind === 'subdomain' ? DNS1123_SUBDOMAIN : kind === 'label' ? DNS1123_LABEL : DNS1035_LABEL;
  const msg = kind === 'subdomain' ? MSG_SUBDOMAIN : kind === 'label' ? MSG_LABEL : MSG_1035;
  if (v.length > max) add(out, path, `Invalid value: ${q(v)}: must be no more than ${max} characters`);
  if (!re.test(v)) add(out, path, `Invalid value: ${q(v)}: ${msg}`);
}

/** Label / annotation keys: an optional DNS-subdomain prefix and a qualified name (≤63). */
function checkQualifiedKey(out: FieldError[], path: Seg[], k: string) {
  const slash = k.lastIndexOf('/');
  const prefix = slash >= 0 ? k.slice(0, slash) : undefined;
  const name = slash >= 0 ? k.slice(slash + 1) : k;
  if (prefix !== undefined) {
    if (prefix.length === 0) add(out, path, `Invalid value: ${q(k)}: prefix part must be non-empty`);
    else if (!DNS1123_SUBDOMAIN.test(prefix) || prefix.length > 253)
      add(out, path, `Invalid value: ${q(k)}: prefix part ${MSG_SUBDOMAIN}`);
  }
  if (name.length === 0) add(out, path, `Invalid value: ${q(k)}: name part must be non-empty`);
  else {
    if (name.length > 63) add(out, path, `Invalid value: ${q(k)}: name part must be no more than 63 characters`);
    if (!QUALIFIED_NAME.test(name)) add(out, path, `Invalid value: ${q(k)}: ${MSG_QUALIFIED}`);
  }
}

/** ObjectMeta: name format by kind, namespace, label keys and values, annotation keys. */
export function metadataErrors(kind: string, group: string, obj: O): FieldError[] {
  const out: FieldError[] = [];
  const md = obj.metadata;
  if (!isObj(md)) return out;
  if (typeof md.name === 'string' && md.name !== '') {
    // Namespaces are DNS labels, Services DNS-1035 labels; everything else (CRDs included) DNS subdomains.
    const rule =
      group === '' && kind === 'Namespace' ? 'label' : group === '' && kind === 'Service' ? '1035' : 'subdomain';
    checkName(out, ['metadata', 'name'], md.name, rule);
  }
  if (typeof md.namespace === 'string' && md.namespace !== '')
    checkName(out, ['metadata', 'namespace'], md.namespace, 'label');
  if (isObj(md.labels)) {
    for (const [k, v] of Object.entries(md.labels)) {
      checkQualifiedKey(out, ['metadata', 'labels'], k);
      if (typeof v === 'string') {
        if (v.length > 63)
          add(out, ['metadata', 'labels'], `Invalid value: ${q(v)}: must be no more than 63 characters`);
        if (!LABEL_VALUE.test(v)) add(out, ['metadata', 'labels'], `Invalid value: ${q(v)}: ${MSG_LABEL_VALUE}`);
      }
    }
  }
  if (isObj(md.annotations))
    for (const k of Object.keys(md.annotations)) checkQualifiedKey(out, ['metadata', 'annotations'], k.toLowerCase());
  return out;
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function serviceErrors(spec: O): FieldError[] {
  const out: FieldError[] = [];
  const type = spec.type;
  if (typeof type === 'string' && !SERVICE_TYPES.includes(type))
    add(
      out,
      ['spec', 'type'],
      `Unsupported value: ${q(type)}: supported values: ${SERVICE_TYPES.map((t) => q(t)).join(', ')}`,
    );
  if (type === 'ExternalName' && (typeof spec.externalName !== 'string' || spec.externalName === ''))
    add(out, ['spec', 'externalName'], 'Required value');
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  if (ports.length === 0 && type !== 'ExternalName' && spec.clusterIP !== 'None')
    add(out, ['spec', 'ports'], 'Required value');
  const names = new Set<string>();
  ports.forEach((p, i) => {
    if (!isObj(p)) return;
    const base: Seg[] = ['spec', 'ports', i];
    if (typeof p.protocol === 'string' && !PROTOCOLS.includes(p.protocol))
      add(
        out,
        [...base, 'protocol'],
        `Unsupported value: ${q(p.protocol)}: supported values: ${PROTOCOLS.map((t) => q(t)).join(', ')}`,
      );
    if (ports.length > 1 && (typeof p.name !== 'string' || p.name === ''))
      add(out, [...base, 'name'], 'Required value');
    if (typeof p.name === 'string' && p.name !== '') {
      if (!DNS1123_LABEL.test(p.name) || p.name.length > 63)
        add(out, [...base, 'name'], `Invalid value: ${q(p.name)}: ${MSG_LABEL}`);
      if (names.has(p.name)) add(out, [...base, 'name'], `Duplicate value: ${q(p.name)}`);
      names.add(p.name);
    }
    if (typeof p.targetPort === 'number' && (p.targetPort < 1 || p.targetPort > 65535))
      add(out, [...base, 'targetPort'], `Invalid value: ${p.targetPort}: must be between 1 and 65535, inclusive`);
  });
  return out;
}

function dataKeyErrors(out: FieldError[], field: string, data: unknown) {
  if (!isObj(data)) return;
  for (const k of Object.keys(data))
    if (!CONFIG_KEY.test(k) || k.length > 253) add(out, [field], `Invalid value: ${q(k)}: ${MSG_CONFIG_KEY}`);
}

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function secretErrors(obj: O): FieldError[] {
  const out: FieldError[] = [];
  dataKeyErrors(out, 'data', obj.data);
  dataKeyErrors(out, 'stringData', obj.stringData);
  if (isObj(obj.data))
    for (const [k, v] of Object.entries(obj.data))
      if (typeof v === 'string' && !B64.test(v.replace(/\s+/g, '')))
        add(
          out,
          ['data', k],
          'Invalid value: "<value omitted>": illegal base64 data (Secret data values are base64; use stringData for plain text)',
        );
  if (obj.type === 'kubernetes.io/tls') {
    const has = (key: string) =>
      (isObj(obj.data) && key in obj.data) || (isObj(obj.stringData) && key in obj.stringData);
    // apimachinery renders map keys as data[tls.crt].
    for (const key of ['tls.crt', 'tls.key'])
      if (!has(key))
        out.push({ path: ['data'], detail: 'Required value', code: 'schema', message: `data[${key}]: Required value` });
  }
  return out;
}

/**
 * Core defaults the API server applies in code rather than in a schema: a Service port's targetPort
 * defaults to its port. Applied to the defaulted copy in place.
 */
export function applyCoreDefaults(kind: string, obj: O): void {
  if (kind !== 'Service' || !isObj(obj.spec) || !Array.isArray(obj.spec.ports)) return;
  for (const p of obj.spec.ports)
    if (isObj(p) && p.targetPort === undefined && typeof p.port === 'number') p.targetPort = p.port;
}

/** Core-kind validation beyond the shape (ObjectMeta is checked for every modelled kind). */
export function coreErrors(kind: string, obj: O): FieldError[] {
  switch (kind) {
    case 'Service':
      return isObj(obj.spec) ? serviceErrors(obj.spec) : [];
    case 'Secret':
      return secretErrors(obj);
    case 'ConfigMap': {
      const out: FieldError[] = [];
      dataKeyErrors(out, 'data', obj.data);
      dataKeyErrors(out, 'binaryData', obj.binaryData);
      return out;
    }
    default:
      return [];
  }
}
