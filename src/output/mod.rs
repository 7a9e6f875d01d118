//! Output: what the CLI prints, as strings. Two forms of everything: `human` for a terminal
//! (optionally coloured) and `json` for scripts (stable field names, documented in README.md).
//! Nothing here prints; the binary decides where the strings go.

pub mod human;
pub mod json;

/// Colours for human output (ANSI), or none.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    pub fn paint(&self, style: anstyle::Style, text: &str) -> String {
        if self.enabled {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    pub fn citation(&self, text: &str) -> String {
        self.paint(anstyle::Style::new().bold(), text)
    }

    pub fn location(&self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Magenta.on_default(), text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint(anstyle::Style::new().dimmed(), text)
    }

    pub fn matched(&self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Red.on_default().bold(), text)
    }

    pub fn warn(&self, text: &str) -> String {
        self.paint(anstyle::AnsiColor::Yellow.on_default(), text)
    }
}
