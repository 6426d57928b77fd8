#include "runbookdocument.h"

#include "exporttext.h"

#include <QCoreApplication>
#include <QDir>

namespace RunbookDocument {

namespace {

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(RunbookDocument)
};

// Markdown's characters that would start markup inside running text (not in code).
QString markdownText(QString text)
{
    static const QString special = QStringLiteral("\\`*_{}[]<>#|");
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (special.contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

// A table cell's running text: markup escaped (pipes too), line breaks as <br>.
QString markdownCellText(const QString &text)
{
    return markdownText(text)
        .replace(QLatin1Char('\r'), QLatin1Char(' '))
        .replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString markdownCellOf(const Cell &cell)
{
    QString text = cell.text;
    if (cell.mono && !text.isEmpty()) {
        // A code span: the longest backtick run inside decides the fence (CommonMark).
        int longest = 0, run = 0;
        for (const QChar c : text) {
            run = c == QLatin1Char('`') ? run + 1 : 0;
            longest = qMax(longest, run);
        }
        const QString fence(longest + 1, QLatin1Char('`'));
        // A space inside the fence only where the text itself starts or ends with a backtick (CommonMark
        // strips one from each side then).
        const bool pad = text.startsWith(QLatin1Char('`')) || text.endsWith(QLatin1Char('`'));
        const QString space = pad ? QStringLiteral(" ") : QString();
        text = fence + space + text + space + fence;
        text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    } else {
        text = markdownCellText(text);
    }
    const QString space = text.isEmpty() ? QString() : QStringLiteral(" ");
    switch (cell.check) {
    case Cell::Check::Checked:
        return QStringLiteral("☑") + space + text;
    case Cell::Check::Unchecked:
        return QStringLiteral("☐") + space + text;
    case Cell::Check::None:
        break;
    }
    return text;
}

void appendTable(QString &out, const Table &table)
{
    if (table.columns.isEmpty())
        return;
    QStringList head;
    for (const QString &c : table.columns)
        head << markdownCellText(c);
    out += QStringLiteral("| ") + head.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
    for (qsizetype i = 0; i < table.columns.size(); ++i)
        out += QStringLiteral(" --- |");
    out += QLatin1Char('\n');
    for (const QList<Cell> &row : table.rows) {
        out += QStringLiteral("|");
        for (qsizetype i = 0; i < table.columns.size(); ++i) {
            out += QLatin1Char(' ');
            if (i < row.size())
                out += markdownCellOf(row.at(i));
            out += QStringLiteral(" |");
        }
        out += QLatin1Char('\n');
    }
    out += QLatin1Char('\n');
}

QString fenceFor(const QString &text)
{
    int longest = 0, run = 0;
    for (const QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = qMax(longest, run);
    }
    return QString(qMax(3, longest + 1), QLatin1Char('`'));
}

} // namespace

Block Block::heading(const QString &text, int level)
{
    Block b;
    b.kind = Kind::Heading;
    b.text = text;
    b.level = qBound(2, level, 3);
    return b;
}

Block Block::paragraph(const QString &text)
{
    Block b;
    b.kind = Kind::Paragraph;
    b.text = text;
    return b;
}

Block Block::note(const QString &text)
{
    Block b;
    b.kind = Kind::Note;
    b.text = text;
    return b;
}

Block Block::fieldList(const QList<QPair<QString, QString>> &fields)
{
    Block b;
    b.kind = Kind::Fields;
    b.fields = fields;
    return b;
}

Block Block::tableOf(const Table &table)
{
    Block b;
    b.kind = Kind::Table;
    b.table = table;
    return b;
}

Block Block::commands(const QString &caption, const QString &text)
{
    Block b;
    b.kind = Kind::Commands;
    b.caption = caption;
    b.text = text;
    return b;
}

Block Block::image(const QByteArray &svg, const QSizeF &sizeMm, const QString &caption)
{
    Block b;
    b.kind = Kind::Image;
    b.svg = svg;
    b.size = sizeMm;
    b.caption = caption;
    return b;
}

Block Block::signOff(const QList<QPair<QString, QString>> &rolesAndNames)
{
    Block b;
    b.kind = Kind::SignOff;
    b.fields = rolesAndNames;
    return b;
}

Block Block::pageBreak()
{
    Block b;
    b.kind = Kind::PageBreak;
    return b;
}

QString Document::footerText() const
{
    const QString at = exportedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    if (journalSha256.isEmpty())
        return Texts::tr("%1 · exported %2 · no journal").arg(planName, at);
    return Texts::tr("%1 · exported %2 · journal SHA-256 %3").arg(planName, at, journalSha256);
}

std::optional<Format> formatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("pdf"))
        return Format::Pdf;
    if (n == QLatin1String("html") || n == QLatin1String("htm"))
        return Format::Html;
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return Format::Markdown;
    return std::nullopt;
}

std::optional<Paper> paperFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("a4"))
        return Paper::A4;
    if (n == QLatin1String("letter"))
        return Paper::Letter;
    return std::nullopt;
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Pdf:
        return QStringLiteral("pdf");
    case Format::Html:
        return QStringLiteral("html");
    case Format::Markdown:
        break;
    }
    return QStringLiteral("md");
}

