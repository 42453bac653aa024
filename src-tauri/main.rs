// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    #[cfg(target_os = "linux")]
    paint_without_compositing();
    newsdesk_app::run()
}

/// WebKitGTK composites the page through OpenGL by default. Where there is no GPU driver
/// (software GL, remote desktops, the CI's Xvfb) every frame then goes through llvmpipe: in
/// the editor benchmark a keystroke took 34 ms to reach the screen at the median instead of
/// 5 ms (BENCHMARKS.md, issue 3), and some GPU drivers show a blank window. A writing tool
/// needs no compositor, so the app paints without it unless the user says otherwise:
/// `NEWSDESK_GPU_COMPOSITING=1` keeps WebKit's default, and an explicit
/// `WEBKIT_DISABLE_COMPOSITING_MODE` is always left as set.
#[cfg(target_os = "linux")]
fn paint_without_compositing() {
    const WEBKIT: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    let gpu = std::env::var_os("NEWSDESK_GPU_COMPOSITING").is_some_and(|v| v == "1");
    if !gpu && std::env::var_os(WEBKIT).is_none() {
        // Before any thread exists: nothing else can be reading the environment yet.
        std::env::set_var(WEBKIT, "1");
    }
}
