//! `vejen-frem` beside `dialog` in the same pseudo-terminal (80x24), runs interleaved: the
//! time to the first complete frame, and from a key to its echo while typing. Medians and
//! p90 of each, never asserted. Typing is also measured in a minimal ratatui program (one
//! line that echoes what is typed: the same bench binary, started again), the floor under
//! any program drawn with ratatui and crossterm.
//!
//! `cargo bench --bench vs_dialog` (needs `dialog`: `apt-get install dialog`);
//! `VS_DIALOG_BEFORE=path/to/an/earlier/vejen-frem` types in that build too, interleaved with
//! this one. The folders of 10,000 and 100,000 sessions made by `cargo bench --bench scale`
//! are used when they are there.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in benches a panic is a failed run

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_vejen-frem");
const RUNS: usize = 21;

fn main() {
    if std::env::var_os(FLOOR).is_some() {
        return minimal_ratatui();
    }
    if Command::new("dialog").arg("--version").output().is_err() {
        println!("dialog is not installed (apt-get install dialog); nothing measured");
        return;
    }
    let empty = tempfile::tempdir().unwrap();
    let mut folders: Vec<(String, PathBuf)> = vec![("20 sessions".into(), small_folder())];
    for n in [10_000, 100_000] {
        let dir = std::env::temp_dir().join(format!("vejen-frem-bench-{n}"));
        if dir.join(".complete").exists() {
            folders.push((format!("{n} sessions"), dir));
        }
    }
    println!("first frame (time from start to the whole first screen), {RUNS} runs interleaved");
    let dialog_first = || {
        first_frame(
            &["dialog", "--infobox", "VEJEN FREM – måling", "5", "40"],
            None,
            "måling",
        )
    };
    for (what, dir) in &folders {
        let data = dir.display().to_string();
        let start = [BIN, "--data-dir", &data];
        let tool = [BIN, "--data-dir", &data, "10"];
        let (ours, theirs) = interleaved(|| first_frame(&start, Some(dir), "hjælp"), dialog_first);
        show(&format!("start screen, {what}"), &ours, &theirs);
        let (ours, theirs) = interleaved(|| first_frame(&tool, Some(dir), "hjælp"), dialog_first);
        show(&format!("`vejen-frem 10`, {what}"), &ours, &theirs);
    }
    println!("\nkey → echo while typing (median over 40 keys per run)");
    let data = empty.path().display().to_string();
    let me = std::env::current_exe().unwrap().display().to_string();
    let (ours, theirs) = interleaved(
        || typing(&[BIN, "--data-dir", &data, "1"], "hjælp"),
        || typing(&["dialog", "--inputbox", "Skriv", "8", "40"], "Skriv"),
    );
    show("key → echo", &ours, &theirs);
    let (floor, theirs) = interleaved(
        || typing(&["env", &format!("{FLOOR}=1"), &me], "hjælp"),
        || typing(&["dialog", "--inputbox", "Skriv", "8", "40"], "Skriv"),
    );
    show_as("key → echo, minimal program", "   ratatui", &floor, &theirs);
    // An earlier build beside this one, to measure a change on a machine whose speed moves
    // from run to run more than the change does.
    if let Some(before) = std::env::var_os(BEFORE) {
        let before = before.to_string_lossy().into_owned();
        println!("\nthis build (A) and {before} (B), interleaved");
        let (ours, theirs) = interleaved(
            || typing(&[BIN, "--data-dir", &data, "1"], "hjælp"),
            || typing(&[&before, "--data-dir", &data, "1"], "hjælp"),
        );
        compare("key → echo", ("A", &ours), ("B", &theirs));
    }
}

/// Set to the path of an earlier build of `vejen-frem`, typing is measured in it too.
const BEFORE: &str = "VS_DIALOG_BEFORE";

/// Set in the environment, the bench binary is the minimal ratatui program instead.
const FLOOR: &str = "VS_DIALOG_MINIMAL_RATATUI";

