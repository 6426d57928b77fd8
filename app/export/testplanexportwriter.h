#pragma once

#include "migrationplan.h"
#include "testplan.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The test plan for people and spreadsheets (issue 14): CSV (RFC 4180, formula cells defused) of the rows
// in the lead's order (id, kind, title, why, evidence, evidence URL, owner, status, notes, changed), and
// Markdown with the rows as a check-box list and table, the counts comparison of both servers, the version
// gap and the training items. Times are UTC ISO 8601. The runbook (issue 16) includes the Markdown.
class TestPlanExportWriter
{
public:
    enum class Format
    {
        Csv,
        Markdown
    };

    struct Context
    {
        QString oldServer; // URLs, for the headings
        QString newServer;
        QString oldVersion;
        QString newVersion;
        QList<TestPlan::CountComparison> comparisons;
        QList<TestPlan::VersionChange> versionGap;
    };

    TestPlanExportWriter(const TestPlanSection &section, const Context &context);

    QByteArray render(Format format) const;
    QByteArray toCsv() const;
    QByteArray toMarkdown() const;

    // Renders `format` and writes it atomically (QSaveFile) to `path`. False with *error when it cannot.
    bool writeFile(const QString &path, Format format, QString *error) const;

private:
    TestPlanSection m_section;
    Context m_context;
};
