// The printable runbook as one self-contained HTML5 file: CSS inline with a print stylesheet (paper size,
// the footer line and "page N of M" in the page margins, tables' headers repeated, rows, notes and commands
// not broken between pages), sections as <section id>, images as inline SVG (re-serialised without scripts,
// event handlers or outside references), no reference of any kind outside the file. The markup is also
// well-formed XML (void elements closed, everything escaped), so it can be read back by an XML reader.
#include "runbookdocument.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace RunbookDocument {

namespace {

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(RunbookDocument)
};

// Text content: escaped, line breaks kept.
QString html(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.remove(QLatin1Char('\r'));
    out.replace(QLatin1Char('\n'), QStringLiteral("<br />"));
    return out;
}

// An attribute value (double-quoted).
QString attr(const QString &text)
{
    return text.toHtmlEscaped();
}

// A CSS string literal that is safe inside <style>: quotes, backslashes, line breaks and "<" escaped.
QString cssString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\') || c == QLatin1Char('<') ||
            c == QLatin1Char('>') || c == QLatin1Char('&') || c.unicode() < 0x20)
            out += QStringLiteral("\\%1 ").arg(c.unicode(), 0, 16);
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

// "Page %1 of %2" as CSS generated content with the page counters in place of %1 and %2.
QString cssPageCounter()
{
    const QString pattern = Texts::tr("Page %1 of %2");
    QString out;
    QString literal;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i) == QLatin1Char('%') && i + 1 < pattern.size() &&
            (pattern.at(i + 1) == QLatin1Char('1') || pattern.at(i + 1) == QLatin1Char('2'))) {
            if (!literal.isEmpty())
                out += cssString(literal) + QLatin1Char(' ');
            literal.clear();
            out += pattern.at(i + 1) == QLatin1Char('1') ? QStringLiteral("counter(page) ")
                                                         : QStringLiteral("counter(pages) ");
            ++i;
        } else {
            literal += pattern.at(i);
        }
    }
    if (!literal.isEmpty())
        out += cssString(literal);
    return out.trimmed();
}

// An identifier usable as an id and a fragment: lower-case letters, digits, '-' and '_'.
QString idOf(const QString &raw, int index)
{
    QString id;
    for (const QChar c : raw.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
            c == QLatin1Char('_'))
            id += c;
        else if (!id.endsWith(QLatin1Char('-')))
            id += QLatin1Char('-');
    }
    if (id.isEmpty() || !id.at(0).isLetter())
        id.prepend(QStringLiteral("section-%1-").arg(index + 1));
    return id;
}

bool outsideReference(const QString &value)
{
    static const QRegularExpression url(QStringLiteral("url\\(\\s*['\"]?\\s*(?!#)"),
                                        QRegularExpression::CaseInsensitiveOption);
    return value.contains(url) || value.contains(QLatin1String("@import"), Qt::CaseInsensitive) ||
           value.contains(QLatin1String("javascript:"), Qt::CaseInsensitive);
}

} // namespace

