//! Who does what: the agencies each clause gives work to, and in which role.
//!
//! The genre states assignments in a handful of shapes, all recognised here from the text alone:
//!
//! 1. **Agency sections** inside "Tổ chức thực hiện" / "Phân công thực hiện" / "Trách nhiệm thực
//!    hiện": a heading that names agencies ("13. Công an tỉnh", "1. Đề nghị Ủy ban Mặt trận Tổ
//!    quốc Việt Nam tỉnh", "10. Các sở, ban, ngành, …, Ủy ban nhân dân các huyện, thành phố")
//!    makes every clause under it that agency's task: `lead`, or `support` when the clause starts
//!    with "Phối hợp". A lead-in heading under it ("Chủ trì, phối hợp với …:") sets the role of
//!    the items it introduces.
//! 2. **Labelled lines**: "Cơ quan chủ trì: …", "Cơ quan thực hiện: …", "Cơ quan phối hợp: …",
//!    "Tổ chức thực hiện: …", and table cells "Cơ quan, đơn vị chủ trì: …". The label gives the
//!    default role of the agencies that head its value; the value may refine it ("Sở Nội vụ chủ
//!    trì, phối hợp Sở Tài chính …"). A label line also gives its agencies to the item it labels
//!    (the preceding clause with the same path). A label used as a heading ("- Cơ quan thực
//!    hiện:") applies to the paragraphs under it.
//! 3. **In-sentence forms**: "X chủ trì, phối hợp với Y, Z" (X lead, Y and Z support), "Giao X",
//!    "giao cho X", "Đề nghị X", "yêu cầu X", and X at the start of a sentence followed by a task
//!    verb ("X triển khai thực hiện", "X có trách nhiệm", "X phối hợp thực hiện" → support).
//!
//! Everything else an agency appears in is a mere mention ("báo cáo Ủy ban nhân dân tỉnh",
//! "phối hợp với Sở Ngoại vụ") and gives it nothing. One agency gets at most one role per clause,
//! the strongest: lead, then support, then assigned. Front and back matter only assign through
//! an explicit verb ("Giao …", "yêu cầu …").

use crate::model::{Assignment, Clause, ClauseKind, Document, Role, Zone};
use crate::normalize::unwrap;
use crate::structure::agency::{pat_at, scan, tokenize, MTok, Tok, HEAD_TITLES};

/// What the headings above a clause say about who its task belongs to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// Under a "Tổ chức thực hiện"-like section.
    pub in_tcth: bool,
    /// The agencies the innermost agency heading names (role filled per clause).
    pub section: Vec<Assignment>,
    /// The role a lead-in heading under the agency heading gives ("Chủ trì, …:" → lead).
    pub lead_in_role: Option<Role>,
    /// Agencies the lead-in heading makes support ("Chủ trì, phối hợp với Sở X:").
    pub lead_in: Vec<Assignment>,
    /// A label used as a heading ("- Cơ quan thực hiện:"): its role.
    pub label_role: Option<Role>,
    /// Agencies named in that label's own value.
    pub label_given: Vec<Assignment>,
    /// Under a heading that says its clauses are past results or requests to a superior
    /// ("II. KẾT QUẢ ĐẠT ĐƯỢC", "III. KIẾN NGHỊ, ĐỀ XUẤT"): they give no one work.
    pub no_tasks: bool,
    /// The document is a plan, directive, programme, report, notice or letter, whose numbered
    /// items are each a task for the agencies they open with ("7. Sở Thông tin và Truyền thông,
    /// Báo Thừa Thiên Huế mở chuyên mục …"); a law's or decree's numbered khoản are provisions,
    /// read by their verbs.
    pub plan_like: bool,
}

impl Context {
    /// The context given by a clause's headings, outermost first.
    pub fn from_headings(headings: &[String]) -> Context {
        let mut ctx = Context::default();
        for h in headings {
            ctx.step(h);
        }
        ctx
    }

    /// The context under one more heading `h` (headings are read outermost first).
    fn step(&mut self, h: &str) {
        let ctx = self;
        let t = Analysed::new(h);
        let cs = content_start(&t.toks);
        let trimmed = h.trim();
        let ends_colon = trimmed.ends_with(':');
        if is_tcth(&t, cs, ends_colon) {
            *ctx = Context {
                in_tcth: true,
                ..Context::default()
            };
            return;
        }
        // "I. PHẠM VI, ĐỐI TƯỢNG ÁP DỤNG", "Điều 2. Đối tượng áp dụng": who the document applies
        // to, not what it gives them to do.
        if names_scope(&t.toks[cs..]) {
            ctx.no_tasks = true;
            return;
        }
        // Inside "Tổ chức thực hiện" a heading "5. Đánh giá, sơ kết" names a task.
        if let Some(no_tasks) = section_kind(&t, cs).filter(|_| !ctx.in_tcth) {
            ctx.no_tasks = no_tasks;
        }
        if let Some((role, vstart)) = label_of(&t) {
            ctx.label_role = Some(role);
            ctx.label_given = t.roles(vstart, Mode::label(role));
            return;
        }
        if let Some(section) = heading_agencies(&t, cs, ctx.in_tcth, ends_colon) {
            ctx.section = section;
            ctx.lead_in_role = None;
            ctx.lead_in.clear();
            ctx.label_role = None;
            ctx.label_given.clear();
            if ends_colon {
                // "Bộ Công an chủ trì, phối hợp với Bộ Tư pháp … thực hiện nhiệm vụ sau đây:"
                ctx.lead_in = supports(&t, cs);
            }
            return;
        }
        if ends_colon && !ctx.section.is_empty() {
            // "3. Định kỳ báo cáo …, trong đó:" under "Sở Ngoại vụ chủ trì, phối hợp với Sở Tài
            // chính …, cụ thể:": a lead-in inside a lead-in keeps the outer one's role and
            // supporters unless it states its own.
            if let Some(role) = start_role(&t.toks, cs) {
                ctx.lead_in_role = Some(role);
            }
            for a in supports(&t, cs) {
                merge(&mut ctx.lead_in, a);
            }
        } else if !ctx.section.is_empty() && start_role(&t.toks, cs) == Some(Role::Support) {
            // "1. Sở Văn hóa, Thể thao và Du lịch" / "c) Phối hợp với Sở Ngoại vụ": a sub-heading
            // that says the agency cooperates makes the items under it its support tasks.
            ctx.lead_in_role = Some(Role::Support);
        }
    }
}

/// The agencies a heading names as support ("… phối hợp với Sở Tư pháp …:").
fn supports(t: &Analysed, cs: usize) -> Vec<Assignment> {
    t.roles(cs, Mode::general(false))
        .into_iter()
        .filter(|a| a.role == Role::Support)
        .collect()
}

/// Fills `assignments` of every clause of `doc`.
pub fn annotate(doc: &mut Document) {
    let mut found: Vec<Found> = Vec::with_capacity(doc.clauses.len());
    // The context after each heading of the previous clause's chain: a clause shares most of
    // its chain with the one before, and only the headings after the shared part are read
    // (each heading once per run, not once per clause under it).
    let mut chain: Vec<(String, Context)> = Vec::new();
    let root = Context {
        plan_like: doc
            .meta
            .doc_type
            .as_deref()
            .is_some_and(|t| PLAN_LIKE.contains(&t)),
        ..Context::default()
    };
    for c in &doc.clauses {
        let shared = chain
            .iter()
            .zip(&c.headings)
            .take_while(|((h, _), g)| h == *g)
            .count();
        chain.truncate(shared);
        for h in &c.headings[shared..] {
            let mut ctx = chain
                .last()
                .map_or_else(|| root.clone(), |(_, x)| x.clone());
            ctx.step(h);
            chain.push((h.clone(), ctx));
        }
        let ctx = chain.last().map_or(&root, |(_, x)| x);
        found.push(assign(c, ctx));
    }
    for (c, f) in doc.clauses.iter_mut().zip(found.iter()) {
        c.assignments = f.all.clone();
    }
    // A label line ("- Cơ quan chủ trì: …") also gives its agencies to the item it labels.
    for (k, f) in found.iter().enumerate() {
        let kind = doc.clauses[k].kind;
        if f.labelled.is_empty()
            || matches!(kind, ClauseKind::Item | ClauseKind::TableRow)
            || doc.clauses[k].path.is_empty()
        {
            continue;
        }
        let path = doc.clauses[k].path.clone();
        let mut j = k;
        while j > 0 {
            j -= 1;
            if doc.clauses[j].path != path {
                break;
            }
            if doc.clauses[j].kind == ClauseKind::Item {
                for a in &f.labelled {
                    merge(&mut doc.clauses[j].assignments, a.clone());
                }
                break;
            }
        }
    }
}

/// The agencies `clause` gives work to, given the context of its headings.
pub fn assignments_for(clause: &Clause, context: &Context) -> Vec<Assignment> {
    assign(clause, context).all
}

struct Found {
    all: Vec<Assignment>,
    /// Given by a label; these also go to the item the label belongs to.
    labelled: Vec<Assignment>,
}

fn assign(clause: &Clause, ctx: &Context) -> Found {
    let mut all: Vec<Assignment> = Vec::new();
    let mut labelled: Vec<Assignment> = Vec::new();
    // An editor's note gives no work: "Cụm từ “Sở Công Thương” được thay thế …" names the
    // agency the text used to name.
    if clause.kind == ClauseKind::Note
        || (ctx.no_tasks && !gives_work_itself(&clause.text))
        || defines_scope(&clause.text)
    {
        return Found { all, labelled };
    }
    let body = clause.zone == Zone::Body;
    let mut first_line: Option<Analysed> = None;
    // Roles the text states for its doers; they override the section's default for that agency
    // ("5. Sở Tư pháp" … "Sở Tư pháp phối hợp rà soát …" → support).
    let mut stated: Vec<Assignment> = Vec::new();
    // The doers the clause names at its very start ("1. Sở Tài chính bố trí kinh phí …").
    let mut opening: Vec<Assignment> = Vec::new();
    for line in clause.text.split('\n') {
        let t = Analysed::new(line);
        if body {
            if let Some((role, vstart)) = label_of(&t) {
                let got = t.roles(vstart, Mode::label(role));
                for a in got {
                    merge(&mut labelled, a.clone());
                    merge(&mut all, a);
                }
                continue;
            }
        }
        let mode = if !body {
            Mode::restricted()
        } else if let Some(role) = ctx.label_role {
            Mode::label(role)
        } else {
            Mode {
                led_above: !ctx.section.is_empty(),
                step: is_step(clause),
                ..Mode::general(
                    ctx.in_tcth || clause.kind == ClauseKind::TableRow || is_step(clause),
                )
            }
        };
        let mode = Mode {
            numbered: ctx.plan_like && first_line.is_none() && numbered_item(clause),
            ..mode
        };
        let got = t.roles_stated(content_start(&t.toks), mode);
        for (a, is_stated) in got {
            if is_stated {
                stated.push(a.clone());
            }
            if ctx.label_role.is_some() {
                merge(&mut labelled, a.clone());
            }
            merge(&mut all, a);
        }
        if first_line.is_none() {
            // A table row's first cell is its task or its lead by the table's columns, which the
            // heading's agencies do not answer for.
            if clause.kind != ClauseKind::TableRow {
                opening = t.opening_doers(mode);
            }
            first_line = Some(t);
        }
    }
    if body {
        if !ctx.section.is_empty() {
            let own = first_line
                .as_ref()
                .and_then(|t| start_role(&t.toks, content_start(&t.toks)));
            let default = ctx.lead_in_role.unwrap_or(Role::Lead);
            let role = first_line.as_ref().map_or(default, |t| {
                own_role(&t.toks, content_start(&t.toks), default)
            });
            // "Điều 11. Trách nhiệm của các sở, ban, ngành khác và UBND cấp huyện" / "2. Sở Tài
            // chính bố trí kinh phí …": a clause that names its own doer is that doer's task, in
            // the standing the heading gives, not the heading's other agencies'.
            let named = |agency: &str| opening.iter().any(|o| o.agency == agency);
            for o in &opening {
                if o.role == Role::Assigned && !ctx.section.iter().any(|a| a.agency == o.agency) {
                    merge(&mut all, Assignment { role, ..o.clone() });
                }
            }
            for a in &ctx.section {
                if own.is_none() && stated.iter().any(|s| s.agency == a.agency) {
                    continue;
                }
                if !opening.is_empty() && !named(&a.agency) {
                    continue;
                }
                // "Giao UBND tỉnh tổ chức triển khai …; Sở Ngoại vụ chủ trì …, cụ thể:": the body
                // the heading only gives the work to stays so; the one it says leads does.
                let role = if a.role == Role::Assigned {
                    Role::Assigned
                } else {
                    role
                };
                merge(&mut all, Assignment { role, ..a.clone() });
            }
            for a in &ctx.lead_in {
                merge(&mut all, a.clone());
            }
        }
        for a in &ctx.label_given {
            merge(&mut labelled, a.clone());
            merge(&mut all, a.clone());
        }
    }
    Found { all, labelled }
}

/// "Bước 2: Xin ý kiến …" over "Trong thời hạn 02 ngày …, Sở Ngoại vụ gửi xin ý kiến …": a
/// procedure's step, whose agencies act whatever their verb ("gửi", "thông báo"), as in the
/// duties of "Tổ chức thực hiện".
fn is_step(clause: &Clause) -> bool {
    clause
        .text
        .split('\n')
        .next()
        .is_some_and(|l| unwrap::step_title(l).is_some())
}

/// Adds `a`, keeping one role per agency: the strongest (lead > support > assigned).
fn merge(into: &mut Vec<Assignment>, a: Assignment) {
    if let Some(old) = into.iter_mut().find(|o| o.agency == a.agency) {
        if a.role < old.role {
            *old = a;
        }
    } else {
        into.push(a);
    }
}

// ---------------------------------------------------------------------------------------------
// One line of text: tokens, mentions, and the lists they form.

/// A run of mentions joined by list separators: "Sở Tài chính, Công an tỉnh, Sở Kế hoạch và Đầu tư".
#[derive(Debug, Clone)]
struct List {
    /// Indices into `Analysed::ms`.
    first: usize,
    last: usize,
    ts: usize,
    te: usize,
}

struct Analysed<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
    ms: Vec<MTok>,
    lists: Vec<List>,
    /// Token is inside a list (mention or separator between mentions).
    in_list: Vec<bool>,
}

/// Words that may stand between the members of a list without ending it
/// ("Sở Ngoại vụ; các cơ quan, đơn vị, địa phương liên quan; Sở Nội vụ").
const FILLER: &[&str] = &[
    "các",
    "cơ",
    "quan",
    "đơn",
    "vị",
    "địa",
    "phương",
    "có",
    "liên",
    "khác",
    "chức",
    "năng",
    "tổ",
    "ngành",
    "cấp",
    "đoàn",
    "thể",
    "hội",
    "trên",
    "bàn",
    "quận",
    "huyện",
    "thị",
    "xã",
    "phường",
    "thành",
    "phố",
    "trấn",
];

/// Verbs that make an agency at the start of a sentence its doer, in ordinary body text.
const TASK_VERBS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "thực hiện",
    "tiến hành",
    "triển khai",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "tổ chức",
    "tham mưu",
    "chủ động",
    "xây dựng",
    "tổng hợp",
    "theo dõi",
    "hướng dẫn",
    "chỉ đạo",
    "cần",
    "phải",
    "tiếp tục",
    "tăng cường",
    "rà soát",
    "nghiên cứu",
    "đề xuất",
    "bố trí",
    "kiểm tra",
    "hỗ trợ",
    "quán triệt",
    "báo cáo",
    "cung cấp",
    "đảm bảo",
    "bảo đảm",
    "đôn đốc",
    "tích cực",
    "thường xuyên",
    "tiếp nhận",
    "cập nhật",
    "quản lý",
    "giải quyết",
    // "UBND cấp xã thông báo cho gia đình …", "Sở Ngoại vụ thông báo cho Cơ quan đại diện …":
    // what the procedures of a Quy chế give each body to do.
    "thông báo",
    "phát huy",
    "đẩy mạnh",
    "ban hành",
    "trình",
    "tham gia",
    "đăng cai",
    "chuẩn bị",
    "phụ trách",
    "lồng ghép",
    "vận động",
    "thẩm định",
    "kịp thời",
    "nắm",
    "phổ biến",
    "tuyên truyền",
    "trách nhiệm",
    // "Cục Văn thư và Lưu trữ Nhà nước giúp Bộ Nội vụ hướng dẫn …": the helper does the work.
    "giúp",
];

/// Words after an agency that show it is not the doer ("Sở Ngoại vụ của tỉnh", "X về …").
const NOT_VERBS: &[&str] = &[
    "của", "về", "tại", "ở", "trong", "theo", "và", "với", "cho", "để", "như", "gồm", "thuộc",
    "trên", "dưới", "này", "đã", "từ", "nơi", "qua", "thông",
];

/// Words after an agency that say what it is or may do, or what is done to it, not a duty
/// ("… là tổ chức chính trị - xã hội", "… được mở tài khoản", "… không được thu phí").
const NOT_DUTIES: &[&str] = &["là", "được", "bị", "không", "chưa", "cũng"];

/// Introductory phrases after which, past a comma, a sentence's doer may come.
const INTRO: &[&str] = &[
    "theo",
    "trên cơ sở",
    "căn cứ",
    "ngoài",
    "đồng thời",
    "trong",
    "khi",
    "sau khi",
    "để",
    "hằng năm",
    "hàng năm",
    "định kỳ",
    "bên cạnh",
    "tùy",
    "trường hợp",
    "nếu",
    "đối với",
];

/// Verbs of work after a passive doer: "do Sở Y tế thực hiện" (besides "chủ trì", "phối hợp").
const PASSIVE_WORK: &[&str] = &[
    "thực hiện",
    "đảm nhiệm",
    "đảm nhận",
    "phụ trách",
    "tổ chức thực hiện",
];

/// Verbs that give the agency right after them a task: "Giao X", "Đề nghị X", "yêu cầu X".
const GIVING_VERBS: &[&str] = &[
    "giao",
    "giao cho",
    "giao nhiem vu cho",
    "de nghi",
    "yeu cau",
    "phan cong",
    "phan cong cho",
    "uy quyen cho",
    // "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện …; chỉ đạo Sở Ngoại vụ chủ trì …"
    "chi dao",
];

/// What a heading says of a doer whose duties the items under it list ("Bộ Công an có trách
/// nhiệm sau đây:").
const DUTY_VERBS: &[&str] = &[
    "có trách nhiệm",
    "chịu trách nhiệm",
    "có nhiệm vụ",
    "có các nhiệm vụ",
    "thực hiện các nhiệm vụ",
    "thực hiện nhiệm vụ",
    "thực hiện các nội dung",
    "thực hiện các công việc",
    "thực hiện các việc",
    "chủ trì",
];

/// What the closing article of a decision says its addressees do.
/// ("Bộ trưởng Bộ X chịu trách nhiệm tổ chức thi hành Nghị định này" is a ministry's own task.)
const CLOSING_VERBS: &[&str] = &["chịu trách nhiệm thi hành", "có trách nhiệm thi hành"];

#[derive(Clone, Copy)]
struct Mode {
    /// Only explicit giving verbs count (front and back matter).
    restricted: bool,
    /// A sentence-initial agency is the doer whatever verb follows (not only task verbs).
    any_verb: bool,
    /// Role of a doer whose verb states none.
    default: Role,
    /// An agency with nothing after it is still the doer (the value of a label).
    allow_empty: bool,
    /// The clause's doer is named above it, by its section's heading ("5. Sở Thông tin và
    /// Truyền thông" over "Chỉ đạo …; phối hợp với Sở Ngoại vụ …"): that doer leads the text.
    led_above: bool,
    /// The line opens a numbered item ("7." in the source, which the parser took off the text
    /// and put in the clause's path): its opening agencies are its doers whatever their verb.
    numbered: bool,
    /// The clause is a procedure's step ("Bước 2: …"): an agency after an introductory phrase
    /// ("Trong thời hạn 02 ngày …, Sở Ngoại vụ gửi …") acts whatever its verb.
    step: bool,
}

