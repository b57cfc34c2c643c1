/** "Did you mean": the closest of a set of known words to a misspelt one. */

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  const cell = (row: number, column: number): number => table[row]?.[column] ?? 0;
  for (let row = 1; row < rows; row += 1) {
    for (let column = 1; column < columns; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(cell(row - 1, column) + 1, cell(row, column - 1) + 1, cell(row - 1, column - 1) + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, cell(row - 2, column - 2) + 1);
      }
      (table[row] as number[])[column] = best;
    }
  }
  return cell(a.length, b.length);
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/** The closest candidate: within 3 edits (and fewer than the word's length), or sharing a prefix of 4+. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const target = candidate.toLowerCase();
    const distance = editDistance(lower, target);
    const prefix = commonPrefix(lower, target);
    const close = distance <= 3 && distance < Math.max(2, Math.min(lower.length, target.length));
    const prefixed = prefix >= 4 || (prefix >= 3 && (lower.startsWith(target) || target.startsWith(lower)));
    if (!close && !prefixed) continue;
    const score = close ? distance : 3 + 1 / (prefix + 1);
    if (!best || score < best.score) best = { candidate, score };
  }
  return best?.candidate;
}
