//! The process's CPU time, for the bench's sampled figures (CPU-s next to wall
//! time tell a busy machine from a slow path).

/// The process's CPU time (user + system) in seconds, from `/proc/self/stat`;
/// `None` where that file is absent (not Linux).
pub fn process_cpu_s() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0) // USER_HZ is 100 on Linux
}
