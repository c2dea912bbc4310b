//! JUnit XML, which CI systems (Jenkins, GitLab, Azure Pipelines, CircleCI) show as test results:
//! a `<testcase>` per checked file (name and classname are its path), a `<failure>` per finding
//! (message `Rule.Id: message`, type the severity, body `path:line:col`), and an `<error>` test
//! case per file that could not be read. `failures` counts failing files, as `tests` counts files.

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{FileError, FileReport, Summary, TOOL};
use crate::span::Positions;

pub(super) fn write(
    reports: &[FileReport],
    errors: &[FileError],
    out: &mut dyn Write,
) -> io::Result<()> {
    let summary = Summary::of(reports, errors);
    let tests = (summary.files + summary.errors).to_string();
    let failures = reports
        .iter()
        .filter(|r| !r.findings.is_empty())
        .count()
        .to_string();
    let error_count = summary.errors.to_string();
    let counts = [
        ("name", TOOL),
        ("tests", tests.as_str()),
        ("failures", failures.as_str()),
        ("errors", error_count.as_str()),
        ("skipped", "0"),
    ];
    // quick-xml escapes attribute values (line breaks and tabs included, as character
    // references, so they survive attribute normalisation) and text.
    let mut xml = Writer::new_with_indent(&mut *out, b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xml.create_element("testsuites")
        .with_attributes(counts)
        .write_inner_content(|xml| {
            xml.create_element("testsuite")
                .with_attributes(counts)
                .write_inner_content(|xml| {
                    for report in reports {
                        test_case(xml, report)?;
                    }
                    for error in errors {
                        unreadable_case(xml, error)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    writeln!(out)
}

/// A checked file's `<testcase>`, with a `<failure>` per finding.
fn test_case<W: Write>(xml: &mut Writer<W>, report: &FileReport) -> io::Result<()> {
    let path = xml_chars(&report.path);
    let case = xml
        .create_element("testcase")
        .with_attributes([("name", &*path), ("classname", &*path)]);
    if report.findings.is_empty() {
        case.write_empty()?;
        return Ok(());
    }
    case.write_inner_content(|xml| {
        let mut positions = Positions::new(&report.source);
        for finding in &report.findings {
            let start = positions.at(finding.span.start);
            let message = format!("{}: {}", finding.rule, finding.message);
            let at = format!("{path}:{}:{}", start.line, start.column);
            xml.create_element("failure")
                .with_attributes([
                    ("message", &*xml_chars(&message)),
                    ("type", finding.severity.as_str()),
                ])
                .write_text_content(BytesText::new(&at))?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The `<testcase>` of a file that could not be checked: one `<error>`.
fn unreadable_case<W: Write>(xml: &mut Writer<W>, error: &FileError) -> io::Result<()> {
    let path = xml_chars(&error.path);
    xml.create_element("testcase")
        .with_attributes([("name", &*path), ("classname", &*path)])
        .write_inner_content(|xml| {
            xml.create_element("error")
                .with_attributes([
                    ("message", &*xml_chars(&error.message)),
                    ("type", "unreadable"),
                ])
                .write_text_content(BytesText::new(&path))?;
            Ok(())
        })?;
    Ok(())
}

/// `text` with the characters XML 1.0 cannot carry at all, escaped or not (C0 controls other
/// than tab and line breaks, U+FFFE, U+FFFF), replaced by U+FFFD.
fn xml_chars(text: &str) -> Cow<'_, str> {
    let forbidden = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if text.contains(forbidden) {
        text.replace(forbidden, "\u{FFFD}").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Severity};
    use crate::span::Span;
    use quick_xml::events::attributes::Attribute;

    /// The attributes `name` of every element `tag` of `xml`, as an XML 1.0 parser reads them.
    fn attributes(xml: &str, tag: &str, name: &str) -> Vec<String> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut found = Vec::new();
        loop {
            match reader.read_event().expect("well-formed") {
                Event::Eof => return found,
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == tag => {
                    let value = e
                        .attributes()
                        .map(|a| a.expect("an attribute"))
                        .find(|a: &Attribute<'_>| a.key.as_ref() == name)
                        .expect("the attribute")
                        .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .expect("valid references")
                        .into_owned();
                    found.push(value);
                }
                _ => {}
            }
        }
    }

    #[test]
    fn attributes_survive_a_parser_with_markup_quotes_and_line_breaks() {
        let path = "wire,50%:a&b <c> \"d\" 'e'.txt";
        let message = "two\nlines\tand\r\u{1}: 'quoted' & \"more\" <tag>";
        let report = FileReport {
            path: path.to_owned(),
            source: "Head\n\nBody.\n".to_owned(),
            encoding: crate::input::encoding::TextEncoding::Utf8,
            findings: vec![Finding {
                rule: "r.X".to_owned(),
                severity: Severity::Warning,
                message: message.to_owned(),
                span: Span::new(6, 10),
                suggestions: Vec::new(),
                link: None,
                reference: None,
                safe_fix: false,
            }],
            reference: None,
        };
        let error = FileError {
            path: "bad\u{1b}[31m.txt".to_owned(),
            message: "bad\u{1b}[31m.txt: invalid UTF-8 <here>".to_owned(),
        };
        let mut out = Vec::new();
        write(&[report], &[error], &mut out).expect("written");
        let xml = String::from_utf8(out).expect("UTF-8");
        assert_eq!(
            attributes(&xml, "testcase", "name"),
            [path, "bad\u{FFFD}[31m.txt"],
            "{xml}"
        );
        assert_eq!(
            attributes(&xml, "failure", "message"),
            [format!("r.X: {}", message.replace('\u{1}', "\u{FFFD}"))],
            "{xml}"
        );
        assert_eq!(attributes(&xml, "failure", "type"), ["warning"]);
        assert_eq!(
            attributes(&xml, "error", "message"),
            ["bad\u{FFFD}[31m.txt: invalid UTF-8 <here>"]
        );
        assert!(
            xml.contains(&format!(
                ">{}:3:1</failure>",
                "wire,50%:a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;.txt"
            )),
            "{xml}"
        );
    }

    #[test]
    fn characters_xml_cannot_carry_are_replaced_and_the_rest_kept() {
        assert_eq!(
            xml_chars("Arab & <Intl> \"x\" 'y'\n\t\r\u{1}\u{FFFE}"),
            "Arab & <Intl> \"x\" 'y'\n\t\r\u{FFFD}\u{FFFD}"
        );
    }
}
