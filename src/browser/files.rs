//! Files from the file picker, a drop (files and whole folders) or the clipboard, read into
//! bytes; and downloads of what the app exports. Nothing leaves the page: the bytes are read from
//! the user's disk by the browser and handed to the core.

use js_sys::{Array, Function, Promise, Uint8Array};
use leptos::prelude::*;
use newsprism_core::export::ExportFormat;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DragEvent, Event, File, FileList, FileSystemDirectoryEntry, FileSystemEntry,
    FileSystemFileEntry, HtmlInputElement,
};

/// A file's name (with its folder path when it came from a folder) and its bytes, or why they
/// could not be read.
pub type ReadFile = (String, Result<Vec<u8>, String>);

/// A file chosen or dropped but not read yet.
#[derive(Clone)]
pub struct PendingFile {
    /// The name, with the folder path ("bbc/tech/001.txt") when it came from a folder.
    pub name: String,
    /// Its size in bytes.
    pub size: f64,
    /// The browser's handle to it, or why there is none.
    pub(super) file: Result<File, String>,
}

impl PendingFile {
    /// Reads the bytes.
    pub async fn read(self) -> ReadFile {
        let file = match self.file {
            Ok(f) => f,
            Err(why) => return (self.name, Err(why)),
        };
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => (self.name, Ok(Uint8Array::new(&buffer).to_vec())),
            Err(_) => (
                self.name,
                Err("the browser could not read this file".to_string()),
            ),
        }
    }

    fn from_file(file: File, path: Option<String>) -> Self {
        let name = path.unwrap_or_else(|| name_of(&file));
        PendingFile {
            name,
            size: file.size(),
            file: Ok(file),
        }
    }

    /// A file that failed before it could be read.
    fn failed(name: String, why: String) -> Self {
        PendingFile {
            name,
            size: 0.0,
            file: Err(why),
        }
    }
}

fn name_of(file: &File) -> String {
    // A picked folder gives "folder/sub/file.txt"; a single file only its name.
    let relative = js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty());
    relative.unwrap_or_else(|| file.name())
}

fn list(files: Option<FileList>) -> Vec<File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// The files chosen in an `<input type="file">`, which is then cleared so the same files can be
/// chosen again.
pub fn files_from_input(ev: &Event) -> Vec<PendingFile> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = list(input.files());
    input.set_value("");
    files
        .into_iter()
        .map(|f| PendingFile::from_file(f, None))
        .collect()
}

/// Turns a callback-style API into a future: `call` gets the success and error callbacks.
async fn callback(call: impl FnOnce(&Function, &Function)) -> Result<JsValue, JsValue> {
    let mut call = Some(call);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            call(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await
}

/// Every file under an entry, depth first, with its path; unreadable entries become failed files.
async fn walk(root: FileSystemEntry) -> Vec<PendingFile> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(entry) = stack.pop() {
        let path = entry.full_path().trim_start_matches('/').to_string();
        if entry.is_file() {
            let file_entry: FileSystemFileEntry = entry.unchecked_into();
            match callback(|ok, err| file_entry.file_with_callback_and_callback(ok, err)).await {
                Ok(f) => match f.dyn_into::<File>() {
                    Ok(file) => out.push(PendingFile::from_file(file, Some(path))),
                    Err(_) => {
                        out.push(PendingFile::failed(path, "the browser gave no file".into()))
                    }
                },
                Err(_) => out.push(PendingFile::failed(
                    path,
                    "the browser could not open this file".into(),
                )),
            }
        } else if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            let reader = dir.create_reader();
            let mut children = Vec::new();
            // readEntries returns the entries in batches (100 in Chromium) until an empty one.
            loop {
                let batch = callback(|ok, err| {
                    if let Err(e) = reader.read_entries_with_callback_and_callback(ok, err) {
                        let _ = err.call1(&JsValue::NULL, &e);
                    }
                })
                .await;
                let Ok(batch) = batch else {
                    out.push(PendingFile::failed(
                        path.clone(),
                        "the browser could not list this folder".into(),
                    ));
                    break;
                };
                let batch = Array::from(&batch);
                if batch.length() == 0 {
                    break;
                }
                // readEntries hands over FileSystemEntry objects by contract.
                children.extend(batch.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
            }
            // Sorted by name, reversed for the stack, so files come out in name order.
            newsprism_core::sorting::sort_by_key(&mut children, |e| std::cmp::Reverse(e.name()));
            stack.extend(children);
        }
    }
    out
}

/// What a drop holds, taken while the event is dispatched: afterwards the browser empties it.
struct Dropped {
    entries: Vec<Option<FileSystemEntry>>,
    files: Vec<File>,
}

impl Dropped {
    fn take(ev: &DragEvent) -> Self {
        let Some(dt) = ev.data_transfer() else {
            return Dropped {
                entries: Vec::new(),
                files: Vec::new(),
            };
        };
        let items = dt.items();
        let entries = (0..items.length())
            .filter_map(|i| items.get(i))
            .filter(|item| item.kind() == "file")
            .map(|item| item.webkit_get_as_entry().ok().flatten())
            .collect();
        Dropped {
            entries,
            files: list(dt.files()),
        }
    }

    /// The files, with dropped folders walked recursively.
    async fn files(self) -> Vec<PendingFile> {
        if self.entries.is_empty() || self.entries.iter().any(Option::is_none) {
            // No entry API (or a synthetic drop): the plain file list.
            return self
                .files
                .into_iter()
                .map(|f| PendingFile::from_file(f, None))
                .collect();
        }
        let mut out = Vec::new();
        for entry in self.entries.into_iter().flatten() {
            out.extend(walk(entry).await);
        }
        out
    }
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
/// `on_files` receives the dropped files (folders walked). Counts enter/leave so nested elements
/// do not make the overlay flicker.
pub fn use_file_drop(on_files: impl Fn(Vec<PendingFile>) + Clone + 'static) -> ReadSignal<bool> {
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
        let on_files = on_files.clone();
        let dropped = Dropped::take(&ev);
        leptos::task::spawn_local(async move { on_files(dropped.files().await) });
    });
    on_cleanup(move || {
        enter.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });
    dragging
}

/// Offers `text` as a download called `name`; the data never leaves the device.
pub fn download(name: &str, text: &str, format: ExportFormat) -> Result<(), String> {
    let parts = Array::of1(&JsValue::from_str(&format.file_text(text)));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(format.mime());
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("there is no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser could not start the download".to_string())?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke once the click has been handled.
    let _ = set_timeout_with_handle(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}
