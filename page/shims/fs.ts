/**
 * `node:fs` in the page: there are no files. The scenario loader reads files only to follow
 * `extends`; the page's scenarios are embedded resolved, so this answers that case in words.
 */
export function readFileSync(file: string): never {
  throw Object.assign(
    new Error(`cannot read ${file} in the browser: the page's scenarios are embedded with every extends resolved`),
    { code: 'EACCES' },
  );
}
