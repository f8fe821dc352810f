//! Files from the file picker or a drop, read into bytes. Nothing leaves the page: the bytes are
//! read from the user's disk by the browser and handed to the core.

use js_sys::Uint8Array;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, Event, File, FileList, HtmlInputElement};

/// A file's name (with its folder path when a folder was picked) and its bytes, or why they could
/// not be read.
pub type ReadFile = (String, Result<Vec<u8>, String>);

fn name_of(file: &File) -> String {
    // A picked folder gives "folder/sub/file.txt"; a single file only its name.
    let relative = js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty());
    relative.unwrap_or_else(|| file.name())
}

async fn read(file: File) -> ReadFile {
    let name = name_of(&file);
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => (name, Ok(Uint8Array::new(&buffer).to_vec())),
        Err(_) => (
            name,
            Err("the browser could not read this file".to_string()),
        ),
    }
}

fn list(files: Option<FileList>) -> Vec<File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads every file, one after another so that memory holds one file's buffer at a time.
async fn read_all(files: Vec<File>) -> Vec<ReadFile> {
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        out.push(read(f).await);
    }
    out
}

/// Reads the files chosen in an `<input type="file">` and hands them to `on_files`.
pub fn read_input(ev: &Event, on_files: impl FnOnce(Vec<ReadFile>) + 'static) {
    let files = files_from_input(ev);
    if !files.is_empty() {
        leptos::task::spawn_local(async move { on_files(read_all(files).await) });
    }
}

/// The files chosen in an `<input type="file">`, which is then cleared so the same files can be
/// chosen again.
fn files_from_input(ev: &Event) -> Vec<File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = list(input.files());
    input.set_value("");
    files
}

/// Whether a drag carries files (not text or a link from the page).
fn carries_files(ev: &DragEvent) -> bool {
    ev.data_transfer()
        .map(|dt| {
            dt.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
        .unwrap_or(false)
}

/// Page-wide file dropping: the signal is true while files are held over the page, and
/// `on_files` receives the dropped files once read. Counts enter/leave so nested elements do not
/// make the overlay flicker.
pub fn use_file_drop(on_files: impl Fn(Vec<ReadFile>) + Clone + 'static) -> ReadSignal<bool> {
    let (dragging, set_dragging) = signal(false);
    let depth = StoredValue::new(0i32);
    let enter = window_event_listener(leptos::ev::dragenter, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            depth.update_value(|d| *d += 1);
            set_dragging.set(true);
        }
    });
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        if carries_files(&ev) {
            depth.update_value(|d| *d -= 1);
            if depth.get_value() <= 0 {
                depth.set_value(0);
                set_dragging.set(false);
            }
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        depth.set_value(0);
        set_dragging.set(false);
        let files = list(ev.data_transfer().and_then(|dt| dt.files()));
        let on_files = on_files.clone();
        leptos::task::spawn_local(async move { on_files(read_all(files).await) });
    });
    on_cleanup(move || {
        enter.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });
    dragging
}
