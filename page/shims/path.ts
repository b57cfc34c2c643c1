/** `node:path` in the page: the POSIX functions the scenario loader calls, on '/'-separated names. */

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

export function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !isAbsolute(path)) parts.push(part);
  }
  return (isAbsolute(path) ? '/' : '') + parts.join('/') || (isAbsolute(path) ? '/' : '.');
}

export function join(...paths: string[]): string {
  return normalize(paths.filter((path) => path !== '').join('/'));
}

export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '.' : index === 0 ? '/' : path.slice(0, index);
}

export function resolve(...paths: string[]): string {
  let resolved = '';
  for (const path of paths) resolved = isAbsolute(path) ? path : `${resolved}/${path}`;
  return normalize(isAbsolute(resolved) ? resolved : `/${resolved}`);
}