impl Mode {
    fn general(any_verb: bool) -> Mode {
        Mode {
            restricted: false,
            any_verb,
            default: Role::Assigned,
            allow_empty: false,
            led_above: false,
            numbered: false,
            step: false,
        }
    }
    fn label(role: Role) -> Mode {
        Mode {
            restricted: false,
            any_verb: true,
            default: role,
            allow_empty: true,
            led_above: false,
            numbered: false,
            step: false,
        }
    }
    fn restricted() -> Mode {
        Mode {
            restricted: true,
            any_verb: false,
            default: Role::Assigned,
            allow_empty: false,
            led_above: false,
            numbered: false,
            step: false,
        }
    }
}

fn lower_word<'t>(t: &'t Tok) -> &'t str {
    if t.word {
        t.lower.as_str()
    } else {
        t.f.as_str()
    }
}

/// Whether the words from token `i` start with the phrase `p` (lowercase, as written).
fn phrase_at(toks: &[Tok], i: usize, p: &str) -> Option<usize> {
    let mut j = i;
    for w in p.split(' ') {
        let t = toks.get(j)?;
        if !t.word || t.lower != w {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// A task verb at token `i`: one of `TASK_VERBS`, or the doer's standing ("là cơ quan …").
fn task_verb_at(toks: &[Tok], i: usize) -> bool {
    TASK_VERBS.iter().any(|p| phrase_at(toks, i, p).is_some()) || standing_at(toks, i).is_some()
}

/// Whether `text` opens with a task verb ("Theo dõi, nắm bắt …", "Xây dựng chuyên mục …"): a
/// sentence of its own, no name continuing the line above.
pub(crate) fn opens_with_task_verb(text: &str) -> bool {
    let head: String = text.chars().take(30).collect();
    let toks = tokenize(&head);
    TASK_VERBS.iter().any(|p| phrase_at(&toks, 0, p).is_some())
}

/// Standings that make their agency the lead, folded: "X là cơ quan thường trực …", "Sở Y -
/// cơ quan chủ trì", "X làm đầu mối liên hệ", "X là đơn vị đầu mối".
const LEADING_STANDINGS: &[&str] = &[
    "co quan thuong truc",
    "co quan chu tri",
    "co quan dau moi",
    "don vi thuong truc",
    "don vi chu tri",
    "don vi dau moi",
    "dau moi",
];

/// "X là cơ quan …", "X là đơn vị đầu mối", "X làm đầu mối": the doer's standing, which
/// stands for its verb ("Sở Ngoại vụ là cơ quan thường trực, có trách nhiệm:"; "Trung tâm Y là
/// đơn vị sự nghiệp …" only describes). The token after the standing at token `i`, if there.
fn standing_at(toks: &[Tok], i: usize) -> Option<usize> {
    if !matches!(toks.get(i)?.f.as_str(), "la" | "lam") {
        return None;
    }
    pat_at(toks, i + 1, "co quan").or_else(|| leading_standing(toks, i + 1))
}

/// The token after a standing that makes its agency the lead ("là cơ quan thường trực",
/// "làm đầu mối") at token `i`, if there.
fn leading_standing_at(toks: &[Tok], i: usize) -> Option<usize> {
    if !matches!(toks.get(i)?.f.as_str(), "la" | "lam") {
        return None;
    }
    leading_standing(toks, i + 1)
}

/// The token after one of `LEADING_STANDINGS` at token `i`, if there.
fn leading_standing(toks: &[Tok], i: usize) -> Option<usize> {
    LEADING_STANDINGS.iter().find_map(|p| pat_at(toks, i, p))
}

/// "Giao Giám đốc Sở Ngoại vụ chủ trì …": an agency's head stands for the agency. The first
/// token of the head's title right before token `ts` (not before `floor`), or `ts`.
fn title_start(toks: &[Tok], ts: usize, floor: usize) -> usize {
    // Most names have no title before them: the word before must end some title.
    let Some(prev) = ts.checked_sub(1).map(|k| &toks[k]).filter(|t| t.word) else {
        return ts;
    };
    for title in HEAD_TITLES {
        if !title.ends_with(prev.lower.as_str()) {
            continue;
        }
        let n = title.split(' ').count();
        let Some(s) = ts.checked_sub(n).filter(|&s| s >= floor) else {
            continue;
        };
        let words = &toks[s..ts];
        if words.iter().all(|t| t.word)
            && words.iter().map(|t| t.lower.as_str()).eq(title.split(' '))
        {
            return s;
        }
    }
    ts
}

/// Whether a canonical name is a unit of a larger body, which a dash after it may name.
fn is_unit(canonical: &str) -> bool {
    const UNITS: &[&str] = &[
        "Cục ",
        "Tổng cục ",
        "Chi cục ",
        "Vụ ",
        "Trung tâm ",
        "Phòng ",
        "Viện ",
        "Trường ",
        "Đồn ",
    ];
    UNITS.iter().any(|u| canonical.starts_with(u))
}

/// Words of manner before a doer's verb, folded: "Các sở, ban, ngành chủ động phối hợp …".
const MANNER: &[&str] = &[
    "chu dong",
    "tich cuc",
    "thuong xuyen",
    "tiep tuc",
    "kip thoi",
];

/// Words that mark a verb's tense or voice, which a place's own clause has ("nơi dự án đang
/// triển khai", "nơi đã tổ chức").
const TENSES: &[&str] = &["đang", "đã", "được", "sẽ", "bị"];

fn is_boundary(t: &Tok) -> bool {
    match t.f.as_str() {
        ";" | ":" | "\n" | "!" | "?" => true,
        "." => t.space_after,
        _ => false,
    }
}

impl<'a> Analysed<'a> {
    fn new(text: &'a str) -> Analysed<'a> {
        let toks = tokenize(text);
        let ms = scan(text, &toks, true);
        let mut lists: Vec<List> = Vec::new();
        for (k, m) in ms.iter().enumerate() {
            if let Some(l) = lists.last_mut() {
                // "Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện": a head's title
                // before a member belongs to it, not to the gap.
                let gap = &toks[l.te..title_start(&toks, m.ts, l.te)];
                let has_sep = gap
                    .iter()
                    .any(|t| matches!(lower_word(t), "," | ";" | "và" | "cùng"));
                let all_ok = gap.iter().all(|t| {
                    matches!(lower_word(t), "," | ";" | "và" | "cùng")
                        || (t.word && FILLER.contains(&t.lower.as_str()))
                });
                // "…; Bộ trưởng Bộ Quốc phòng có trách nhiệm": after a semicolon, a title starts a
                // new sentence.
                // A titled member joins only a list of heads ("Bộ trưởng Bộ A, Bộ trưởng Bộ B"),
                // not a name inside a phrase ("Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch …").
                let titled = l.te + gap.len() < m.ts;
                let heads = title_start(&toks, l.ts, 0) < l.ts;
                let apart = titled && (!heads || gap.iter().any(|t| t.f == ";"));
                // "Bộ Chỉ huy Bộ đội Biên phòng tỉnh - Đài Phát thanh và Truyền hình tỉnh" in a
                // table cell: a dash alone between two names lists them, unless the first is a
                // unit and the second the body it belongs to ("Cục An toàn thực phẩm - Bộ Y tế").
                // Only as a cell's whole value: "của liên Bộ: Bộ Lao động - Thương binh và Xã hội
                // - Bộ Y tế hướng dẫn …" cites a joint issuer, whose names the verb follows.
                let ends_cell = toks
                    .get(m.te)
                    .is_none_or(|t| matches!(t.f.as_str(), "\n" | ";" | "," | "-" | "."));
                let dash = matches!(gap, [t] if t.f == "-")
                    && ends_cell
                    && !is_unit(&ms[l.last].canonical);
                if (gap.is_empty() && !titled)
                    || dash
                    || (has_sep && all_ok && !apart && gap.len() <= 12)
                {
                    l.last = k;
                    l.te = m.te;
                    continue;
                }
            }
            lists.push(List {
                first: k,
                last: k,
                ts: m.ts,
                te: m.te,
            });
        }
        let mut in_list = vec![false; toks.len()];
        for l in &lists {
            for x in &mut in_list[l.ts..l.te] {
                *x = true;
            }
        }
        Analysed {
            text,
            toks,
            ms,
            lists,
            in_list,
        }
    }

    fn assignment(&self, k: usize, role: Role) -> Assignment {
        let m = self.ms[k].to_mention(self.text, &self.toks);
        Assignment {
            agency: m.canonical,
            role,
            mention: m.text.split_whitespace().collect::<Vec<_>>().join(" "),
            request: false,
        }
    }

    /// Start of the segment (sentence or clause part) a list at token `ts` belongs to, and the
    /// boundary token before it, if any.
    fn segment_start(&self, ts: usize, from: usize) -> (usize, Option<usize>) {
        let mut j = ts;
        while j > from {
            j -= 1;
            if !self.in_list[j] && is_boundary(&self.toks[j]) {
                return (j + 1, Some(j));
            }
        }
        (from, None)
    }

    /// "Đề nghị Ủy ban MTTQ Việt Nam tỉnh chủ trì, phối hợp với Tỉnh đoàn …": whether the
    /// sentence a list at token `ts` is in opens by asking, so that all it names is asked of,
    /// not ordered. A part after a semicolon that gives work in its own words ("…; giao Sở
    /// Ngoại vụ …") is an order again.
    fn requested(&self, ts: usize, from: usize) -> bool {
        let mut end = ts;
        loop {
            let (seg, boundary) = self.segment_start(end, from);
            let opening = self.toks[seg..ts]
                .iter()
                .position(|t| t.word && !is_enumerator(t))
                .map(|k| seg + k);
            if let Some(k) = opening {
                if pat_at(&self.toks, k, "de nghi").is_some() {
                    return true;
                }
                if GIVING_VERBS
                    .iter()
                    .any(|v| pat_at(&self.toks, k, v).is_some())
                {
                    return false;
                }
            }
            match boundary {
                Some(b) if self.toks[b].f == ";" => end = b,
                _ => return false,
            }
        }
    }

    /// The words after a list, a trailing filler ("và các đơn vị có liên quan") skipped, and a
    /// colon that puts the task after the doer ("Sở Tài chính: bố trí kinh phí …" reads as
    /// "Sở Tài chính bố trí kinh phí …").
    fn after(&self, te: usize) -> usize {
        let mut j = self.after_filler(te);
        j = self.after_apposition(j);
        j = self.after_parenthesis(j);
        j = self.after_remit(j);
        j = self.after_where(j);
        let colon = self.toks.get(j).is_some_and(|t| t.f == ":");
        if colon && self.toks.get(j + 1).is_some_and(|t| t.word) {
            j += 1;
        }
        j
    }

    /// The token after a trailing filler ("và các đơn vị có liên quan"), and after the places a
    /// filler's administrative unit names ("UBND các huyện Tân Biên, Bến Cầu và thị xã Trảng Bàng
    /// phối hợp …"), else `te`.
    fn after_filler(&self, te: usize) -> usize {
        // "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương trình …": the rest of the name.
        let te = pat_at(&self.toks, te, ", thanh pho truc thuoc trung uong").unwrap_or(te);
        let starts_filler = phrase_at(&self.toks, te, "và").is_some()
            || phrase_at(&self.toks, te, "các").is_some()
            || phrase_at(&self.toks, te, "có liên quan").is_some()
            || phrase_at(&self.toks, te, "liên quan").is_some();
        if !starts_filler {
            return te;
        }
        let mut j = te;
        let filler = |t: &Tok| t.word && (FILLER.contains(&t.lower.as_str()) || t.lower == "và");
        while let Some(t) = self.toks.get(j) {
            // "… và các quận, huyện: chủ trì …": a comma inside the filler.
            let comma_in = t.f == "," && self.toks.get(j + 1).is_some_and(filler);
            if filler(t) || comma_in {
                j += 1;
            } else {
                break;
            }
        }
        let unit = j > te
            && matches!(
                self.toks[j - 1].f.as_str(),
                "huyen" | "xa" | "pho" | "quan" | "phuong" | "tran"
            );
        if unit {
            // A place's name is capitalised; names are joined by commas and "và".
            let name = |k: usize| {
                self.toks
                    .get(k)
                    .is_some_and(|t| t.word && t.cap && !self.in_list[k])
            };
            let mut k = j;
            while name(k) {
                k += 1;
                let joined = self.toks.get(k).is_some_and(|t| t.f == "," || t.f == "va");
                if joined && name(k + 1) {
                    k += 1;
                }
            }
            j = k;
        }
        j
    }

    /// "UBND cấp xã nơi công dân cư trú thông báo …": which of the agencies acts, by where,
    /// stands between it and its verb. The token where the verb starts (within a few words and
    /// before any boundary), else `j`.
    fn after_where(&self, j: usize) -> usize {
        if self.toks.get(j).is_none_or(|t| !t.word || t.lower != "nơi") {
            return j;
        }
        const MAX: usize = 8;
        for k in j + 1..(j + MAX).min(self.toks.len()) {
            let t = &self.toks[k];
            // "… nơi chương trình, dự án đang triển khai thực hiện": a comma or a tense word
            // puts the verb in the place's own clause.
            if is_boundary(t) || self.in_list[k] || t.f == "," || TENSES.contains(&t.lower.as_str())
            {
                return j;
            }
            // "nơi tổ chức lễ hội": a verb right after "nơi" is the place's own.
            if task_verb_at(&self.toks, k) {
                return if k > j + 1 { k } else { j };
            }
        }
        j
    }

    /// "Sở Giáo dục và Đào tạo, Sở Y tế theo chức năng, nhiệm vụ chủ trì …", "Bộ Tài chính trong
    /// phạm vi nhiệm vụ, quyền hạn của mình có trách nhiệm …": a phrase that says by what remit
    /// the agency acts stands between it and its verb. The token where the verb starts, else `j`.
    fn after_remit(&self, j: usize) -> usize {
        const OPENERS: &[&str] = &["theo", "trong", "can cu"];
        const REMITS: &[&str] = &[
            "chuc nang",
            "nhiem vu",
            "tham quyen",
            "quyen han",
            "chuc trach",
            "linh vuc",
            "nganh",
            "pham vi",
        ];
        let Some(o) = OPENERS.iter().find_map(|p| pat_at(&self.toks, j, p)) else {
            return j;
        };
        let o = pat_at(&self.toks, o, "cac").unwrap_or(o);
        let Some(r) = REMITS.iter().find_map(|p| pat_at(&self.toks, o, p)) else {
            return j;
        };
        const MAX: usize = 16;
        for k in r..(r + MAX).min(self.toks.len()) {
            let t = &self.toks[k];
            if is_boundary(t) || self.in_list[k] {
                return j;
            }
            // "… trong phạm vi ngành, lĩnh vực quản lý …": managing is the remit, not the task.
            let remit_noun = matches!(
                self.toks[k - 1].f.as_str(),
                "nang" | "vu" | "vuc" | "nganh" | "ban"
            );
            let managing = phrase_at(&self.toks, k, "quản lý").is_some();
            if task_verb_at(&self.toks, k) && !(remit_noun && managing) {
                return k;
            }
        }
        j
    }

    /// "Sở Thông tin và Truyền thông - Cơ quan thường trực Ban Chỉ đạo … chủ trì", "Sở Ngoại vụ
    /// (cơ quan thường trực của Ban Chỉ đạo) chủ trì": an apposition states the agency's
    /// standing, and the verb comes after it. The token after the apposition, else `j`.
    fn after_apposition(&self, j: usize) -> usize {
        let opens = matches!(self.toks.get(j).map(|t| t.f.as_str()), Some("-" | "("));
        if !opens
            || !LEADING_STANDINGS
                .iter()
                .chain(&["co quan chuyen mon"])
                .any(|p| pat_at(&self.toks, j + 1, p).is_some())
        {
            return j;
        }
        // The body whose standing agency it is: the next mention, close after.
        let Some(owner) = self.lists.iter().find(|l| l.ts > j && l.ts <= j + 8) else {
            return j;
        };
        let mut k = owner.te;
        if self.toks.get(k).is_some_and(|t| t.f == ")") {
            k += 1;
        }
        k
    }

    /// "Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)": the agencies a note
    /// says have taken over the work of list `l` (since the 2025 mergers of departments, plans
    /// name the old body and its successor), as indices into `ms`; empty when there is none.
    /// The successor is given the same work.
    fn successors(&self, l: &List) -> std::ops::Range<usize> {
        let opens = self.toks.get(l.te).is_some_and(|t| t.f == "(");
        let note = opens
            .then(|| pat_at(&self.toks, l.te + 1, "nay la"))
            .flatten();
        let list = note.and_then(|e| {
            self.lists
                .iter()
                .find(|s| s.ts >= e && title_start(&self.toks, s.ts, e) == e)
        });
        list.map_or(0..0, |s| s.first..s.last + 1)
    }

    /// "Giám đốc Sở Khoa học và Công nghệ (sau hợp nhất với Sở Thông tin và Truyền thông): chủ
    /// trì …", "UBND các huyện biên giới (An Phú, Tân Châu) phối hợp …": a short aside in
    /// parentheses (balanced, no sentence end inside) says which or what the agency is, and its
    /// verb or colon comes after it. The token after the closing parenthesis, else `j`.
    fn after_parenthesis(&self, j: usize) -> usize {
        // Two wrapped lines: a note on the 2025 mergers runs to twenty words and more.
        const MAX: usize = 32;
        if self.toks.get(j).is_none_or(|t| t.f != "(") {
            return j;
        }
        let mut depth = 0usize;
        for (k, t) in self.toks.iter().enumerate().skip(j).take(MAX + 2) {
            match t.f.as_str() {
                "(" => depth += 1,
                ")" => {
                    depth -= 1;
                    if depth == 0 {
                        return k + 1;
                    }
                }
                _ if k > j && is_boundary(t) && t.f != ":" => return j,
                _ => {}
            }
        }
        j
    }

    /// The agencies a line names as its doers at its very start, after any list marker ("2. Sở
    /// Tài chính bố trí …", "Giám đốc Công an tỉnh: chủ trì …"), with the role their verb
    /// states; empty when the line starts otherwise ("Chủ trì …", "Giao Sở Y tế …").
    fn opening_doers(&self, mode: Mode) -> Vec<Assignment> {
        let cs = content_start(&self.toks);
        let Some(l) = self.lists.iter().find(|l| l.ts >= cs) else {
            return Vec::new();
        };
        if title_start(&self.toks, l.ts, cs) != cs {
            return Vec::new();
        }
        match self.list_role(l, cs, mode) {
            Some(role) => (l.first..=l.last)
                .chain(self.successors(l))
                .map(|k| self.assignment(k, role))
                .collect(),
            None => Vec::new(),
        }
    }

    /// "… các lối mở do Ban Quản lý Khu kinh tế tỉnh chủ trì quản lý chung", "việc kiểm tra do
    /// Sở Y tế thực hiện": the doer of a passive phrase, with the verb's role, for the verbs that
    /// name work ("do UBND tỉnh ban hành" names who issued a document, no task). A definition
    /// ("Quy chuẩn … do Bộ Công an chủ trì xây dựng … là …") describes a thing by its maker, and
    /// a lead-in ("… do Bộ Khoa học và Công nghệ chủ trì thừa nhận:") would pass the doer on to
    /// every item below it: neither gives the task.
    ///
    /// The phrase gives work only as its sentence's predicate ("Tủ sách pháp luật … do Bộ Tư
    /// pháp chủ trì xây dựng"): after a verb it describes a thing in the object ("Bộ Tài chính
    /// kiểm tra việc quản lý Dự trữ ngoại hối do Ngân hàng Nhà nước thực hiện"), and "do Bộ
    /// Tài chính chủ trì soạn thảo" names who drafts a kind of document, as "ban hành" does.
    fn passive_doer(&self, seg: usize, ts: usize, f: usize) -> Option<Role> {
        if ts == 0 || !self.toks[ts - 1].word || self.toks[ts - 1].lower != "do" {
            return None;
        }
        let defines = self.toks.iter().any(|t| t.word && t.lower == "là");
        if defines || self.toks.last().is_some_and(|t| t.f == ":") {
            return None;
        }
        let in_object = (seg..ts - 1).any(|k| !self.in_list[k] && task_verb_at(&self.toks, k));
        let drafts = (f..f + 4).any(|k| pat_at(&self.toks, k, "soan thao").is_some());
        if in_object || drafts {
            return None;
        }
        let role = self.verb_role(f, Role::Assigned);
        let works = role != Role::Assigned
            || PASSIVE_WORK
                .iter()
                .any(|p| phrase_at(&self.toks, f, p).is_some());
        works.then_some(role)
    }

    /// The token after the manner words at token `j` ("chủ động", "tích cực"), else `j`.
    fn after_manner(&self, j: usize) -> usize {
        let mut j = j;
        while let Some(e) = MANNER.iter().find_map(|p| pat_at(&self.toks, j, p)) {
            j = e;
        }
        j
    }

    /// The role a doer's verb states: "X chủ trì" → lead, "X phối hợp" → support.
    fn verb_role(&self, j: usize, default: Role) -> Role {
        // "Các sở, ban, ngành chủ động phối hợp …": a manner word before the verb.
        let j = self.after_manner(j);
        // "X là cơ quan đầu mối, …", "X là cơ quan thường trực": the agency that leads.
        if pat_at(&self.toks, j, "chu tri").is_some()
            || leading_standing_at(&self.toks, j).is_some()
        {
            Role::Lead
        } else if ["phoi hop", "tham gia phoi hop", "cung phoi hop"]
            .iter()
            .any(|p| pat_at(&self.toks, j, p).is_some())
        {
            Role::Support
        } else {
            default
        }
    }

    /// The words before token `ts` back to `seg`, folded, commas kept, mentions excluded.
    /// Whether the words from token `f` cite another document: "tại Quyết định số …", "theo Kế
    /// hoạch số …".
    fn cites_a_document(&self, f: usize) -> bool {
        ["tai", "theo"]
            .iter()
            .find_map(|p| pat_at(&self.toks, f, p))
            .is_some_and(|k| {
                let next: Vec<&str> = self.toks[k..]
                    .iter()
                    .take(3)
                    .map(|t| t.f.as_str())
                    .collect();
                crate::structure::markers::type_at_start(&next.join(" ")).is_some()
            })
    }

    fn words_before(&self, ts: usize, seg: usize) -> Vec<&str> {
        let mut out = Vec::new();
        let mut j = ts;
        while j > seg && out.len() < 8 {
            j -= 1;
            let t = &self.toks[j];
            if self.in_list[j] {
                break;
            }
            if t.word || t.f == "," {
                out.push(t.f.as_str());
            } else {
                break;
            }
        }
        out.reverse();
        out
    }

    /// Roles of the agencies named from token `from` on.
    fn roles(&self, from: usize, mode: Mode) -> Vec<Assignment> {
        self.roles_stated(from, mode)
            .into_iter()
            .map(|(a, _)| a)
            .collect()
    }

    /// Roles of the agencies named from token `from` on, each with whether the text states it
    /// with a verb right after the agency ("Sở Tư pháp phối hợp …").
    fn roles_stated(&self, from: usize, mode: Mode) -> Vec<(Assignment, bool)> {
        let mut out: Vec<(Assignment, bool)> = Vec::new();
        // Where the partners of the last doer start: in "Văn phòng UBND tỉnh phối hợp với Sở
        // Ngoại vụ hoàn thiện thủ tục" the doer is the one that cooperates, and its partner is
        // named as a party to the work too. The sentence does not say who leads, so both
        // cooperate: the partner supports, as the partners of "X chủ trì, phối hợp với Y" do.
        let mut partners_at: Option<usize> = None;
        for l in &self.lists {
            if l.ts < from {
                continue;
            }
            let found = if partners_at == Some(title_start(&self.toks, l.ts, from)) {
                let led = self.list_role(l, from, mode) == Some(Role::Lead);
                Some((if led { Role::Lead } else { Role::Support }, l.first))
            } else {
                self.list_role(l, from, mode)
                    .map(|role| (role, l.first))
                    .or_else(|| self.doers_after_owner(l, from, mode))
            };
            partners_at = None;
            if let Some((mut role, first)) = found {
                let f = self.after(l.te);
                partners_at = cooperation_end(&self.toks, self.after_manner(f));
                if self.leads_later(l, from) {
                    role = Role::Lead;
                }
                let stated = self.verb_role(f, Role::Assigned) == role && role != Role::Assigned;
                let request = self.requested(l.ts, from);
                for k in (first..=l.last).chain(self.successors(l)) {
                    let a = Assignment {
                        request,
                        ..self.assignment(k, role)
                    };
                    if !out
                        .iter()
                        .any(|(o, _)| o.agency == a.agency && o.role <= a.role)
                    {
                        out.retain(|(o, _)| o.agency != a.agency);
                        out.push((a, stated));
                    }
                }
            }
        }
        out
    }

    /// "Sở Y tế bố trí đội y tế …; chủ trì kiểm tra vệ sinh an toàn thực phẩm …": whether the
    /// doers of list `l`, which start their sentence (or follow its giving verb), go on after a
    /// semicolon of the same sentence to lead a task. A part that starts with another agency
    /// has its own doer ("…; Sở Nông nghiệp phối hợp …; chủ trì …" is not the first one's).
    fn leads_later(&self, l: &List, from: usize) -> bool {
        let ts = title_start(&self.toks, l.ts, from);
        let (seg, _) = self.segment_start(ts, from);
        let before = self.words_before(ts, seg).join(" ");
        let opens = self.toks[seg..ts]
            .iter()
            .all(|t| !t.word || is_enumerator(t))
            || GIVING_VERBS.contains(&before.as_str());
        if !opens {
            return false;
        }
        let mut k = l.te;
        while let Some(t) = self.toks.get(k) {
            if t.f == "." && t.space_after {
                return false;
            }
            if t.f == ";" && !self.in_list[k] {
                if self.in_list.get(k + 1) == Some(&true) {
                    return false;
                }
                if self.verb_role(k + 1, Role::Assigned) == Role::Lead {
                    return true;
                }
            }
            k += 1;
        }
        false
    }

    /// "Sau khi nhận được báo cáo của Phòng Tư pháp, Sở Tư pháp thẩm định …": the comma that
    /// ends the introductory phrase also joins the agency it names to the doer, in one list. The
    /// doers are the names after the list's last semicolon ("… của Sở Nông nghiệp; Bộ Nông
    /// nghiệp có trách nhiệm"), or else the last name when a comma comes before it (of "của A,
    /// B, C tham mưu" only C can be told apart from the owners): (role, index of the first doer).
    fn doers_after_owner(&self, l: &List, from: usize, mode: Mode) -> Option<(Role, usize)> {
        let ts = title_start(&self.toks, l.ts, 0);
        let owned = ts > 0 && self.toks[ts - 1].word && self.toks[ts - 1].lower == "của";
        if !owned || l.last == l.first {
            return None;
        }
        // The token before a member (before its head's title: "…, Chủ tịch UBND cấp tỉnh").
        let after = |k: usize, sep: &str| {
            let ts = title_start(&self.toks, self.ms[k].ts, 1);
            self.toks[ts - 1].f == sep
        };
        let (first, from) = match (l.first + 1..=l.last).rev().find(|&k| after(k, ";")) {
            // A new sentence starts after the semicolon.
            Some(k) => (k, self.ms[k].ts),
            None if after(l.last, ",") => (l.last, from),
            None => return None,
        };
        let doer = List {
            first,
            ts: self.ms[first].ts,
            ..*l
        };
        self.list_role(&doer, from, mode).map(|role| (role, first))
    }

    fn list_role(&self, l: &List, from: usize, mode: Mode) -> Option<Role> {
        let ts = title_start(&self.toks, l.ts, from);
        let (seg, boundary) = self.segment_start(ts, from);
        let before = self.words_before(ts, seg);
        let tail = before.join(" ");
        let f = self.after(l.te);
        // The closing formula of a decision ("…; Chủ tịch UBND các huyện chịu trách nhiệm thi
        // hành Quyết định này") names everyone concerned, and gives none of them a task.
        if CLOSING_VERBS
            .iter()
            .any(|p| phrase_at(&self.toks, f, p).is_some())
        {
            return None;
        }
        // "Giao X …", "Đề nghị X …", "yêu cầu X …"
        for v in GIVING_VERBS {
            if tail == *v || tail.ends_with(&format!(" {v}")) {
                let pre = tail[..tail.len() - v.len()].trim_end();
                let allotted =
                    v.starts_with("giao") && (allotted(pre) || self.money_before(seg, ts));
                if pre.ends_with("theo") || pre.ends_with("xet") || allotted {
                    return None;
                }
                // "(kinh phí … đã giao Sở Kế hoạch và Đầu tư tại Quyết định số 4620/QĐ-UBND)":
                // what another document gave, cited, is no task of this one.
                if (pre == "da" || pre.ends_with(" da")) && self.cites_a_document(f) {
                    return None;
                }
                return Some(self.stated_role(l.te, f, Role::Assigned));
            }
        }
        if mode.restricted {
            return None;
        }
        if let Some(role) = self.passive_doer(seg, ts, f) {
            return Some(role);
        }
        // "X chủ trì, phối hợp (với) Y, Z" → Y, Z support.
        if after_lead_cooperation(&before) {
            return Some(Role::Support);
        }
        // "Phối hợp với Công an tỉnh xây dựng phương án …" (an item under its doer's heading),
        // "X chủ động kết nghĩa …; phối hợp với Y": a part that opens by cooperating, of a doer
        // named above it or before it in the sentence, names its partners as parties to the
        // work, who support it as the partners of "X chủ trì, phối hợp với Y" do (the part
        // states no lead of its own). With no doer anywhere, they are mere mentions.
        let doer_known = mode.led_above
            || boundary.is_some_and(|b| {
                self.toks[b].f == ";" && (self.named_before(b) || self.led_before(b))
            });
        if cooperation_only(&before) && self.opens_part(seg, ts, &before) && doer_known {
            return Some(Role::Support);
        }
        // "Sở Thông tin và Truyền thông chủ trì quản lý, phối hợp với Sở Ngoại vụ hướng dẫn": so
        // after a comma too, when the lead is stated in the same part of the sentence.
        let after_comma_cooperation =
            before_cooperation(&before).is_some_and(|rest| rest.last() == Some(&","));
        if after_comma_cooperation
            && (mode.led_above || (seg..ts).any(|k| pat_at(&self.toks, k, "chu tri").is_some()))
        {
            return Some(Role::Support);
        }
        // X at the start of a sentence (or after an introductory phrase and a comma) is the doer.
        // "2. Đối với Công an tỉnh: phối hợp …" reads as "Công an tỉnh: phối hợp …".
        let for_x = self.toks.get(l.te).is_some_and(|t| t.f == ":")
            && self.toks[seg..ts]
                .iter()
                .filter(|t| t.word && !is_enumerator(t))
                .map(|t| t.f.as_str())
                .eq(["doi", "voi"]);
        let at_start = self.toks[seg..ts]
            .iter()
            .all(|t| !t.word || is_enumerator(t) || for_x)
            && !self.toks[seg..ts].iter().any(|t| t.f == "," || t.f == "(");
        let f_tok = self.toks.get(f);
        let f_empty = f_tok.is_none_or(|t| !t.word);
        let f_task = task_verb_at(&self.toks, f);
        // "Sở Ngoại vụ theo dõi, đôn đốc …": a task verb that starts like a preposition.
        let f_not =
            !f_task && f_tok.is_some_and(|t| t.word && NOT_VERBS.contains(&t.lower.as_str()));

        // "Theo chức năng, nhiệm vụ …, Sở Tư pháp phối hợp …": a doer after an introductory phrase,
        // which may name other agencies ("Sau khi nhận được đề nghị của Phòng Tư pháp, …").
        let after_comma = ts > seg
            && self.toks[ts - 1].f == ","
            && INTRO
                .iter()
                .any(|p| phrase_at(&self.toks, seg, p).is_some());
        // "Trường hợp vượt quá thẩm quyền thì Bộ trưởng Bộ Công an trình …": the main clause
        // after a condition.
        let after_thi = ts > seg && self.toks[ts - 1].word && self.toks[ts - 1].lower == "thì";
        let colon = boundary.is_some_and(|b| self.toks[b].f == ":");
        if colon {
            // "… như: X, Y" lists examples, not doers.
            let b = boundary.unwrap_or(0);
            let pre = self.words_before(b, 0);
            if pre
                .last()
                .is_some_and(|w| ["nhu", "gom", "la", "sau"].contains(w))
            {
                return None;
            }
        }
        // "Sở Ngoại vụ (chủ trì); Sở Tư pháp, Sở Tài chính (phối hợp)": the role in parentheses.
        let in_paren = self.paren_role(self.after_filler(l.te));
        let at_start = at_start || self.after_role_paren(ts, seg);
        if at_start && in_paren.is_some() {
            return in_paren;
        }
        // "Cơ quan thực hiện: Sở Y tế chủ trì, Công an tỉnh phối hợp": the partner after the lead.
        if before == ["chu", "tri", ","] && self.verb_role(f, mode.default) == Role::Support {
            return Some(Role::Support);
        }
        let doer = if at_start {
            if f_empty {
                mode.allow_empty || (colon && self.label_names_doers(boundary.unwrap_or(0)))
            } else if f_not {
                false
            } else {
                mode.any_verb || colon || f_task || self.numbered_doer(seg, f, mode)
            }
        } else {
            (after_comma || after_thi) && (f_task || (mode.step && !f_empty && !f_not))
        };
        // "Cơ quan chủ trì: Sở Ngoại vụ; Cơ quan phối hợp: Sở Y tế", "(chủ trì: Sở A; phối hợp:
        // Sở B)": the role label before the colon that opens the part gives its doers' role.
        let default = boundary
            .filter(|&b| self.toks[b].f == ":")
            .and_then(|b| self.label_role_at(b))
            .unwrap_or(mode.default);
        doer.then(|| self.verb_role(f, default))
    }

    /// Whether the sentence that token `seg` is in states a lead ("chủ trì") before it: its
    /// doer, named by a heading the parser did not read as an agency's, goes on.
    fn led_before(&self, seg: usize) -> bool {
        (0..seg)
            .rev()
            .take_while(|&k| !(self.toks[k].f == "." && self.toks[k].space_after))
            .any(|k| pat_at(&self.toks, k, "chu tri").is_some())
    }

    /// Whether the sentence that token `b` is in names an agency before it.
    fn named_before(&self, b: usize) -> bool {
        (0..b)
            .rev()
            .take_while(|&k| !(self.toks[k].f == "." && self.toks[k].space_after))
            .any(|k| self.in_list[k])
    }

    /// Whether the words `before` token `ts` are all the part of a sentence from token `seg` has
    /// (after its list markers): "- Phối hợp với …" opens it, "báo cáo Sở A phối hợp với …"
    /// does not.
    fn opens_part(&self, seg: usize, ts: usize, before: &[&str]) -> bool {
        let words = (seg..ts)
            .filter(|&k| self.toks[k].word && !is_enumerator(&self.toks[k]))
            .count();
        !self.in_list[seg..ts].contains(&true)
            && words == before.iter().filter(|w| **w != ",").count()
    }

    /// The role the label that ends at the colon at token `b` states: "Cơ quan phối hợp:" →
    /// support, "(chủ trì:" → lead; `None` for any other words before a colon.
    fn label_role_at(&self, b: usize) -> Option<Role> {
        let mut k = b;
        while k > 0 && (self.toks[k - 1].word || self.toks[k - 1].f == ",") && !self.in_list[k - 1]
        {
            k -= 1;
        }
        if k > 0 && !is_boundary(&self.toks[k - 1]) && self.toks[k - 1].f != "(" {
            return None;
        }
        let words: Vec<&str> = self.toks[k..b]
            .iter()
            .filter(|x| x.word)
            .map(|x| x.lower.as_str())
            .collect();
        header_role(&words)
    }

    /// The role a list's doers are given: in parentheses after them ("Sở Nội vụ (chủ trì)"), else
    /// by their verb.
    fn stated_role(&self, te: usize, f: usize, default: Role) -> Role {
        self.paren_role(self.after_filler(te))
            .unwrap_or_else(|| self.verb_role(f, default))
    }

    /// "(chủ trì)", "(phối hợp)", "(cơ quan chủ trì)" at token `j`: the role it states.
    fn paren_role(&self, j: usize) -> Option<Role> {
        if self.toks.get(j).is_none_or(|t| t.f != "(") {
            return None;
        }
        let k = ["co quan", "don vi"]
            .iter()
            .find_map(|p| pat_at(&self.toks, j + 1, p))
            .unwrap_or(j + 1);
        let (role, e) = [("chu tri", Role::Lead), ("phoi hop", Role::Support)]
            .iter()
            .find_map(|(p, r)| pat_at(&self.toks, k, p).map(|e| (*r, e)))?;
        let e = pat_at(&self.toks, e, "thuc hien").unwrap_or(e);
        self.toks.get(e).is_some_and(|t| t.f == ")").then_some(role)
    }

    /// "Sở Nội vụ (chủ trì), Sở Tài chính (phối hợp)": after a role in parentheses and a comma,
    /// the next doers start, as after a semicolon.
    fn after_role_paren(&self, ts: usize, seg: usize) -> bool {
        if ts < seg + 2 || self.toks[ts - 1].f != "," || self.toks[ts - 2].f != ")" {
            return false;
        }
        (ts.saturating_sub(7).max(seg)..ts - 2)
            .rev()
            .find(|&k| self.toks[k].f == "(")
            .is_some_and(|k| self.paren_role(k).is_some())
    }

    /// "7. Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục …": a
    /// numbered item that opens with agencies and a verb gives them its task, whatever the verb
    /// (the items of a Chỉ thị or a plan's list of duties, the delegations of a law: "Chính phủ
    /// quy định chi tiết Điều này"), when the segment at `seg` is the item's start and the word
    /// at `f` is a lowercase word. The item's number is in the clause's path (`mode.numbered`),
    /// or, on a later line of a clause (a quoted article), in the text. An item that says what
    /// the agency is or may do ("Cục An toàn bức xạ là cơ quan có thẩm quyền …", "Bảo hiểm xã
    /// hội Bộ Quốc phòng được mở tài khoản …") gives it nothing, unless it leads into a list.
    fn numbered_doer(&self, seg: usize, f: usize, mode: Mode) -> bool {
        let cs = content_start(&self.toks);
        let numbered =
            mode.numbered || (cs > 0 && self.toks[..cs].iter().any(|t| t.word && is_enumerator(t)));
        // "1. Cục Bổ trợ tư pháp là đơn vị tham mưu …, có nhiệm vụ, quyền hạn sau đây:" leads
        // into its duties, whatever it says first.
        let lead_in = self.text.trim_end().ends_with(':');
        numbered
            && seg <= cs
            && self.toks.get(f).is_some_and(|t| {
                t.word
                    && !t.cap
                    && t.f != "doi"
                    && (lead_in || !NOT_DUTIES.contains(&t.lower.as_str()))
            })
    }

    /// "Kinh phí tổ chức Ngày hội từ nguồn ngân sách tỉnh năm 2024 đã giao cho Sở Ngoại vụ …":
    /// whether the words from `seg` to `ts`, after their last comma, name money, which the
    /// giving verb after them allots ("Căn cứ dự toán ngân sách, giao Sở Tài chính …" gives a
    /// task: the money is in an introductory phrase).
    fn money_before(&self, seg: usize, ts: usize) -> bool {
        let start = (seg..ts)
            .rev()
            .find(|&k| self.toks[k].f == ",")
            .map_or(seg, |k| k + 1);
        (start..ts).any(|k| {
            ["kinh phi", "ngan sach", "du toan"]
                .iter()
                .any(|p| pat_at(&self.toks, k, p).is_some_and(|e| e <= ts))
        })
    }

    /// Whether the label before the colon at token `b` names doers ("Đơn vị báo cáo: Cục Thống
    /// kê", "Cơ quan kiểm tra: Cục Thú y"), not a place, a time, an addressee or an example
    /// ("Địa điểm: Trường Cao đẳng Tây Ninh", "Kính gửi: Bộ Tài chính", "Cơ quan nhận báo cáo:
    /// Bộ Y tế", "Ví dụ: Sở Tài chính").
    fn label_names_doers(&self, b: usize) -> bool {
        let words: Vec<&str> = self
            .words_before(b, 0)
            .into_iter()
            .filter(|w| *w != ",")
            .collect();
        let label = format!(" {} ", words.join(" "));
        let has = |p: &str| label.contains(&format!(" {p} "));
        const DOERS: &[&str] = &[
            "co quan",
            "don vi",
            "bo phan",
            "doi tuong",
            "thuc hien",
            "chu tri",
            "phoi hop",
            "trach nhiem",
            "dau moi",
            // "Liên Bộ giao: Cục An toàn thực phẩm - Bộ Y tế; …"
            "giao",
        ];
        const NOT: &[&str] = &["nhan", "kinh gui", "vi du"];
        DOERS.iter().any(|p| has(p)) && !NOT.iter().any(|p| has(p))
    }
}

/// Whether the words before "giao (cho)" name money, which is allotted, not a task ("Kinh phí
/// … từ nguồn ngân sách giao cho Sở Ngoại vụ năm 2025").
fn allotted(pre: &str) -> bool {
    ["ngan sach", "kinh phi", "du toan", "von", "nguon", "tien"]
        .iter()
        .any(|w| pre == *w || pre.ends_with(&format!(" {w}")))
}

/// The words before "phối hợp (chặt chẽ) (với|cùng)" that end `before`, or `None` when it does
/// not end so.
fn before_cooperation<'w>(before: &'w [&'w str]) -> Option<&'w [&'w str]> {
    let mut w = before;
    if let Some((last, rest)) = w.split_last() {
        if *last == "voi" || *last == "cung" {
            w = rest;
        }
    }
    if let Some(rest) = w.strip_suffix(&["chat", "che"]) {
        w = rest;
    }
    w.strip_suffix(&["phoi", "hop"])
}

/// The token after "phối hợp (chặt chẽ) với|cùng" at token `f`, if there.
fn cooperation_end(toks: &[Tok], f: usize) -> Option<usize> {
    let e = pat_at(toks, f, "phoi hop")?;
    let e = pat_at(toks, e, "chat che").unwrap_or(e);
    pat_at(toks, e, "voi").or_else(|| pat_at(toks, e, "cung"))
}

/// Whether the words before a list are "phối hợp (chặt chẽ) (với|cùng)" and nothing else: a
/// predicate with no subject of its own.
fn cooperation_only(before: &[&str]) -> bool {
    before_cooperation(before).is_some_and(<[&str]>::is_empty)
}

/// Whether the words before a list end with "chủ trì, phối hợp (chặt chẽ) (với|cùng)".
fn after_lead_cooperation(before: &[&str]) -> bool {
    let Some(mut w) = before_cooperation(before) else {
        return false;
    };
    while let Some((last, rest)) = w.split_last() {
        if *last != "," && *last != "va" {
            break;
        }
        w = rest;
    }
    w.ends_with(&["chu", "tri"])
}

fn is_enumerator(t: &Tok) -> bool {
    let s = t.lower.as_str();
    let n = s.chars().count();
    s.chars().all(|c| c.is_ascii_digit())
        || (n == 1 && s.chars().all(|c| c.is_alphabetic()))
        || (t.upper && n <= 5 && s.chars().all(|c| "ivxlc".contains(c)))
}

/// The types of document whose numbered items are tasks (`Context::plan_like`).
const PLAN_LIKE: &[&str] = &[
    "Kế hoạch",
    "Chỉ thị",
    "Chương trình",
    "Báo cáo",
    "Thông báo",
    "Công văn",
];

/// Whether `clause` is a numbered item ("7." → path "7", "V.9", "Điều 2.1"), not a lettered
/// one ("a)" → "Điều 2.1.a"): the parser keeps its number in the path, not in the text.
fn numbered_item(clause: &Clause) -> bool {
    clause.kind == ClauseKind::Item
        && clause
            .path
            .rsplit('.')
            .next()
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The first token after list markers ("III.", "2.4.", "a)", "-", "+", "Điều 8.").
fn content_start(toks: &[Tok]) -> usize {
    let mut i = 0;
    loop {
        let Some(t) = toks.get(i) else { return i };
        // An article's or a part's number: "Điều 8. Trách nhiệm của Sở Ngoại vụ".
        if t.word
            && matches!(t.lower.as_str(), "điều" | "mục")
            && toks.get(i + 1).is_some_and(|n| n.word && is_enumerator(n))
            && toks.get(i + 2).is_some_and(|p| p.f == "." || p.f == ":")
        {
            i += 3;
            continue;
        }
        if !t.word && matches!(t.f.as_str(), "-" | "+" | "*" | "•" | "–" | "\n") {
            i += 1;
            continue;
        }
        if t.word && is_enumerator(t) && toks.get(i + 1).is_some_and(|n| n.f == "." || n.f == ")") {
            i += 2;
            continue;
        }
        if t.f == "("
            && toks.get(i + 1).is_some_and(is_enumerator)
            && toks.get(i + 2).is_some_and(|n| n.f == ")")
        {
            i += 3;
            continue;
        }
        return i;
    }
}

/// A "Tổ chức thực hiện"-like section heading.
fn is_tcth(t: &Analysed, cs: usize, ends_colon: bool) -> bool {
    let words: Vec<&str> = t.toks[cs..]
        .iter()
        .filter(|t| t.word)
        .map(|t| t.f.as_str())
        .collect();
    let folded = words.join(" ");
    const PHRASES: &[&str] = &[
        "to chuc thuc hien",
        "phan cong thuc hien",
        "trach nhiem thuc hien",
        "phan cong nhiem vu",
        "phan cong trach nhiem",
        "trach nhiem cua cac",
        "nhiem vu cua cac",
        "to chuc trien khai thuc hien",
    ];
    if !PHRASES.iter().any(|p| folded.contains(p)) || words.len() > 14 {
        return false;
    }
    // A numbered or capitalised section title, not a label "- Tổ chức thực hiện: …".
    let roman = t
        .toks
        .first()
        .is_some_and(|f| f.word && f.upper && is_enumerator(f));
    let shouting = t.toks[cs..].iter().filter(|t| t.word).all(|t| t.upper);
    !ends_colon || roman || shouting
}

/// Whether the words of `toks` (a heading's title, or a label before its colon) are only a
/// document's scope: "Phạm vi điều chỉnh", "Đối tượng áp dụng", "Phạm vi, đối tượng áp dụng"
/// ("Đối tượng chịu thuế", "Phạm vi bảo vệ đê điều" title provisions that give work).
fn names_scope(toks: &[Tok]) -> bool {
    const WORDS: [&str; 9] = [
        "pham", "vi", "dieu", "chinh", "va", "doi", "tuong", "ap", "dung",
    ];
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| t.f.as_str())
        .collect();
    let starts = words.starts_with(&["pham", "vi"]) || words.starts_with(&["doi", "tuong"]);
    starts
        && words.len() <= 10
        && words.iter().all(|w| WORDS.contains(w))
        && toks
            .iter()
            .all(|t| t.word || matches!(t.f.as_str(), "," | ":" | "."))
}

/// "Đối tượng: Các sở, ban, ngành; UBND các huyện, thị xã, thành phố (sau đây gọi là UBND cấp
/// huyện) …": a clause that opens with a scope label defines whom the document concerns.
fn defines_scope(text: &str) -> bool {
    let t = Analysed::new(text.split('\n').next().unwrap_or(""));
    let cs = content_start(&t.toks);
    t.toks[cs..]
        .iter()
        .position(|x| x.f == ":")
        .is_some_and(|c| c > 0 && names_scope(&t.toks[cs..cs + c]))
}

/// "3. Giao Sở Ngoại vụ dự thảo văn bản …": a clause that opens by giving work (the issuer's
/// own instruction) gives it even among requests to a superior or results ("Đề nghị Bộ …" is
/// a request there, so only "giao" and "phân công" count).
fn gives_work_itself(text: &str) -> bool {
    let t = Analysed::new(text.split('\n').next().unwrap_or(""));
    let cs = content_start(&t.toks);
    ["giao", "phan cong"]
        .iter()
        .any(|p| pat_at(&t.toks, cs, p).is_some())
}

/// What a report's section heading says its clauses are: `Some(true)` for past results ("Phần
/// I. KẾT QUẢ CÔNG TÁC …", "II. KẾT QUẢ ĐẠT ĐƯỢC") and for requests to a superior ("III. KIẾN
/// NGHỊ, ĐỀ XUẤT"), none of which is work the document gives; `Some(false)` for the section that
/// does give it ("Phần II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", "NHIỆM VỤ VÀ GIẢI PHÁP"); `None`
/// for any other. ("Tình hình …" and "Đánh giá …" also title statistical indicators and tasks.)
fn section_kind(t: &Analysed, cs: usize) -> Option<bool> {
    // A law's chapters, sections and articles ("Chương VII KẾT QUẢ TRƯNG CẦU Ý DÂN", "Điều 12.
    // Kết quả kiểm tra") name their subject, and their provisions are duties.
    if t.toks
        .first()
        .is_some_and(|x| matches!(x.f.as_str(), "dieu" | "chuong" | "muc"))
    {
        return None;
    }
    // "Phần I." before the title (content_start reads only the numbers).
    let mut j = cs;
    if t.toks.get(j).is_some_and(|x| x.f == "phan")
        && t.toks.get(j + 1).is_some_and(is_enumerator)
        && t.toks.get(j + 2).is_some_and(|p| p.f == "." || p.f == ":")
    {
        j += 3;
    }
    let words: Vec<&str> = t.toks[j..]
        .iter()
        .filter(|x| x.word)
        .map(|x| x.f.as_str())
        .collect();
    // A title, not a sentence or a lead-in that starts so ("Kết quả kiểm tra được báo cáo …",
    // "Kết quả:").
    let end = t.text.trim_end();
    if words.is_empty() || words.len() > 16 || end.ends_with('.') || end.ends_with(':') {
        return None;
    }
    let title = words.join(" ");
    let starts = |p: &str| title == p || title.starts_with(&format!("{p} "));
    let requests = ["kien nghi", "de xuat kien nghi", "de xuat va kien nghi"]
        .iter()
        .any(|p| starts(p))
        || title == "de xuat";
    if requests || starts("ket qua") {
        return Some(true);
    }
    ["phuong huong", "nhiem vu", "giai phap"]
        .iter()
        .any(|p| starts(p))
        .then_some(false)
}

/// A label line "Cơ quan chủ trì: …": its role and the first token of its value.
fn label_of(t: &Analysed) -> Option<(Role, usize)> {
    let cs = content_start(&t.toks);
    let colon = (cs..(cs + 10).min(t.toks.len())).find(|&k| t.toks[k].f == ":")?;
    let header = &t.toks[cs..colon];
    if header.is_empty()
        || header.iter().any(|x| !(x.word || x.f == ","))
        || t.in_list[cs..colon].iter().any(|&b| b)
    {
        return None;
    }
    let words: Vec<&str> = header
        .iter()
        .filter(|x| x.word)
        .map(|x| x.lower.as_str())
        .collect();
    header_role(&words).map(|role| (role, colon + 1))
}

/// The role a label's words state ("Cơ quan chủ trì" → lead, "Phối hợp" → support, "Đơn vị
/// thực hiện" → assigned), `None` when they are no role label ("Thời gian", "Địa điểm").
fn header_role(words: &[&str]) -> Option<Role> {
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let h = words.join(" ");
    const STARTS: &[&str] = &[
        "cơ quan",
        "đơn vị",
        "tổ chức thực hiện",
        "chủ trì",
        "phối hợp",
        "bộ phận",
        "trách nhiệm",
        "phân công",
    ];
    const HAS: &[&str] = &[
        "chủ trì",
        "phối hợp",
        "thực hiện",
        "tham mưu",
        "trách nhiệm",
        "phụ trách",
        "đầu mối",
        "soạn thảo",
        "phân công",
    ];
    if !STARTS.iter().any(|s| h.starts_with(s)) || !HAS.iter().any(|s| h.contains(s)) {
        return None;
    }
    let role = if h.contains("chủ trì") {
        Role::Lead
    } else if h.contains("phối hợp") {
        Role::Support
    } else {
        Role::Assigned
    };
    Some(role)
}

/// The agencies an agency heading names: "13. Công an tỉnh", "1. Đề nghị Ủy ban Mặt trận Tổ quốc
/// Việt Nam tỉnh", "15. Ngoài các nhiệm vụ nêu trên, Sở, ban, ngành … cần thực hiện …:".
fn heading_agencies(
    t: &Analysed,
    cs: usize,
    in_tcth: bool,
    ends_colon: bool,
) -> Option<Vec<Assignment>> {
    let requested = pat_at(&t.toks, cs, "de nghi").is_some();
    let section = heading_doers(t, cs, in_tcth, ends_colon)?;
    // "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": its items are asked of it.
    Some(
        section
            .into_iter()
            .map(|a| Assignment {
                request: a.request || requested,
                ..a
            })
            .collect(),
    )
}

fn heading_doers(
    t: &Analysed,
    cs: usize,
    in_tcth: bool,
    ends_colon: bool,
) -> Option<Vec<Assignment>> {
    let mut j = cs;
    for p in [
        "de nghi",
        "giao",
        "doi voi",
        "trach nhiem cua",
        "nhiem vu cua",
        // Regulations and laws: "Điều 35. Nhiệm vụ, quyền hạn của Bộ Tài chính".
        "nhiem vu , quyen han cua",
        "nhiem vu va quyen han cua",
        "nhiem vu , quyen han va trach nhiem cua",
        "trach nhiem , quyen han cua",
        "trach nhiem va quyen han cua",
    ] {
        if let Some(e) = pat_at(&t.toks, j, p) {
            j = e;
            break;
        }
    }
    if let Some(l) = t.lists.iter().find(|l| title_start(&t.toks, l.ts, j) == j) {
        let rest = t.toks[t.after(l.te)..].iter().filter(|x| x.word).count();
        if rest == 0 || (in_tcth && rest <= 12) || names_its_places(t, l.te) {
            return Some(
                (l.first..=l.last)
                    .chain(t.successors(l))
                    .map(|k| t.assignment(k, Role::Lead))
                    .collect(),
            );
        }
    }
    // Inside "Tổ chức thực hiện", or a heading that gives its items to a doer: "1. Sở Ngoại vụ
    // có trách nhiệm:", "Trong quản lý nhà nước về …, Bộ Công an có trách nhiệm sau đây:".
    if in_tcth || ends_colon {
        let doers: Vec<(Assignment, Option<Role>)> = t
            .lists
            .iter()
            .filter(|l| {
                // Outside it, the heading must say the items are duties ("Bộ Tài chính thẩm
                // định các nội dung sau:" lists contents, not tasks).
                let at = t.after(l.te);
                let duty_at = |k: usize| {
                    DUTY_VERBS
                        .iter()
                        .any(|p| phrase_at(&t.toks, k, p).is_some())
                };
                // "Sở Ngoại vụ là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm:": the
                // doer's standing, then its duties.
                let standing = standing_at(&t.toks, at)
                    .or_else(|| pat_at(&t.toks, at, "la don vi"))
                    .is_some();
                let duty = in_tcth
                    || duty_at(at)
                    || (standing
                        && (at..t.toks.len()).any(|k| t.toks[k].f == "," && duty_at(k + 1)));
                duty && t
                    .list_role(l, cs, Mode::general(false))
                    .is_some_and(|r| r != Role::Support)
            })
            .flat_map(|l| {
                let role = t.list_role(l, cs, Mode::general(false));
                (l.first..=l.last).map(move |k| (k, role))
            })
            .collect::<Vec<_>>()
            .iter()
            .map(|&(k, role)| (t.assignment(k, Role::Lead), role))
            .collect();
        // "Giao UBND tỉnh tổ chức triển khai …; Sở Ngoại vụ chủ trì, phối hợp …, cụ thể:": when
        // the heading says who leads, the body it only gives the work to does not lead its items.
        let states_lead = doers.iter().any(|(_, r)| *r == Some(Role::Lead));
        if !doers.is_empty() {
            return Some(
                doers
                    .into_iter()
                    .map(|(a, r)| match r {
                        Some(Role::Assigned) if states_lead => Assignment {
                            role: Role::Assigned,
                            ..a
                        },
                        _ => a,
                    })
                    .collect(),
            );
        }
    }
    None
}

/// "6. UBND các huyện: Kiên Lương, An Biên, Phú Quốc và UBND thành phố Rạch Giá:": after the
/// agency at token `te` only a colon and the names of the places it stands for (capitalised
/// words, commas, "và") and other agencies, up to a closing colon — a heading that names its
/// doers, as "6. UBND các huyện ven biển" would.
fn names_its_places(t: &Analysed, te: usize) -> bool {
    if t.toks.get(te).is_none_or(|x| x.f != ":") {
        return false;
    }
    let mut rest = &t.toks[te + 1..];
    if rest.last().is_some_and(|x| x.f == ":") {
        rest = &rest[..rest.len() - 1];
    }
    !rest.is_empty()
        && rest.iter().enumerate().all(|(i, x)| {
            t.in_list[te + 1 + i]
                || (x.word && (x.cap || x.f == "va"))
                || matches!(x.f.as_str(), "," | ";")
        })
}

/// The role a clause without a doer of its own gives the section's: the strongest of the role
/// its first part states (else `default`, the doer's own task) and those its later parts open
/// with. "Phối hợp với UBND các xã biên giới quản lý cư dân; chủ trì kết nghĩa cụm dân cư" leads
/// its second task, so the subject leads; "Tổ chức …; phối hợp với …" stays the doer's own.
fn own_role(toks: &[Tok], cs: usize, default: Role) -> Role {
    let first = start_role(toks, cs).unwrap_or(default);
    toks.iter()
        .enumerate()
        .skip(cs)
        .filter(|(_, t)| t.f == ";")
        .filter_map(|(k, _)| start_role(toks, k + 1))
        .fold(first, Role::min)
}

/// The role a clause's own first words state: "Phối hợp …" → support, "Chủ trì …" → lead.
fn start_role(toks: &[Tok], cs: usize) -> Option<Role> {
    let mut j = cs;
    for _ in 0..3 {
        let next = [
            "thường xuyên",
            "tăng cường",
            "tích cực",
            "chủ động",
            "tiếp tục",
            "kịp thời",
            "cùng",
        ]
        .iter()
        .find_map(|p| phrase_at(toks, j, p));
        match next {
            Some(e) => {
                if toks.get(e).is_some_and(|t| t.f == ",") {
                    j = e + 1;
                } else {
                    j = e;
                }
            }
            None => break,
        }
    }
    if pat_at(toks, j, "phoi hop").is_some() {
        return Some(Role::Support);
    }
    if pat_at(toks, cs, "chu tri").is_some() {
        return Some(Role::Lead);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metadata;

    fn clause(path: &str, headings: &[&str], text: &str, kind: ClauseKind) -> Clause {
        Clause {
            path: path.into(),
            headings: headings.iter().map(|h| h.to_string()).collect(),
            text: text.into(),
            line: 1,
            zone: Zone::Body,
            kind,
            assignments: Vec::new(),
            attached: None,
        }
    }

    fn doc(clauses: Vec<Clause>) -> Document {
        let mut d = Document {
            file: "t.txt".into(),
            meta: Metadata::default(),
            clauses,
        };
        annotate(&mut d);
        d
    }

    fn roles(c: &Clause) -> Vec<(String, Role)> {
        c.assignments
            .iter()
            .map(|a| (a.agency.clone(), a.role))
            .collect()
    }

    fn r(agency: &str, role: Role) -> (String, Role) {
        (agency.to_string(), role)
    }

    const TCTH: &str = "III. TỔ CHỨC THỰC HIỆN";

    #[test]
    fn an_agency_then_a_colon_then_its_task_is_the_doer() {
        let d = doc(vec![
            clause(
                "III.4",
                &[TCTH],
                "Sở Tài chính: bố trí kinh phí thực hiện Kế hoạch.",
                ClauseKind::Item,
            ),
            clause(
                "III.5",
                &[TCTH],
                "Sở Y tế: Chủ trì, phối hợp với Công an tỉnh hướng dẫn công tác y tế.",
                ClauseKind::Item,
            ),
            // A colon that introduces examples still names no doer.
            clause(
                "II.1",
                &["II. NHIỆM VỤ"],
                "Tăng cường phối hợp với các cơ quan như: Sở Tư pháp, Sở Y tế.",
                ClauseKind::Bullet,
            ),
            // The focal agency leads.
            clause(
                "II.a",
                &["II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ"],
                "Sở Ngoại vụ: là cơ quan đầu mối, theo dõi, đôn đốc việc thực hiện Kế hoạch.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(roles(&d.clauses[3]), vec![r("Sở Ngoại vụ", Role::Lead)]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Sở Tài chính", Role::Assigned)]
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("Sở Y tế", Role::Lead), r("Công an", Role::Support)]
        );
        assert!(
            roles(&d.clauses[2]).is_empty(),
            "{:?}",
            roles(&d.clauses[2])
        );
    }

    #[test]
    fn a_doer_after_an_introductory_phrase_that_names_another_agency() {
        let d = doc(vec![
            clause(
                "II.3",
                &["II. NHIỆM VỤ"],
                "Sau khi nhận được đề nghị của Phòng Tư pháp, trong thời hạn 05 ngày làm việc, Sở Tư pháp kiểm tra danh sách.",
                ClauseKind::Item,
            ),
            // The comma that ends the phrase also joins the owner and the doer into one list.
            clause(
                "II.4",
                &["II. NHIỆM VỤ"],
                "Trong thời hạn 10 ngày kể từ ngày nhận được báo cáo của Phòng Lao động - Thương binh và Xã hội, Sở Lao động - Thương binh và Xã hội thẩm định hồ sơ.",
                ClauseKind::Item,
            ),
            // Without a task verb after it, the last name is one more owner.
            clause(
                "II.5",
                &["II. NHIỆM VỤ"],
                "Theo đề nghị của Sở Tư pháp, Sở Nội vụ về việc kiện toàn tổ chức.",
                ClauseKind::Item,
            ),
            // A semicolon ends the owner's part: every name after it may be a doer.
            clause(
                "II.6",
                &["II. NHIỆM VỤ"],
                "Tiếp nhận hồ sơ của tổ chức chính trị - xã hội; Ủy ban nhân dân cấp tỉnh và Sở Nội vụ có trách nhiệm thẩm định.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Tư pháp", Role::Assigned)]);
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("Sở Lao động - Thương binh và Xã hội", Role::Assigned)]
        );
        assert!(
            roles(&d.clauses[2]).is_empty(),
            "{:?}",
            roles(&d.clauses[2])
        );
        assert_eq!(
            roles(&d.clauses[3]),
            vec![
                r("UBND tỉnh", Role::Assigned),
                r("Sở Nội vụ", Role::Assigned)
            ]
        );
    }

    #[test]
    fn among_requests_the_issuers_own_giving_still_gives_work() {
        const REQ: &str = "III. KIẾN NGHỊ, ĐỀ XUẤT";
        let d = doc(vec![
            clause(
                "III.1",
                &[REQ],
                "1. Đề nghị Bộ Ngoại giao chỉ đạo Cục Lãnh sự tiếp tục hỗ trợ tỉnh.",
                ClauseKind::Item,
            ),
            clause(
                "III.3",
                &[REQ],
                "3. Giao Sở Ngoại vụ dự thảo văn bản của UBND tỉnh gửi Bộ Ngoại giao về các nội dung kiến nghị nêu trên.",
                ClauseKind::Item,
            ),
        ]);
        assert!(d.clauses[0].assignments.is_empty());
        assert_eq!(roles(&d.clauses[1])[0].0, "Sở Ngoại vụ");
    }

    #[test]
    fn results_and_requests_of_a_report_are_no_tasks() {
        const PART1: &str = "Phần I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI NĂM 2024";
        const PART2: &str = "Phần II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025";
        let d = doc(vec![
            clause(
                "Phần I.II.3",
                &[PART1, "II. KẾT QUẢ ĐẠT ĐƯỢC", "3. Công tác lãnh sự và bảo hộ công dân"],
                "Sở Ngoại vụ phối hợp với Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh giải quyết 57 vụ việc lãnh sự.",
                ClauseKind::Paragraph,
            ),
            clause(
                "Phần II.II.5",
                &[PART2, "II. NHIỆM VỤ CỤ THỂ"],
                "5. Sở Tư pháp phối hợp với Sở Ngoại vụ thẩm định các thỏa thuận quốc tế có nội dung pháp lý phức tạp.",
                ClauseKind::Item,
            ),
            clause(
                "Phần II.III.1",
                &[PART2, "III. KIẾN NGHỊ, ĐỀ XUẤT"],
                "1. Đề nghị Bộ Ngoại giao tiếp tục hỗ trợ tỉnh trong việc tổ chức Hội nghị hợp tác các tỉnh biên giới.",
                ClauseKind::Item,
            ),
            // An article's title names a subject; its provisions are duties.
            clause(
                "Điều 12.1",
                &["Điều 12. Kết quả kiểm tra"],
                "1. Sở Y tế có trách nhiệm công bố kết quả kiểm tra trên Cổng thông tin điện tử.",
                ClauseKind::Item,
            ),
            // Inside "Tổ chức thực hiện" an evaluation is a task.
            clause(
                "IV.5.a",
                &["IV. TỔ CHỨC THỰC HIỆN", "5. Đánh giá kết quả thực hiện"],
                "a) Sở Nội vụ chủ trì đánh giá, sơ kết việc thực hiện Kế hoạch.",
                ClauseKind::Item,
            ),
        ]);
        assert!(
            roles(&d.clauses[0]).is_empty(),
            "{:?}",
            roles(&d.clauses[0])
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![
                r("Sở Tư pháp", Role::Support),
                r("Sở Ngoại vụ", Role::Support)
            ]
        );
        assert!(
            roles(&d.clauses[2]).is_empty(),
            "{:?}",
            roles(&d.clauses[2])
        );
        assert_eq!(roles(&d.clauses[3]), vec![r("Sở Y tế", Role::Assigned)]);
        assert_eq!(roles(&d.clauses[4]), vec![r("Sở Nội vụ", Role::Lead)]);
    }

    #[test]
    fn money_named_before_the_giving_verb_is_allotted() {
        let d = doc(vec![
            clause(
                "IV",
                &["IV. KINH PHÍ"],
                "Kinh phí tổ chức Ngày hội từ nguồn ngân sách tỉnh năm 2024 đã giao cho Sở Ngoại vụ (dự toán 1.450.000.000 đồng) và nguồn xã hội hoá hợp pháp khác.",
                ClauseKind::Paragraph,
            ),
            // Money in an introductory phrase, before a comma, leaves the task.
            clause(
                "IV",
                &["IV. KINH PHÍ"],
                "Căn cứ dự toán ngân sách được duyệt, giao Sở Tài chính tham mưu bố trí kinh phí.",
                ClauseKind::Paragraph,
            ),
        ]);
        assert!(
            roles(&d.clauses[0]).is_empty(),
            "{:?}",
            roles(&d.clauses[0])
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("Sở Tài chính", Role::Assigned)]
        );
    }

    #[test]
    fn the_doer_goes_on_after_a_semicolon_to_lead() {
        let d = doc(vec![
            clause(
                "V.6",
                &["V. TỔ CHỨC THỰC HIỆN"],
                "6. Sở Y tế bố trí đội y tế cấp cứu thường trực tại các địa điểm; chủ trì kiểm tra vệ sinh an toàn thực phẩm tại khu ẩm thực.",
                ClauseKind::Item,
            ),
            // After a semicolon another agency is the doer of its own part.
            clause(
                "V.5",
                &["V. TỔ CHỨC THỰC HIỆN"],
                "5. Sở Công Thương bố trí gian hàng; Sở Nông nghiệp và PTNT phối hợp lựa chọn sản phẩm OCOP.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Y tế", Role::Lead)]);
        assert_eq!(
            roles(&d.clauses[1]),
            vec![
                r("Sở Công Thương", Role::Assigned),
                r("Sở Nông nghiệp và Phát triển nông thôn", Role::Support)
            ]
        );
    }

    #[test]
    fn the_partners_of_a_cooperating_doer_support() {
        let d = doc(vec![
            clause(
                "5",
                &[],
                "5. Đề nghị Bộ Ngoại giao phối hợp với Bộ Công an sớm xây dựng phần mềm quản lý hội nghị, hội thảo quốc tế dùng chung.",
                ClauseKind::Item,
            ),
            clause(
                "Điều 8.1",
                &["Điều 8. Đoàn vào có phóng viên nước ngoài"],
                "1. Đoàn vào có phóng viên báo chí nước ngoài phải được Bộ Ngoại giao cấp phép hoạt động báo chí; Sở Thông tin và Truyền thông chủ trì quản lý, phối hợp với Sở Ngoại vụ hướng dẫn.",
                ClauseKind::Item,
            ),
            // A result of cooperation names no partner.
            clause(
                "3",
                &[],
                "Công an tỉnh báo cáo kết quả phối hợp với Sở Ngoại vụ.",
                ClauseKind::Paragraph,
            ),
        ]);
        // Bộ Công an is the partner Bộ Ngoại giao works with, named as a party to the work: no
        // lead is stated, so both support.
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Bộ Ngoại giao", Role::Support),
                r("Bộ Công an", Role::Support)
            ]
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![
                r("Sở Thông tin và Truyền thông", Role::Lead),
                r("Sở Ngoại vụ", Role::Support)
            ]
        );
        assert_eq!(roles(&d.clauses[2]), vec![r("Công an", Role::Assigned)]);
    }

    /// `doc` of a type ("Chỉ thị", "Luật").
    fn doc_of_type(doc_type: &str, clauses: Vec<Clause>) -> Document {
        let mut d = Document {
            file: "t.txt".into(),
            meta: Metadata {
                doc_type: Some(doc_type.into()),
                ..Metadata::default()
            },
            clauses,
        };
        annotate(&mut d);
        d
    }

    #[test]
    fn a_numbered_item_opening_with_agencies_gives_them_its_task() {
        // A law's numbered khoản is a provision, read by its verb: "mở" gives nothing.
        let item = || {
            clause(
                "7",
                &[],
                "Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình Thừa Thiên Huế mở chuyên mục tuyên truyền.",
                ClauseKind::Item,
            )
        };
        let law = doc_of_type("Luật", vec![item()]);
        assert!(law.clauses[0].assignments.is_empty());
        let d = doc_of_type("Chỉ thị", vec![
            // The parser keeps "7." in the path, not in the text.
            clause(
                "7",
                &[],
                "Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình Thừa Thiên Huế, Báo Thừa Thiên Huế mở chuyên mục tuyên truyền về quản lý người nước ngoài.",
                ClauseKind::Item,
            ),
            // Unnumbered, or a past deed, it is a statement.
            clause(
                "",
                &[],
                "Sở Ngoại vụ mở rộng quan hệ với các địa phương nước ngoài.",
                ClauseKind::Paragraph,
            ),
            clause(
                "2",
                &[],
                "Sở Ngoại vụ đã mở rộng quan hệ với các địa phương nước ngoài.",
                ClauseKind::Item,
            ),
            // A lettered item is a part of a sentence or a list of things, not a numbered duty.
            clause(
                "II.3.a",
                &[],
                "Sở Ngoại vụ mở rộng quan hệ với các địa phương nước ngoài;",
                ClauseKind::Item,
            ),
            clause(
                "II.3",
                &[],
                "Sở Ngoại vụ mở rộng quan hệ với các địa phương nước ngoài.",
                ClauseKind::Bullet,
            ),
        ]);
        assert_eq!(roles(&d.clauses[0]).len(), 3, "{:?}", roles(&d.clauses[0]));
        for c in &d.clauses[3..] {
            assert!(roles(c).is_empty(), "{:?}", roles(c));
        }
        assert!(
            roles(&d.clauses[1]).is_empty(),
            "{:?}",
            roles(&d.clauses[1])
        );
        assert!(
            roles(&d.clauses[2]).is_empty(),
            "{:?}",
            roles(&d.clauses[2])
        );
    }

    #[test]
    fn two_members_of_one_group_keep_the_lead() {
        let d = doc(vec![clause(
            "V.9",
            &["V. TỔ CHỨC THỰC HIỆN"],
            "9. UBND thành phố Điện Biên Phủ chủ trì chỉnh trang đô thị, trang trí khánh tiết; UBND huyện Điện Biên phối hợp bố trí địa điểm tặng quà tại Cửa khẩu.",
            ClauseKind::Item,
        )]);
        assert_eq!(roles(&d.clauses[0]), vec![r("UBND cấp huyện", Role::Lead)]);
    }

    #[test]
    fn money_allotted_earlier_is_no_task() {
        let d = doc(vec![
            clause(
                "V.1",
                &["V. KINH PHÍ"],
                "Kinh phí: từ nguồn ngân sách tỉnh (nguồn kinh phí xúc tiến đầu tư năm 2024 đã giao Sở Kế hoạch và Đầu tư tại Quyết định số 4620/QĐ-UBND ngày 12/12/2023 của UBND tỉnh).",
                ClauseKind::Item,
            ),
            // A task given earlier is still a task when the phrase does not start with money.
            clause(
                "V.2",
                &["V. KINH PHÍ"],
                "Nhiệm vụ năm 2024 đã giao Sở Ngoại vụ chủ trì tổng hợp dự toán.",
                ClauseKind::Item,
            ),
        ]);
        assert!(
            roles(&d.clauses[0]).is_empty(),
            "{:?}",
            roles(&d.clauses[0])
        );
        assert_eq!(roles(&d.clauses[1]), vec![r("Sở Ngoại vụ", Role::Lead)]);
    }

    #[test]
    fn a_heading_that_names_an_agency_and_its_places_gives_it_the_items() {
        let owner = "6. UBND các huyện: Kiên Lương, An Biên, Phú Quốc và UBND thành phố Rạch Giá:";
        let d = doc(vec![
            clause(
                "6",
                &[owner],
                "Chỉ đạo UBND cấp xã tuyên truyền, vận động ngư dân cam kết không vi phạm vùng biển nước ngoài;",
                ClauseKind::Item,
            ),
            clause(
                "6",
                &[owner],
                "Phối hợp với Sở Ngoại vụ thăm hỏi gia đình ngư dân bị bắt giữ.",
                ClauseKind::Item,
            ),
            // Words other than names after the colon: the heading lists contents, not doers.
            clause(
                "7",
                &["7. UBND các huyện: báo cáo tình hình ngư dân bị bắt giữ:"],
                "Số tàu cá bị bắt giữ trong năm.",
                ClauseKind::Item,
            ),
        ]);
        assert!(
            roles(&d.clauses[0]).contains(&r("UBND cấp huyện", Role::Lead)),
            "{:?}",
            roles(&d.clauses[0])
        );
        // Its partner is named as a party to the work: it supports too.
        assert_eq!(
            roles(&d.clauses[1]),
            vec![
                r("Sở Ngoại vụ", Role::Support),
                r("UBND cấp huyện", Role::Support)
            ]
        );
        assert!(
            roles(&d.clauses[2]).is_empty(),
            "{:?}",
            roles(&d.clauses[2])
        );
    }

    #[test]
    fn a_body_that_helps_another_does_the_work_and_steering_committees_are_doers() {
        let d = doc(vec![
            clause(
                "I.1",
                &["I. NHIỆM VỤ"],
                "Cục Văn thư và Lưu trữ Nhà nước giúp Bộ Nội vụ hướng dẫn việc lưu trữ hồ sơ.",
                ClauseKind::Item,
            ),
            clause(
                "I.2",
                &["I. NHIỆM VỤ"],
                "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh chủ trì, phối hợp với Sở Ngoại vụ theo dõi việc thực hiện.",
                ClauseKind::Item,
            ),
            // Helping is not doing when the helper is only mentioned.
            clause(
                "I.3",
                &["I. NHIỆM VỤ"],
                "Tăng cường vai trò của Sở Tư pháp giúp Ủy ban nhân dân tỉnh quản lý.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Cục Văn thư và Lưu trữ Nhà nước", Role::Assigned)]
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![
                r("Ban Chỉ đạo công tác thông tin đối ngoại", Role::Lead),
                r("Sở Ngoại vụ", Role::Support)
            ]
        );
        assert!(
            roles(&d.clauses[2]).is_empty(),
            "{:?}",
            roles(&d.clauses[2])
        );
    }

    #[test]
    fn an_apposition_stating_standing_comes_between_the_doer_and_its_verb() {
        let d = doc(vec![
            clause(
                "Điều 2",
                &[],
                "Giao Sở Thông tin và Truyền thông - Cơ quan thường trực Ban Chỉ đạo công tác thông tin đối ngoại tỉnh chủ trì, theo dõi việc triển khai Kế hoạch.",
                ClauseKind::Item,
            ),
            clause(
                "I.1",
                &["I. NHIỆM VỤ"],
                "Sở Ngoại vụ (cơ quan thường trực của Ban Chỉ đạo) chủ trì tổng hợp kết quả.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Sở Thông tin và Truyền thông", Role::Lead)]
        );
        assert_eq!(roles(&d.clauses[1]), vec![r("Sở Ngoại vụ", Role::Lead)]);
    }

    #[test]
    fn a_clause_that_names_its_own_doer_is_that_doers_not_the_headings() {
        const ART: &str =
            "Điều 11. Trách nhiệm của các sở, ban, ngành khác và Ủy ban nhân dân cấp huyện";
        let d = doc(vec![
            clause(
                "Điều 11.1",
                &[ART],
                "Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì quản lý, bảo vệ đường biên giới; phối hợp với Sở Ngoại vụ thực hiện công tác đối ngoại biên phòng.",
                ClauseKind::Item,
            ),
            clause(
                "Điều 11.2",
                &[ART],
                "Sở Tài chính bố trí kinh phí hoạt động đối ngoại trong dự toán ngân sách hằng năm.",
                ClauseKind::Item,
            ),
            // The doer is one of the heading's agencies: its own task, not the others'.
            clause(
                "Điều 11.4",
                &[ART],
                "Ủy ban nhân dân cấp huyện thực hiện quản lý hoạt động đối ngoại tại địa phương; báo cáo kết quả về Sở Ngoại vụ.",
                ClauseKind::Item,
            ),
            // A clause that starts with its verb is still the heading's.
            clause(
                "III.1.a",
                &[TCTH, "1. Sở Ngoại vụ:"],
                "Chủ trì, phối hợp với Công an tỉnh hướng dẫn thủ tục xuất nhập cảnh.",
                ClauseKind::Item,
            ),
            clause(
                "III.5",
                &[TCTH, "5. Sở Tư pháp"],
                "Sở Tư pháp phối hợp rà soát các văn bản quy phạm pháp luật.",
                ClauseKind::Paragraph,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Bộ Chỉ huy Bộ đội Biên phòng", Role::Lead),
                r("Sở Ngoại vụ", Role::Support)
            ]
        );
        assert_eq!(roles(&d.clauses[1]), vec![r("Sở Tài chính", Role::Lead)]);
        assert_eq!(roles(&d.clauses[2]), vec![r("UBND cấp huyện", Role::Lead)]);
        assert_eq!(
            roles(&d.clauses[3]),
            vec![r("Công an", Role::Support), r("Sở Ngoại vụ", Role::Lead)]
        );
        assert_eq!(roles(&d.clauses[4]), vec![r("Sở Tư pháp", Role::Support)]);
    }

    #[test]
    fn a_short_aside_in_parentheses_comes_between_the_doer_and_its_verb() {
        let d = doc(vec![
            clause(
                "5",
                &["II. NHIỆM VỤ, GIẢI PHÁP"],
                "Giám đốc Sở Khoa học và Công nghệ (sau hợp nhất với Sở Thông tin và Truyền thông): chủ trì, phối hợp với Sở Ngoại vụ đẩy mạnh thông tin đối ngoại trên môi trường mạng.",
                ClauseKind::Item,
            ),
            clause(
                "III.7",
                &[TCTH],
                "Ủy ban nhân dân các huyện, thị xã, thành phố biên giới (An Phú, Tân Châu, Tịnh Biên, Tri Tôn) phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh quản lý cư dân biên giới.",
                ClauseKind::Item,
            ),
            // Not an aside: the parenthesis runs on past a sentence's end.
            clause(
                "II.2",
                &["II. NHIỆM VỤ, GIẢI PHÁP"],
                "Sở Tư pháp (theo Kế hoạch số 12. Năm 2024) chủ trì rà soát văn bản.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Sở Khoa học và Công nghệ", Role::Lead),
                r("Sở Ngoại vụ", Role::Support)
            ]
        );
        // The partner of a doer that cooperates is not said to lead: both support.
        assert_eq!(
            roles(&d.clauses[1]),
            vec![
                r("UBND cấp huyện", Role::Support),
                r("Bộ Chỉ huy Bộ đội Biên phòng", Role::Support)
            ]
        );
        assert!(
            roles(&d.clauses[2]).is_empty(),
            "{:?}",
            roles(&d.clauses[2])
        );
    }

    #[test]
    fn a_long_note_on_what_a_department_now_manages_comes_before_its_colon() {
        let d = doc(vec![
            clause(
                "1",
                &[],
                "Sở Nội vụ (được giao quản lý nhà nước về lao động sau khi hợp nhất Sở Lao động - Thương binh và Xã hội): báo cáo số lượng người lao động của tỉnh đang làm việc ở nước ngoài theo hợp đồng.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Nội vụ", Role::Assigned)]);
    }

    #[test]
    fn partners_after_a_semicolon_of_a_leading_doer_support() {
        let d = doc(vec![
            clause(
                "I.1",
                &["I. NHIỆM VỤ"],
                "Sở Y tế chủ trì kiểm dịch y tế biên giới; phối hợp với Công an tỉnh xử lý các trường hợp có dấu hiệu mắc bệnh.",
                ClauseKind::Item,
            ),
            clause(
                "I.2",
                &["I. NHIỆM VỤ"],
                "Ủy ban nhân dân thành phố Thủ Đức và các quận, huyện: Chủ trì nắm tình hình công dân ra nước ngoài; phối hợp với Công an Thành phố xác minh nhân thân.",
                ClauseKind::Item,
            ),
            // No lead before the semicolon: the partner is only mentioned.
            clause(
                "I.3",
                &["I. NHIỆM VỤ"],
                "Sở Tư pháp hướng dẫn thủ tục; phối hợp với Công an tỉnh xác minh nhân thân.",
                ClauseKind::Item,
            ),
            // A new sentence after the lead.
            clause(
                "I.4",
                &["I. NHIỆM VỤ"],
                "Sở Y tế chủ trì kiểm dịch. Tăng cường phối hợp; phối hợp với Công an tỉnh khi cần.",
                ClauseKind::Item,
            ),
            clause(
                "I.5",
                &["I. NHIỆM VỤ"],
                "BĐBP tỉnh chủ trì, phối hợp với CA tỉnh, BCH QS tỉnh và Sở NgV thực hiện tuần tra.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Sở Y tế", Role::Lead), r("Công an", Role::Support)]
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("UBND cấp huyện", Role::Lead), r("Công an", Role::Support)]
        );
        assert_eq!(
            roles(&d.clauses[2]),
            vec![r("Sở Tư pháp", Role::Assigned), r("Công an", Role::Support)]
        );
        assert_eq!(roles(&d.clauses[3]), vec![r("Sở Y tế", Role::Lead)]);
        assert_eq!(
            roles(&d.clauses[4]),
            vec![
                r("Bộ Chỉ huy Bộ đội Biên phòng", Role::Lead),
                r("Công an", Role::Support),
                r("Bộ Chỉ huy Quân sự", Role::Support),
                r("Sở Ngoại vụ", Role::Support)
            ]
        );
    }

    #[test]
    fn a_heading_that_lists_a_doers_duties_gives_them_to_it() {
        let d = doc(vec![
            clause(
                "1.a",
                &["1. Sở Ngoại vụ có trách nhiệm:"],
                "Chuẩn bị nội dung hội đàm với tỉnh Savannakhet.",
                ClauseKind::Bullet,
            ),
            clause(
                "Điều 40.1.a",
                &["Điều 40. Phòng, chống khủng bố", "1. Trong quản lý nhà nước về phòng, chống khủng bố, Bộ Công an có trách nhiệm sau đây:"],
                "Xây dựng chiến lược phòng, chống khủng bố.",
                ClauseKind::Item,
            ),
            // Contents, not duties.
            clause(
                "Điều 17.1.b",
                &["Điều 17. Thẩm định", "1. Bộ Tài chính thẩm định các nội dung sau:"],
                "Quyền, nghĩa vụ của Bên cho vay và Bên vay;",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Ngoại vụ", Role::Lead)]);
        assert_eq!(roles(&d.clauses[1]), vec![r("Bộ Công an", Role::Lead)]);
        assert!(
            roles(&d.clauses[2]).is_empty(),
            "{:?}",
            roles(&d.clauses[2])
        );
        // The agencies the heading names as support keep their role.
        let d = doc(vec![clause(
            "Điều 68.1",
            &["Điều 68. Trách nhiệm của Bộ Công an", "Bộ Công an chủ trì, phối hợp với Bộ Tư pháp thực hiện nhiệm vụ, quyền hạn sau đây:"],
            "Bảo đảm kết nối Cơ sở dữ liệu quốc gia về dân cư.",
            ClauseKind::Item,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Bộ Công an", Role::Lead), r("Bộ Tư pháp", Role::Support)]
        );
    }

    #[test]
    fn an_article_on_an_agencys_duties_gives_them_to_it() {
        let d = doc(vec![
            clause(
                "Điều 8.1",
                &[
                    "Chương II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN",
                    "Điều 8. Trách nhiệm của Sở Ngoại vụ",
                ],
                "Chủ trì thẩm định hồ sơ đoàn ra của lãnh đạo các sở, ban, ngành.",
                ClauseKind::Item,
            ),
            clause(
                "Điều 8.2",
                &[
                    "Chương II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN",
                    "Điều 8. Trách nhiệm của Sở Ngoại vụ",
                ],
                "Phối hợp với Công an tỉnh quản lý hoạt động của đoàn vào.",
                ClauseKind::Item,
            ),
            clause(
                "Điều 35.1",
                &["Điều 35: Nhiệm vụ, quyền hạn của Bộ Tài chính"],
                "Trình Chính phủ dự toán ngân sách nhà nước.",
                ClauseKind::Item,
            ),
            // An article about something else names no doer.
            clause(
                "Điều 9.1",
                &["Điều 9. Hồ sơ đề nghị của Sở Ngoại vụ"],
                "Văn bản đề nghị cử đoàn.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Ngoại vụ", Role::Lead)]);
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("Công an", Role::Support), r("Sở Ngoại vụ", Role::Support)]
        );
        assert_eq!(roles(&d.clauses[2]), vec![r("Bộ Tài chính", Role::Lead)]);
        assert!(
            roles(&d.clauses[3]).is_empty(),
            "{:?}",
            roles(&d.clauses[3])
        );
    }

    #[test]
    fn district_departments_and_units_are_doers() {
        let h = ["II. TỔ CHỨC THỰC HIỆN"];
        let d = doc(vec![
            clause(
                "II.1",
                &h,
                "Phòng Văn hóa và Thông tin huyện chủ trì triển khai Kế hoạch.",
                ClauseKind::Item,
            ),
            clause(
                "II.2",
                &h,
                "Đồn Biên phòng Cô Tô phối hợp tuyên truyền cho ngư dân.",
                ClauseKind::Item,
            ),
            clause(
                "II.3",
                &[h[0], "3. Phòng Tài chính - Kế hoạch"],
                "Tham mưu bố trí kinh phí thực hiện Kế hoạch.",
                ClauseKind::Bullet,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Phòng Văn hóa và Thông tin", Role::Lead)]
        );
        assert_eq!(
            d.clauses[0].assignments[0].mention,
            "Phòng Văn hóa và Thông tin huyện"
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("Đồn Biên phòng", Role::Support)]
        );
        assert_eq!(d.clauses[1].assignments[0].mention, "Đồn Biên phòng Cô Tô");
        assert_eq!(
            roles(&d.clauses[2]),
            vec![r("Phòng Tài chính - Kế hoạch", Role::Lead)]
        );
    }

    #[test]
    fn agency_section_gives_lead_and_phoi_hop_gives_support() {
        let d = doc(vec![
            clause(
                "III.13",
                &[TCTH, "13. Công an tỉnh"],
                "Chủ trì, phối hợp với các sở, ngành có liên quan thực hiện tốt công tác quản lý nhà nước về an ninh, trật tự.",
                ClauseKind::Bullet,
            ),
            clause(
                "III.13",
                &[TCTH, "13. Công an tỉnh"],
                "Phối hợp với Sở Ngoại vụ thực hiện tốt công tác bảo hộ công dân; báo cáo Ủy ban nhân dân tỉnh.",
                ClauseKind::Bullet,
            ),
            clause(
                "III.13",
                &[TCTH, "13. Công an tỉnh"],
                "Triển khai đồng bộ các biện pháp nghiệp vụ theo Quyết định của Thủ tướng Chính phủ.",
                ClauseKind::Bullet,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Các sở, ban, ngành", Role::Support),
                r("Công an", Role::Lead)
            ]
        );
        // Sở Ngoại vụ is the partner, no lead: it supports too; UBND tỉnh is merely mentioned.
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("Sở Ngoại vụ", Role::Support), r("Công an", Role::Support)]
        );
        assert_eq!(roles(&d.clauses[2]), vec![r("Công an", Role::Lead)]);
        assert_eq!(d.clauses[2].assignments[0].mention, "Công an tỉnh");
    }

    #[test]
    fn section_headings_in_every_form() {
        let heads = [
            ("1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", vec!["Ủy ban Mặt trận Tổ quốc Việt Nam"]),
            ("2. Sở Văn hoá, Thể thao và Du lịch", vec!["Sở Văn hóa, Thể thao và Du lịch"]),
            (
                "10. Các sở, ban, ngành, đoàn thể cấp tỉnh, Ủy ban nhân dân các huyện, thành phố",
                vec!["Các sở, ban, ngành", "UBND cấp huyện"],
            ),
            (
                "15. Ngoài các nhiệm vụ nêu trên, Sở, ban, ngành thành phố và Ủy ban nhân dân quận, huyện cần thực hiện các nhiệm vụ sau:",
                vec!["Các sở, ban, ngành", "UBND cấp huyện"],
            ),
            ("3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh", vec!["Bộ Chỉ huy Bộ đội Biên phòng"]),
        ];
        for (h, want) in heads {
            let d = doc(vec![clause(
                "III.1",
                &["III. PHÂN CÔNG THỰC HIỆN", h],
                "Tổ chức tuyên truyền sâu rộng.",
                ClauseKind::Item,
            )]);
            let got: Vec<(String, Role)> = want.iter().map(|a| r(a, Role::Lead)).collect();
            assert_eq!(roles(&d.clauses[0]), got, "{h}");
        }
        // A heading that is a task, not an agency, gives nothing.
        let d = doc(vec![clause(
            "II.3",
            &[
                "II. NHIỆM VỤ",
                "3. Làm tốt công tác người Việt Nam ở nước ngoài",
            ],
            "Tăng cường công tác tuyên truyền.",
            ClauseKind::Item,
        )]);
        assert!(d.clauses[0].assignments.is_empty());
    }

    #[test]
    fn an_agency_that_a_note_names_as_successor_gets_the_same_work() {
        let h = "5. Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)";
        let d = doc(vec![clause(
            "III.5",
            &[TCTH, h],
            "Chỉ đạo các cơ quan báo chí tuyên truyền về công tác đối ngoại.",
            ClauseKind::Paragraph,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            [
                r("Sở Thông tin và Truyền thông", Role::Lead),
                r("Sở Khoa học và Công nghệ", Role::Lead)
            ]
        );
        // At the start of a clause, with the verb's role.
        let d = doc(vec![clause(
            "III.6",
            &[TCTH],
            "Sở Kế hoạch và Đầu tư (nay là Sở Tài chính) phối hợp thẩm định các dự án ODA.",
            ClauseKind::Paragraph,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            [
                r("Sở Kế hoạch và Đầu tư", Role::Support),
                r("Sở Tài chính", Role::Support)
            ]
        );
        // A note that is no successor ("trước đây là") gives nothing more.
        let h = "5. Sở Văn hóa và Thể thao (trước đây là Sở Văn hóa, Thể thao và Du lịch)";
        let d = doc(vec![clause(
            "III.5",
            &[TCTH, h],
            "Tổ chức các hoạt động giao lưu văn hóa.",
            ClauseKind::Paragraph,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            [r("Sở Văn hóa và Thể thao", Role::Lead)]
        );
    }

    #[test]
    fn under_an_agency_heading_with_a_note_the_partners_after_a_semicolon_support() {
        let h = "5. Sở Thông tin và Truyền thông (nay là Sở Văn hóa và Thể thao tiếp nhận nhiệm vụ báo chí)";
        let d = doc(vec![clause(
            "III.5",
            &[TCTH, h],
            "Chỉ đạo các cơ quan báo chí của Thành phố tuyên truyền về công tác ngoại giao nhân dân; \
             phối hợp với Sở Ngoại vụ cung cấp thông tin đối ngoại bằng tiếng nước ngoài.",
            ClauseKind::Paragraph,
        )]);
        // The note's successor, which took over the press duties, leads with it.
        assert_eq!(
            roles(&d.clauses[0]),
            [
                r("Sở Ngoại vụ", Role::Support),
                r("Sở Thông tin và Truyền thông", Role::Lead),
                r("Sở Văn hóa và Thể thao", Role::Lead)
            ]
        );
        // Its sibling without a note, its partners at the start, reads the same way.
        let d = doc(vec![clause(
            "III.4",
            &[TCTH, "4. Công an Thành phố"],
            "Chủ trì, phối hợp với Sở Ngoại vụ bảo đảm an ninh, trật tự cho các hoạt động đối ngoại.",
            ClauseKind::Paragraph,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            [r("Sở Ngoại vụ", Role::Support), r("Công an", Role::Lead)]
        );
    }

    #[test]
    fn lead_in_heading_sets_the_role_of_its_items() {
        let h = [
            "III. PHÂN CÔNG THỰC HIỆN",
            "3. Công an thành phố",
            "Chủ trì, phối hợp với cơ quan có liên quan:",
        ];
        let d = doc(vec![
            clause(
                "III.3.a",
                &h,
                "Tăng cường công tác nắm tình hình chính sách của các nước.",
                ClauseKind::Item,
            ),
            clause(
                "III.3.b",
                &h,
                "Phối hợp với cơ quan có liên quan triển khai công tác bảo hộ công dân.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Công an", Role::Lead)]);
        assert_eq!(roles(&d.clauses[1]), vec![r("Công an", Role::Support)]);
    }

    #[test]
    fn label_lines_give_roles_to_the_label_and_its_item() {
        let h = [
            "II. NHIỆM VỤ VÀ GIẢI PHÁP CỤ THỂ",
            "2. Tăng cường mối quan hệ đối tác",
        ];
        let d = doc(vec![
            clause("II.2.4", &h, "2.4. Xem xét việc thành lập một số tổ chức hữu nghị trên địa bàn tỉnh.", ClauseKind::Item),
            clause(
                "II.2.4",
                &h,
                "Cơ quan chủ trì: Sở Nội vụ chủ trì, phối hợp Sở Tài chính, Công an tỉnh, Sở Kế hoạch và Đầu tư triển khai thực hiện, báo cáo Ủy ban nhân dân tỉnh.",
                ClauseKind::Bullet,
            ),
            clause("II.2.4", &h, "Thời gian thực hiện: Trong quý II/2023.", ClauseKind::Bullet),
        ]);
        let want = vec![
            r("Sở Nội vụ", Role::Lead),
            r("Sở Tài chính", Role::Support),
            r("Công an", Role::Support),
            r("Sở Kế hoạch và Đầu tư", Role::Support),
        ];
        assert_eq!(roles(&d.clauses[1]), want);
        assert_eq!(roles(&d.clauses[0]), want);
        assert!(d.clauses[2].assignments.is_empty());
    }

    #[test]
    fn label_kinds_and_sentences_inside_the_value() {
        let h = ["II. NHIỆM VỤ", "3. Thông tin"];
        let d = doc(vec![
            clause("II.3.2", &h, "Cơ quan thực hiện: Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí. Các sở, ban, ngành, địa phương phối hợp khi có đề nghị của Sở Thông tin và Truyền thông.", ClauseKind::Bullet),
            clause("II.3.3", &h, "Cơ quan tham mưu thực hiện: Văn phòng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Kế hoạch và Đầu tư và các sở, ngành, địa phương có liên quan.", ClauseKind::Bullet),
            clause("II.3.4", &h, "Cơ quan chủ trì soạn thảo: Văn phòng UBND tỉnh.", ClauseKind::Bullet),
            clause("II.3.5", &h, "Cơ quan phối hợp: Sở Tư pháp; Sở Tài chính.", ClauseKind::Bullet),
            clause("II.3.6", &h, "Tổ chức thực hiện: Các sở, ban, ngành, địa phương.", ClauseKind::Bullet),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Sở Thông tin và Truyền thông", Role::Assigned),
                r("Các sở, ban, ngành", Role::Support)
            ]
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![
                r("Văn phòng UBND tỉnh", Role::Lead),
                r("Sở Kế hoạch và Đầu tư", Role::Support),
                r("Các sở, ban, ngành", Role::Support)
            ]
        );
        assert_eq!(
            roles(&d.clauses[2]),
            vec![r("Văn phòng UBND tỉnh", Role::Lead)]
        );
        assert_eq!(
            roles(&d.clauses[3]),
            vec![
                r("Sở Tư pháp", Role::Support),
                r("Sở Tài chính", Role::Support)
            ]
        );
        assert_eq!(
            roles(&d.clauses[4]),
            vec![r("Các sở, ban, ngành", Role::Assigned)]
        );
    }

    #[test]
    fn a_second_label_on_the_line_gives_its_own_role() {
        let h = ["I. NHIỆM VỤ"];
        let d = doc(vec![
            clause("I.2", &h, "Tổ chức họp báo quốc tế về Lễ hội Bánh dân gian Nam Bộ.\nCơ quan chủ trì: Sở Ngoại vụ; cơ quan phối hợp: Sở Văn hóa, Thể thao và Du lịch, UBND các phường Ninh Kiều, Cái Khế.", ClauseKind::Item),
            clause("I.3", &h, "Tập huấn lễ tân.\nChủ trì: Sở Ngoại vụ; phối hợp: Sở Tư pháp.", ClauseKind::Item),
            clause("I.4", &h, "Tuyên truyền phòng, chống mua bán người (chủ trì: Sở Văn hóa, Thể thao và Du lịch; phối hợp: Ủy ban nhân dân các xã, phường, đặc khu).", ClauseKind::Item),
            // A second part that is no role label keeps the first label's role.
            clause("I.5", &h, "Cơ quan chủ trì: Sở Ngoại vụ; Sở Nội vụ.", ClauseKind::Bullet),
            clause("I.6", &h, "Cơ quan chủ trì: Sở Ngoại vụ; Thời gian: Quý I/2026.", ClauseKind::Bullet),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Sở Ngoại vụ", Role::Lead),
                r("Sở Văn hóa, Thể thao và Du lịch", Role::Support),
                r("UBND cấp xã", Role::Support)
            ]
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("Sở Ngoại vụ", Role::Lead), r("Sở Tư pháp", Role::Support)]
        );
        assert_eq!(
            roles(&d.clauses[2]),
            vec![
                r("Sở Văn hóa, Thể thao và Du lịch", Role::Lead),
                r("UBND cấp xã", Role::Support)
            ]
        );
        assert_eq!(
            roles(&d.clauses[3]),
            vec![r("Sở Ngoại vụ", Role::Lead), r("Sở Nội vụ", Role::Lead)]
        );
        assert_eq!(roles(&d.clauses[4]), vec![r("Sở Ngoại vụ", Role::Lead)]);
    }

    #[test]
    fn the_partners_of_an_item_that_cooperates_support() {
        let d = doc_of_type(
            "Kế hoạch",
            vec![
                clause("III.5", &[TCTH, "5. Bộ Chỉ huy Quân sự tỉnh:"], "- Phối hợp với Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh xây dựng phương án bảo vệ khu vực biên giới.", ClauseKind::Bullet),
                clause("III.6", &[TCTH, "6. Ủy ban nhân dân các xã, phường:"], "- Phối hợp Công an tỉnh quản lý cư trú của người nước ngoài trên địa bàn.", ClauseKind::Bullet),
                clause("Điều 7.c", &["Điều 7. Trách nhiệm thực hiện"], "c) UBND các huyện Hướng Hóa, Đakrông chủ động kết nghĩa với các huyện đối diện của tỉnh bạn; phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh.", ClauseKind::Item),
                // No doer anywhere: a mere mention.
                clause("II.2", &["II. NHIỆM VỤ"], "Tăng cường công tác thông tin; phối hợp với Sở Ngoại vụ tổ chức gặp mặt kiều bào.", ClauseKind::Item),
                // Cooperation as a noun names no partner.
                clause("II.3", &["II. NHIỆM VỤ"], "Sở Nội vụ xây dựng cơ chế phối hợp với Bộ Ngoại giao trong công tác cán bộ.", ClauseKind::Item),
                clause("II.4", &["II. NHIỆM VỤ"], "Sở Tư pháp báo cáo kết quả phối hợp với Sở Ngoại vụ.", ClauseKind::Item),
            ],
        );
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Công an", Role::Support),
                r("Bộ Chỉ huy Bộ đội Biên phòng", Role::Support),
                r("Bộ Chỉ huy Quân sự", Role::Support)
            ]
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("Công an", Role::Support), r("UBND cấp xã", Role::Support)]
        );
        assert_eq!(
            roles(&d.clauses[2]),
            vec![
                r("UBND cấp huyện", Role::Assigned),
                r("Bộ Chỉ huy Bộ đội Biên phòng", Role::Support)
            ]
        );
        assert!(
            roles(&d.clauses[3]).is_empty(),
            "{:?}",
            roles(&d.clauses[3])
        );
        assert_eq!(roles(&d.clauses[4]), vec![r("Sở Nội vụ", Role::Assigned)]);
        assert_eq!(roles(&d.clauses[5]), vec![r("Sở Tư pháp", Role::Assigned)]);
    }

    #[test]
    fn paragraphs_under_a_label_heading() {
        let h = [
            "II. NHIỆM VỤ",
            "3. Làm tốt công tác người Việt Nam ở nước ngoài",
            "3.1. Có giải pháp kết nối",
            "- Cơ quan thực hiện:",
        ];
        let d = doc(vec![
            clause(
                "II.3.1",
                &h[..3],
                "Có giải pháp phù hợp để kết nối.",
                ClauseKind::Item,
            ),
            clause("II.3.1", &h, "Sở Nội vụ thực hiện.", ClauseKind::Paragraph),
            clause(
                "II.3.1",
                &h,
                "Công an tỉnh triển khai thực hiện trong hệ thống tổ chức mình.",
                ClauseKind::Paragraph,
            ),
        ]);
        assert_eq!(roles(&d.clauses[1]), vec![r("Sở Nội vụ", Role::Assigned)]);
        assert_eq!(roles(&d.clauses[2]), vec![r("Công an", Role::Assigned)]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Sở Nội vụ", Role::Assigned), r("Công an", Role::Assigned)]
        );
    }

    #[test]
    fn table_rows_by_column() {
        let d = doc(vec![clause(
            "III.4",
            &["III. NỘI DUNG"],
            "Chủ trì, phối hợp với Bộ Ngoại giao tổ chức tập huấn kỹ năng đối ngoại.\nCơ quan, đơn vị chủ trì: Sở Ngoại vụ; Liên hiệp các tổ chức hữu nghị tỉnh\nCơ quan, đơn vị phối hợp: Các cơ quan, đơn vị, địa phương liên quan; Sở Nội vụ, Ban Tuyên giáo Tỉnh ủy\nThời gian: Quý III",
            ClauseKind::TableRow,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Bộ Ngoại giao", Role::Support),
                r("Sở Ngoại vụ", Role::Lead),
                r("Liên hiệp các tổ chức hữu nghị", Role::Lead),
                r("Sở Nội vụ", Role::Support),
                r("Ban Tuyên giáo Tỉnh ủy", Role::Support),
            ]
        );
    }

    #[test]
    fn a_room_named_after_people_abroad_leads_its_row() {
        let d = doc(vec![clause(
            "Phụ lục.7",
            &["PHỤ LỤC"],
            "Tổ chức gặp mặt kiều bào nhân dịp Tết Nguyên đán\nĐơn vị chủ trì: Phòng Lãnh sự và Người Việt Nam ở nước ngoài\nĐơn vị phối hợp: Liên hiệp các tổ chức hữu nghị tỉnh\nThời gian hoàn thành: Tháng 01/2025",
            ClauseKind::TableRow,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Phòng Lãnh sự và Người Việt Nam ở nước ngoài", Role::Lead),
                r("Liên hiệp các tổ chức hữu nghị", Role::Support),
            ]
        );
    }

    #[test]
    fn in_sentence_forms() {
        let h = ["II. NHIỆM VỤ"];
        let cases: Vec<(&str, Vec<(String, Role)>)> = vec![
            ("Giao Sở Ngoại vụ chủ trì theo dõi, đôn đốc triển khai thực hiện Kế hoạch này.", vec![r("Sở Ngoại vụ", Role::Lead)]),
            ("Thời gian thực hiện: Thường xuyên. Trong quý II/2023, giao Văn phòng Ủy ban nhân dân tỉnh nghiên cứu.", vec![r("Văn phòng UBND tỉnh", Role::Assigned)]),
            ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền sâu rộng.", vec![r("Ủy ban Mặt trận Tổ quốc Việt Nam", Role::Assigned)]),
            ("Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính thẩm định các khoản viện trợ.", vec![r("Sở Kế hoạch và Đầu tư", Role::Lead), r("Sở Tài chính", Role::Support)]),
            ("Theo chức năng, nhiệm vụ được pháp luật quy định, Sở Tư pháp phối hợp rà soát hệ thống văn bản.", vec![r("Sở Tư pháp", Role::Support)]),
            ("Công an tỉnh có trách nhiệm bảo đảm an ninh trật tự.", vec![r("Công an", Role::Assigned)]),
            ("Sở Nội vụ phối hợp thực hiện khi có đề án.", vec![r("Sở Nội vụ", Role::Support)]),
            ("Có các cơ chế phù hợp để đảm bảo kinh phí cho các hoạt động đối ngoại: Sở Tài chính chủ trì.", vec![r("Sở Tài chính", Role::Lead)]),
            ("Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này; chỉ đạo Sở Ngoại vụ chủ trì xây dựng kế hoạch.", vec![r("UBND tỉnh", Role::Assigned), r("Sở Ngoại vụ", Role::Lead)]),
            // Mere mentions.
            ("Phối hợp với Cơ quan đại diện Việt Nam ở nước ngoài tổ chức gặp mặt kiều bào.", vec![]),
            ("Triển khai Quyết định số 1334/QĐ-TTg của Thủ tướng Chính phủ; định kỳ báo cáo Ủy ban nhân dân tỉnh (thông qua Sở Ngoại vụ).", vec![]),
            ("Tăng cường giới thiệu hình ảnh của tỉnh qua các kênh như: Cổng Thông tin điện tử tỉnh, Đài Phát thanh và Truyền hình tỉnh.", vec![]),
            ("Sở Ngoại vụ của tỉnh đã có nhiều hoạt động.", vec![]),
            ("Kịp thời báo cáo, xin ý kiến chỉ đạo của Ủy ban nhân dân tỉnh.", vec![]),
            ("Đối với Công an tỉnh: Phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh kiểm soát người nhập cảnh.", vec![r("Công an", Role::Support), r("Bộ Chỉ huy Bộ đội Biên phòng", Role::Support)]),
            ("Đối với hồ sơ của Sở Tư pháp: kiểm tra kỹ.", vec![]),
            ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Ngoại vụ; Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này./.", vec![]),
            // An agency's head stands for it.
            ("Giao Giám đốc Sở Tài chính chủ trì thẩm định dự toán.", vec![r("Sở Tài chính", Role::Lead)]),
            ("Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm tổ chức thực hiện.", vec![r("UBND cấp huyện", Role::Assigned)]),
            ("Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện nghiêm túc thực hiện Chỉ thị này.", vec![r("Các sở, ban, ngành", Role::Assigned), r("UBND cấp huyện", Role::Assigned)]),
            ("Trường hợp vượt quá thẩm quyền thì Bộ trưởng Bộ Công an, Bộ trưởng Bộ Quốc phòng trình Thủ tướng Chính phủ quyết định.", vec![r("Bộ Công an", Role::Assigned), r("Bộ Quốc phòng", Role::Assigned)]),
            ("Tổng Biên tập Báo và Phát thanh, Truyền hình Đà Nẵng: tăng cường thông tin đối ngoại; phối hợp với Sở Ngoại vụ đưa tin.", vec![r("Báo và Phát thanh, Truyền hình", Role::Assigned), r("Sở Ngoại vụ", Role::Support)]),
            ("Đề nghị Viện trưởng Viện Kiểm sát nhân dân tỉnh, Chánh án Tòa án nhân dân tỉnh phối hợp chỉ đạo xét xử các vụ án.", vec![r("Viện Kiểm sát nhân dân", Role::Support), r("Tòa án nhân dân", Role::Support)]),
        ];
        for (text, want) in cases {
            let d = doc(vec![clause("II.1", &h, text, ClauseKind::Item)]);
            assert_eq!(roles(&d.clauses[0]), want, "{text}");
        }
    }

    #[test]
    fn the_doer_of_a_passive_phrase_has_its_verbs_role() {
        let h = ["Điều 6. Quản lý cửa khẩu, lối mở"];
        let cases: Vec<(&str, Vec<(String, Role)>)> = vec![
            ("1. Cửa khẩu quốc tế Thanh Thủy, cửa khẩu chính Phó Bảng và các lối mở do Ban Quản lý Khu kinh tế tỉnh chủ trì quản lý chung.", vec![r("Ban Quản lý Khu kinh tế", Role::Lead)]),
            ("Kinh phí hoạt động của Tòa án quân sự do Bộ Quốc phòng phối hợp với Tòa án nhân dân tối cao lập dự toán.", vec![r("Bộ Quốc phòng", Role::Support), r("Tòa án nhân dân", Role::Support)]),
            ("Thanh tra chuyên ngành về tần số vô tuyến điện do Bộ Thông tin và Truyền thông thực hiện theo quy định của pháp luật về thanh tra.", vec![r("Bộ Thông tin và Truyền thông", Role::Assigned)]),
            // Who issued or drafts a document, what a thing is, what the object of another
            // verb is: no task.
            ("Thực hiện theo Kế hoạch do UBND tỉnh ban hành.", vec![]),
            ("Danh mục định mức khoán chi xây dựng thông tư do Bộ Tài chính chủ trì soạn thảo thực hiện theo Phụ lục.", vec![]),
            ("Quy chuẩn kỹ thuật quốc gia do Bộ Công an chủ trì xây dựng là quy chuẩn thuộc phạm vi quản lý của Bộ.", vec![]),
            ("Bộ Tài chính kiểm tra việc quản lý Dự trữ ngoại hối nhà nước do Ngân hàng Nhà nước thực hiện.", vec![r("Bộ Tài chính", Role::Assigned)]),
        ];
        for (text, want) in cases {
            let d = doc(vec![clause("Điều 6.1", &h, text, ClauseKind::Item)]);
            assert_eq!(roles(&d.clauses[0]), want, "{text}");
        }
    }

    #[test]
    fn the_subject_of_an_agency_heading_leads_when_a_part_leads() {
        let h = ["V. TRÁCH NHIỆM THỰC HIỆN", "3. Đồn Biên phòng"];
        let d = doc(vec![
            clause(
                "V.3",
                &h,
                "Phối hợp với UBND các xã biên giới quản lý cư dân; chủ trì kết nghĩa cụm dân cư hai bên biên giới.",
                ClauseKind::Paragraph,
            ),
            // A first part of its own work stays the doer's own task (lead) whatever follows.
            clause(
                "V.3",
                &h,
                "Tuần tra, kiểm soát biên giới; phối hợp với Công an huyện xử lý vi phạm.",
                ClauseKind::Paragraph,
            ),
            // Only cooperation: support.
            clause(
                "V.3",
                &h,
                "Phối hợp với Công an huyện nắm tình hình; tổng hợp, báo cáo kết quả.",
                ClauseKind::Paragraph,
            ),
        ]);
        let role_of = |c: &Clause| {
            c.assignments
                .iter()
                .find(|a| a.agency.starts_with("Đồn Biên phòng"))
                .map(|a| a.role)
        };
        assert_eq!(
            role_of(&d.clauses[0]),
            Some(Role::Lead),
            "{:?}",
            d.clauses[0].assignments
        );
        assert_eq!(
            role_of(&d.clauses[1]),
            Some(Role::Lead),
            "{:?}",
            d.clauses[1].assignments
        );
        assert_eq!(
            role_of(&d.clauses[2]),
            Some(Role::Support),
            "{:?}",
            d.clauses[2].assignments
        );
    }

    #[test]
    fn a_documents_scope_gives_no_work() {
        let d = doc(vec![
            clause(
                "I.2",
                &["I. MỤC ĐÍCH, YÊU CẦU"],
                "2. Đối tượng: Các sở, ban, ngành; Ủy ban nhân dân các huyện, thị xã, thành phố (sau đây gọi là UBND cấp huyện) thực hiện công tác đối ngoại.",
                ClauseKind::Item,
            ),
            clause(
                "Điều 2",
                &["Điều 2. Đối tượng áp dụng"],
                "Quy chế này áp dụng đối với Sở Ngoại vụ, Công an tỉnh và các cơ quan có liên quan.",
                ClauseKind::Article,
            ),
            // A provision titled by its subject matter gives work.
            clause(
                "Điều 3.1",
                &["Điều 3. Đối tượng chịu thuế"],
                "1. Cục Thuế tỉnh hướng dẫn kê khai đối với các đối tượng chịu thuế.",
                ClauseKind::Item,
            ),
        ]);
        assert!(
            roles(&d.clauses[0]).is_empty(),
            "{:?}",
            roles(&d.clauses[0])
        );
        assert!(
            roles(&d.clauses[1]).is_empty(),
            "{:?}",
            roles(&d.clauses[1])
        );
        assert!(!roles(&d.clauses[2]).is_empty());
    }

    #[test]
    fn front_and_back_matter_assign_only_explicitly() {
        let mut front = clause(
            "",
            &[],
            "Căn cứ đề nghị của Sở Ngoại vụ; Công an tỉnh đã có ý kiến tại Công văn số 12/CAT.",
            ClauseKind::Paragraph,
        );
        front.zone = Zone::Front;
        let mut back = clause("", &[], "Công an tỉnh;", ClauseKind::Bullet);
        back.zone = Zone::Back;
        let mut back2 = clause(
            "",
            &[],
            "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố chủ động triển khai thực hiện.",
            ClauseKind::Paragraph,
        );
        back2.zone = Zone::Back;
        let d = doc(vec![front, back, back2]);
        assert!(d.clauses[0].assignments.is_empty());
        assert!(d.clauses[1].assignments.is_empty());
        assert_eq!(
            roles(&d.clauses[2]),
            vec![
                r("Các sở, ban, ngành", Role::Assigned),
                r("UBND cấp huyện", Role::Assigned)
            ]
        );
    }

    #[test]
    fn a_stated_role_overrides_the_section_default() {
        let d = doc(vec![clause(
            "III.5",
            &["III. PHÂN CÔNG THỰC HIỆN", "5. Sở Tư pháp"],
            "Theo chức năng, nhiệm vụ được pháp luật quy định, Sở Tư pháp phối hợp rà soát hệ thống văn bản pháp luật.",
            ClauseKind::Paragraph,
        )]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Tư pháp", Role::Support)]);
    }

    #[test]
    fn one_role_per_agency_the_strongest() {
        let d = doc(vec![clause(
            "III.1",
            &[TCTH, "1. Sở Ngoại vụ"],
            "Chủ trì tổ chức hội nghị; Sở Ngoại vụ phối hợp với các đơn vị liên quan.",
            ClauseKind::Item,
        )]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Ngoại vụ", Role::Lead)]);
    }

    #[test]
    fn a_remit_between_the_doer_and_its_verb() {
        let h = ["Điều 2. Tổ chức thực hiện"];
        let cases: Vec<(&str, Vec<(String, Role)>)> = vec![
            (
                "Sở Giáo dục và Đào tạo, Sở Y tế theo chức năng, nhiệm vụ chủ trì thực hiện khoản 3 Điều 1; Sở Tài chính bảo đảm kinh phí theo quy định.",
                vec![
                    r("Sở Giáo dục và Đào tạo", Role::Lead),
                    r("Sở Y tế", Role::Lead),
                    r("Sở Tài chính", Role::Assigned),
                ],
            ),
            (
                "Các sở, ban, ngành, địa phương theo chức năng, nhiệm vụ chủ động phối hợp với Sở Ngoại vụ thực hiện các nội dung liên quan.",
                vec![
                    r("Các sở, ban, ngành", Role::Support),
                    r("Sở Ngoại vụ", Role::Support),
                ],
            ),
            (
                "Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh theo chức năng cung cấp thông tin về tình hình an ninh biên giới.",
                vec![r("Công an", Role::Assigned), r("Bộ Chỉ huy Bộ đội Biên phòng", Role::Assigned)],
            ),
            (
                "Ủy ban nhân dân cấp tỉnh trong phạm vi nhiệm vụ, quyền hạn của mình có trách nhiệm tổ chức thực hiện.",
                vec![r("UBND tỉnh", Role::Assigned)],
            ),
            (
                "Các Bộ, ngành liên quan theo chức năng, nhiệm vụ được giao, phối hợp với Bộ Tài chính hướng dẫn thực hiện.",
                vec![
                    r("Các bộ, ngành Trung ương", Role::Support),
                    r("Bộ Tài chính", Role::Support),
                ],
            ),
        ];
        for (text, want) in cases {
            let d = doc(vec![clause("Điều 2.4", &h, text, ClauseKind::Item)]);
            assert_eq!(roles(&d.clauses[0]), want, "{text}");
        }
        // Outside "Tổ chức thực hiện", a remit with no task verb after it names no doer.
        let d = doc(vec![clause(
            "II.1",
            &["II. NỘI DUNG"],
            "Sở Tư pháp theo chức năng, nhiệm vụ được giao.",
            ClauseKind::Item,
        )]);
        assert!(d.clauses[0].assignments.is_empty());
    }

    #[test]
    fn theo_doi_is_a_task_verb() {
        let h = ["II. NHIỆM VỤ"];
        for (text, who) in [
            ("Sở Ngoại vụ theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh.", "Sở Ngoại vụ"),
            ("Văn phòng UBND tỉnh theo dõi, đôn đốc các cơ quan, đơn vị thực hiện các nội dung kết luận này.", "Văn phòng UBND tỉnh"),
        ] {
            let d = doc(vec![clause("II.1", &h, text, ClauseKind::Item)]);
            assert_eq!(roles(&d.clauses[0]), vec![r(who, Role::Assigned)], "{text}");
        }
        // "theo" alone is still a preposition.
        let d = doc(vec![clause(
            "II.2",
            &h,
            "Sở Ngoại vụ theo quy định tại Nghị định số 72/2015/NĐ-CP.",
            ClauseKind::Item,
        )]);
        assert!(d.clauses[0].assignments.is_empty());
    }

    #[test]
    fn roles_in_parentheses_and_partners_after_the_lead() {
        let h = ["IV. DANH MỤC HOẠT ĐỘNG"];
        let want = vec![
            r("Sở Ngoại vụ", Role::Lead),
            r("Sở Văn hóa, Thể thao và Du lịch", Role::Support),
            r("Sở Thông tin và Truyền thông", Role::Support),
        ];
        for text in [
            "Cơ quan thực hiện: Sở Ngoại vụ (chủ trì); Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông (phối hợp)",
            "Sở Ngoại vụ (chủ trì); Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông (phối hợp)",
            "Sở Ngoại vụ (cơ quan chủ trì), Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông (cơ quan phối hợp)",
        ] {
            let d = doc(vec![clause("IV.1", &h, text, ClauseKind::Bullet)]);
            assert_eq!(roles(&d.clauses[0]), want, "{text}");
        }
        let d = doc(vec![clause(
            "IV.2",
            &h,
            "Cơ quan thực hiện: Sở Y tế chủ trì, Công an tỉnh phối hợp",
            ClauseKind::Bullet,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Sở Y tế", Role::Lead), r("Công an", Role::Support)]
        );
        // An aside in parentheses that is no role leaves the agency a mere mention.
        let d = doc(vec![clause(
            "IV.3",
            &h,
            "Sở Ngoại vụ (Phòng Lãnh sự); Sở Tư pháp (Phòng Hộ tịch)",
            ClauseKind::Bullet,
        )]);
        assert!(d.clauses[0].assignments.is_empty());
    }

    #[test]
    fn a_sub_heading_of_cooperation_makes_its_items_support() {
        let sec = "1. Sở Văn hóa, Thể thao và Du lịch";
        let d = doc(vec![
            clause(
                "III.1.b",
                &["III. PHÂN CÔNG NHIỆM VỤ", sec, "b) Công tác du lịch"],
                "Lựa chọn 20 hướng dẫn viên du lịch quốc tế phục vụ các đoàn.",
                ClauseKind::Bullet,
            ),
            clause(
                "III.1.c",
                &["III. PHÂN CÔNG NHIỆM VỤ", sec, "c) Phối hợp với Sở Ngoại vụ"],
                "Cung cấp thông tin, hình ảnh về chương trình Festival để Sở Ngoại vụ gửi các cơ quan đại diện nước ngoài.",
                ClauseKind::Bullet,
            ),
        ]);
        let vh = "Sở Văn hóa, Thể thao và Du lịch";
        assert_eq!(roles(&d.clauses[0]), vec![r(vh, Role::Lead)]);
        assert_eq!(roles(&d.clauses[1]), vec![r(vh, Role::Support)]);
    }

    #[test]
    fn places_after_a_filler_and_the_rest_of_a_name() {
        let d = doc(vec![
            clause(
                "Điều 2.6",
                &["Điều 2. Tổ chức thực hiện"],
                "UBND các huyện Tân Biên, Tân Châu, Châu Thành, Bến Cầu và thị xã Trảng Bàng phối hợp với các cơ quan nêu trên triển khai các hoạt động trên địa bàn.",
                ClauseKind::Item,
            ),
            clause(
                "Điều 4.2",
                &["Điều 4. Kinh phí"],
                "Đối với khu dân cư: Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương bố trí kinh phí.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("UBND cấp huyện", Role::Support)]
        );
        assert_eq!(roles(&d.clauses[1]), vec![r("UBND tỉnh", Role::Assigned)]);
    }

    #[test]
    fn labels_of_places_addressees_and_money_name_no_doer() {
        let h = ["PHỤ LỤC"];
        for text in [
            "Địa điểm: Trường Cao đẳng Tây Ninh",
            "Kính gửi: Bộ Tài chính.",
            "Đơn vị nhận báo cáo: Trung tâm Tin học",
            "Trưởng ban: Chủ tịch Ủy ban nhân dân cấp tỉnh;",
            "Kinh phí thực hiện Kế hoạch từ nguồn ngân sách giao cho Sở Ngoại vụ năm 2025.",
        ] {
            let d = doc(vec![clause("PL.1", &h, text, ClauseKind::Bullet)]);
            assert!(d.clauses[0].assignments.is_empty(), "{text}");
        }
        // A label that names who acts still gives its value the task.
        for (text, who) in [
            (
                "Đơn vị báo cáo: Cục Đầu tư nước ngoài",
                "Cục Đầu tư nước ngoài",
            ),
            (
                "Liên Bộ giao: Cục An toàn thực phẩm - Bộ Y tế.",
                "Cục An toàn thực phẩm",
            ),
        ] {
            let d = doc(vec![clause("PL.2", &h, text, ClauseKind::Bullet)]);
            assert_eq!(roles(&d.clauses[0]), vec![r(who, Role::Assigned)], "{text}");
        }
        // Money aside, "giao cho" still gives a task.
        let d = doc(vec![clause(
            "PL.3",
            &h,
            "Trên cơ sở dự toán được duyệt, giao cho Sở Tài chính thẩm định.",
            ClauseKind::Bullet,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Sở Tài chính", Role::Assigned)]
        );
    }

    #[test]
    fn mass_organisations_and_the_provinces_paper_head_a_list() {
        let h = ["III. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN"];
        let d = doc(vec![
            clause(
                "III.5",
                &h,
                "Hội Chữ thập đỏ tỉnh, Công an tỉnh phối hợp thực hiện.",
                ClauseKind::Item,
            ),
            clause(
                "III.7",
                &h,
                "Báo Cao Bằng, Đài PT-TH tỉnh mở chuyên mục \"Cao Bằng - Hội nhập và phát triển\".",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Hội Chữ thập đỏ", Role::Support),
                r("Công an", Role::Support)
            ]
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![
                r("Báo tỉnh", Role::Assigned),
                r("Đài Phát thanh và Truyền hình", Role::Assigned)
            ]
        );
    }

    #[test]
    fn the_focal_point_leads() {
        let h = ["I. NHIỆM VỤ"];
        let d = doc(vec![
            clause(
                "I.1",
                &h,
                "Sở Ngoại vụ là đầu mối tiếp nhận thông tin về các đoàn khách.",
                ClauseKind::Item,
            ),
            clause(
                "I.2",
                &h,
                "Giao Phòng Lãnh sự là đơn vị đầu mối hướng dẫn thủ tục xuất nhập cảnh.",
                ClauseKind::Item,
            ),
            // "là" followed by anything else states no task.
            clause(
                "I.3",
                &h,
                "Sở Ngoại vụ là thành viên của Ban Chỉ đạo.",
                ClauseKind::Item,
            ),
            clause(
                "I.4",
                &h,
                "Trung tâm Dịch vụ đối ngoại là đơn vị sự nghiệp trực thuộc Sở Ngoại vụ.",
                ClauseKind::Item,
            ),
            clause(
                "I.5",
                &h,
                "Sở Ngoại vụ là đơn vị thường trực, tổng hợp kết quả thực hiện.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Ngoại vụ", Role::Lead)]);
        assert_eq!(roles(&d.clauses[1]), vec![r("Phòng Lãnh sự", Role::Lead)]);
        assert_eq!(roles(&d.clauses[2]), vec![]);
        assert_eq!(roles(&d.clauses[3]), vec![]);
        assert_eq!(roles(&d.clauses[4]), vec![r("Sở Ngoại vụ", Role::Lead)]);
        // A heading stating the doer's standing, then its duties, gives it the items.
        let heads = [
            "Điều 3. Tổ chức hoạt động của Ban Chỉ đạo",
            "3. Sở Ngoại vụ là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm:",
        ];
        let listing = [
            "Điều 3. Tổ chức hoạt động của Ban Chỉ đạo",
            "3. Sở Ngoại vụ là cơ quan thường trực của Ban Chỉ đạo, gồm các phòng sau:",
        ];
        let d = doc(vec![
            clause(
                "Điều 3.3.a",
                &heads,
                "Tham mưu Trưởng ban xây dựng Quy chế hoạt động của Ban Chỉ đạo;",
                ClauseKind::Item,
            ),
            clause("Điều 3.3.a", &listing, "Phòng Lãnh sự;", ClauseKind::Item),
        ]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Ngoại vụ", Role::Lead)]);
        assert!(!roles(&d.clauses[1]).contains(&r("Sở Ngoại vụ", Role::Lead)));
    }

    #[test]
    fn a_doer_named_with_where_it_acts_and_one_that_notifies() {
        let h = ["Điều 4. Bảo hộ công dân"];
        let d = doc(vec![
            clause("Điều 4.3", &h, "UBND cấp xã nơi công dân cư trú thông báo cho gia đình, hỗ trợ thủ tục đưa công dân về nước.", ClauseKind::Item),
            clause("Điều 4.2", &h, "Công an tỉnh thông báo cho Sở Ngoại vụ để thực hiện thông báo lãnh sự.", ClauseKind::Item),
            // A notice sent to an agency gives it nothing.
            clause("Điều 4.4", &h, "Các trường hợp phát sinh phải thông báo cho Sở Ngoại vụ.", ClauseKind::Item),
            // "nơi" with no verb after it is a place, not the doer's qualifier.
            clause("Điều 4.5", &h, "Hồ sơ gửi Sở Tư pháp nơi công dân cư trú.", ClauseKind::Item),
        ]);
        assert_eq!(roles(&d.clauses[0]), vec![r("UBND cấp xã", Role::Assigned)]);
        assert_eq!(roles(&d.clauses[1]), vec![r("Công an", Role::Assigned)]);
        assert!(
            roles(&d.clauses[2]).is_empty(),
            "{:?}",
            roles(&d.clauses[2])
        );
        assert!(
            roles(&d.clauses[3]).is_empty(),
            "{:?}",
            roles(&d.clauses[3])
        );
    }

    #[test]
    fn shortened_agencies_lead_when_they_chair() {
        let d = doc(vec![
            clause(
                "II.1",
                &[TCTH],
                "BCH BĐBP tỉnh chủ trì tuần tra biên giới.",
                ClauseKind::Item,
            ),
            clause(
                "II.2",
                &[TCTH],
                "Bộ CHQS tỉnh chủ trì diễn tập khu vực phòng thủ.",
                ClauseKind::Item,
            ),
            clause(
                "II.3",
                &[TCTH],
                "Ủy ban MTTQ VN tỉnh chủ trì vận động kiều bào.",
                ClauseKind::Item,
            ),
            clause(
                "II.4",
                &[TCTH],
                "Sở Ngoại vụ chủ trì, phối hợp với UBND các huyện, TX, TP tuyên truyền.",
                ClauseKind::Item,
            ),
        ]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Bộ Chỉ huy Bộ đội Biên phòng", Role::Lead)]
        );
        assert_eq!(
            roles(&d.clauses[1]),
            vec![r("Bộ Chỉ huy Quân sự", Role::Lead)]
        );
        assert_eq!(
            roles(&d.clauses[2]),
            vec![r("Ủy ban Mặt trận Tổ quốc Việt Nam", Role::Lead)]
        );
        assert_eq!(
            roles(&d.clauses[3]),
            vec![
                r("Sở Ngoại vụ", Role::Lead),
                r("UBND cấp huyện", Role::Support)
            ]
        );
        assert_eq!(
            d.clauses[3].assignments[1].mention,
            "UBND các huyện, TX, TP"
        );
    }

    #[test]
    fn a_lead_in_that_gives_and_names_a_lead_passes_its_roles_to_every_item() {
        let lead_in = "Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này; Sở Ngoại vụ chủ trì, phối hợp với Sở Tài chính hướng dẫn các cơ quan, đơn vị thực hiện, cụ thể:";
        let h = ["Điều 3. Tổ chức thực hiện", lead_in];
        let h3 = [
            h[0],
            h[1],
            "3. Định kỳ hằng năm báo cáo kết quả thực hiện với Hội đồng nhân dân tỉnh, trong đó:",
        ];
        let d = doc(vec![
            clause(
                "Điều 3.1",
                &h,
                "Hướng dẫn việc phân hạng đoàn khách nước ngoài.",
                ClauseKind::Item,
            ),
            clause(
                "Điều 3.3.a",
                &h3,
                "Số đoàn khách nước ngoài đã đón tiếp;",
                ClauseKind::Item,
            ),
        ]);
        let want = vec![
            r("UBND tỉnh", Role::Assigned),
            r("Sở Ngoại vụ", Role::Lead),
            r("Sở Tài chính", Role::Support),
        ];
        assert_eq!(roles(&d.clauses[0]), want);
        assert_eq!(roles(&d.clauses[1]), want);
        // Without a lead stated beside it, the body the heading gives the work to leads.
        let d = doc(vec![clause(
            "Điều 3.1",
            &[
                "Điều 3. Tổ chức thực hiện",
                "Giao Sở Tài chính hướng dẫn thực hiện, cụ thể:",
            ],
            "Hướng dẫn việc thanh quyết toán kinh phí.",
            ClauseKind::Item,
        )]);
        assert_eq!(roles(&d.clauses[0]), vec![r("Sở Tài chính", Role::Lead)]);
    }

    #[test]
    fn a_request_is_marked_as_asked_not_ordered() {
        let d = doc(vec![
            clause("IV.9", &[TCTH], "Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp tuyên truyền, vận động Nhân dân.", ClauseKind::Item),
            clause("IV.10", &[TCTH], "Đề nghị Liên hiệp các tổ chức hữu nghị tỉnh chủ trì, phối hợp với Tỉnh đoàn tổ chức giao lưu.", ClauseKind::Item),
            // After a semicolon, a part that gives work itself is an order.
            clause("IV.11", &[TCTH], "Đề nghị Hội Nông dân tỉnh chủ trì vận động hội viên; giao Sở Ngoại vụ theo dõi.", ClauseKind::Item),
            clause("IV.12", &[TCTH], "Sở Ngoại vụ chủ trì tổng hợp đề nghị của các địa phương.", ClauseKind::Item),
            clause("IV.13.a", &[TCTH, "13. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "Tuyên truyền, vận động Nhân dân.", ClauseKind::Item),
        ]);
        let asked = |c: &Clause| -> Vec<(String, bool)> {
            c.assignments
                .iter()
                .map(|a| (a.agency.clone(), a.request))
                .collect()
        };
        assert!(
            d.clauses[0].assignments.iter().all(|a| a.request),
            "{:?}",
            d.clauses[0].assignments
        );
        assert_eq!(
            roles(&d.clauses[0])[0],
            r("Ủy ban Mặt trận Tổ quốc Việt Nam", Role::Support)
        );
        assert_eq!(
            asked(&d.clauses[1]),
            vec![
                ("Liên hiệp các tổ chức hữu nghị".to_string(), true),
                ("Tỉnh đoàn".to_string(), true)
            ]
        );
        assert_eq!(
            asked(&d.clauses[2]),
            vec![
                ("Hội Nông dân".to_string(), true),
                ("Sở Ngoại vụ".to_string(), false)
            ]
        );
        assert_eq!(
            asked(&d.clauses[3]),
            vec![("Sở Ngoại vụ".to_string(), false)]
        );
        assert_eq!(
            asked(&d.clauses[4]),
            vec![("Ủy ban Mặt trận Tổ quốc Việt Nam".to_string(), true)]
        );
        // Only a request is written out.
        let json = serde_json::to_string(&d.clauses[3].assignments).unwrap();
        assert!(!json.contains("request"), "{json}");
        assert!(serde_json::to_string(&d.clauses[4].assignments)
            .unwrap()
            .contains("\"request\":true"));
    }

    #[test]
    fn agencies_joined_by_a_dash_in_a_cell_are_one_list() {
        let h = ["II. NỘI DUNG"];
        let d = doc(vec![clause(
            "II.2",
            &h,
            "Tuyên truyền biên giới\nCơ quan chủ trì: Sở Thông tin và Truyền thông\nCơ quan phối hợp: Bộ Chỉ huy Bộ đội Biên phòng tỉnh - Đài Phát thanh và Truyền hình tỉnh",
            ClauseKind::TableRow,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![
                r("Sở Thông tin và Truyền thông", Role::Lead),
                r("Bộ Chỉ huy Bộ đội Biên phòng", Role::Support),
                r("Đài Phát thanh và Truyền hình", Role::Support),
            ]
        );
        // A dash inside a name is no separator.
        let d = doc(vec![clause(
            "II.3",
            &h,
            "Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội",
            ClauseKind::TableRow,
        )]);
        assert_eq!(
            roles(&d.clauses[0]),
            vec![r("Sở Lao động - Thương binh và Xã hội", Role::Lead)]
        );
    }
}
