/** The CLI's connection to the world, swappable so commands can be tested in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  interactive: boolean;
  /** Where progress bars are drawn (the terminal's stderr); none in tests and pipes. */
  progressStream?: NodeJS.WritableStream;
  /** Working directory for relative paths. */
  cwd: string;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
    progressStream: process.stderr,
    cwd: process.cwd(),
  };
}

/** Exit codes: SPEC §7. */
export const ExitCode = { Success: 0, Failure: 1, BadInput: 2 } as const;

/** An error that ends the command with a given exit code and message. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
