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
  /** The command line (without `desksim`), recorded in each output directory's marker; `runCli` sets it. */
  argv?: readonly string[];
  /** The environment (`--shard auto/n` reads the array job's index from it); default: the process's. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * A process stream whose reader may go away (`desksim … | head`): from then on its output is
 * dropped quietly, and the command still finishes its files and exits as it would.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): (text: string) => void {
  let readerGone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  return (text) => {
    if (!readerGone) stream.write(text);
  };
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: quietOnClosedPipe(process.stdout),
    stderr: quietOnClosedPipe(process.stderr),
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
    progressStream: process.stderr,
    cwd: process.cwd(),
  };
}

/** Exit codes: docs/contracts.md#command-line. */
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

/** What an operating-system error code means, in words. */
const SYSTEM_ERROR_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'it already exists',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'it is busy (in use by another program)',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  ENOENT: 'no such file or directory',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** What a failed system call was doing, in words. */
const SYSTEM_CALL_WORDS: Record<string, string> = {
  mkdir: 'create the directory',
  open: 'open',
  write: 'write to',
  rename: 'rename',
  rm: 'remove',
  rmdir: 'remove',
  unlink: 'remove',
  scandir: 'list',
  stat: 'reach',
  lstat: 'reach',
  access: 'reach',
  copyfile: 'copy',
};

/**
 * One line for a failed file operation (`desksim: cannot create the directory /x/y:
 * permission denied (EACCES)`), or undefined when `error` is not an operating-system error.
 */
export function systemErrorLine(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== 'string' || typeof syscall !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  const action = SYSTEM_CALL_WORDS[syscall] ?? syscall;
  const target = path === undefined ? '' : ` ${path}${dest === undefined ? '' : ` to ${dest}`}`;
  return `desksim: cannot ${action}${target}: ${SYSTEM_ERROR_WORDS[code] ?? code} (${code})`;
}