QByteArray sanitizedSvg(const QByteArray &svg)
{
    QXmlStreamReader reader(svg);
    reader.setNamespaceProcessing(false);
    QString out;
    QXmlStreamWriter writer(&out);
    int depth = 0;
    int skipping = 0; // depth of a dropped element's subtree
    bool root = true;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            const QString name = reader.qualifiedName().toString();
            const QString local = name.section(QLatin1Char(':'), -1).toLower();
            if (root && local != QLatin1String("svg"))
                return QByteArray();
            root = false;
            ++depth;
            if (skipping) {
                ++skipping;
                break;
            }
            const auto inside = [](const QString &value) {
                const QString v = value.trimmed();
                return v.startsWith(QLatin1Char('#')) ||
                       v.startsWith(QLatin1String("data:image/"), Qt::CaseInsensitive);
            };
            bool drop = local == QLatin1String("script") || local == QLatin1String("foreignobject");
            if (local ==
                QLatin1String("image")) { // a picture from outside the drawing: dropped with its element
                drop = true;
                for (const QXmlStreamAttribute &a : reader.attributes()) {
                    if (a.name().endsWith(QLatin1String("href"), Qt::CaseInsensitive) &&
                        inside(a.value().toString()))
                        drop = false;
                }
            }
            if (drop) {
                skipping = 1;
                break;
            }
            writer.writeStartElement(name);
            bool hasXmlns = false;
            for (const QXmlStreamAttribute &a : reader.attributes()) {
                const QString an = a.qualifiedName().toString();
                const QString al = an.section(QLatin1Char(':'), -1).toLower();
                const QString value = a.value().toString();
                if (an == QLatin1String("xmlns"))
                    hasXmlns = true;
                if (al.startsWith(QLatin1String("on")))
                    continue;
                if ((al == QLatin1String("href") || al == QLatin1String("src")) && !inside(value))
                    continue;
                if (!an.startsWith(QLatin1String("xmlns")) && outsideReference(value))
                    continue;
                writer.writeAttribute(an, value);
            }
            if (depth == 1 && !hasXmlns)
                writer.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://www.w3.org/2000/svg"));
            break;
        }
        case QXmlStreamReader::EndElement:
            --depth;
            if (skipping) {
                --skipping;
                break;
            }
            writer.writeEndElement();
            break;
        case QXmlStreamReader::Characters:
            if (!skipping && depth > 0) {
                // Text with an outside reference (a <style> with @import or url(http…)) is dropped.
                const QString text = reader.text().toString();
                writer.writeCharacters(outsideReference(text) ? QString() : text);
            }
            break;
        default: // prolog, doctype, comments, processing instructions, entity references
            break;
        }
    }
    if (reader.hasError() || root)
        return QByteArray();
    return out.toUtf8();
}

