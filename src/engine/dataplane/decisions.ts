// Simulator decisions (SD) a data-plane outcome can rest on: the names that go into
// `outcome.decisions`, with the sentence the UI and the CLI show for them (semantics §11.1).

export const SD = {
  'hostnamePrecedence=rank':
    'Hostname precedence: every matching rule is ranked, hostname first (spec text; §6.4, §11.1 #2).',
  'hostnamePrecedence=partition':
    'Hostname precedence: routes are partitioned by most specific hostname first, as Envoy Gateway does (§6.4, §11.1 #2).',
  'intersected-hostnames': 'Precedence uses the intersected (effective) hostnames of each route (§11.1 #3).',
  'regex-re2-full-match': 'RegularExpression matches use RE2 (re2js) against the whole value (§6.3, §11.1 #4).',
  'regex-after-prefix':
    'RegularExpression paths rank after Exact and PathPrefix, longer pattern first (§6.4, §11.1 #4).',
  'prefix-raw-length': 'Prefixes are ranked by the raw value length, so /foo/ outranks /foo (§6.4).',
  'no-path-normalisation':
    'Paths are matched as written: no // merging, dot-segment removal or percent-decoding (§6.3, §11.1 #12).',
  'query-first-value': 'A repeated query parameter is matched on its first value (§6.3, §11.1 #12).',
  'repeated-header-any':
    'A repeated request header matches if any occurrence, or their comma-join, matches (§6.3, §11.1 #12).',
  'match-order-tiebreak': 'Equal precedence within a rule: the first match in list order wins (§6.4).',
  'host-trailing-dot': 'The Host/SNI is lower-cased and one trailing dot is stripped (§6.2).',
  'no-sni-catch-all': 'A ClientHello without SNI can only select a listener without hostname (§6.2).',
  'plaintext-on-tls-port':
    'A plaintext request on a port with only TLS listeners (or vice versa) fails at the connection level (§6.2).',
  'listener-isolation':
    'Listener isolation: only the routes of the most specific matching listener serve the request (§6.2.1).',
  'no-listener-isolation':
    'Without GatewayHTTPListenerIsolation, less specific listeners are tried when the most specific has no match (§6.2.1).',
  'misdirected-without-feature':
    'Without GatewayHTTPSListenerDetectMisdirectedRequests: routes of the SNI listener, matched on Host (§6.2.2).',
  'grpc-before-http': 'A gRPC request tries GRPCRoutes first, then HTTPRoutes (§4.6.6, §6.6).',
  grpcHttpSameHostname: 'HTTPRoute and GRPCRoute share a hostname on this listener (§4.6.6, §11.1 #5).',
  'filter-order-rule-then-backend':
    "Rule filters run in list order, then the chosen backend's filters (§7.1, §11.1 #9).",
  'mirror-gets-final-request':
    'A mirror receives the upstream request after all request filters of the rule (§7.5, §11.1 #9).',
  'redirect-keeps-query': 'Redirects and rewrites keep the query string (§7.3, §11.1 #10).',
  'replace-prefix-root': 'ReplacePrefixMatch with prefix / follows the §7.4 algorithm (§11.1 #11).',
  'all-weights-zero-500': 'All backend weights 0: 500 / UNAVAILABLE (§8.1, §11.1 #1).',
  'invalid-backend-keeps-share':
    'An invalid backendRef keeps its share, answered with 500 / UNAVAILABLE / rejected (§4.9, §8.1).',
  'backend-tls-invalid-503': 'Traffic through an invalid BackendTLSPolicy fails with 503 (§4.10).',
  'extensionref-unresolved-500': 'An unresolved ExtensionRef filter answers 500 (§7.8, §11.1 #15).',
  'extensionref-not-simulated':
    'A resolved ExtensionRef filter is implementation-specific and is not simulated (§7.8).',
  'external-auth-input': "The ExternalAuth verdict is the request's authAllows input; a denial answers 403 (§7.7).",
  'cors-preflight-403':
    'A preflight from an Origin (or for a method) that is not allowed gets 403 without CORS headers (§7.6).',
  'cors-preflight-method':
    "A preflight matches a CORS rule's method condition through Access-Control-Request-Method (§7.6).",
  'cors-echo-origin':
    'CORS answers echo the request Origin in Access-Control-Allow-Origin (valid with and without credentials; §7.6).',
  'l4-oldest-route': 'Several L4 routes on one listener: the oldest route gets the traffic (§4.6.7).',
  'sample-most-likely-backend':
    'Without a sample, the trace follows the valid backend with the largest share (first in list order).',
  'ambiguous-gateway':
    'The request names no Gateway and several could serve it: the oldest one that serves it is shown.',
  'not-programmed-listener': 'Only Accepted and Programmed listeners carry traffic (§6.2).',
} as const;

export type DecisionName = keyof typeof SD;