/// One line on a full screen, echoing what is typed; Esc ends it.
fn minimal_ratatui() {
    use ratatui::crossterm::event::{self, Event, KeyCode};
    let mut terminal = ratatui::init();
    let mut typed = String::new();
    loop {
        terminal
            .draw(|frame| {
                let line = ratatui::text::Line::raw(format!("hjælp {typed}"));
                frame.render_widget(line, frame.area());
            })
            .unwrap();
        match event::read() {
            Ok(Event::Key(key)) if key.code == KeyCode::Esc => break,
            Ok(Event::Key(key)) => {
                if let KeyCode::Char(c) = key.code {
                    typed.push(c);
                }
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    ratatui::restore();
}

/// A folder of 20 sessions, like a new user's.
fn small_folder() -> PathBuf {
    let dir = std::env::temp_dir().join("vejen-frem-bench-20");
    if dir.join(".complete").exists() {
        return dir;
    }
    let (catalog, _) = vejen_frem::core::catalog::Catalog::load(
        &vejen_frem::core::catalog::builtin_sources(),
        &[],
    );
    let store = vejen_frem::store::sessions::Store::open(&dir).unwrap();
    let now = chrono::Local::now().fixed_offset();
    for i in 0..20 {
        let entry = &catalog.entries[i % catalog.entries.len()];
        let session = entry.new_session(format!("20261122-1000{i:02}-x-0001"), now);
        drop(store.create(&session).unwrap());
    }
    std::fs::write(dir.join(".complete"), "").unwrap();
    dir
}

/// Runs the two measurements alternately, `RUNS` times each.
fn interleaved(
    mut ours: impl FnMut() -> Duration,
    mut theirs: impl FnMut() -> Duration,
) -> (Vec<Duration>, Vec<Duration>) {
    let mut a = Vec::new();
    let mut b = Vec::new();
    for _ in 0..RUNS {
        a.push(ours());
        b.push(theirs());
    }
    (a, b)
}

fn show(what: &str, ours: &[Duration], theirs: &[Duration]) {
    show_as(what, "vejen-frem", ours, theirs);
}

fn show_as(what: &str, who: &str, ours: &[Duration], theirs: &[Duration]) {
    compare(what, (who, ours), ("dialog", theirs));
}

/// The median and p90 of two programs' runs, and the ratio of the medians.
fn compare(what: &str, (a, ours): (&str, &[Duration]), (b, theirs): (&str, &[Duration])) {
    let stats = |samples: &[Duration]| {
        let mut s = samples.to_vec();
        s.sort();
        (s[s.len() / 2], s[(s.len() - 1) * 9 / 10])
    };
    let (ours_p50, ours_p90) = stats(ours);
    let (theirs_p50, theirs_p90) = stats(theirs);
    println!(
        "  {what:<38} {a} p50 {:>9.2?} p90 {:>9.2?} | {b} p50 {:>9.2?} p90 {:>9.2?} | {:.1}×",
        ours_p50,
        ours_p90,
        theirs_p50,
        theirs_p90,
        ours_p50.as_secs_f64() / theirs_p50.as_secs_f64()
    );
}

/// A program in a new 80x24 pseudo-terminal, with the terminal's side to read and write.
struct Pty {
    child: Child,
    master: File,
    seen: Vec<u8>,
}

impl Pty {
    fn spawn(argv: &[&str], cwd: Option<&Path>) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let ok = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(ok, 0, "openpty");
        let slave = unsafe { OwnedFd::from_raw_fd(slave) };
        let mut command = Command::new(argv[0]);
        command
            .args(&argv[1..])
            .env("TERM", "xterm-256color")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        if let Some(dir) = cwd {
            command.current_dir(dir);
        }
        // The pseudo-terminal becomes the program's controlling terminal.
        unsafe {
            use std::os::unix::process::CommandExt;
            command.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY, 0);
                Ok(())
            });
        }
        let child = command.spawn().unwrap();
        let master = unsafe { File::from_raw_fd(master) };
        unsafe {
            let flags = libc::fcntl(master.as_raw_fd(), libc::F_GETFL);
            libc::fcntl(master.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        Pty {
            child,
            master,
            seen: Vec::new(),
        }
    }

    /// Reads until `text` has been written since `from` (a position in what was seen).
    fn wait_for(&mut self, text: &[u8], from: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut buf = [0u8; 65536];
        loop {
            if self.seen[from.min(self.seen.len())..]
                .windows(text.len())
                .any(|w| w == text)
            {
                return;
            }
            match self.master.read(&mut buf) {
                Ok(n) if n > 0 => self.seen.extend_from_slice(&buf[..n]),
                // Nothing yet: wait for the terminal to have something, without spinning
                // and without sleeping past it.
                _ => {
                    let mut fd = libc::pollfd {
                        fd: self.master.as_raw_fd(),
                        events: libc::POLLIN,
                        revents: 0,
                    };
                    unsafe { libc::poll(&mut fd, 1, 100) };
                }
            }
            assert!(
                Instant::now() < deadline,
                "never saw {:?}",
                String::from_utf8_lossy(text)
            );
        }
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// From starting the program to its first whole screen (`marker` is drawn last).
fn first_frame(argv: &[&str], data: Option<&Path>, marker: &str) -> Duration {
    let start = Instant::now();
    let mut pty = Pty::spawn(argv, data);
    pty.wait_for(marker.as_bytes(), 0);
    let took = start.elapsed();
    pty.stop();
    took
}

/// The median time from a typed letter to the letter on the screen, over 40 letters.
fn typing(argv: &[&str], ready: &str) -> Duration {
    let mut pty = Pty::spawn(argv, None);
    pty.wait_for(ready.as_bytes(), 0);
    std::thread::sleep(Duration::from_millis(50));
    let mut times = Vec::new();
    for i in 0..40 {
        let letter = [b'a' + (i % 26) as u8];
        let from = pty.seen.len();
        let start = Instant::now();
        pty.master.write_all(&letter).unwrap();
        pty.wait_for(&letter, from);
        times.push(start.elapsed());
    }
    pty.stop();
    times.sort();
    times[times.len() / 2]
}
