//! Build script: with the `transformer` feature, records libtorch's folder
//! as an rpath of every binary and test, so that they run without
//! `LD_LIBRARY_PATH`. torch-sys reports the folder it linked against through
//! its `links = "tch"` metadata (`DEP_TCH_LIBTORCH_LIB`).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_TRANSFORMER").is_none() {
        return;
    }
    println!("cargo:rerun-if-env-changed=DEP_TCH_LIBTORCH_LIB");
    if let Ok(lib) = std::env::var("DEP_TCH_LIBTORCH_LIB") {
        let target = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
        if target == "linux" || target == "macos" {
            println!("cargo:rustc-link-arg=-Wl,-rpath,{lib}");
        }
    }
}
