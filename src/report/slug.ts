/**
 * The one rule that turns a name a user wrote (a scenario's `name:`, a log's file name, an
 * experiment's name) into a file or directory name: a slug. A scenario named `..` or `/..`
 * must never become a path outside `outputs/`, nor the output directory itself.
 */

/** The longest slug, in characters: well under every file system's 255-byte name limit. */
export const SLUG_MAX_LENGTH = 100;

/**
 * `text` as a slug: letters, digits, `-`, `_` and `.` only (accents dropped, every other run of
 * characters becomes one `-`), no leading `.` or `-`, no trailing `.` or `-`, at most
 * {@link SLUG_MAX_LENGTH} characters. Never `.` or `..` or empty: `fallback` stands in when
 * nothing is left ("My Desk!" → "My-Desk", ".." → fallback). `fallback` must itself be a slug.
 */
export function slug(text: string, fallback: string): string {
  const plain = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  const dashed = plain.replace(/[^A-Za-z0-9._-]+/g, '-');
  const trimmed = dashed
    .replace(/^[-.]+/, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/[-.]+$/, '');
  return trimmed === '' ? fallback : trimmed;
}
