//! Sharing a session with the other party and importing it, between two data folders as
//! between two machines: the command line writes and reads the share files, the core carries
//! the imported answers on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::fill::{fill_all, walk};
use common::{Tmux, run, session_files, stored};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use vejen_frem::core::carry::carry;
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::forloeb::Forloeb;
use vejen_frem::core::session::Session;
use vejen_frem::core::share::{prepare, receive};
use vejen_frem::store::convert;
use vejen_frem::store::sessions::Store;
use vejen_frem::store::share::Locked;
use vejen_frem::tui::model::{
    ForloebView, Model, OpenSession, Overlay, Screen, ShareLock, ShareRow,
};
use vejen_frem::tui::update::{Command as UiCommand, Msg, ShareInput, update};

const FOLDER_PASSPHRASE: &str = "blå hest spiser 7 røde æbler";
const SHARE_PASSPHRASE: &str = "grøn båd sejler mod fire skæve øer";

fn catalog() -> Catalog {
    let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
    assert!(problems.is_empty(), "{problems:?}");
    catalog
}

fn secret(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, format!("{text}\n")).unwrap();
    path.display().to_string()
}

/// A session of `tool` with every place filled, saved in `store`.
fn filled(store: &Store, tool: &str) -> Session {
    let catalog = catalog();
    let mut walk = walk(catalog.find(tool).unwrap());
    fill_all(&mut walk, |id| format!("Svar til {id}"));
    let session = walk.session().clone();
    drop(store.create(&session).unwrap());
    session
}

struct Two {
    _dirs: tempfile::TempDir,
    /// The AMR's shared PC: an encrypted folder.
    amr: PathBuf,
    /// The manager's folder.
    manager: PathBuf,
    secrets: PathBuf,
}

fn two_machines() -> Two {
    let dirs = tempfile::tempdir().unwrap();
    let amr = dirs.path().join("amr");
    let manager = dirs.path().join("leder");
    let secrets = dirs.path().join("hemmeligt");
    for dir in [&amr, &manager, &secrets] {
        fs::create_dir_all(dir).unwrap();
    }
    Two {
        _dirs: dirs,
        amr,
        manager,
        secrets,
    }
}

impl Two {
    fn amr_args<'a>(&'a self, args: &[&'a str], passfile: &'a str) -> Vec<&'a str> {
        let mut all = args.to_vec();
        all.extend(["--data-dir", self.amr.to_str().unwrap()]);
        all.extend(["--passphrase-file", passfile]);
        all
    }
}

#[test]
fn redskab_1_shared_from_an_encrypted_folder_is_imported_elsewhere_and_carried_into_4() {
    let two = two_machines();
    // The employee's Redskab 1, on the AMR's encrypted PC.
    let original = filled(&Store::open(&two.amr).unwrap(), "1");
    convert::encrypt(&two.amr, FOLDER_PASSPHRASE).unwrap();
    let folder_pass = secret(&two.secrets, "mappe", FOLDER_PASSPHRASE);
    let share_pass = secret(&two.secrets, "deling", SHARE_PASSPHRASE);
    let file = two.secrets.join("redskab1.vfdel");
    let file_arg = file.display().to_string();
    let args = [
        "share",
        &original.id[..15],
        "-o",
        &file_arg,
        "--from",
        "AMR Karin",
        "--share-passphrase-file",
        &share_pass,
    ];
    let (ok, out, err) = run(&two.amr_args(&args, &folder_pass));
    assert!(ok, "{out}{err}");
    assert!(out.contains("Delt:"), "{out}");
    // Nothing typed is readable in the file, nor who shared it.
    let bytes = fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"vejen-frem deling 1\n"));
    for secret in ["Svar til", "Karin", "dialog-medarbejder"] {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} is readable in the share file"
        );
    }
    // Written again only with --force.
    let (ok, _, err) = run(&two.amr_args(&args, &folder_pass));
    assert!(!ok && err.contains("findes allerede"), "{err}");

    // The manager's folder has the employee's forløb.
    let manager = Store::open(&two.manager).unwrap();
    let forloeb = Forloeb::new("KH".into(), original.created);
    manager.save_forloeb(&forloeb).unwrap();
    let manager_dir = two.manager.display().to_string();
    let import = |extra: &[&str]| {
        let mut args = vec!["import", &file_arg, "--data-dir", &manager_dir];
        args.extend(extra);
        run(&args)
    };
    let wrong = secret(&two.secrets, "forkert", "ikke den rigtige adgangskode her");
    let (ok, _, err) = import(&["--forloeb", "KH", "--share-passphrase-file", &wrong]);
    assert!(!ok && err.contains("Forkert adgangskode"), "{err}");
    assert!(stored(&manager).is_empty(), "nothing imported");
    let (ok, out, err) = import(&["--forloeb", "KH", "--share-passphrase-file", &share_pass]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("i forløbet »KH«"), "{out}");
    assert!(out.contains("Delt af AMR Karin"), "{out}");
    let imported = stored(&manager).pop().unwrap();
    assert_ne!(imported.id, original.id, "a new id");
    assert_eq!(imported.forloeb, forloeb.id);
    assert_eq!(
        imported.answers, original.answers,
        "Redskab 1 has nothing private"
    );
    let provenance = imported.imported.clone().unwrap();
    assert_eq!(provenance.from, "AMR Karin");
    assert_eq!(provenance.original, original.id);
    // Imported twice: two sessions, nothing overwritten.
    let (ok, _, err) = import(&["--share-passphrase-file", &share_pass]);
    assert!(ok, "{err}");
    assert_eq!(stored(&manager).len(), 2);

    // The manager carries the employee's answers into Redskab 4.
    let catalog = catalog();
    let from = catalog.get(&imported.tool).unwrap();
    let into_entry = catalog.find("4").unwrap();
    let mut into = into_entry.new_session("leder-1".into(), imported.updated);
    let carried = carry(&imported, &from.tool, &into_entry.tool, &mut into);
    assert!(carried >= 8, "only {carried} carried");
    assert_eq!(into.forloeb, forloeb.id);
    assert_eq!(into.carried_from, imported.id);
    for id in ["problem-opgaver", "valgt-loesning", "plan"] {
        assert_eq!(into.answers.get(id), original.answers.get(id), "{id}");
    }
}

