//! Drives the real `vejen-frem` binary in tmux, as a person at a terminal would: keys in
//! with `send-keys`, the screen out with `capture-pane`.

#![allow(dead_code)] // each test file uses a different part of this

pub mod consultation;
pub mod fill;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

use vejen_frem::core::definition::{Kind, Tool};
use vejen_frem::core::session::Session;
use vejen_frem::store::sessions::{Opening, Store};

pub const BIN: &str = env!("CARGO_BIN_EXE_vejen-frem");

/// How long to wait for the screen to show something before the test fails. Generous: a
/// loaded CI machine is slow, and waiting ends as soon as the text is there.
const PATIENCE: Duration = Duration::from_secs(15);

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// The program speaks English in an English locale: the tests read its Danish, whatever
/// the locale of the machine they run on (a UTF-8 one that is not English).
const DANISH: [(&str, &str); 1] = [("LANG", "C.UTF-8")];

/// The program, to be run in a locale that is not English.
pub fn program() -> Command {
    let mut command = Command::new(BIN);
    command
        .envs(DANISH)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// The first of `programs` that runs here, or a failed test that says what to install:
/// `.ci/run` installs them on a fresh machine; by hand, `apt-get install PACKAGE`.
pub fn require(programs: &[&str], package: &str) -> String {
    let path = std::env::var_os("PATH").unwrap_or_default();
    programs
        .iter()
        .find(|p| std::env::split_paths(&path).any(|dir| dir.join(p).is_file()))
        .map(|p| p.to_string())
        .unwrap_or_else(|| {
            panic!(
                "this test needs `{}`, which is not installed here: run `bash .ci/run` \
                 (it installs what is missing) or `apt-get install {package}`",
                programs[0]
            )
        })
}

/// Each test gets its own tmux server, so tests cannot see each other's panes.
fn new_socket() -> String {
    format!(
        "vf-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    )
}

pub struct Tmux {
    /// Each test gets its own tmux server, so tests cannot see each other's panes.
    socket: String,
    pub data: tempfile::TempDir,
}

impl Tmux {
    /// Starts `vejen-frem ARGS --data-dir <fresh folder>` in a 100x30 terminal.
    pub fn start(args: &[&str]) -> Tmux {
        let data = tempfile::tempdir().expect("a temporary folder");
        Tmux::start_in(args, data)
    }

    pub fn start_in(args: &[&str], data: tempfile::TempDir) -> Tmux {
        let tmux = Tmux {
            socket: new_socket(),
            data,
        };
        tmux.launch(args);
        tmux
    }

    fn launch(&self, args: &[&str]) {
        self.open_pane();
        self.run_in_pane(args);
    }

    /// Starts a shell command line in a 100x30 terminal, for what the program is started
    /// with around it (an environment variable, a redirection): `{bin}` stands for the
    /// program, `{data}` for a fresh data folder.
    pub fn start_shell(line: &str) -> Tmux {
        let tmux = Tmux {
            socket: new_socket(),
            data: tempfile::tempdir().expect("a temporary folder"),
        };
        tmux.open_pane();
        tmux.shell(line);
        tmux
    }

    /// Runs a shell command line in the pane (as [`Tmux::start_shell`]), ending whatever
    /// runs there.
    pub fn shell(&self, line: &str) {
        let line = line
            .replace("{bin}", &format!("'{BIN}'"))
            .replace("{data}", &format!("'{}'", self.data.path().display()));
        self.tmux(&["respawn-pane", "-k", "-t", "t", &line]);
    }

    fn open_pane(&self) {
        // Keep the pane after the program ends, so its last screen and exit can be read.
        self.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-s",
            "t",
            "sh",
        ]);
        self.tmux(&["set-option", "-t", "t", "remain-on-exit", "on"]);
    }

    /// Runs the program in the pane, ending whatever runs there.
    fn run_in_pane(&self, args: &[&str]) {
        let mut command = vec![BIN.to_string()];
        command.extend(args.iter().map(|a| a.to_string()));
        if !args.contains(&"--data-dir") {
            command.push("--data-dir".into());
            command.push(self.data.path().display().to_string());
        }
        let line = command
            .iter()
            .map(|a| format!("'{a}'"))
            .collect::<Vec<_>>()
            .join(" ");
        self.tmux(&["respawn-pane", "-k", "-t", "t", &format!("exec {line}")]);
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new(require(&["tmux"], "tmux"))
            .args(["-L", &self.socket])
            .args(args)
            .env("TERM", "xterm-256color")
            .envs(DANISH)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sends keys by tmux name: "Tab", "PageDown", "C-q", "Enter".
    pub fn keys(&self, keys: &[&str]) {
        for (i, key) in keys.iter().enumerate() {
            self.tmux(&["send-keys", "-t", "t", key]);
            // Two Escapes that reach the program in one read count as one (crossterm reads
            // ESC ESC as a single Esc), as they would for a person on a slow connection; a
            // loaded test machine must not make that happen to keys pressed one by one.
            if *key == "Escape" && i + 1 < keys.len() {
                sleep(Duration::from_millis(150));
            }
        }
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Pastes text as a terminal paste (bracketed, when the program asked for it).
    pub fn paste(&self, text: &str) {
        self.tmux(&["set-buffer", "--", text]);
        self.tmux(&["paste-buffer", "-p", "-t", "t"]);
    }

    /// Lets the program set tmux's clipboard (OSC 52), as `set -s set-clipboard on` does.
    pub fn allow_clipboard(&self) {
        self.tmux(&["set-option", "-s", "set-clipboard", "on"]);
    }

    /// What tmux's clipboard (its newest paste buffer) holds.
    pub fn clipboard(&self) -> String {
        self.tmux(&["show-buffer"])
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    /// Waits until the screen shows `text` and has finished drawing (two captures a moment
    /// apart agree, so a half-drawn frame is never taken for the screen); fails the test
    /// with the screen if it does not.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.screen();
            if screen.contains(text) && screen == last {
                return screen;
            }
            last = screen.clone();
            if start.elapsed() > PATIENCE {
                panic!("the screen never showed {text:?}; it shows:\n{screen}");
            }
            sleep(Duration::from_millis(30));
        }
    }

    /// Waits until the program has ended.
    pub fn wait_for_exit(&self) {
        let start = Instant::now();
        while self
            .tmux(&["display-message", "-p", "-t", "t", "#{pane_dead}"])
            .trim()
            != "1"
        {
            if start.elapsed() > PATIENCE {
                panic!(
                    "the program did not end; the screen shows:\n{}",
                    self.screen()
                );
            }
            sleep(Duration::from_millis(50));
        }
    }

    pub fn resize(&self, width: u16, height: u16) {
        self.tmux(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// The process id of the program.
    pub fn pid(&self) -> String {
        self.tmux(&["display-message", "-p", "-t", "t", "#{pane_pid}"])
            .trim()
            .to_string()
    }

    /// Starts the program again in the same terminal (after it ended or was killed).
    pub fn restart(&self, args: &[&str]) {
        self.run_in_pane(args);
    }

    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// The screen of `model` drawn `width` x `height` into ratatui's test backend, as text.
pub fn draw(model: &mut vejen_frem::tui::model::Model, width: u16, height: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).expect("a test terminal");
    terminal
        .draw(|f| vejen_frem::tui::view::draw(f, model))
        .expect("drawing works");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            let line: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            format!("{}\n", line.trim_end())
        })
        .collect()
}

/// Runs the program with `args`: whether it succeeded, its output and its errors.
pub fn run(args: &[&str]) -> (bool, String, String) {
    let out = program().args(args).output().expect("the program runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the program with `input` on standard input and its output read: no terminal.
pub fn piped(args: &[&str], input: &str) -> Output {
    let mut child = program()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program runs");
    child
        .stdin
        .take()
        .expect("its input")
        .write_all(input.as_bytes())
        .expect("the input is written");
    child.wait_with_output().expect("it ends")
}

/// Makes a key file for receiving shares with `share-key`; returns its public key (`age1…`).
pub fn share_key(file: &str) -> String {
    let (ok, out, err) = run(&["share-key", file]);
    assert!(ok, "{err}");
    out.split_whitespace()
        .find(|w| w.starts_with("age1"))
        .expect("share-key prints the public key")
        .to_string()
}

/// Every session of a folder as saved; a damaged one fails the test.
pub fn stored(store: &Store) -> Vec<Session> {
    store
        .list()
        .into_iter()
        .map(|l| match l {
            vejen_frem::store::sessions::Listed::Session(s) => {
                store.load(&s.id).expect("a listed session loads")
            }
            vejen_frem::store::sessions::Listed::Damaged { file, reason } => {
                panic!("{}: {reason}", file.display())
            }
        })
        .collect()
}

/// An encrypted data folder, opened with its passphrase.
pub fn unlocked(dir: &Path, passphrase: &str) -> Store {
    match Store::locate(dir).expect("the folder opens") {
        Opening::Encrypted(sealed) => sealed.unlock(passphrase).expect("the passphrase opens it"),
        Opening::Plain(_) => panic!("{} is not encrypted", dir.display()),
    }
}

/// The session files in a data folder.
pub fn session_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Reads the one session saved in `dir`.
pub fn only_session(dir: &Path) -> Session {
    let files = session_files(dir);
    assert_eq!(
        files.len(),
        1,
        "expected one session file in {}, found {files:?}",
        dir.display()
    );
    let text = std::fs::read_to_string(&files[0]).expect("the session file is readable");
    ron::from_str(&text).unwrap_or_else(|e| panic!("the session file does not parse: {e}\n{text}"))
}

/// Waits until the saved session satisfies `check` (saving happens shortly after typing).
pub fn wait_for_saved(dir: &Path, check: impl Fn(&Session) -> bool) -> Session {
    let start = Instant::now();
    loop {
        let files = session_files(dir);
        if files.len() == 1
            && let Ok(text) = std::fs::read_to_string(&files[0])
            && let Ok(session) = ron::from_str::<Session>(&text)
            && check(&session)
        {
            return session;
        }
        if start.elapsed() > PATIENCE {
            panic!("the saved session never matched; files: {files:?}");
        }
        sleep(Duration::from_millis(50));
    }
}

/// Letters and digits only, lower case, one space between words: what a reader sees of a
/// text, whatever the format's escaping, wrapping and tags.
pub fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every text a tool's definition gives, line by line.
pub fn definition_texts(tool: &Tool) -> Vec<String> {
    let mut texts = vec![tool.title.clone(), tool.intro.clone()];
    texts.extend(tool.signatures.iter().cloned());
    for step in &tool.steps {
        texts.push(step.title.clone());
        texts.push(step.guidance.clone());
        for field in &step.fields {
            texts.extend([field.label.clone(), field.help.clone(), field.hint.clone()]);
            texts.extend(field.comment.clone());
            match &field.kind {
                Kind::Choice { options } => {
                    texts.extend(options.iter().map(|o| o.label().to_string()))
                }
                Kind::List { item, hints, .. } => {
                    texts.push(item.clone());
                    texts.extend(hints.iter().cloned());
                }
                Kind::Table { columns, .. } => {
                    for column in columns {
                        texts.extend([column.label.clone(), column.hint.clone()]);
                    }
                }
                Kind::Checklist { items } => {
                    for item in items {
                        texts.extend([item.label.clone(), item.group.clone()]);
                    }
                }
                Kind::Info { text } => texts.push(text.clone()),
                // The template's text between its blanks.
                Kind::Template { text } => texts.extend(
                    text.split(['{', '}'])
                        .enumerate()
                        .filter(|(i, _)| i % 2 == 0)
                        .map(|(_, piece)| piece.to_string()),
                ),
                _ => {}
            }
        }
    }
    // Paragraphs and lines are checked one by one: they may be laid out apart.
    texts
        .iter()
        .flat_map(|t| t.split('\n'))
        .filter(|line| !words(line).is_empty())
        .map(str::to_string)
        .collect()
}
