//! The cheapest alignment, by dynamic programming over the grid of (original, translation)
//! positions, kept to a band around the diagonal: the work is proportional to the units of one
//! side times the band's width, never more than their product.

use super::Bead;
use super::cost::{KINDS, Model};

/// The band's half-width beyond the difference in unit counts: how far an alignment may stray
/// from the straight line between the two starts and the two ends.
const BAND_SLACK: usize = 40;

/// The cheapest sequence of beads from both starts to both ends, and its cost.
pub(super) fn cheapest(model: &Model<'_>, n: usize, m: usize) -> (Vec<Bead>, f64) {
    let width = n.abs_diff(m) + BAND_SLACK;
    // The band of row i: the columns within `width` of the diagonal.
    let band = |i: usize| -> (usize, usize) {
        let centre = if n == 0 { m } else { i * m / n };
        (centre.saturating_sub(width), (centre + width + 1).min(m))
    };
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
        let (lo, hi) = band(i);
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
