// Trace → the words the tester shows: the verdict banner, the listener explanation, percentages.
// Pure. Every fact comes from the Trace; nothing here decides a Gateway API rule.

import type { SimProtocol, Trace, TraceBackend } from '../../engine/index.ts';
import { protocolOf } from './form.ts';

export type Tone = 'ok' | 'redirect' | 'warn' | 'error';

export interface Verdict {
  tone: Tone;
  /** The banner line, e.g. "Forwarded to default/foo-v2:8080". */
  headline: string;
  /** The engine's one-sentence reason. */
  detail: string;
}

export const nsName = (o: { namespace?: string; name: string }) => (o.namespace ? `${o.namespace}/${o.name}` : o.name);

export function backendLabel(b: TraceBackend): string {
  const kind = b.kind && b.kind !== 'Service' ? `${b.kind} ` : '';
  return `${kind}${nsName(b)}${b.port !== undefined ? `:${b.port}` : ''}`;
}

/** An exact share as a percentage: 2 decimals at most, trailing zeros dropped ("33.33 %", "10 %"). */
export function percent(share: number): string {
  // An integer number of hundredths over 100 prints with at most 2 decimals and no trailing zeros.
  // Not toLocaleString: its first call loads ICU number data, ~20 ms on the page's first render.
  const v = Math.round(share * 10000) / 100;
  return `${v} %`;
}

/** What a failing share looks like to the client of this protocol (semantics §8.1). */
export function failureLabel(protocol: SimProtocol): string {
  switch (protocol) {
    case 'GRPC':
      return 'UNAVAILABLE';
    case 'TLS':
    case 'TCP':
      return 'rejected';
    case 'UDP':
      return 'dropped';
    default:
      return '500';
  }
}

/** "… answers 500" in words, for the split chart's caption. */
export function failurePhrase(protocol: SimProtocol): string {
  switch (protocol) {
    case 'GRPC':
      return 'fails with UNAVAILABLE';
    case 'TLS':
    case 'TCP':
      return 'gets its connections refused';
    case 'UDP':
      return 'has its datagrams dropped';
    default:
      return 'is answered with 500';
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function verdictOf(trace: Trace): Verdict {
  const o = trace.outcome;
  const protocol = protocolOf(trace.request);
  const grpc = protocol === 'GRPC';
  const detail = o.reason;
  switch (o.kind) {
    case 'forward': {
      const live = trace.backends.filter((b) => b.share > 0);
      const valid = live.filter((b) => b.valid);
      const failing = live.filter((b) => !b.valid).reduce((s, b) => s + b.share, 0);
      const verb =
        protocol === 'UDP'
          ? 'Datagrams forwarded to'
          : protocol === 'TCP' || protocol === 'TLS'
            ? 'Connection forwarded to'
            : 'Forwarded to';
      let names: string;
      if (valid.length === 0) names = 'no backend';
      else if (valid.length === 1 && failing === 0) names = backendLabel(valid[0] as TraceBackend);
      else names = valid.map((b) => `${backendLabel(b)} (${percent(b.share)})`).join(', ');
      let headline = `${verb} ${names}`;
      if (failing > 0) {
        const pct = percent(failing);
        headline +=
          protocol === 'GRPC'
            ? `; ${pct} fail with UNAVAILABLE`
            : protocol === 'TCP' || protocol === 'TLS'
              ? `; ${pct} of connections refused`
              : protocol === 'UDP'
                ? `; ${pct} dropped`
                : `; ${pct} answered 500`;
      }
      if (grpc && o.grpcStatus && o.grpcStatus !== 'OK') headline += ` (${o.grpcStatus})`;
      return { tone: failing > 0 ? 'warn' : 'ok', headline, detail };
    }
    case 'redirect':
      return { tone: 'redirect', headline: `Redirect ${o.status ?? 302} → ${o.location ?? '(no Location)'}`, detail };
    case 'response':
      return {
        tone: (o.status ?? 200) >= 400 ? 'error' : 'ok',
        headline: `${o.status ?? ''} answered by the Gateway`.trim(),
        detail,
      };
    case 'not-found':
      return {
        tone: 'error',
        headline: grpc ? `${o.grpcStatus ?? 'UNIMPLEMENTED'}: no route matched` : `${o.status ?? 404} no route matched`,
        detail,
      };
    case 'misdirected':
      return { tone: 'error', headline: `${o.status ?? 421} Misdirected Request`, detail };
    case 'no-listener': {
      const port = trace.request.port;
      return {
        tone: 'error',
        headline: port !== undefined ? `No listener on port ${port}` : 'No listener for this request',
        detail,
      };
    }
    case 'rejected':
      return {
        tone: 'error',
        headline:
          protocol === 'UDP'
            ? 'Datagram dropped'
            : protocol === 'TCP'
              ? 'Connection rejected'
              : 'TLS connection rejected',
        detail,
      };
    case 'error': {
      // The banner's second line carries the engine's reason; the headline names the answer.
      if (grpc) return { tone: 'error', headline: `${o.grpcStatus ?? 'UNAVAILABLE'} (gRPC status)`, detail };
      if (protocol === 'UDP') return { tone: 'error', headline: 'Datagram dropped', detail };
      if (protocol === 'TCP' || protocol === 'TLS') return { tone: 'error', headline: 'Connection rejected', detail };
      if (o.status !== undefined) {
        return { tone: 'error', headline: `${o.status} ${STATUS_TEXT[o.status] ?? 'error'}`, detail };
      }
      return { tone: 'error', headline: 'Error', detail };
    }
  }
}

/** Why this listener: port, protocol and hostname specificity, in words. */
export function listenerWhy(trace: Trace): string[] {
  const l = trace.listener;
  if (!l) return [];
  const req = trace.request;
  const protocol = protocolOf(req);
  const out: string[] = [];
  out.push(`Port ${l.port} and protocol ${l.protocol} accept this ${protocol === 'GRPC' ? 'gRPC' : protocol} request.`);
  const tlsByName = l.protocol === 'TLS' || l.protocol === 'HTTPS';
  const name = tlsByName ? (req.sni ?? hostOnly(req.host)) : hostOnly(req.host);
  const what = tlsByName ? 'SNI' : 'Host';
  if (l.protocol === 'TCP' || l.protocol === 'UDP') {
    out.push('TCP and UDP listeners are chosen by port alone.');
  } else if (!l.hostname) {
    out.push(
      `The listener has no hostname, so it accepts any ${what}; no listener with a more specific hostname matched ${name ? `"${name}"` : 'it'}.`,
    );
  } else if (l.hostname.startsWith('*.')) {
    out.push(
      `Its wildcard hostname ${l.hostname} matches the ${what} "${name ?? ''}", and no more specific listener hostname does.`,
    );
  } else {
    out.push(`Its hostname ${l.hostname} equals the ${what}: an exact hostname is the most specific match.`);
  }
  return out;
}

function hostOnly(h: string | undefined): string | undefined {
  if (!h) return h;
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const i = h.lastIndexOf(':');
  return (i >= 0 ? h.slice(0, i) : h).toLowerCase();
}

/** Text for a candidate's verdict badge. */
export const CANDIDATE_VERDICT: Record<string, string> = {
  matched: 'won',
  lost: 'lost',
  'no-match': 'no match',
  'not-attached': 'not attached',
};
