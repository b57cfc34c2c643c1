/**
 * The scenario stage: YAML file → validated `Scenario` (docs/contracts.md#scenario).
 * `load.ts` reads files (bounded: `document/located.ts`), merges `extends` (`inherit.ts`),
 * applies `--set` overrides, validates with `schema.ts` and checks the size of the run
 * (`size.ts`); every problem comes back as a `ScenarioError` (`document/errors.ts`).
 */
export * from './schema.js';
export { distributionSchema, LIMITS } from './schema-values.js';
export { durationSchema } from '../document/values.js';
export {
  loadScenarioFile,
  loadScenarioText,
  loadYamlDocument,
  resolvedScenarioYaml,
  type DocumentLocation,
  type LoadedScenario,
  type LoadOptions,
  type LocatedDocument,
} from './load.js';
export { parseOverride } from './load-overrides.js';
export {
  ScenarioError,
  renderIssue,
  renderIssues,
  issueLocation,
  SCENARIO_KIND,
  type DocumentKind,
  type ScenarioIssue,
} from '../document/errors.js';
export { describeInheritance, REPLACE_KEY, type InheritanceNote } from './inherit.js';
export { READ_LIMITS } from '../document/located.js';
export { estimateWork, workProblems, WORK_LIMITS, type WorkEstimate, type WorkProblem } from './size.js';
