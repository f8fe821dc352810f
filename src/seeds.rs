//! The bundled articles, embedded by `build.rs` from `seeds/`.

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
