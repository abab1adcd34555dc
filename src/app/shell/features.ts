// Optional SupportedFeature names (Gateway API v1.6) offered in Settings. The engine takes any name;
// this list only makes the common ones one click away. Names not listed go in the free-text field.
export const FEATURE_GROUPS: { title: string; features: string[] }[] = [
  {
    title: 'Gateway',
    features: [
      'GatewayHTTPListenerIsolation',
      'GatewayPort8080',
      'GatewayStaticAddresses',
      'GatewayInfrastructurePropagation',
      'GatewayAddressEmpty',
    ],
  },
  {
    title: 'HTTPRoute matching',
    features: [
      'HTTPRouteQueryParamMatching',
      'HTTPRouteMethodMatching',
      'HTTPRouteDestinationPortMatching',
      'HTTPRouteHostRewrite',
      'HTTPRoutePathRewrite',
      'HTTPRouteParentRefPort',
      'HTTPRouteNamedRouteRule',
    ],
  },
  {
    title: 'HTTPRoute filters',
    features: [
      'HTTPRouteResponseHeaderModification',
      'HTTPRouteBackendRequestHeaderModification',
      'HTTPRouteSchemeRedirect',
      'HTTPRoutePathRedirect',
      'HTTPRoutePortRedirect',
      'HTTPRoute303RedirectStatusCode',
      'HTTPRoute307RedirectStatusCode',
      'HTTPRoute308RedirectStatusCode',
      'HTTPRouteRequestMirror',
      'HTTPRouteRequestMultipleMirrors',
      'HTTPRouteRequestPercentageMirror',
      'HTTPRouteCORS',
    ],
  },
  {
    title: 'HTTPRoute timeouts and backends',
    features: [
      'HTTPRouteRequestTimeout',
      'HTTPRouteBackendTimeout',
      'HTTPRouteRetry',
      'HTTPRouteSessionPersistence',
      'HTTPRouteBackendProtocolH2C',
      'HTTPRouteBackendProtocolWebSocket',
    ],
  },
  {
    title: 'Other routes and policies',
    features: ['GRPCRoute', 'TLSRoute', 'TLSRouteModeTerminate', 'TCPRoute', 'UDPRoute', 'BackendTLSPolicy'],
  },
];

export const ALL_LISTED_FEATURES = FEATURE_GROUPS.flatMap((g) => g.features);
