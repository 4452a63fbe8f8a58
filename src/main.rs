//! The `actant` command line.

fn main() {
    println!("actant {}", env!("CARGO_PKG_VERSION"));
}
