//! Precision, recall and F1 as the eval subcommands print them: percentages.

/// `a` of `b` as a percentage; 0 when there is nothing to count.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The harmonic mean of a precision and a recall (percentages).
pub(crate) fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}