namespace {

QString styleSheet(Paper paper, const Document &document)
{
    const QString size = paper == Paper::Letter ? QStringLiteral("letter") : QStringLiteral("A4");
    QString css = QStringLiteral(R"(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; line-height: 1.35;
       color: #1a1a1a; background: #fff; max-width: 190mm; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .15em; }
h2 { font-size: 14pt; margin: 1.4em 0 .4em; }
h3 { font-size: 11.5pt; margin: 1em 0 .3em; }
h4 { font-size: 10pt; margin: .8em 0 .3em; }
.subtitle { font-size: 12pt; color: #444; margin: 0 0 .4em; }
.meta, .doc-footer { font-size: 8pt; color: #555; overflow-wrap: anywhere; }
nav.contents ol { margin: .3em 0; padding-left: 1.5em; }
nav.contents a { color: inherit; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; font-size: 8.5pt; }
th, td { border: 0.5pt solid #999; padding: 2.5pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #e6e6e6; }
code, pre { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: 7.5pt; }
figure { margin: .3em 0 .8em; }
figure.commands pre { background: #f2f2f2; border: 0.75pt solid #bbb; padding: 5pt; margin: 0; white-space: pre-wrap;
                      overflow-wrap: anywhere; font-size: 8pt; }
figure.commands figcaption { font-weight: bold; margin-bottom: .2em; }
aside.note { background: #fff8e1; border: 0.75pt solid #d0a030; padding: 5pt; margin: .3em 0 .8em; }
dl.fields { display: grid; grid-template-columns: 30% 70%; margin: 0 0 .8em; font-size: 8.5pt; }
dl.fields dt { font-weight: bold; padding: 2pt 0; }
dl.fields dd { margin: 0; padding: 2pt 0; overflow-wrap: anywhere; }
figure.image { margin-left: auto; margin-right: auto; max-width: 100%; text-align: center; }
figure.image svg { width: 100%; height: auto; }
figure.image figcaption { font-size: 8pt; font-style: italic; }
.check { font-family: "DejaVu Sans", "Segoe UI Symbol", sans-serif; }
table.signoff th, table.signoff td { border: none; padding: 14pt 4pt 4pt; vertical-align: bottom; }
.line { display: inline-block; min-width: 40mm; border-bottom: 0.75pt solid #1a1a1a; }
.line.short { min-width: 20mm; }
.page-break { break-after: page; page-break-after: always; }
@page { size: %1; margin: 15mm 15mm 18mm; @bottom-left { content: %2; font-size: 7pt; color: #555; }
        @bottom-right { content: %3; font-size: 7pt; color: #555; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9pt; }
  nav.contents { break-after: page; page-break-after: always; }
  thead { display: table-header-group; }
  tr, pre, aside, figure, dl.fields, table.signoff { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, h4, figcaption { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
)");
    return css.arg(size, cssString(document.footerText()), cssPageCounter());
}

QString checkOf(Cell::Check check)
{
    switch (check) {
    case Cell::Check::Checked:
        return QStringLiteral("<span class=\"check\" role=\"img\" aria-label=\"%1\">☑</span> ")
            .arg(attr(Texts::tr("done")));
    case Cell::Check::Unchecked:
        return QStringLiteral("<span class=\"check\" role=\"img\" aria-label=\"%1\">☐</span> ")
            .arg(attr(Texts::tr("to do")));
    case Cell::Check::None:
        break;
    }
    return QString();
}

void appendTable(QString &out, const Table &table)
{
    const qsizetype columns = table.columns.size();
    if (columns == 0)
        return;
    out += QStringLiteral("<table>\n");
    qreal total = 0;
    for (qsizetype i = 0; i < columns && i < table.widths.size(); ++i)
        total += qMax(0, table.widths.at(i));
    if (total > 0) {
        out += QStringLiteral("<colgroup>");
        for (qsizetype i = 0; i < columns; ++i) {
            const qreal share = i < table.widths.size() ? 100.0 * qMax(0, table.widths.at(i)) / total : 0;
            out += QStringLiteral("<col style=\"width: %1%\" />").arg(share, 0, 'f', 1);
        }
        out += QStringLiteral("</colgroup>\n");
    }
    out += QStringLiteral("<thead><tr>");
    for (const QString &c : table.columns)
        out += QStringLiteral("<th scope=\"col\">") + html(c) + QStringLiteral("</th>");
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const QList<Cell> &row : table.rows) {
        out += QStringLiteral("<tr>");
        for (qsizetype i = 0; i < columns; ++i) {
            out += QStringLiteral("<td>");
            if (i < row.size()) {
                const Cell &cell = row.at(i);
                out += checkOf(cell.check);
                if (cell.mono && !cell.text.isEmpty())
                    out += QStringLiteral("<code>") + html(cell.text) + QStringLiteral("</code>");
                else
                    out += html(cell.text);
            }
            out += QStringLiteral("</td>");
        }
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</tbody>\n</table>\n");
}

void appendBlock(QString &out, const Block &block)
{
    switch (block.kind) {
    case Block::Kind::Heading: {
        const QString h = block.level <= 2 ? QStringLiteral("h3") : QStringLiteral("h4");
        out += QStringLiteral("<%1>%2</%1>\n").arg(h, html(block.text));
        break;
    }
    case Block::Kind::Paragraph:
        out += QStringLiteral("<p>") + html(block.text) + QStringLiteral("</p>\n");
        break;
    case Block::Kind::Note:
        out += QStringLiteral("<aside class=\"note\">") + html(block.text) + QStringLiteral("</aside>\n");
        break;
    case Block::Kind::Fields:
        if (block.fields.isEmpty())
            break;
        out += QStringLiteral("<dl class=\"fields\">\n");
        for (const auto &[label, value] : block.fields)
            out += QStringLiteral("<dt>") + html(label) + QStringLiteral("</dt><dd>") + html(value) +
                   QStringLiteral("</dd>\n");
        out += QStringLiteral("</dl>\n");
        break;
    case Block::Kind::Table:
        appendTable(out, block.table);
        break;
    case Block::Kind::Commands: {
        QString text = block.text;
        text.remove(QLatin1Char('\r'));
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        out += QStringLiteral("<figure class=\"commands\">");
        if (!block.caption.isEmpty())
            out += QStringLiteral("<figcaption>") + html(block.caption) + QStringLiteral("</figcaption>");
        out +=
            QStringLiteral("<pre><code>") + text.toHtmlEscaped() + QStringLiteral("</code></pre></figure>\n");
        break;
    }
    case Block::Kind::Image: {
        const QString svg = QString::fromUtf8(sanitizedSvg(block.svg));
        QString style;
        if (block.size.width() > 0)
            style = QStringLiteral(" style=\"width: %1mm\"").arg(block.size.width(), 0, 'f', 1);
        out += QStringLiteral("<figure class=\"image\"%1>").arg(style);
        out += svg;
        if (!block.caption.isEmpty())
            out += QStringLiteral("<figcaption>") + html(block.caption) + QStringLiteral("</figcaption>");
        out += QStringLiteral("</figure>\n");
        break;
    }
    case Block::Kind::SignOff:
        if (block.fields.isEmpty())
            break;
        out += QStringLiteral("<table class=\"signoff\">\n<tbody>\n");
        for (const auto &[role, name] : block.fields) {
            out += QStringLiteral("<tr><th scope=\"row\">") + html(role) + QStringLiteral("</th><td>");
            out += name.isEmpty() ? QStringLiteral("<span class=\"line\"></span>") : html(name);
            out += QStringLiteral("</td><td>") + html(Texts::tr("signed")) +
                   QStringLiteral(" <span class=\"line\"></span></td><td>") + html(Texts::tr("date")) +
                   QStringLiteral(" <span class=\"line short\"></span></td></tr>\n");
        }
        out += QStringLiteral("</tbody>\n</table>\n");
        break;
    case Block::Kind::PageBreak:
        out += QStringLiteral("<div class=\"page-break\"></div>\n");
        break;
    }
}

} // namespace

QByteArray toHtml(const Document &document)
{
    return toHtml(document, Paper::A4);
}

QByteArray toHtml(const Document &document, Paper paper)
{
    QString out;
    out.reserve(1 << 16);
    const QString language = document.language.isEmpty() ? QStringLiteral("en") : document.language;
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\" />\n")
               .arg(attr(language));
    out += QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    out += QStringLiteral("<meta name=\"generator\" content=\"Handover\" />\n");
    out += QStringLiteral("<title>") + html(document.title) + QStringLiteral("</title>\n");
    out += QStringLiteral("<style>") + styleSheet(paper, document) +
           QStringLiteral("</style>\n</head>\n<body>\n");
    out += QStringLiteral("<header>\n<h1>") + html(document.title) + QStringLiteral("</h1>\n");
    if (!document.subtitle.isEmpty())
        out += QStringLiteral("<p class=\"subtitle\">") + html(document.subtitle) + QStringLiteral("</p>\n");
    out += QStringLiteral("<p class=\"meta\">") + html(document.footerText()) +
           QStringLiteral("</p>\n</header>\n");

    QStringList ids;
    for (int i = 0; i < document.sections.size(); ++i) {
        QString id = idOf(document.sections.at(i).id.isEmpty() ? document.sections.at(i).title
                                                               : document.sections.at(i).id,
                          i);
        while (ids.contains(id))
            id += QStringLiteral("-%1").arg(i + 1);
        ids << id;
    }
    if (document.sections.size() > 1) {
        out += QStringLiteral("<nav class=\"contents\">\n<h2>") + html(Texts::tr("Contents")) +
               QStringLiteral("</h2>\n<ol>\n");
        for (int i = 0; i < document.sections.size(); ++i)
            out += QStringLiteral("<li><a href=\"#%1\">%2</a></li>\n")
                       .arg(attr(ids.at(i)), html(document.sections.at(i).title));
        out += QStringLiteral("</ol>\n</nav>\n");
    }
    out += QStringLiteral("<main>\n");
    for (int i = 0; i < document.sections.size(); ++i) {
        const Section &section = document.sections.at(i);
        out += QStringLiteral("<section id=\"%1\">\n<h2>%2</h2>\n").arg(attr(ids.at(i)), html(section.title));
        for (const Block &block : section.blocks)
            appendBlock(out, block);
        out += QStringLiteral("</section>\n");
    }
    out += QStringLiteral("</main>\n<footer class=\"doc-footer\"><p>") + html(document.footerText()) +
           QStringLiteral("</p></footer>\n</body>\n</html>\n");
    return out.toUtf8();
}

} // namespace RunbookDocument
