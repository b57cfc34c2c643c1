/**
 * The structure rules of issue 16 (docs/architecture.md, /work/shared/STYLE.md): every source
 * file of `src/` stays under MAX_LINES lines and no line runs over MAX_WIDTH characters, so a
 * file reads as one cohesive thing and a line fits a side-by-side diff. A file that breaks a
 * rule is named in EXCEPTIONS with the reason, and an exception that is no longer needed fails
 * too, so the list only shrinks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/cli.js';

const MAX_LINES = 400;
const MAX_WIDTH = 120;

/** Files allowed to break a rule, each with why. Paths are relative to the repository root. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  'src/report/html.ts':
    "the report page's CSS and script are one template literal: a line of the template is a line of the page",
};

/** Folders whose files may break the rules (none: every folder of `src/` keeps them now). */
const FOLDER_EXCEPTIONS: Readonly<Record<string, string>> = {};

/** One rule a file breaks, in words. */
interface RuleBreak {
  file: string;
  problem: string;
}

/** Length of a line as an editor counts it (UTF-16 code units; box-drawing characters are one each). */
function width(line: string): number {
  return line.length;
}

/** The rules `text` breaks, as `file` (no exceptions applied). */
function sourceRuleBreaks(file: string, text: string): RuleBreak[] {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const breaks: RuleBreak[] = [];
  if (lines.length > MAX_LINES) breaks.push({ file, problem: `${lines.length} lines (at most ${MAX_LINES})` });
  lines.forEach((line, index) => {
    if (width(line) > MAX_WIDTH) {
      breaks.push({ file, problem: `line ${index + 1} has ${width(line)} characters (at most ${MAX_WIDTH})` });
    }
  });
  return breaks;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(root, path).split('\\').join('/')] : [];
  });
}

function exceptionFor(file: string): string | undefined {
  if (EXCEPTIONS[file] !== undefined) return EXCEPTIONS[file];
  const folder = Object.keys(FOLDER_EXCEPTIONS).find((prefix) => file.startsWith(prefix));
  return folder === undefined ? undefined : FOLDER_EXCEPTIONS[folder];
}

describe('source structure rules', () => {
  const files = sourceFiles(join(root, 'src'));
  const breaks = new Map(files.map((file) => [file, sourceRuleBreaks(file, readFileSync(join(root, file), 'utf8'))]));

  it(`every src/ file has at most ${MAX_LINES} lines of at most ${MAX_WIDTH} characters, or a stated exception`, () => {
    const unexcused = files.filter((file) => breaks.get(file)!.length > 0 && exceptionFor(file) === undefined);
    expect(unexcused.flatMap((file) => breaks.get(file)!.map((rule) => `${rule.file}: ${rule.problem}`))).toEqual([]);
  });

  it('names no file in EXCEPTIONS that exists no more or keeps the rules already', () => {
    const stale = Object.keys(EXCEPTIONS).filter((file) => !breaks.has(file) || breaks.get(file)!.length === 0);
    expect(stale).toEqual([]);
    for (const reason of [...Object.values(EXCEPTIONS), ...Object.values(FOLDER_EXCEPTIONS)]) {
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('finds a file too long and a line too wide', () => {
    const long = `${Array.from({ length: MAX_LINES + 1 }, () => 'x;').join('\n')}\n`;
    expect(sourceRuleBreaks('src/long.ts', long)).toEqual([
      { file: 'src/long.ts', problem: `${MAX_LINES + 1} lines (at most ${MAX_LINES})` },
    ]);
    expect(sourceRuleBreaks('src/just.ts', `${Array.from({ length: MAX_LINES }, () => 'x;').join('\n')}\n`)).toEqual(
      [],
    );
    const wide = `const a = 1;\nconst b = '${'y'.repeat(MAX_WIDTH)}';\n`;
    expect(sourceRuleBreaks('src/wide.ts', wide)).toEqual([
      { file: 'src/wide.ts', problem: `line 2 has ${MAX_WIDTH + 13} characters (at most ${MAX_WIDTH})` },
    ]);
    expect(sourceRuleBreaks('src/box.ts', `// ${'─'.repeat(MAX_WIDTH - 3)}\n`)).toEqual([]);
  });
});
