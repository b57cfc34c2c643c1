/** `desksim init [file]`: write a starter scenario, every section explained in comments. */
import type { Command } from 'commander';
import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { slug } from '../../report/slug.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { starterScenario } from '../starter-scenario.js';

interface InitOptionValues {
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** The scenario name for a file: its base name's slug, as `run` names its output directory (never `.` or `..`). */
export function scenarioNameFor(file: string): string {
  return slug(basename(file, extname(file)), 'my-desk');
}

/** Adds `desksim init` to the program. */
export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .summary('write a starter scenario with every section explained')
    .description(
      'Write a small, complete scenario (two tiers on weekday shifts, email and chat, SLA targets,\n' +
        'costs, a survey) with a comment on every section, ready to edit, validate and run.\n' +
        'Its name is the file name. An existing file is kept unless --force is given.',
    )
    .argument('[file]', 'where to write the scenario', 'my-desk.yaml')
    .option('-f, --force', 'overwrite the file if it exists')
    .option('--json', 'print {"file", "name"} as JSON instead of the next steps')
    .option('--quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim init\n' +
        '  $ desksim init desks/support.yaml --force\n' +
        '  # then: desksim validate my-desk.yaml && desksim run my-desk.yaml\n',
    )
    .action((file: string, options: InitOptionValues) => {
      const path = resolve(io.cwd, file);
      const existing = lstatSync(path, { throwIfNoEntry: false });
      if (existing !== undefined && !existing.isFile()) {
        throw new CliError(
          `${file} exists and is not a file: init writes a scenario file and replaces only a file (with --force)`,
          ExitCode.BadInput,
        );
      }
      if (existing !== undefined && !options.force) {
        throw new CliError(`${file} already exists; not overwritten (use --force to replace it)`, ExitCode.BadInput);
      }
      const name = scenarioNameFor(file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, starterScenario(name));
      if (options.json) io.stdout(JSON.stringify({ file, name }, null, 2) + '\n');
      else if (!options.quiet) {
        io.stdout(
          `Wrote ${file} (scenario "${name}"). Next:\n` +
            `  desksim validate ${file}     # every default filled in\n` +
            `  desksim run ${file}          # simulate; writes outputs/${name}/report.html\n`,
        );
      }
    });
}