#[test]
fn private_answers_stay_out_of_a_share_unless_asked_for_and_a_key_opens_one_to_it() {
    let two = two_machines();
    let store = Store::open(&two.amr).unwrap();
    let original = filled(&store, "3");
    assert!(original.answers.contains_key("soegt-behandling"));
    let dir = two.amr.display().to_string();
    let key_file = two.secrets.join("nøgle").display().to_string();
    let public = common::share_key(&key_file);
    let file = two.secrets.join("aftale").display().to_string();
    let share = |extra: &[&str]| {
        let mut args = vec![
            "share",
            &original.id,
            "-o",
            &file,
            "--to",
            &public,
            "--from",
            "KH",
            "--force",
            "--data-dir",
            &dir,
        ];
        args.extend(extra);
        run(&args)
    };
    let (ok, out, err) = share(&[]);
    assert!(ok, "{out}{err}");
    assert!(
        out.contains("Udeladt") && out.contains("Har medarbejderen søgt behandling?"),
        "{out}"
    );
    let manager = two.manager.display().to_string();
    let (ok, _, err) = run(&["import", &file, "--data-dir", &manager]);
    assert!(!ok && err.contains("--key"), "{err}");
    let (ok, out, err) = run(&["import", &file, "--key", &key_file, "--data-dir", &manager]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("udelod 1 fortroligt felt"), "{out}");
    let received = stored(&Store::open(&two.manager).unwrap()).pop().unwrap();
    assert!(!received.answers.contains_key("soegt-behandling"));
    assert_eq!(
        received.imported.unwrap().left_out,
        ["soegt-behandling".to_string()]
    );

    let (ok, _, err) = share(&["--with-private"]);
    assert!(ok, "{err}");
    assert!(err.contains("fortrolige felter er delt"), "{err}");
    let other = tempfile::tempdir().unwrap();
    let other_dir = other.path().display().to_string();
    let (ok, _, err) = run(&[
        "import",
        &file,
        "--key",
        &key_file,
        "--data-dir",
        &other_dir,
    ]);
    assert!(ok, "{err}");
    let received = stored(&Store::open(other.path()).unwrap()).pop().unwrap();
    assert_eq!(
        received.answers.get("soegt-behandling"),
        original.answers.get("soegt-behandling")
    );
}

