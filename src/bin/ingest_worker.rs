//! The ingest worker's entry point: decodes and parses dropped files off the page's thread
//! (see `newsprism::browser::worker`).

fn main() {
    newsprism::browser::worker::serve();
}
