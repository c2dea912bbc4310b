//! The cheapest alignment, by dynamic programming over the grid of (original, translation)
//! positions, kept to a band: around the diagonal (the work is proportional to the units of one
//! side times the band's width, never more than their product), or around an alignment already
//! found, when only ratios near it are tried.

use super::Bead;
use super::cost::{KINDS, Model};

/// The band's half-width beyond the difference in unit counts: how far an alignment may stray
/// from the straight line between the two starts and the two ends.
const BAND_SLACK: usize = 40;

/// For each original position `0..=n`, the translation positions (inclusive) the search visits.
pub(super) type Band = Vec<(usize, usize)>;

/// The band around the diagonal from both starts to both ends.
pub(super) fn diagonal_band(n: usize, m: usize) -> Band {
    let width = n.abs_diff(m) + BAND_SLACK;
    (0..=n)
        .map(|i| {
            let centre = (i * m).checked_div(n).unwrap_or(m);
            (centre.saturating_sub(width), (centre + width).min(m))
        })
        .collect()
}

/// The band of `width` positions either side of the path of `beads` (which cover `0..n` and
/// `0..m`).
pub(super) fn band_around(beads: &[Bead], n: usize, m: usize, width: usize) -> Band {
    let mut band: Band = vec![(usize::MAX, 0); n + 1];
    let mut visit = |i: usize, j: usize| {
        let (lo, hi) = &mut band[i];
        *lo = (*lo).min(j);
        *hi = (*hi).max(j);
    };
    visit(0, 0);
    for bead in beads {
        // Every cell the bead passes through, so the band stays connected.
        for i in bead.original.clone() {
            visit(i + 1, bead.translation.start);
        }
        for j in bead.translation.clone() {
            visit(bead.original.start, j + 1);
        }
        visit(bead.original.end, bead.translation.end);
    }
    // Widen by `width` rows up and down as well as columns left and right.
    let spans: Vec<(usize, usize)> = band.clone();
    for (i, slot) in band.iter_mut().enumerate() {
        let rows = i.saturating_sub(width)..=(i + width).min(n);
        let lo = rows.clone().map(|r| spans[r].0).min().unwrap_or(0);
        let hi = rows.map(|r| spans[r].1).max().unwrap_or(m);
        *slot = (lo.saturating_sub(width), (hi + width).min(m));
    }
    band
}

/// The cheapest sequence of beads from both starts to both ends within `band`, and its cost;
/// beads that do not reach both starts when nothing in the band does.
pub(super) fn cheapest(
    model: &Model<'_>,
    n: usize,
    m: usize,
    band: &[(usize, usize)],
) -> (Vec<Bead>, f64) {
    // Costs of the last three rows (a bead spans at most two), by column.
    let mut rows = [
        vec![f64::INFINITY; m + 1],
        vec![f64::INFINITY; m + 1],
        vec![f64::INFINITY; m + 1],
    ];
    // The kind of the bead ending at each cell of the band, row by row.
    let mut kinds: Vec<u8> = Vec::new();
    let mut row_start: Vec<(usize, usize)> = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let (lo, hi) = band.get(i).copied().unwrap_or((0, m));
        let hi = hi.min(m);
        row_start.push((kinds.len(), lo));
        rows.rotate_right(1);
        rows[0].fill(f64::INFINITY);
        for j in lo..=hi {
            let mut best = (f64::INFINITY, u8::MAX);
            if i == 0 && j == 0 {
                best = (0.0, u8::MAX);
            }
            for (kind, &(di, dj, _)) in KINDS.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let before = rows[di][j - dj];
                if before == f64::INFINITY {
                    continue;
                }
                let total = before + model.cost(kind, i, j);
                // Strictly cheaper only: on a tie the simpler kind (listed first) stays.
                if total < best.0 {
                    best = (total, kind as u8);
                }
            }
            rows[0][j] = best.0;
            kinds.push(best.1);
        }
    }
    let total = rows[0][m];
    // Back from both ends.
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (offset, lo) = row_start[i];
        let Some(&kind) = j.checked_sub(lo).and_then(|k| kinds.get(offset + k)) else {
            break;
        };
        let Some(&(di, dj, _)) = KINDS.get(usize::from(kind)) else {
            break;
        };
        beads.push(Bead {
            original: i - di..i,
            translation: j - dj..j,
        });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    (beads, total)
}