#[test]
fn a_hostile_or_unreadable_share_file_is_refused_and_imports_nothing() {
    let two = two_machines();
    let store = Store::open(&two.amr).unwrap();
    let original = filled(&store, "1");
    let share_pass = secret(&two.secrets, "deling", SHARE_PASSPHRASE);
    let file = two.secrets.join("delt");
    let file_arg = file.display().to_string();
    let amr = two.amr.display().to_string();
    let (ok, _, err) = run(&[
        "share",
        &original.id,
        "-o",
        &file_arg,
        "--from",
        "KH",
        "--share-passphrase-file",
        &share_pass,
        "--data-dir",
        &amr,
    ]);
    assert!(ok, "{err}");
    let good = fs::read(&file).unwrap();
    let manager = two.manager.display().to_string();
    let import = || {
        run(&[
            "import",
            &file_arg,
            "--share-passphrase-file",
            &share_pass,
            "--data-dir",
            &manager,
        ])
    };
    let mut tampered = good.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x20;
    let mut cut = good.clone();
    cut.truncate(good.len() - 10);
    let mut newer = b"vejen-frem deling 2\n".to_vec();
    newer.extend(&good[20..]);
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (tampered, "ændret eller beskadiget"),
        (cut, "ændret eller beskadiget"),
        (newer, "nyere udgave"),
        (b"(format: 5)".to_vec(), "ikke en delt session"),
        (vec![0; 9 * 1024 * 1024], "for stor"),
    ];
    for (bytes, says) in cases {
        fs::write(&file, &bytes).unwrap();
        let (ok, _, err) = import();
        assert!(!ok, "imported: {says}");
        assert!(err.contains(says), "{says}: {err}");
    }
    assert!(stored(&Store::open(&two.manager).unwrap()).is_empty());
    // Refused before anything is written: a weak passphrase, a CPR number as the sender's
    // name, and (without a terminal to ask in) no name.
    let weak = secret(&two.secrets, "svag", "1234567890");
    let other = two.secrets.join("svag-deling").display().to_string();
    let share = |from: &[&str], passphrase: &str| {
        let mut args = vec![
            "share",
            &original.id,
            "-o",
            &other,
            "--share-passphrase-file",
            passphrase,
            "--data-dir",
            &amr,
        ];
        args.extend(from);
        run(&args)
    };
    let (ok, _, err) = share(&["--from", "KH"], &weak);
    assert!(!ok && err.contains("let at gætte"), "{err}");
    let (ok, _, err) = share(&["--from", "0101901234"], &share_pass);
    assert!(!ok && err.contains("CPR"), "{err}");
    let (ok, _, err) = share(&[], &share_pass);
    assert!(!ok && err.contains("--from"), "{err}");
    assert!(!Path::new(&other).exists());
}

/// Every pair of matching tools carries from a session that came in a share as from one
/// made here: the answers the sender shared, into the other party's version.
#[test]
fn an_imported_session_carries_into_every_matching_tool() {
    let catalog = catalog();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    for (from, to) in [
        ("1", "4"),
        ("12", "1"),
        ("2", "5"),
        ("5", "13"),
        ("13", "2"),
        ("3", "6"),
        ("6", "3"),
    ] {
        let (from_entry, to_entry) = (catalog.find(from).unwrap(), catalog.find(to).unwrap());
        let mut w = walk(from_entry);
        fill_all(&mut w, |id| format!("Svar til {id}"));
        let original = w.session().clone();
        let mut here = to_entry.new_session("her".into(), now);
        carry(&original, &from_entry.tool, &to_entry.tool, &mut here);
        let share = prepare(&from_entry.tool, &original, "KH", now, false, "vf");
        let left_out = share.left_out.clone();
        let imported = receive(share, Some(&from_entry.tool), "ind-1".into(), "f1", now).unwrap();
        let mut target = to_entry.new_session("ny".into(), now);
        let n = carry(&imported, &from_entry.tool, &to_entry.tool, &mut target);
        assert!(n > 0, "{from} → {to}: nothing carried");
        // What a session made here carries, but for the private answers left at home.
        let mut expected = here.carried.clone();
        expected.retain(|id| !left_out.contains(id));
        assert_eq!(target.carried, expected, "{from} → {to}");
        assert_eq!(target.carried_from, "ind-1");
        assert_eq!(target.forloeb, "f1", "{from} → {to}");
        for id in &target.carried {
            assert_eq!(
                target.answers.get(id),
                original.answers.get(id),
                "{from} → {to}: {id}"
            );
        }
    }
}

fn forloeb_model(dir: &Path) -> (Model, String) {
    let store = Store::open(dir).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let forloeb = Forloeb::new("KH".into(), now);
    store.save_forloeb(&forloeb).unwrap();
    forloeb_model_of(&store, &forloeb.id)
}

/// The screen of the forløb (by id) open, over what `store` holds now.
fn forloeb_model_of(store: &Store, forloeb: &str) -> (Model, String) {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let mut model = Model::new(catalog(), now.date_naive());
    model.set_listing(store.listing());
    model.screen = Screen::Forloeb(ForloebView {
        open: Some(forloeb.to_string()),
        ..ForloebView::default()
    });
    (model, forloeb.to_string())
}

