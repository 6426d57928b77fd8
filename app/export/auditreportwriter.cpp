#include "auditreportwriter.h"

#include "auditruleset.h"
#include "exporttext.h"

#include <QCoreApplication>
#include <QMap>

namespace {

QString markdownCell(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('|'), QLatin1String("\\|"));
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out;
}

QString markdownCode(const QString &text)
{
    QString cell = text;
    cell.replace(QLatin1Char('|'), QLatin1String("\\|"));
    cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (cell.isEmpty())
        return QString();
    const QString fence = cell.contains(QLatin1Char('`')) ? QStringLiteral("``") : QStringLiteral("`");
    return fence + QLatin1Char(' ') + cell + QLatin1Char(' ') + fence;
}

} // namespace

AuditReportWriter::AuditReportWriter(qint64 files, qint64 bytes, const QList<AuditFinding> &findings)
    : m_files(files)
    , m_bytes(bytes)
    , m_findings(findings)
{}

QByteArray AuditReportWriter::render(Format format) const
{
    switch (format) {
    case Format::Json:
        return toJson();
    case Format::Csv:
        return toCsv();
    case Format::Markdown:
        return toMarkdown();
    case Format::Text:
        break;
    }
    return toText();
}

QString AuditReportWriter::jsonString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString AuditReportWriter::csvField(const QString &text)
{
    // Snippets come from arbitrary files: a cell a spreadsheet would run as a formula (=, +, -, @, tab,
    // carriage return first) is prefixed with an apostrophe (OWASP "CSV injection").
    QString value = text;
    if (!value.isEmpty() && QStringView(u"=+-@\t\r").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    value.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QByteArray AuditReportWriter::toJson() const
{
    QString out;
    out += QStringLiteral("{\"files\":%1,\"bytes\":%2,\"findings\":[").arg(m_files).arg(m_bytes);
    bool first = true;
    for (const AuditFinding &f : m_findings) {
        out += first ? QLatin1String("\n") : QLatin1String(",\n");
        first = false;
        out += QStringLiteral("{\"file\":%1,\"line\":%2,\"column\":%3,\"category\":%4,\"severity\":%5,"
                              "\"snippet\":%6,\"hint\":%7")
                   .arg(jsonString(f.file))
                   .arg(f.line)
                   .arg(f.column)
                   .arg(jsonString(auditCategoryName(f.category)), jsonString(auditSeverityName(f.severity)),
                        jsonString(AuditRuleSet::maskSecrets(f.snippet)),
                        jsonString(AuditRuleSet::maskSecrets(f.hint)));
        if (m_status)
            out += QStringLiteral(",\"status\":%1").arg(jsonString(m_status(f)));
        if (!f.location.isEmpty()) // a script stored on a server
            out +=
                QStringLiteral(",\"location\":%1,\"url\":%2").arg(jsonString(f.location), jsonString(f.url));
        out += QLatin1Char('}');
    }
    out += first ? QLatin1String("]}\n") : QLatin1String("\n]}\n");
    return out.toUtf8();
}

QByteArray AuditReportWriter::toCsv() const
{
    QString out = QStringLiteral("file,line,column,category,severity,snippet,hint");
    out += m_status ? QLatin1String(",status\r\n") : QLatin1String("\r\n");
    for (const AuditFinding &f : m_findings) {
        out += csvField(f.file) + QLatin1Char(',') + QString::number(f.line) + QLatin1Char(',') +
               QString::number(f.column) + QLatin1Char(',') + auditCategoryName(f.category) +
               QLatin1Char(',') + auditSeverityName(f.severity) + QLatin1Char(',') +
               csvField(AuditRuleSet::maskSecrets(f.snippet)) + QLatin1Char(',') +
               csvField(AuditRuleSet::maskSecrets(f.hint));
        if (m_status)
            out += QLatin1Char(',') + csvField(m_status(f));
        out += QLatin1String("\r\n");
    }
    return out.toUtf8();
}

QByteArray AuditReportWriter::toMarkdown() const
{
    QString out = QLatin1String("# ") + QCoreApplication::translate("AuditReportWriter", "Script audit") +
                  QLatin1String("\n\n");
    out +=
        QCoreApplication::translate("AuditReportWriter", "%n file(s) scanned", nullptr, int(m_files)) +
        QStringLiteral(" (%1 MB), ").arg(double(m_bytes) / 1e6, 0, 'f', 1) +
        QCoreApplication::translate("AuditReportWriter", "%n finding(s).", nullptr, int(m_findings.size())) +
        QLatin1String("\n\n");

    QMap<AuditSeverity, int> bySeverity;
    QMap<AuditCategory, int> byCategory;
    for (const AuditFinding &f : m_findings) {
        ++bySeverity[f.severity];
        ++byCategory[f.category];
    }
    out += QLatin1String("| ") + QCoreApplication::translate("AuditReportWriter", "Severity") +
           QLatin1String(" | ") + QCoreApplication::translate("AuditReportWriter", "Findings") +
           QLatin1String(" |\n|---|---:|\n");
    for (const AuditSeverity s : allAuditSeverities())
        out += QStringLiteral("| %1 | %2 |\n").arg(auditSeverityName(s)).arg(bySeverity.value(s));
    out += QLatin1String("\n| ") + QCoreApplication::translate("AuditReportWriter", "Category") +
           QLatin1String(" | ") + QCoreApplication::translate("AuditReportWriter", "Findings") +
           QLatin1String(" |\n|---|---:|\n");
    for (const AuditCategory c : allAuditCategories())
        out += QStringLiteral("| %1 | %2 |\n").arg(auditCategoryName(c)).arg(byCategory.value(c));

    QString currentFile;
    bool firstFile = true;
    for (const AuditFinding &f : m_findings) {
        if (firstFile || f.file != currentFile) {
            firstFile = false;
            currentFile = f.file;
            out += QLatin1String("\n## ") + markdownCell(f.file) + QLatin1String("\n\n| ") +
                   QCoreApplication::translate("AuditReportWriter", "Line") + QLatin1String(" | ") +
                   QCoreApplication::translate("AuditReportWriter", "Column") + QLatin1String(" | ") +
                   QCoreApplication::translate("AuditReportWriter", "Category") + QLatin1String(" | ") +
                   QCoreApplication::translate("AuditReportWriter", "Severity") + QLatin1String(" | ") +
                   QCoreApplication::translate("AuditReportWriter", "Snippet") + QLatin1String(" | ") +
                   QCoreApplication::translate("AuditReportWriter", "Hint");
            out += m_status
                       ? QLatin1String(" | ") + QCoreApplication::translate("AuditReportWriter", "Status") +
                             QLatin1String(" |\n|---:|---:|---|---|---|---|---|\n")
                       : QLatin1String(" |\n|---:|---:|---|---|---|---|\n");
        }
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |")
                   .arg(f.line)
                   .arg(f.column)
                   .arg(auditCategoryName(f.category), auditSeverityName(f.severity),
                        markdownCode(AuditRuleSet::maskSecrets(f.snippet)),
                        markdownCell(AuditRuleSet::maskSecrets(f.hint)));
        if (m_status)
            out += QLatin1Char(' ') + markdownCell(m_status(f)) + QLatin1String(" |");
        out += QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray AuditReportWriter::toText() const
{
    QString out;
    for (const AuditFinding &f : m_findings) {
        const QString status = m_status ? m_status(f) : QString();
        out += QStringLiteral("%1:%2:%3: %4 [%5]%6 %7\n    %8\n")
                   .arg(f.file)
                   .arg(f.line)
                   .arg(f.column)
                   .arg(auditSeverityName(f.severity), auditCategoryName(f.category),
                        status.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(status),
                        AuditRuleSet::maskSecrets(f.snippet), AuditRuleSet::maskSecrets(f.hint));
    }
    out +=
        QCoreApplication::translate("AuditReportWriter", "%n file(s)", nullptr, int(m_files)) +
        QStringLiteral(", %1 MB, ").arg(double(m_bytes) / 1e6, 0, 'f', 1) +
        QCoreApplication::translate("AuditReportWriter", "%n finding(s)", nullptr, int(m_findings.size())) +
        QLatin1Char('\n');
    return out.toUtf8();
}

bool AuditReportWriter::writeFile(const QString &path, Format format, QString *error) const
{
    return ExportText::writeAtomically(path, render(format), error);
}
