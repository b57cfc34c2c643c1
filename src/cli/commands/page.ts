/** `desksim page [scenario...]`: the what-if page, as a static site and (with --serve) served locally. */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { writeAtomically } from '../../report/output-directory.js';
import { resolvedScenarioYaml } from '../../scenario/load.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { bundleDirectory, PAGE_SCRIPT, serveSite, siteFiles, type SiteScenario } from './page-site.js';
import { loadForCommand } from './shared.js';

interface PageOptionValues {
  out?: string;
  serve?: boolean;
  host: string;
  port: string;
  open?: boolean;
}

/** The shipped scenarios the page carries when none are given: the top level, then gaming/ and textbook/. */
export function shippedScenarios(): string[] {
  const root = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
  return ['', 'gaming', 'textbook'].flatMap((folder) => {
    const directory = join(root, folder);
    if (!existsSync(directory)) return [];
    return readdirSync(directory)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => join(directory, name));
  });
}

/** Loads every scenario (bad input ⇒ exit 2 before anything is written) into the page's form. */
function pageScenarios(files: readonly string[], io: CliIo, shipped: boolean): SiteScenario[] {
  const scenariosRoot = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
  const ids = new Set<string>();
  return files.map((file) => {
    const { scenario } = loadForCommand(file, {}, io);
    const path = resolve(io.cwd, file);
    let id = (shipped ? relative(scenariosRoot, path) : basename(path)).replace(/\.ya?ml$/, '').replace(/\\/g, '/');
    for (let suffix = 2; ids.has(id); suffix++) id = `${id.replace(/-\d+$/, '')}-${suffix}`;
    ids.add(id);
    const shown = relative(io.cwd, path);
    return {
      id,
      name: scenario.name,
      description: scenario.description,
      file: shown.startsWith('..') ? path : shown,
      yaml: resolvedScenarioYaml(scenario),
    };
  });
}

/** Refuses to replace a directory that is not a page desksim wrote (never destroy what is not ours). */
function checkTarget(directory: string): void {
  if (!existsSync(directory)) return;
  const entries = readdirSync(directory);
  if (entries.length > 0 && !entries.includes(PAGE_SCRIPT)) {
    throw new CliError(
      `${directory} exists and is not a page desksim wrote (no ${PAGE_SCRIPT}); choose another --out or empty it`,
      ExitCode.BadInput,
    );
  }
}

function openBrowser(url: string, io: CliIo): void {
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '', url]
        : ['xdg-open', url];
  const child = spawn(command!, args, { stdio: 'ignore', detached: true });
  child.on('error', () => io.stderr(`Could not open a browser (${command}); open ${url} yourself.\n`));
  child.unref();
}

export function registerPage(program: Command, io: CliIo): void {
  program
    .command('page')
    .summary('write the what-if page: move a slider, watch the dashboard and the truth part ways')
    .description(
      'Write a static web page that runs desksim in the browser: controls for\n' +
        'staffing, arrivals, knowledge, SLA targets, gaming and incentive pressure;\n' +
        'the KPI table with intervals, the dashboard beside the truth, charts, and a\n' +
        'replay of one replication. Same validation, model, metric engine and charts\n' +
        'as the command line. It opens from file:// and from any static host,\n' +
        'offline, with the scenarios inside (the shipped ones unless given). Trainer\n' +
        'mode hides the truth until revealed and steps through pressure levels; the\n' +
        'address encodes the settings, so a link restores them.',
    )
    .argument('[scenario...]', 'scenario YAML files to put in the page (default: the shipped scenarios)')
    .option('--out <dir>', 'output directory', 'outputs/page')
    .option('--serve', 'serve the page on this machine after writing it (read-only; Ctrl-C stops)')
    .option('--host <host>', 'address to serve on (another address exposes the page to the network)', '127.0.0.1')
    .option('--port <n>', 'port to serve on (0: any free port)', '8317')
    .option('--open', 'open the page in the browser (with --serve)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim page\n' +
        '  $ desksim page scenarios/baseline.yaml scenarios/gaming/closure-count-bonus.yaml --out outputs/page-demo\n' +
        '\nThe first writes outputs/page/index.html with every shipped scenario. To serve\n' +
        'it on http://127.0.0.1:8317/ and open it in the browser: desksim page --serve --open\n',
    )
    .action(async (files: string[], options: PageOptionValues) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port expects a whole number 0..65535, found "${options.port}"`, ExitCode.BadInput);
      const bundle = bundleDirectory();
      if (bundle === undefined)
        throw new CliError(
          'the page is not built: run npm run build (it bundles page/ into dist/page-bundle/)',
          ExitCode.Failure,
        );
      const shipped = files.length === 0;
      const scenarios = pageScenarios(shipped ? shippedScenarios() : files, io, shipped);
      const directory = resolve(io.cwd, options.out!);
      checkTarget(directory);
      const site = siteFiles(bundle, scenarios);
      await writeAtomically(directory, (staged) => {
        for (const [path, content] of site) writeFileSync(staged.file(path), content);
        // A static host serves as another user: the staged directory is created private.
        chmodSync(staged.path, 0o755);
      });
      io.stdout(
        `Wrote ${directory} (${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}); ` +
          `open ${join(directory, 'index.html')} in a browser\n`,
      );
      if (!options.serve) {
        if (options.open) io.stderr('--open works with --serve; open the index.html above yourself\n');
        return;
      }
      const server = await serveSite(site, { host: options.host, port }).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(
          `cannot serve on ${options.host}:${port}: ` +
            (error.code === 'EADDRINUSE' ? 'the port is in use (try --port 0)' : error.message),
          ExitCode.Failure,
        );
      });
      io.stdout(`Serving the page at ${server.url} (read-only, this site's files only; Ctrl-C stops)\n`);
      if (options.open) openBrowser(server.url, io);
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