QString suffixOf(Format format)
{
    return QLatin1Char('.') + formatName(format);
}

QByteArray toMarkdown(const Document &document)
{
    QString out;
    out += QStringLiteral("# ") + markdownText(document.title) + QStringLiteral("\n\n");
    if (!document.subtitle.isEmpty())
        out += markdownText(document.subtitle) + QStringLiteral("\n\n");
    out += QStringLiteral("_") + markdownText(document.footerText()) + QStringLiteral("_\n\n");
    for (const Section &section : document.sections) {
        out += QStringLiteral("## ") + markdownText(section.title) + QStringLiteral("\n\n");
        for (const Block &block : section.blocks) {
            switch (block.kind) {
            case Block::Kind::Heading:
                out += QString(block.level + 1, QLatin1Char('#')) + QLatin1Char(' ') +
                       markdownText(block.text) + QStringLiteral("\n\n");
                break;
            case Block::Kind::Paragraph:
                out += markdownText(block.text) + QStringLiteral("\n\n");
                break;
            case Block::Kind::Note:
                for (const QString &line : block.text.split(QLatin1Char('\n')))
                    out += QStringLiteral("> ") + markdownText(line) + QLatin1Char('\n');
                out += QLatin1Char('\n');
                break;
            case Block::Kind::Fields:
                for (const auto &[label, value] : block.fields)
                    out += QStringLiteral("- **") + markdownText(label) + QStringLiteral(":** ") +
                           markdownText(value).replace(QLatin1Char('\n'), QLatin1Char(' ')) +
                           QLatin1Char('\n');
                out += QLatin1Char('\n');
                break;
            case Block::Kind::Table:
                appendTable(out, block.table);
                break;
            case Block::Kind::Commands: {
                if (!block.caption.isEmpty())
                    out += markdownText(block.caption) + QStringLiteral("\n\n");
                const QString fence = fenceFor(block.text);
                out += fence + QLatin1Char('\n') + block.text;
                if (!block.text.endsWith(QLatin1Char('\n')))
                    out += QLatin1Char('\n');
                out += fence + QStringLiteral("\n\n");
                break;
            }
            case Block::Kind::Image:
                if (!block.caption.isEmpty())
                    out += QStringLiteral("_") + markdownText(block.caption) + QStringLiteral("_\n\n");
                break;
            case Block::Kind::SignOff:
                for (const auto &[role, name] : block.fields)
                    out += QStringLiteral("- [ ] ") + markdownText(role) + QStringLiteral(": ") +
                           (name.isEmpty() ? QStringLiteral("________________") : markdownText(name)) +
                           QStringLiteral(" · ") + Texts::tr("signed") +
                           QStringLiteral(" ________________ · ") + Texts::tr("date") +
                           QStringLiteral(" __________\n");
                out += QLatin1Char('\n');
                break;
            case Block::Kind::PageBreak:
                break;
            }
        }
    }
    return out.toUtf8();
}

bool writeFile(const Document &document, Format format, const QString &path, Paper paper, QString *error)
{
    if (format == Format::Pdf)
        return writePdf(document, path, paper, error);
    QString reason;
    if (ExportText::writeAtomically(
            path, format == Format::Html ? toHtml(document, paper) : toMarkdown(document), &reason))
        return true;
    if (error)
        *error = Texts::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
    return false;
}

} // namespace RunbookDocument
