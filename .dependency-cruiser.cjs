/**
 * desksim's import boundaries (`npm run lint:deps`; docs/architecture.md, "Folders, and what
 * each may import"). Every folder of `src/` has a room in the pipeline and imports only the
 * folders below it: a wrong-way import, or a cycle between folders, fails CI. Tests may
 * import anything and are not checked.
 */

/** Each folder of src/ and what it may import besides itself (src/version.ts is open to all). */
const MAY_IMPORT = {
  engine: [],
  eventlog: [],
  document: ['engine'],
  theory: ['engine'],
  metrics: ['engine', 'eventlog'],
  // The desk's contract with its plug-ins: tickets, agents, queues, the hooks and what they may do.
  desk: ['engine', 'eventlog', 'document'],
  // The plug-ins (gaming behaviours, mechanisms): each file holds its scenario section and its runtime.
  gaming: ['engine', 'eventlog', 'document', 'metrics', 'desk'],
  mechanisms: ['engine', 'eventlog', 'document', 'metrics', 'desk'],
  scenario: ['engine', 'document', 'metrics', 'gaming', 'mechanisms'],
  model: ['engine', 'eventlog', 'document', 'desk', 'gaming', 'mechanisms', 'scenario'],
  importer: ['engine', 'eventlog', 'document'],
  experiment: [
    ...['engine', 'eventlog', 'document', 'theory', 'metrics', 'desk', 'gaming', 'mechanisms', 'scenario', 'model'],
  ],
};
const BELOW_REPORT = [...MAY_IMPORT.experiment, 'experiment', 'importer'];
MAY_IMPORT.report = BELOW_REPORT;
MAY_IMPORT.export = BELOW_REPORT;
// The features built on the whole pipeline; none of them imports another.
const FEATURE = [...BELOW_REPORT, 'report', 'export'];
MAY_IMPORT.staffing = FEATURE;
MAY_IMPORT.calibrate = FEATURE;
MAY_IMPORT.frameworks = FEATURE;
MAY_IMPORT.detect = FEATURE;
const ALL_FOLDERS = [...Object.keys(MAY_IMPORT), 'cli'];
MAY_IMPORT.cli = ALL_FOLDERS.filter((folder) => folder !== 'cli');

const folderPath = (folders) => (folders.length === 0 ? '^$' : `^src/(${folders.join('|')})/`);

/** One rule a folder: it imports nothing of desksim but itself, the folders it may import and src/version.ts. */
const folderRules = Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
  name: `wrong-way-from-${folder}`,
  severity: 'error',
  comment: `src/${folder}/ may import ${allowed.length === 0 ? 'nothing of desksim' : allowed.join(', ')} (docs/architecture.md).`,
  from: { path: `^src/${folder}/` },
  to: { path: '^(src|page)/', pathNot: [`^src/${folder}/`, folderPath(allowed), '^src/version\\.ts$'] },
}));

module.exports = {
  forbidden: [
    ...folderRules,
    {
      name: 'api-beside-cli',
      severity: 'error',
      comment: 'src/api.ts (the code API) sits beside the CLI: it may import every folder but cli/ and page/.',
      from: { path: '^src/api\\.ts$' },
      to: { path: ['^src/cli/', '^src/index\\.ts$', '^page/'] },
    },
    {
      name: 'version-imports-nothing',
      severity: 'error',
      comment: 'src/version.ts is open to every folder, so it imports nothing of desksim.',
      from: { path: '^src/version\\.ts$' },
      to: { path: '^(src|page)/' },
    },
    {
      name: 'page-not-cli',
      severity: 'error',
      comment: 'The page (a browser bundle) uses the stages below the CLI, never the CLI or the code API.',
      from: { path: '^page/' },
      to: { path: ['^src/cli/', '^src/api\\.ts$', '^src/index\\.ts$'] },
    },
    {
      name: 'src-not-page',
      severity: 'error',
      comment: 'Nothing in src/ imports the page.',
      from: { path: '^src/' },
      to: { path: '^page/' },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'No two folders (sub-folders such as model/gaming included) import each other, directly or round a circle.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a type import the wrong way is still a wrong-way dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
