// The engine version travels in share links ("this link was made with an older engine") and in
// `check --json`. Bump it when a verdict for the same input may change.
export const ENGINE_VERSION = '0.1.0';
/** The Gateway API release whose semantics the engine implements. */
export const GATEWAY_API_VERSION = 'v1.6.1';
