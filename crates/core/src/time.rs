//! The clock, at the precision the store keeps.

use chrono::{DateTime, SubsecRound, Utc};

/// Now, truncated to milliseconds so that a time survives a round trip through the
/// store and the article file unchanged.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}
