/** `desksim validate <scenario>` and `desksim schema`. */
import type { Command } from 'commander';
import { relative } from 'node:path';
import { describeInheritance } from '../../scenario/inherit.js';
import { resolvedScenarioYaml } from '../../scenario/load.js';
import { scenarioJsonSchema } from '../../scenario/schema.js';
import type { CliIo } from '../io.js';
import { loadForCommand, scenarioOptions, type ScenarioOptionValues } from './shared.js';

export function registerValidate(program: Command, io: CliIo): void {
  scenarioOptions(
    program
      .command('validate')
      .summary('check a scenario; print its errors or the resolved configuration')
      .description(
        'Check a scenario file (and its extends chain and --set overrides) without running it.\n' +
          'Valid: prints the fully resolved scenario (every default filled in, durations in minutes),\n' +
          'after comment lines saying what a file that extends another inherited, merged, added and\n' +
          'replaced: tiers (and other lists of items with ids) merge by id; { $replace: ... } replaces.\n' +
          'Invalid: prints every problem with file:line:column, field path, expected and found; exit code 2.',
      )
      .argument('<scenario>', 'scenario YAML file'),
  )
    .option('--json', 'print {"valid", "files", "inheritance", "scenario"} — or {"valid": false, "issues"} — as JSON')
    .option('--quiet', 'print nothing when valid')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim validate scenarios/baseline.yaml\n' +
        '  $ desksim validate scenarios/baseline.yaml --set tiers.tier1.shifts.0.agents=6\n' +
        '  $ desksim validate scenarios/tighter-sla.yaml --json --quiet\n',
    )
    .action((file: string, options: ScenarioOptionValues & { quiet?: boolean; json?: boolean }) => {
      const { scenario, files, inheritance } = loadForCommand(file, options, io);
      if (options.json) {
        io.stdout(JSON.stringify({ valid: true, files, inheritance, scenario }, null, 2) + '\n');
        return;
      }
      if (options.quiet) return;
      io.stdout(`# ${files.join(' <- ')}: valid\n`);
      const shown = (name: string) => relative(io.cwd, name) || name;
      for (const line of describeInheritance(inheritance, shown)) io.stdout(`# ${line}\n`);
      io.stdout(resolvedScenarioYaml(scenario));
    });
}

export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .summary('print the JSON Schema of the scenario format')
    .description(
      "Print the JSON Schema of scenario files, generated from desksim's own validation schemas.\n" +
        "Point your editor's YAML language server at it for completion and inline errors.",
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ desksim schema > desksim.schema.json\n' +
        '  # then, first line of a scenario: # yaml-language-server: $schema=./desksim.schema.json\n',
    )
    .action(() => {
      io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    });
}
