// Share links (contracts.md §6): the page and the CLI import from here.
export type { DecodeResult } from './codec.ts';
export {
  CURRENT_SCENARIO_VERSION,
  decodeScenario,
  encodeScenario,
  makeScenario,
  SHARE_PREFIX,
  ShareError,
  shareUrl,
} from './codec.ts';
export { checkSavedRequest, checkSettings, checkSimRequest, checkTestCase, type Issues } from './shape.ts';
