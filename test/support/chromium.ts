/** Finds a Chromium for browser tests: $DESKSIM_CHROMIUM, else Debian's or a Chrome on the PATH. */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The executable path, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const fromEnvironment = process.env.DESKSIM_CHROMIUM;
  if (fromEnvironment !== undefined && fromEnvironment !== '')
    return existsSync(fromEnvironment) ? fromEnvironment : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}
