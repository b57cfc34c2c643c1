/** The desksim command line: one commander program, output and exit swappable for tests. */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerCompare } from './commands/compare.js';
import { registerDetect } from './commands/detect.js';
import { registerErlang } from './commands/erlang.js';
import { registerFrameworks } from './commands/frameworks.js';
import { registerInit } from './commands/init.js';
import { registerMerge } from './commands/merge.js';
import { registerMetrics } from './commands/metrics.js';
import { registerPage } from './commands/page.js';
import { registerPressure } from './commands/pressure.js';
import { registerRun } from './commands/run.js';
import { registerStaff } from './commands/staff.js';
import { registerSweep } from './commands/sweep.js';
import { registerSchema, registerValidate } from './commands/validate.js';
import { OutputRefusedError } from '../report/output-directory.js';
import { CliError, ExitCode, processIo, systemErrorLine, type CliIo } from './io.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('desksim')
    .description(
      'Simulate a help desk from a YAML scenario and see every KPI move — with confidence intervals.\n\n' +
        'Typical start:\n' +
        '  desksim init my-desk.yaml                 a starter scenario, every section explained\n' +
        '  desksim run scenarios/baseline.yaml        simulate and write outputs/<name>/ with report.html\n' +
        '  desksim validate my-desk.yaml             check a scenario, show its defaults\n' +
        '  desksim metrics log.csv -m map.yaml       every KPI of a real help desk\'s log\n' +
        '  desksim calibrate log.csv -m map.yaml     a scenario of that desk, estimated from its log\n' +
        '  desksim schema > desksim.schema.json      JSON Schema for editors',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  registerInit(program, io);
  registerRun(program, io);
  registerCompare(program, io);
  registerSweep(program, io);
  registerPressure(program, io);
  registerMerge(program, io);
  registerErlang(program, io);
  registerDetect(program, io);
  registerStaff(program, io);
  registerFrameworks(program, io);
  registerValidate(program, io);
  registerMetrics(program, io);
  registerPage(program, io);
  registerCalibrate(program, io);
  registerSchema(program, io);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io.argv === undefined ? { ...io, argv } : io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.Success;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(error.message.endsWith('\n') ? error.message : `${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof OutputRefusedError) {
      io.stderr(`${error.message}\n`);
      return ExitCode.BadInput;
    }
    // A failed file operation (permission, full disk, a name too long…) is the world's, not a bug: one line, no stack.
    const systemError = systemErrorLine(error);
    if (systemError !== undefined) {
      io.stderr(`${systemError}\n`);
      return ExitCode.Failure;
    }
    if (error instanceof CommanderError) {
      // Help and version are successful exits; every other commander error is a usage error.
      return error.exitCode === 0 ? ExitCode.Success : ExitCode.BadInput;
    }
    io.stderr(`desksim: ${(error as Error).stack ?? String(error)}\n`);
    return ExitCode.Failure;
  }
}