fn press(model: &mut Model, code: KeyCode) -> Option<UiCommand> {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn type_in(model: &mut Model, text: &str) {
    for c in text.chars() {
        press(model, KeyCode::Char(c));
    }
}

/// `i` in an open forløb asks for the file; once its header is read, for what opens it
/// (here a passphrase, shown as dots). The forløb it goes into and that nothing is
/// overwritten are said before anything happens.
#[test]
fn the_import_dialog_asks_for_the_file_then_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (mut model, forloeb) = forloeb_model(dir.path());
    assert!(press(&mut model, KeyCode::Char('i')).is_none());
    // Enter with no file says what is missing.
    assert!(press(&mut model, KeyCode::Enter).is_none());
    assert!(common::draw(&mut model, 80, 24).contains("Skriv først stien til den delte fil."));
    // A dragged file comes quoted, with a space after it; ~ is the home folder.
    type_in(&mut model, "'~/Overførsler/redskab 1.vfdel' ");
    let home = directories::BaseDirs::new()
        .unwrap()
        .home_dir()
        .to_path_buf();
    match press(&mut model, KeyCode::Enter) {
        Some(UiCommand::ReadShare(path)) => {
            assert_eq!(path, home.join("Overførsler/redskab 1.vfdel"))
        }
        _ => panic!("the file is read first"),
    }
    for _ in 0..32 {
        press(&mut model, KeyCode::Backspace);
    }
    type_in(&mut model, "/media/usb/redskab1.vfdel");
    insta::assert_snapshot!("import_dialog_file", common::draw(&mut model, 80, 24));
    // What the runtime does once it has read the file's header.
    let Some(Overlay::Import(dialog)) = model.overlays.last_mut() else {
        panic!("the import dialog is open");
    };
    dialog.read(Locked::Passphrase);
    type_in(&mut model, "grøn båd");
    insta::assert_snapshot!("import_dialog_passphrase", common::draw(&mut model, 80, 24));
    let small = common::draw(&mut model, 40, 12);
    assert!(
        small.contains("Importér") && !small.contains("grøn"),
        "{small}"
    );
    match press(&mut model, KeyCode::Enter) {
        Some(UiCommand::Import {
            forloeb: into,
            path,
            secret,
        }) => {
            assert_eq!(into, forloeb);
            assert_eq!(path, Path::new("/media/usb/redskab1.vfdel"));
            assert_eq!(secret, "grøn båd");
        }
        _ => panic!("Enter imports"),
    }
    // While it is opened, keys wait; Esc afterwards closes the dialog and nothing is left.
    assert!(press(&mut model, KeyCode::Char('x')).is_none());
    let Some(Overlay::Import(dialog)) = model.overlays.last_mut() else {
        panic!("the import dialog is open");
    };
    assert_eq!(dialog.secret.lines().join(""), "grøn båd");
    dialog.busy = false;
    press(&mut model, KeyCode::Esc);
    assert!(model.overlays.is_empty());
}

/// A data folder with the forløb KH, the program on it in tmux, KH open and its import
/// dialog asking for the file.
fn import_dialog_in_kh() -> (Tmux, Store, Forloeb) {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let forloeb = Forloeb::new("KH".into(), now);
    store.save_forloeb(&forloeb).unwrap();
    let t = Tmux::start_in(&[], data);
    t.wait_for("Medarbejder");
    t.keys(&["Tab"]);
    t.wait_for("KH");
    t.keys(&["Enter"]);
    t.wait_for("Forløb: KH");
    t.type_text("i");
    t.wait_for("ny session i forløbet »KH«");
    (t, store, forloeb)
}

