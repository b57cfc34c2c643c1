/**
 * The scenario stage: YAML file → validated `Scenario` (SPEC §3).
 * `load.ts` reads files, merges `extends`, applies `--set` overrides and validates with
 * `schema.ts`; every problem comes back as a `ScenarioError` (`errors.ts`).
 */
export * from './schema.js';
export { loadScenarioFile, loadScenarioText, loadYamlDocument, parseOverride, resolvedScenarioYaml, type DocumentLocation, type LoadedScenario, type LoadOptions, type LocatedDocument } from './load.js';
export { ScenarioError, renderIssue, renderIssues, issueLocation, SCENARIO_KIND, type DocumentKind, type ScenarioIssue } from './errors.js';
