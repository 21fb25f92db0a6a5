//! Sharing a session with the other party and importing it, between two data folders as
//! between two machines: the command line writes and reads the share files, the core carries
//! the imported answers on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // in tests a panic is a failed test, with its message

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::fill::{fill_all, walk};
use common::run;
use vejen_frem::core::carry::carry;
use vejen_frem::core::catalog::{Catalog, builtin_sources};
use vejen_frem::core::forloeb::Forloeb;
use vejen_frem::core::session::Session;
use vejen_frem::store::convert;
use vejen_frem::store::sessions::{Listed, Store};

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

fn sessions(store: &Store) -> Vec<Session> {
    store
        .list()
        .into_iter()
        .map(|l| match l {
            Listed::Session(s) => store.load(&s.id).unwrap(),
            Listed::Damaged { file, reason } => panic!("{}: {reason}", file.display()),
        })
        .collect()
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
    assert!(sessions(&manager).is_empty(), "nothing imported");
    let (ok, out, err) = import(&["--forloeb", "KH", "--share-passphrase-file", &share_pass]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("i forløbet »KH«"), "{out}");
    assert!(out.contains("Delt af AMR Karin"), "{out}");
    let imported = sessions(&manager).pop().unwrap();
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
    assert_eq!(sessions(&manager).len(), 2);

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
    let (ok, out, err) = run(&["share-key", &key_file]);
    assert!(ok, "{err}");
    let public = out
        .split_whitespace()
        .find(|w| w.starts_with("age1"))
        .unwrap()
        .to_string();
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
    let received = sessions(&Store::open(&two.manager).unwrap()).pop().unwrap();
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
    let received = sessions(&Store::open(other.path()).unwrap()).pop().unwrap();
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
    assert!(sessions(&Store::open(&two.manager).unwrap()).is_empty());
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