/// The whole way by keys: a share file made on another machine is imported into the open
/// forløb (a missing file and a wrong passphrase said plainly first), the session shows
/// where it came from on its first step, in its review and in its documents, and the
/// manager carries it into Redskab 4.
#[test]
fn a_share_is_imported_by_keys_into_the_open_forloeb_and_carried_on() {
    let two = two_machines();
    let original = filled(&Store::open(&two.amr).unwrap(), "1");
    let share_pass = secret(&two.secrets, "deling", SHARE_PASSPHRASE);
    let file = two.secrets.join("redskab1.vfdel");
    let (ok, _, err) = run(&[
        "share",
        &original.id,
        "-o",
        file.to_str().unwrap(),
        "--from",
        "AMR Karin",
        "--share-passphrase-file",
        &share_pass,
        "--data-dir",
        two.amr.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let (t, store, forloeb) = import_dialog_in_kh();
    t.type_text("/ingen/fil/her.vfdel");
    t.keys(&["Enter"]);
    t.wait_for("Der er ingen fil her: /ingen/fil/her.vfdel");
    t.keys(&["C-u"]);
    t.type_text(file.to_str().unwrap());
    t.keys(&["Enter"]);
    t.wait_for("krypteret med en adgangskode");
    t.type_text("ikke den rigtige");
    t.keys(&["Enter"]);
    let wrong = t.wait_for("Forkert adgangskode");
    assert!(!wrong.contains("ikke den rigtige"), "{wrong}");
    assert!(session_files(t.data_dir()).is_empty());
    t.type_text(SHARE_PASSPHRASE);
    t.keys(&["Enter"]);
    t.wait_for("Importeret: Redskab 1");
    let imported = stored(&store).pop().unwrap();
    assert_eq!(imported.forloeb, forloeb.id);
    assert_eq!(imported.answers, original.answers);
    let provenance = imported.imported.clone().unwrap();
    assert_eq!(
        (provenance.from.as_str(), provenance.original.as_str()),
        ("AMR Karin", original.id.as_str())
    );

    t.keys(&["Enter"]);
    t.wait_for("Oprindelse: Delt af AMR Karin");
    t.keys(&["C-r"]);
    t.wait_for("Gennemse");
    t.wait_for("Oprindelse: Delt af AMR");
    t.keys(&["Escape"]);
    t.wait_for("Trin 1 af 5");
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.keys(&["Escape"]);
    t.wait_for("Forløb: KH");
    t.type_text("c");
    t.wait_for("Vælg et redskab til forløbet »KH«");
    t.keys(&["Enter"]); // Redskab 4, the only match
    let carried = t.wait_for("overført fra en tidligere session");
    assert!(carried.contains("Svar til problem-opgaver"), "{carried}");
    t.keys(&["C-q"]);
    t.wait_for_exit();

    // The documents say where it came from.
    let (ok, out, err) = run(&[
        "export",
        &imported.id,
        "--format",
        "txt",
        "-o",
        "-",
        "--data-dir",
        t.data_dir().to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let said = common::words(&out);
    assert!(
        said.contains(&common::words(&format!(
            "Oprindelse: Delt af AMR Karin {}",
            provenance.shared.format("%d-%m-%Y %H:%M")
        ))),
        "{out}"
    );
    assert!(said.contains(&common::words(&original.id)), "{out}");
    let four = stored(&store)
        .into_iter()
        .find(|s| s.tool == "dialog-leder")
        .unwrap();
    assert_eq!(four.carried_from, imported.id);
}

/// A share to the manager's key opens on the screen with the key file, its path pasted
/// as a file manager drags it (quoted).
#[test]
fn a_share_to_a_key_is_imported_by_keys_with_the_key_file() {
    let two = two_machines();
    let original = filled(&Store::open(&two.amr).unwrap(), "12");
    let key_file = two.secrets.join("min nøgle.txt").display().to_string();
    let public = common::share_key(&key_file);
    let file = two.secrets.join("plan.vfdel").display().to_string();
    let (ok, _, err) = run(&[
        "share",
        &original.id,
        "-o",
        &file,
        "--to",
        &public,
        "--from",
        "Lægen",
        "--data-dir",
        two.amr.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let (t, store, _) = import_dialog_in_kh();
    t.type_text(&file);
    t.keys(&["Enter"]);
    t.wait_for("Nøglefil");
    t.type_text(&format!("'{key_file}'"));
    t.keys(&["Enter"]);
    t.wait_for("Importeret: Redskab 12");
    let imported = stored(&store).pop().unwrap();
    assert_eq!(imported.imported.unwrap().from, "Lægen");
    t.keys(&["C-q"]);
    t.wait_for_exit();
}

/// A session that came in a share says so in the sessions list and in its forløb, in a
/// word with who shared it (not in a colour alone); one made here does not.
#[test]
fn an_imported_session_is_marked_in_the_lists() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (_, forloeb) = forloeb_model(dir.path());
    let catalog = catalog();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    for (id, from) in [("her-1", None), ("ind-1", Some("AMR Karin"))] {
        let mut session = catalog.find("1").unwrap().new_session(id.into(), now);
        session.forloeb = forloeb.clone();
        session.imported = from.map(|from| vejen_frem::core::session::Imported {
            from: from.into(),
            shared: now,
            original: "der-1".into(),
            at: now,
            left_out: Vec::new(),
        });
        drop(store.create(&session).unwrap());
    }
    let (mut model, _) = forloeb_model_of(&store, &forloeb);
    let screen = common::draw(&mut model, 80, 24);
    assert_eq!(
        screen.matches("importeret fra AMR Karin").count(),
        1,
        "{screen}"
    );
    model.screen = Screen::Sessions;
    let screen = common::draw(&mut model, 80, 24);
    assert_eq!(
        screen.matches("importeret fra AMR Karin").count(),
        1,
        "{screen}"
    );
    let small = common::draw(&mut model, 40, 12);
    assert!(small.contains("importeret"), "{small}");
}

fn ctrl(model: &mut Model, c: char) -> Option<UiCommand> {
    update(
        model,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

/// A session of `tool` with every place filled, open in its review, the exports going to
/// /media/usb.
fn review_of(tool: &str) -> Model {
    let catalog = catalog();
    let mut walk = walk(catalog.find(tool).unwrap());
    fill_all(&mut walk, |id| format!("Svar til {id}"));
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let mut model = Model::new(catalog, now.date_naive());
    model.exports_dir = PathBuf::from("/media/usb");
    model.screen = Screen::Session(Box::new(OpenSession::new(walk, None)));
    model.overlays.push(Overlay::Review {
        selected: 0,
        scroll: 0,
    });
    model
}

/// The message under the screen, if any.
fn said(model: &Model) -> String {
    model
        .note
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn share_row(model: &Model) -> ShareRow {
    match model.overlays.last() {
        Some(Overlay::Share(dialog)) => dialog.current(),
        _ => panic!("the share dialog is open"),
    }
}

/// `d` in the review asks line by line: a name (never a CPR number), a passphrase strong
/// enough and the same twice, whether the GP's private answers go (named; left out unless
/// chosen) and the file; Enter checks each line before it goes on.
#[test]
fn the_share_dialog_asks_line_by_line_and_names_the_private_answers() {
    let mut model = review_of("12");
    assert!(type_then(&mut model, "d").is_none());
    assert_eq!(share_row(&model), ShareRow::From);
    press(&mut model, KeyCode::Enter);
    assert!(said(&model).contains("Skriv dit navn"), "{}", said(&model));
    type_in(&mut model, "010190-1234");
    press(&mut model, KeyCode::Enter);
    assert!(said(&model).contains("CPR-nummer"), "{}", said(&model));
    assert_eq!(share_row(&model), ShareRow::From);
    ctrl(&mut model, 'u');
    type_in(&mut model, "Lægen");
    press(&mut model, KeyCode::Enter);
    assert_eq!(share_row(&model), ShareRow::Lock);
    press(&mut model, KeyCode::Enter);
    type_in(&mut model, "kort");
    press(&mut model, KeyCode::Enter);
    assert!(said(&model).contains("for kort"), "{}", said(&model));
    ctrl(&mut model, 'u');
    type_in(&mut model, SHARE_PASSPHRASE);
    press(&mut model, KeyCode::Enter);
    assert_eq!(share_row(&model), ShareRow::Again);
    type_in(&mut model, "grøn båd sejler");
    press(&mut model, KeyCode::Enter);
    assert!(said(&model).contains("ikke ens"), "{}", said(&model));
    type_in(&mut model, SHARE_PASSPHRASE);
    press(&mut model, KeyCode::Enter);
    assert_eq!(share_row(&model), ShareRow::Private);
    let screen = common::draw(&mut model, 80, 24);
    assert!(
        !screen.contains("grøn"),
        "the passphrase shows as dots:\n{screen}"
    );
    insta::assert_snapshot!("share_dialog_private_80x24", screen);
    // ← → share them after all, said in words; and back.
    press(&mut model, KeyCode::Right);
    let screen = common::draw(&mut model, 80, 24);
    assert!(screen.contains("‹ deles med ›"), "{screen}");
    assert!(
        screen.contains("Bemærk: de fortrolige svar deles"),
        "{screen}"
    );
    press(&mut model, KeyCode::Left);
    press(&mut model, KeyCode::Enter);
    assert_eq!(share_row(&model), ShareRow::File);
    insta::assert_snapshot!("share_dialog_40x12", common::draw(&mut model, 40, 12));
    // From an encrypted folder, the most lines there are still leave room to say it whole.
    if let Some(Overlay::Share(dialog)) = model.overlays.last_mut() {
        dialog.leaves_store = true;
    }
    let small = common::draw(&mut model, 40, 12);
    assert!(small.contains("hvor du vælger."), "{small}");
    if let Some(Overlay::Share(dialog)) = model.overlays.last_mut() {
        dialog.leaves_store = false;
    }
    match press(&mut model, KeyCode::Enter) {
        Some(UiCommand::Share(input)) => assert_eq!(
            input,
            ShareInput {
                session: "20261122-100000-problemloesning-laege-0001".into(),
                from: "Lægen".into(),
                lock: ShareLock::Passphrase,
                secret: SHARE_PASSPHRASE.into(),
                with_private: false,
                path: PathBuf::from("/media/usb/20261122-100000-problemloesning-laege-0001.vfdel"),
                overwrite: false,
            }
        ),
        _ => panic!("Enter on the file shares"),
    }
    // While it is written, keys wait; afterwards Esc closes the dialog, the review stays.
    assert!(press(&mut model, KeyCode::Esc).is_none());
    assert_eq!(share_row(&model), ShareRow::File);
    if let Some(Overlay::Share(dialog)) = model.overlays.last_mut() {
        dialog.busy = false;
    }
    press(&mut model, KeyCode::Esc);
    assert!(matches!(
        model.overlays.last(),
        Some(Overlay::Review { .. })
    ));
}

/// Locked to the recipient's key instead: a key that is none is said plainly. In an
/// encrypted folder the dialog says the file is written outside it; a session without
/// private answers says there are none to leave out.
#[test]
fn the_share_dialog_takes_the_recipients_key_and_says_what_leaves_an_encrypted_folder() {
    let mut model = review_of("1");
    model.encrypted = true;
    type_then(&mut model, "d");
    type_in(&mut model, "KH");
    press(&mut model, KeyCode::Enter);
    press(&mut model, KeyCode::Right);
    press(&mut model, KeyCode::Enter);
    assert_eq!(share_row(&model), ShareRow::Key);
    type_in(&mut model, "age1nej");
    press(&mut model, KeyCode::Enter);
    assert!(
        said(&model).contains("Det er ikke en offentlig nøgle"),
        "{}",
        said(&model)
    );
    let screen = common::draw(&mut model, 80, 24);
    assert!(
        screen.contains("Ingen fortrolige svar at udelade."),
        "{screen}"
    );
    insta::assert_snapshot!("share_dialog_key_80x24", screen);
    // A public key (the secret one is nowhere): the screen shows part of it.
    let key = "age1v686t03su5tdctr0zxw37xc0ntlmu2hse7hdvkksx53y3f8gyahs82807z".to_string();
    ctrl(&mut model, 'u');
    type_in(&mut model, &format!(" {key} "));
    press(&mut model, KeyCode::Enter);
    assert_eq!(share_row(&model), ShareRow::File);
    // On a small screen the file's line says first that it leaves the folder.
    let small = common::draw(&mut model, 40, 12);
    assert!(small.contains("Mappen er krypteret"), "{small}");
    insta::assert_snapshot!("share_dialog_encrypted_file_40x12", small);
    match press(&mut model, KeyCode::Enter) {
        Some(UiCommand::Share(input)) => {
            assert_eq!((input.lock, input.secret), (ShareLock::Key, key));
        }
        _ => panic!("Enter on the file shares"),
    }
}

/// The session selected in the sessions list (Ctrl-S) and in an open forløb (d) is read
/// and its share asked about.
#[test]
fn a_listed_session_is_shared_from_the_sessions_list_and_its_forloeb() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (_, forloeb) = forloeb_model(dir.path());
    let catalog = catalog();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let mut session = catalog.find("1").unwrap().new_session("her-1".into(), now);
    session.forloeb = forloeb.clone();
    drop(store.create(&session).unwrap());
    let (mut model, _) = forloeb_model_of(&store, &forloeb);
    assert_eq!(
        type_then(&mut model, "d"),
        Some(UiCommand::AskShare("her-1".into()))
    );
    model.screen = Screen::Sessions;
    assert_eq!(
        ctrl(&mut model, 's'),
        Some(UiCommand::AskShare("her-1".into()))
    );
}

/// Types `text` and returns what the last key asked for.
fn type_then(model: &mut Model, text: &str) -> Option<UiCommand> {
    text.chars()
        .map(|c| press(model, KeyCode::Char(c)))
        .last()
        .flatten()
}

/// The employee's Redskab 1 shared by keys from its review, locked with a passphrase, and
/// imported on the manager's side with the command line: every answer arrives, with who
/// shared it; Redskab 1 has no private answers, and the screen says so.
#[test]
fn redskab_1_shared_by_keys_with_a_passphrase_is_imported_elsewhere() {
    let two = two_machines();
    let data = tempfile::tempdir().unwrap();
    let original = filled(&Store::open(data.path()).unwrap(), "1");
    let file = two.secrets.join("redskab1.vfdel");
    let t = Tmux::start_in(&[], data);
    t.wait_for("Medarbejder");
    t.keys(&["Tab", "Tab"]);
    t.wait_for("kladde");
    t.keys(&["Enter"]);
    t.wait_for("Trin 5 af 5");
    t.keys(&["C-r"]);
    t.wait_for("Gennemse");
    t.type_text("d");
    t.wait_for("Del sessionen");
    t.type_text("AMR Karin");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Mindst 10 tegn");
    t.type_text(SHARE_PASSPHRASE);
    t.keys(&["Enter"]);
    t.wait_for("Skriv den samme adgangskode igen");
    t.type_text(SHARE_PASSPHRASE);
    t.keys(&["Enter"]);
    let dialog = t.wait_for("Hvor den krypterede fil skrives");
    assert!(
        dialog.contains("Ingen fortrolige svar at udelade."),
        "{dialog}"
    );
    assert!(!dialog.contains("grøn"), "{dialog}");
    t.keys(&["C-u"]);
    t.type_text(file.to_str().unwrap());
    t.keys(&["Enter"]);
    let notice = t.wait_for("Sessionen er delt");
    for says in [
        "krypteret med adgangskoden",
        "vejen-frem import redskab1.vfdel",
        "eller med i på et forløb",
    ] {
        let said = common::words(&notice);
        assert!(said.contains(&common::words(says)), "{says}: {notice}");
    }
    t.keys(&["Enter"]);
    t.wait_for("Gennemse");
    t.keys(&["C-q"]);
    t.wait_for_exit();

    let share_pass = secret(&two.secrets, "deling", SHARE_PASSPHRASE);
    let imported = imported_by_the_manager(&two, &file, &["--share-passphrase-file", &share_pass]);
    assert_eq!(imported.answers, original.answers);
    let provenance = imported.imported.unwrap();
    assert_eq!(provenance.from, "AMR Karin");
    assert_eq!(provenance.original, original.id);
    assert!(provenance.left_out.is_empty());
}

/// The GP's problem solving (12) in the forløb KH shared by keys to the manager's key with
/// `d` on the forløb: the private answers are named and stay home, the rest arrives.
#[test]
fn a_gps_plan_shared_by_keys_to_a_key_leaves_its_private_answers_at_home() {
    let two = two_machines();
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap();
    let forloeb = Forloeb::new("KH".into(), now);
    store.save_forloeb(&forloeb).unwrap();
    let catalog = catalog();
    let entry = catalog.find("12").unwrap();
    let mut w = walk(entry);
    fill_all(&mut w, |id| format!("Svar til {id}"));
    let mut original = w.session().clone();
    original.forloeb = forloeb.id.clone();
    drop(store.create(&original).unwrap());
    let private = vejen_frem::core::share::private_answered(&entry.tool, &original);
    assert!(!private.is_empty());
    let key_file = two.secrets.join("nøgle.txt").display().to_string();
    let public = common::share_key(&key_file);
    let file = two.secrets.join("plan.vfdel");

    let t = Tmux::start_in(&[], data);
    t.wait_for("Medarbejder");
    t.keys(&["Tab"]);
    t.wait_for("KH");
    t.keys(&["Enter"]);
    t.wait_for("Forløb: KH");
    t.type_text("d");
    t.wait_for("Del sessionen");
    t.type_text("Lægen");
    t.keys(&["Enter", "Right"]);
    t.wait_for("modtagerens nøgle");
    t.keys(&["Enter"]);
    t.type_text(&public);
    t.keys(&["Enter"]);
    let asked = t.wait_for("Fortrolige svar, der udelades");
    assert!(asked.contains("‹ udelades ›"), "{asked}");
    t.keys(&["Enter", "C-u"]);
    t.type_text(file.to_str().unwrap());
    t.keys(&["Enter"]);
    let notice = common::words(&t.wait_for("Sessionen er delt"));
    for says in ["kun deres nøglefil", "Udeladt (fortrolige"] {
        assert!(notice.contains(&common::words(says)), "{says}: {notice}");
    }
    t.keys(&["Enter", "C-q"]);
    t.wait_for_exit();

    let imported = imported_by_the_manager(&two, &file, &["--key", &key_file]);
    for id in &private {
        assert!(!imported.answers.contains_key(id), "{id} was shared");
    }
    let mut expected = original.answers.clone();
    expected.retain(|id, _| !private.contains(id));
    assert_eq!(imported.answers, expected);
    assert_eq!(imported.imported.unwrap().left_out, private);
}

/// `file` imported with the command line into the manager's folder, opened as `opens` says.
fn imported_by_the_manager(two: &Two, file: &Path, opens: &[&str]) -> Session {
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend(opens);
    args.extend(["--data-dir", two.manager.to_str().unwrap()]);
    let (ok, out, err) = run(&args);
    assert!(ok, "{out}{err}");
    stored(&Store::open(&two.manager).unwrap()).pop().unwrap()
}
