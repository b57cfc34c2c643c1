/**
 * `node:fs` in the page: there are no files. The scenario loader reads files only to follow
 * `extends` (checking the file first, reading it in bounded chunks); the page's scenarios are
 * embedded resolved, so every one of these answers that case in words.
 */
function noFiles(file: unknown): never {
  throw Object.assign(
    new Error(
      `cannot read ${String(file)} in the browser: the page's scenarios are embedded with every extends resolved`,
    ),
    { code: 'EACCES' },
  );
}

export const readFileSync = noFiles;
export const statSync = noFiles;
export const openSync = noFiles;
export const readSync = noFiles;
export const closeSync = noFiles;
