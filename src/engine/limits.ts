// Every cap and scale tier of contracts.md §7 lives here, so that the page, the CLI, the tests and the
// benchmark agree. The CLI may raise the input cap by flag (--max-input-bytes).

export const LIMITS = {
  /** Input size refused by the page (bytes of UTF-8). */
  pageMaxInputBytes: 16 * 1024 * 1024,
  /** Input size refused by the CLI and the engine by default. */
  engineMaxInputBytes: 64 * 1024 * 1024,
  /** YAML alias expansions allowed per document (billion-laughs guard). */
  maxAliasesPerDocument: 1000,
  /**
   * Deepest nesting of YAML collections we accept (the parser recurses; deeper input is refused before
   * parsing for flow collections, and by a caught stack overflow for block ones). Real manifests nest
   * fewer than 30 levels; 500 stays well inside the parser's stack in Node and in browsers' workers.
   */
  maxNestingDepth: 500,
  /** Interactive comfort tier of the page. */
  pageComfortRoutes: 1000,
  pageComfortBytes: 1024 * 1024,
  /** Benchmark tier of the engine. */
  engineComfortRoutes: 10000,
  /** `simulate` with explain caps its candidate list. */
  maxTraceCandidates: 200,
  /** Share links: inflated payload cap. */
  shareMaxInflatedBytes: 8 * 1024 * 1024,
  /** Share links longer than this get a "chat tools may cut it" warning. */
  shareWarnChars: 2000,
  /** Worker watchdog (page): show progress after, and end the worker after. */
  watchdogProgressMs: 1000,
  watchdogKillMs: 60000,
  /** re2js program size cap for one regex (Envoy's default max_program_size is 100). */
  maxRegexProgramSize: 100,
} as const;
