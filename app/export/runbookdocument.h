#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>

class QPagedPaintDevice;

// The printable runbook (issue 16) as a neutral document: what the lead hands to the team, the change board
// and the night shift. RunbookReportBuilder fills it from the plan, the journal and what both servers said at
// export time; the writers below lay the same document out as PDF (or on any printer), one self-contained
// HTML file, or Markdown for a wiki or a change ticket. The document holds text only, never a key: whatever
// is put here is printed.
namespace RunbookDocument {

// One table cell: its text, optionally after a check box, optionally in a fixed-width font (commands, ids).
struct Cell
{
    enum class Check
    {
        None,
        Unchecked,
        Checked
    };
    QString text;
    Check check = Check::None;
    bool mono = false;

    Cell() = default;
    Cell(const QString &t) : text(t) {} // NOLINT(google-explicit-constructor): rows read better
    Cell(const QString &t, Check c) : text(t), check(c) {}
    static Cell code(const QString &t)
    {
        Cell c(t);
        c.mono = true;
        return c;
    }
    bool operator==(const Cell &) const = default;
};

struct Table
{
    QStringList columns;     // the header row, repeated at the top of every page the table continues on
    QList<QList<Cell>> rows; // each as long as `columns`
    QList<int> widths;       // relative column widths (any scale); empty: equal
    bool operator==(const Table &) const = default;
};

struct Block
{
    enum class Kind
    {
        Heading,   // `text`, a sub-heading inside the section (`level` 2 or 3)
        Paragraph, // `text`
        Note,      // `text`, set apart: a warning, or why a part is missing ("not analysed: manual")
        Fields,    // `fields`: label and value pairs (decisions, versions)
        Table,     // `table`
        Commands,  // `text`: commands or a script, one per line, fixed-width, kept together; `caption` above
        Image,     // `svg` (an SVG drawing, e.g. the drift chart), `caption` below, `size` in millimetres
        SignOff,   // `fields`: role and name (the name may be empty: a line to sign on)
        PageBreak
    };
    Kind kind = Kind::Paragraph;
    int level = 2;
    QString text;
    QString caption;
    QList<QPair<QString, QString>> fields;
    Table table;
    QByteArray svg;
    QSizeF size; // millimetres, for Image
    bool operator==(const Block &) const = default;

    static Block heading(const QString &text, int level = 2);
    static Block paragraph(const QString &text);
    static Block note(const QString &text);
    static Block fieldList(const QList<QPair<QString, QString>> &fields);
    static Block tableOf(const Table &table);
    static Block commands(const QString &caption, const QString &text);
    static Block image(const QByteArray &svg, const QSizeF &sizeMm, const QString &caption);
    static Block signOff(const QList<QPair<QString, QString>> &rolesAndNames);
    static Block pageBreak();
};

struct Section
{
    QString id;    // stable, lower case ("decisions", "servers", "tentacles", …): anchors and tests
    QString title; // the heading
    QList<Block> blocks;
    bool operator==(const Section &) const = default;
};

struct Document
{
    QString title;          // "Migration runbook"
    QString subtitle;       // old → new server
    QString runningHeader;  // at the top of every page after the first
    QString planName;       // the plan file's name: at the foot of every page
    QDateTime exportedAt;   // UTC: at the foot of every page
    QString journalSha256;  // hex, of the journal file: at the foot of every page ("" without a journal)
    QString language = QStringLiteral("en");
    QList<Section> sections;
    bool operator==(const Document &) const = default;

    // The line at the foot of every page: plan name, export time (UTC) and the journal's SHA-256.
    QString footerText() const;
};

enum class Format
{
    Pdf,
    Html,
    Markdown
};
enum class Paper
{
    A4,
    Letter
};

std::optional<Format> formatFromName(const QString &name); // "pdf", "html", "md" (also "markdown")
std::optional<Paper> paperFromName(const QString &name);   // "a4", "letter"
QString formatName(Format format);                         // "pdf", "html", "md"
QString suffixOf(Format format);                           // ".pdf", ".html", ".md"

// Markdown that GitHub and GitLab render: headings, pipe tables, "- [x]" check boxes in lists and "☑/☐" in
// table cells, fenced code blocks for commands. Images become their caption (Markdown has no inline image
// that renders everywhere). runbookdocument.cpp.
QByteArray toMarkdown(const Document &document);

// One self-contained HTML5 file: CSS inline with a print stylesheet, images as inline SVG, no external
// reference of any kind (no link, script, font or image URL). runbookhtmlwriter.cpp.
QByteArray toHtml(const Document &document);
// The same with the print stylesheet's page size set to `paper` (the one above: A4).
QByteArray toHtml(const Document &document, Paper paper);

// An Image block's SVG as the writers draw it: without the XML prolog, doctype and comments, and without
// scripts, foreign objects, event handlers or any reference outside the drawing (links and image sources
// other than "#…" or a data: image, url() other than url(#…), @import). Empty when the bytes are not XML
// with an <svg> root. runbookhtmlwriter.cpp.
QByteArray sanitizedSvg(const QByteArray &svg);

// Lays the document out page by page on `device` (a QPdfWriter, or the QPrinter of the print dialog or the
// print preview), with the running header, the footer line and "page N of M" on every page, tables split
// cleanly between rows with their header repeated, DejaVu fonts. False with *error when it cannot paint.
// runbookpdfwriter.cpp.
bool paint(const Document &document, QPagedPaintDevice *device, QString *error);

// A PDF of `paper` size to `path`, atomically. runbookpdfwriter.cpp.
bool writePdf(const Document &document, const QString &path, Paper paper, QString *error);

// Any format to `path`, atomically (QSaveFile): the old file is kept when writing fails.
bool writeFile(const Document &document, Format format, const QString &path, Paper paper, QString *error);

} // namespace RunbookDocument
