#pragma once

#include "ciintegrations.h"
#include "cutoverrunbook.h"
#include "drift.h"
#include "migrationplan.h"
#include "runbookdocument.h"
#include "tentaclecommands.h"
#include "tentaclemachine.h"
#include "testplan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>

// The printable runbook's content (issue 16): a pure function from plain values the caller gathered (the
// plan, what both servers said at export time, the Tentacles, CI rows, the drift report, the runbook and
// the journal entries of one run) to a RunbookDocument::Document. No I/O, no network, no key: the builder
// never receives one, and whatever it is given is printed.
//
// Sections (RunbookDocument::Section::id), always all of them and in this order, each with a Note where a
// part is missing and why: decisions, servers, tentacles, ci, audit, test-plan, drift, runbook, checklist,
// journal, rollback, sign-off.
class RunbookReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(RunbookReportBuilder)
public:
    // One readiness check as plain text (ReadinessCheck lives in the octopus library, which export does not
    // link): id ("old.version"), status ("pass", "warn", "fail", "pending") and its one-line message.
    struct Check
    {
        QString id;
        QString status;
        QString message;
    };

    // One server at export time.
    struct ServerStatus
    {
        bool read = false;   // it answered at export time
        QString version;     // empty: unknown
        QString error;       // why it could not be read (translated); empty when read or not asked
        QList<Check> checks; // its own readiness checks (old.* or new.*)
        QDateTime checkedAt; // UTC
    };

    struct Input
    {
        PlanData plan;
        QString planName;      // the plan file's name, for the footer
        QDateTime exportedAt;  // UTC; invalid: now
        QString journalSha256; // hex; empty without a journal
        bool hasJournal = false;
        QString journalNote; // why there is no journal (translated), when !hasJournal
        QString run = QStringLiteral("live");

        ServerStatus oldServer;
        ServerStatus newServer;
        QList<Check> pairChecks; // version-match, installation-id-differs, …

        // The old server's polling Tentacles (nullopt: not read, `tentaclesNote` says why) and the options
        // their commands are made with (an empty newHost: TentacleCommands::optionsFor the plan).
        std::optional<QList<TentacleMachine>> machines;
        QString tentaclesNote;
        TentacleCommands::Options tentacleOptions;
        int compactTentaclesAbove = 40; // more machines than this: one table of commands, not a block each

        // The CI step's rows of the last refresh (nullopt: only the plan's records).
        std::optional<QList<CiIntegrations::Integration>> ciRows;

        // Both servers' counts compared (the test plan's), when read.
        QList<TestPlan::CountComparison> comparisons;

        // The drift report read at export time (nullopt: the plan's last check, `driftNote` says why).
        std::optional<Drift::Report> drift;
        QString driftNote;

        // The runbook (empty: generated from the plan), the run's journal entries in sequence order and the
        // gates as last evaluated (empty: the plan's own gates).
        QList<CutoverRunbook::Step> steps;
        QList<CutoverRunbook::Entry> entries;
        QList<CutoverRunbook::Gate> gates;

        QStringList signOffRoles; // empty: migration lead, change board, night shift owner, test lead
    };

    static RunbookDocument::Document build(const Input &input);

    // The section ids, in order.
    static QStringList sectionIds();

    // The drift chart (changes per hour since the clone on the old server and on the clone), as an SVG
    // drawing made with QSvgGenerator; `sizeMm` is its printed size. Works without a QGuiApplication (its
    // text is written as SVG text elements, not painted).
    static QByteArray driftChartSvg(const QList<Drift::HourBucket> &timeline, const QSizeF &sizeMm);
};
