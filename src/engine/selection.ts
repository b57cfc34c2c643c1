/**
 * Order statistics without sorting: Hoare's selection with median-of-three pivots, a linear
 * pass or so where sorting a million values takes a tenth of a second. Used by the metric
 * engine's quantiles and the importer's outlier fences.
 */

/**
 * Rearranges `values[from..to]` so that `values[rank]` holds the value sorting would put there,
 * with nothing greater left of it and nothing smaller right of it. A range it partitions badly
 * 64 times running is sorted instead. The values must hold no NaN (a NaN compares false both
 * ways, so selection would not put it where sorting does).
 */
export function selectRank(values: Float64Array, rank: number, from = 0, to = values.length - 1): void {
  let low = from;
  let high = to;
  for (let rounds = 0; high > low; rounds++) {
    if (rounds > 64) {
      values.subarray(low, high + 1).sort();
      return;
    }
    const middle = (low + high) >>> 1;
    const a = values[low]!;
    const b = values[middle]!;
    const c = values[high]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let left = low;
    let right = high;
    while (left <= right) {
      while (values[left]! < pivot) left++;
      while (values[right]! > pivot) right--;
      if (left <= right) {
        const swap = values[left]!;
        values[left++] = values[right]!;
        values[right--] = swap;
      }
    }
    if (rank <= right) high = right;
    else if (rank >= left) low = left;
    else return;
  }
}
