//! The `tracuu` command: argument parsing and printing over the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use std::ffi::OsString;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use tracuu::index::{self, IndexError, IndexOptions, OpenIndex, Progress};
use tracuu::model::Role;
use tracuu::output::{human, json, Palette};
use tracuu::search::{self, query::FilterText, SearchRequest};

/// The allocator: indexing allocates and frees many small strings (tokens, terms, payloads), and
/// malloc/free were 10–14% of the build's CPU samples with the system allocator; mimalloc takes
/// about a sixth off the build's CPU time. Built without transparent huge pages (`no_thp`): with
/// them the kernel zeroed a whole 2 MB page at each first touch of the allocator's arenas, 9% of
/// the build's CPU samples; without, system time halves and the 1x build is ~10% faster.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status: something was found / done.
const OK: u8 = 0;
/// Exit status: the search found nothing (or `index` found no file in the corpus).
const NOTHING: u8 = 1;
/// Exit status: an error (bad query, missing or damaged index, unreadable corpus).
const ERROR: u8 = 2;
/// Exit status: the index was built, but some files were skipped (each one is reported).
const SKIPPED: u8 = 3;

#[derive(Parser)]
#[command(
    name = "tracuu",
    version,
    about = "Tra cứu: search Vietnamese legal and administrative documents by clause, with citations"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Index directory.
    #[arg(long, global = true, default_value = "index")]
    index: PathBuf,
    /// Corpus directory (read by `index`, and by other commands when the index does not exist yet).
    #[arg(long, global = true, default_value = "corpus")]
    corpus: PathBuf,
    /// Print JSON for scripts instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// Colour in text output.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    color: ColorChoice,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand)]
enum Command {
    /// Index the corpus (only files that changed, unless --rebuild).
    Index {
        /// Build a new index from scratch; the old one stays searchable until the new one is complete.
        #[arg(long)]
        rebuild: bool,
        /// Largest file read, in MiB; larger files are reported and skipped.
        #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..))]
        max_file_mb: u64,
        /// Parser threads (0 = one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Name every file indexed, updated, removed or renamed (--json always lists them).
        #[arg(long, short = 'v')]
        verbose: bool,
    },
    /// Search clauses, best first, with citations.
    Search {
        /// The query: words (with or without diacritics), "quoted phrases", -excluded, a OR b, field:value,
        /// -field:value (province, issuer, type, number: leave those documents out). Filters alone
        /// (`number:214`, or `--number 214 ""`) list their documents' clauses in reading order.
        /// A query may start with an exclusion (`"-Tết kiều bào"`): an argument is an option only
        /// when the command has it (`-n 5`), so `-nghị` is an excluded word.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Number of hits.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// Skip this many hits (paging).
        #[arg(long, default_value_t = 0)]
        offset: usize,
        #[command(flatten)]
        filters: FilterArgs,
    },
    /// List indexed documents with their metadata.
    Docs {
        #[command(flatten)]
        filters: DocFilterArgs,
    },
    /// Which provinces give work to an agency, as lead (chủ trì) or support (phối hợp), with the clauses.
    Tasks {
        /// The agency ("Công an", "Sở Ngoại vụ", cong an): its words, quoted or not.
        #[arg(required = true, num_args = 1..)]
        agency: Vec<String>,
        /// Only this role.
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
        /// Only this province.
        #[arg(long)]
        province: Option<String>,
    },
    /// Every agency given work in the index, with counts by role.
    Agencies,
    /// Score the ranking on judged queries (format of eval/seeds.json): MRR, nDCG, recall, P@1.
    Eval {
        /// The judged queries.
        queries: PathBuf,
        /// Cut-off rank.
        #[arg(long, default_value_t = 10)]
        k: usize,
        /// A report saved earlier with --save: queries that got worse are listed.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Save this run's report (JSON) to compare later runs against.
        #[arg(long)]
        save: Option<PathBuf>,
    },
    /// Show a document (by file or number), or one clause of it (by path: III.13, "Điều 23").
    Show {
        /// File (as listed by `docs`) or document number (5951/KH-UBND), also as citations
        /// write it ("Quyết định số 06/2020/QĐ-UBND").
        document: String,
        /// Clause path; all clauses under it are shown. "Điều 2 Quy chế" is the article of
        /// the document attached.
        path: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    /// chủ trì
    Lead,
    /// phối hợp
    Support,
    /// given the task without a stated role
    Assigned,
}

impl RoleArg {
    fn role(self) -> Role {
        match self {
            RoleArg::Lead => Role::Lead,
            RoleArg::Support => Role::Support,
            RoleArg::Assigned => Role::Assigned,
        }
    }
}

#[derive(Args, Default)]
struct FilterArgs {
    #[command(flatten)]
    documents: DocFilterArgs,
    /// Only clauses that give work to this agency ("Công an", "Sở Ngoại vụ").
    #[arg(long)]
    agency: Option<String>,
}

/// The filters on documents, shared by `search` and `docs`.
#[derive(Args, Default)]
struct DocFilterArgs {
    /// Province or centrally-run city ("Khánh Hòa", "khanh hoa").
    #[arg(long)]
    province: Option<String>,
    /// Words of the issuer ("UBND tỉnh Khánh Hòa", "Quốc hội").
    #[arg(long)]
    issuer: Option<String>,
    /// Document type ("Kế hoạch", "Quyết định", "KH").
    #[arg(long = "type")]
    doc_type: Option<String>,
    /// Document number ("5951/KH-UBND", or just "5951").
    #[arg(long)]
    number: Option<String>,
    /// Issued on or after (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Issued on or before (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
}

impl DocFilterArgs {
    fn text(&self) -> FilterText {
        FilterText {
            province: self.province.clone(),
            issuer: self.issuer.clone(),
            doc_type: self.doc_type.clone(),
            number: self.number.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            agency: None,
            excluded: Vec::new(),
        }
    }
}

impl FilterArgs {
    fn text(&self) -> FilterText {
        FilterText {
            agency: self.agency.clone(),
            ..self.documents.text()
        }
    }
}

struct Ui {
    json: bool,
    palette: Palette,
    progress: bool,
}

impl Ui {
    fn error(&self, message: &str) -> ExitCode {
        if self.json {
            println!("{}", json::error(message));
        }
        eprintln!("tracuu: {message}");
        ExitCode::from(ERROR)
    }
}

fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`tracuu search … | head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn run_index(cli: &Cli, ui: &Ui, opts: &IndexOptions) -> Result<index::IndexReport, IndexError> {
    let mut progress = |p: Progress| {
        if !ui.progress {
            return;
        }
        match p {
            Progress::Parsing { done, total } => {
                eprint!("\rindexing {}: {done}/{total} files", cli.corpus.display())
            }
            Progress::Committing => eprint!(
                "\rindexing {}: writing the index…            ",
                cli.corpus.display()
            ),
        }
    };
    let report = index::run(opts, &mut progress);
    if ui.progress {
        eprintln!();
    }
    report
}

/// Opens the index, building it from the corpus first if there is none.
fn open_or_build(cli: &Cli, ui: &Ui) -> Result<OpenIndex, String> {
    if !index::store::exists(&cli.index) {
        eprintln!(
            "tracuu: no index in {} yet; building it from {}",
            cli.index.display(),
            cli.corpus.display()
        );
        let report = run_index(cli, ui, &IndexOptions::new(&cli.corpus, &cli.index))
            .map_err(|e| e.to_string())?;
        eprint!(
            "{}",
            human::index_report(&report, false, &Palette { enabled: false })
        );
    }
    index::open(&cli.index).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    // A panic is a bug: say so plainly, and end with the error status rather than a backtrace.
    // (Parser panics on one file are caught by the indexer and reported as that file skipped.)
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "tracuu: internal error{location}: {message}\n\
             tracuu: this is a bug in tracuu; please report it with the command that caused it"
        );
    }));
    match std::panic::catch_unwind(run) {
        Ok(code) => code,
        Err(_) => ExitCode::from(ERROR),
    }
}

/// Subcommands whose words are a query that may hold `-excluded` words.
const QUERY_COMMANDS: [&str; 2] = ["search", "tasks"];

/// The arguments with the query's words moved after a `--`, options kept where clap reads them.
/// A query may start with an exclusion (`search "-Tết kiều bào" -n 1`): clap took "-T…" for an
/// option, and a positional that accepts hyphens swallows the options after it too (`-n 1`
/// became words of the query). An argument is an option only when the subcommand has it:
/// `--limit`, `-n 5`, `-n5`, `--json`; `-nghị` is a word, not `-n ghị`.
fn words_last(args: Vec<OsString>) -> Vec<OsString> {
    let mut cmd = Cli::command();
    cmd.build();
    let takes_value = |a: &clap::Arg| a.get_action().takes_values();
    let global = |name: &str| {
        cmd.get_arguments()
            .find(|a| a.get_long() == Some(name))
            .map(takes_value)
    };
    // The subcommand: the first argument that is not a global option or its value.
    let mut at = 1;
    while let Some(arg) = args.get(at).and_then(|a| a.to_str()) {
        match arg.strip_prefix("--").filter(|n| !n.contains('=')) {
            Some(name) if global(name) == Some(true) => at += 2,
            _ if arg.starts_with('-') => at += 1,
            _ => break,
        }
    }
    let Some(sub) = args
        .get(at)
        .and_then(|a| a.to_str())
        .filter(|a| QUERY_COMMANDS.contains(a))
        .and_then(|a| cmd.find_subcommand(a))
    else {
        return args;
    };
    let option = |arg: &str| -> Option<bool> {
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = long
                .split_once('=')
                .map_or((long, false), |(n, _)| (n, true));
            let a = sub.get_arguments().find(|a| a.get_long() == Some(name))?;
            return Some(takes_value(a) && !inline);
        }
        let mut chars = arg.strip_prefix('-')?.chars();
        let short = chars.next()?;
        let rest = chars.as_str();
        let a = sub.get_arguments().find(|a| a.get_short() == Some(short))?;
        // "-n5" is the limit; "-nghị" is an excluded word.
        let attached = rest.starts_with(|c: char| c.is_ascii_digit() || c == '=');
        match (takes_value(a), rest.is_empty()) {
            (_, true) => Some(takes_value(a)),
            (true, false) if attached => Some(false),
            _ => None,
        }
    };
    let mut out: Vec<OsString> = args[..=at].to_vec();
    let mut words: Vec<OsString> = Vec::new();
    let mut rest = args[at + 1..].iter();
    while let Some(a) = rest.next() {
        let Some(arg) = a.to_str() else {
            words.push(a.clone());
            continue;
        };
        if arg == "--" {
            words.extend(rest.by_ref().cloned());
            break;
        }
        match option(arg) {
            Some(value_follows) => {
                out.push(a.clone());
                if value_follows {
                    out.extend(rest.next().cloned());
                }
            }
            // An unknown "--name" stays an option, for clap to refuse.
            None if arg.starts_with("--") => out.push(a.clone()),
            None => words.push(a.clone()),
        }
    }
    if !words.is_empty() {
        out.push("--".into());
        out.extend(words);
    }
    out
}

fn run() -> ExitCode {
    let cli = match Cli::try_parse_from(words_last(std::env::args_os().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            // Scripts asked for JSON get the error as JSON on stdout too, as for other errors.
            let wants_json = std::env::args_os().any(|a| a == "--json");
            if wants_json && e.use_stderr() {
                // clap's message without its usage lines: "invalid value 'abc' for '--limit …'".
                let text = e.to_string();
                let message: Vec<&str> = text
                    .lines()
                    .take_while(|l| !l.trim().is_empty())
                    .map(|l| l.trim().trim_start_matches("error: "))
                    .collect();
                println!("{}", json::error(&message.join(" ")));
            }
            e.exit();
        }
    };
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let ui = Ui {
        json: cli.json,
        palette: Palette {
            enabled: color && !cli.json,
        },
        progress: std::io::stderr().is_terminal(),
    };

    match &cli.command {
        Command::Index {
            rebuild,
            max_file_mb,
            threads,
            verbose,
        } => {
            let mut opts = IndexOptions::new(&cli.corpus, &cli.index);
            opts.rebuild = *rebuild;
            opts.max_file_bytes = max_file_mb.saturating_mul(1024 * 1024);
            opts.threads = *threads;
            match run_index(&cli, &ui, &opts) {
                Ok(report) => {
                    if ui.json {
                        print(&format!("{}\n", json::index_report(&report)));
                    } else {
                        print(&human::index_report(&report, *verbose, &ui.palette));
                    }
                    if report.seen == 0 {
                        // A wrong --corpus path must not look like success to a script.
                        eprintln!(
                            "tracuu: no file found in {}: nothing was indexed (is --corpus right?)",
                            cli.corpus.display()
                        );
                        return ExitCode::from(NOTHING);
                    }
                    ExitCode::from(if report.skipped.is_empty() {
                        OK
                    } else {
                        SKIPPED
                    })
                }
                Err(e) => ui.error(&e.to_string()),
            }
        }
        Command::Search {
            query,
            limit,
            offset,
            filters,
        } => {
            let open = match open_or_build(&cli, &ui) {
                Ok(o) => o,
                Err(e) => return ui.error(&e),
            };
            if let Err(e) = search::query::check_page(*limit, *offset) {
                return ui.error(&search::SearchError::Query(e).to_string());
            }
            let mut request = SearchRequest::new(query.join(" "));
            request.limit = *limit;
            request.offset = *offset;
            request.filters = filters.text();
            match search::search(&open, &request) {
                Ok(results) => {
                    if ui.json {
                        print(&format!("{}\n", json::search(&results)));
                    } else {
                        print(&human::search(
                            &results,
                            open.corpus.as_deref(),
                            &ui.palette,
                        ));
                    }
                    ExitCode::from(if results.hits.is_empty() { NOTHING } else { OK })
                }
                Err(e) => ui.error(&e.to_string()),
            }
        }
        Command::Docs { filters } => {
            let open = match open_or_build(&cli, &ui) {
                Ok(o) => o,
                Err(e) => return ui.error(&e),
            };
            let filters = filters.text();
            match search::documents_where(&open, &filters) {
                Ok(docs) => {
                    if ui.json {
                        print(&format!("{}\n", json::documents(&docs)));
                    } else {
                        print(&human::documents(&docs, &filters, &ui.palette));
                    }
                    let filtered_to_none = docs.is_empty() && filters != FilterText::default();
                    ExitCode::from(if filtered_to_none { NOTHING } else { OK })
                }
                Err(e) => ui.error(&e.to_string()),
            }
        }
        Command::Tasks {
            agency,
            role,
            province,
        } => {
            let open = match open_or_build(&cli, &ui) {
                Ok(o) => o,
                Err(e) => return ui.error(&e),
            };
            let agency = agency.join(" ");
            // An agency is named in letters: "-" or "?" names none.
            if !agency.chars().any(char::is_alphanumeric) {
                return ui.error(
                    "no agency given: name one, e.g. tracuu tasks \"Sở Ngoại vụ\" (tracuu agencies lists them)",
                );
            }
            match search::tasks::tasks(&open, &agency, role.map(RoleArg::role), province.as_deref())
            {
                Ok(t) => {
                    if ui.json {
                        print(&format!("{}\n", json::tasks(&t)));
                    } else {
                        print(&human::tasks(&t, &ui.palette));
                    }
                    ExitCode::from(if t.provinces.is_empty() { NOTHING } else { OK })
                }
                Err(e) => ui.error(&e.to_string()),
            }
        }
        Command::Agencies => {
            let open = match open_or_build(&cli, &ui) {
                Ok(o) => o,
                Err(e) => return ui.error(&e),
            };
            match search::tasks::agencies(&open) {
                Ok(list) => {
                    if ui.json {
                        print(&format!("{}\n", json::agencies(&list)));
                    } else {
                        print(&human::agencies(&list, &ui.palette));
                    }
                    ExitCode::from(OK)
                }
                Err(e) => ui.error(&e.to_string()),
            }
        }
        Command::Eval {
            queries,
            k,
            baseline,
            save,
        } => {
            let read_json = |path: &PathBuf| -> Result<String, String> {
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
            };
            let set: tracuu::eval::QuerySet = match read_json(queries).and_then(|t| {
                serde_json::from_str(&t)
                    .map_err(|e| format!("{}: not a judged-query file: {e}", queries.display()))
            }) {
                Ok(s) => s,
                Err(e) => return ui.error(&e),
            };
            let base: Option<tracuu::eval::Report> = match baseline.as_ref().map(|b| {
                read_json(b).and_then(|t| {
                    serde_json::from_str(&t)
                        .map_err(|e| format!("{}: not an eval report: {e}", b.display()))
                })
            }) {
                Some(Err(e)) => return ui.error(&e),
                Some(Ok(r)) => Some(r),
                None => None,
            };
            let open = match open_or_build(&cli, &ui) {
                Ok(o) => o,
                Err(e) => return ui.error(&e),
            };
            match tracuu::eval::run(&open, &set, (*k).max(1)) {
                Ok(report) => {
                    let worse = base
                        .as_ref()
                        .map(|b| tracuu::eval::regressions(b, &report))
                        .unwrap_or_default();
                    if let Some(path) = save {
                        if let Err(e) = std::fs::write(
                            path,
                            serde_json::to_string_pretty(&report).unwrap_or_default(),
                        ) {
                            return ui.error(&format!("{}: {e}", path.display()));
                        }
                    }
                    if ui.json {
                        print(&format!("{}\n", json::eval(&report, &worse)));
                    } else {
                        print(&human::eval(&report, &worse, &ui.palette));
                    }
                    ExitCode::from(if worse.is_empty() { OK } else { NOTHING })
                }
                Err(e) => ui.error(&e.to_string()),
            }
        }
        Command::Show { document, path } => {
            if document.trim().is_empty() {
                return ui.error(
                    "no document given: name a file or a number, e.g. tracuu show 5951/KH-UBND (tracuu docs lists them)",
                );
            }
            let open = match open_or_build(&cli, &ui) {
                Ok(o) => o,
                Err(e) => return ui.error(&e),
            };
            match search::show(&open, document, path.as_deref()) {
                Ok(Some((doc, clauses))) => {
                    let duplicate = search::duplicate_shown(&open, document, &doc)
                        .ok()
                        .flatten();
                    if let (Some(p), true) = (path, clauses.is_empty()) {
                        let name = doc.meta.number.as_deref().unwrap_or(&doc.file);
                        eprintln!(
                            "tracuu: {name} has no clause “{p}”; `tracuu show {document}` lists its clauses"
                        );
                    }
                    if ui.json {
                        print(&format!(
                            "{}\n",
                            json::show(&doc, &clauses, duplicate.as_deref())
                        ));
                    } else if !clauses.is_empty() || path.is_none() {
                        if let Some(file) = &duplicate {
                            print(&human::shown_instead(file, &doc.file, &ui.palette));
                        }
                        print(&human::clauses(Some(&doc), &clauses, &ui.palette));
                    }
                    ExitCode::from(if clauses.is_empty() { NOTHING } else { OK })
                }
                Ok(None) => ui.error(&format!(
                    "no indexed document is {document}; `tracuu docs` lists them"
                )),
                Err(e) => ui.error(&e.to_string()),
            }
        }
    }
}
