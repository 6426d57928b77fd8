#include "cutoverpage.h"

#include "cutovercontroller.h"
#include "dialogservice.h"
#include "migrationplan.h"
#include "planstep.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimerEvent>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int kStepIdRole = Qt::UserRole + 1;

QString minutesText(qint64 minutes)
{
    return QStringLiteral("%1:%2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString gateMark(CutoverRunbook::Gate::Status status)
{
    switch (status) {
    case CutoverRunbook::Gate::Status::Pass:
        return CutoverPage::tr("pass");
    case CutoverRunbook::Gate::Status::Fail:
        return CutoverPage::tr("FAIL");
    case CutoverRunbook::Gate::Status::Manual:
        return CutoverPage::tr("manual");
    case CutoverRunbook::Gate::Status::Overridden:
        return CutoverPage::tr("overridden");
    case CutoverRunbook::Gate::Status::Pending:
        return CutoverPage::tr("not checked");
    }
    return {};
}

} // namespace

CutoverPage::CutoverPage(MigrationPlan *plan, CutoverController *controller, DialogService *dialogs,
                         QWidget *parent)
    : StepPage(PlanStep::Cutover, QStringLiteral("cutoverPage"),
               tr("Move everyone to the new instance in a short, planned window of downtime."), parent)
    , m_plan(plan)
    , m_controller(controller)
    , m_dialogs(dialogs)
{}

void CutoverPage::build()
{
    auto *layout = new QVBoxLayout(this);

    m_journal = new QLabel(this);
    m_journal->setObjectName(QStringLiteral("cutoverJournalLabel"));
    m_journal->setWordWrap(true);
    m_journal->setTextFormat(Qt::PlainText);
    layout->addWidget(m_journal);

    auto *runRow = new QHBoxLayout;
    auto *runLabel = new QLabel(tr("&Run:"), this);
    m_runs = new QComboBox(this);
    m_runs->setObjectName(QStringLiteral("cutoverRunCombo"));
    runLabel->setBuddy(m_runs);
    m_startRehearsal = new QPushButton(tr("Start &rehearsal"), this);
    m_startRehearsal->setObjectName(QStringLiteral("cutoverStartRehearsalButton"));
    m_adoptTimings = new QPushButton(tr("Use its &timings as planned"), this);
    m_adoptTimings->setObjectName(QStringLiteral("cutoverAdoptTimingsButton"));
    auto *operatorLabel = new QLabel(tr("Ticked &by:"), this);
    m_operator = new QLineEdit(m_controller->operatorName(), this);
    m_operator->setObjectName(QStringLiteral("cutoverOperator"));
    operatorLabel->setBuddy(m_operator);
    m_checkGates = new QPushButton(tr("&Check gates"), this);
    m_checkGates->setObjectName(QStringLiteral("cutoverCheckGatesButton"));
    runRow->addWidget(runLabel);
    runRow->addWidget(m_runs, 1);
    runRow->addWidget(m_startRehearsal);
    runRow->addWidget(m_adoptTimings);
    runRow->addWidget(operatorLabel);
    runRow->addWidget(m_operator);
    runRow->addWidget(m_checkGates);
    layout->addLayout(runRow);

    m_clock = new QLabel(this);
    m_clock->setObjectName(QStringLiteral("cutoverClock"));
    auto *clockRow = new QHBoxLayout;
    clockRow->addWidget(m_clock, 1);
    // The printable runbook of the whole migration (the window does the work: File › Export Runbook…,
    // File › Print…).
    auto *exportRunbook = new QPushButton(tr("E&xport runbook…"), this);
    exportRunbook->setObjectName(QStringLiteral("cutoverExportRunbookButton"));
    exportRunbook->setToolTip(tr("The whole migration as PDF, HTML or Markdown: decisions, servers, Tentacles, "
                                 "CI, audit, test plan, drift, this runbook, its checklist and journal"));
    auto *print = new QPushButton(tr("&Print…"), this);
    print->setObjectName(QStringLiteral("cutoverPrintButton"));
    print->setToolTip(tr("Print the runbook (Ctrl+P)"));
    clockRow->addWidget(exportRunbook);
    clockRow->addWidget(print);
    layout->addLayout(clockRow);
    connect(exportRunbook, &QPushButton::clicked, this, &CutoverPage::exportRunbookRequested);
    connect(print, &QPushButton::clicked, this, &CutoverPage::printRunbookRequested);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_steps = new QTreeWidget(splitter);
    m_steps->setObjectName(QStringLiteral("cutoverSteps"));
    m_steps->setColumnCount(ColumnCount);
    m_steps->setHeaderLabels({tr("Step"), tr("Gate"), tr("Owner"), tr("Planned"), tr("Elapsed"), tr("Done")});
    m_steps->setRootIsDecorated(false);
    m_steps->setAllColumnsShowFocus(true);
    m_steps->setUniformRowHeights(true);
    m_steps->header()->setSectionResizeMode(StepColumn, QHeaderView::Stretch);
    m_steps->header()->setStretchLastSection(false);
    for (int c = GateColumn; c < ColumnCount; ++c)
        m_steps->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    auto *detailPane = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QLabel(detailPane);
    m_details->setObjectName(QStringLiteral("cutoverDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLayout->addWidget(m_details);
    m_commands = new QPlainTextEdit(detailPane);
    m_commands->setObjectName(QStringLiteral("cutoverCommands"));
    m_commands->setReadOnly(true);
    m_commands->setMaximumBlockCount(200);
    m_commands->setFont(QFont(QStringLiteral("monospace")));
    detailLayout->addWidget(m_commands, 1);
    m_problem = new QLabel(detailPane);
    m_problem->setObjectName(QStringLiteral("cutoverProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #a40e26;"));
    m_problem->hide();
    detailLayout->addWidget(m_problem);

    auto *actRow = new QHBoxLayout;
    m_tick = new QPushButton(tr("Tick (Space)"), detailPane);
    m_tick->setObjectName(QStringLiteral("cutoverTickButton"));
    m_untick = new QPushButton(tr("&Untick"), detailPane);
    m_untick->setObjectName(QStringLiteral("cutoverUntickButton"));
    m_action = new QPushButton(tr("Run &action…"), detailPane);
    m_action->setObjectName(QStringLiteral("cutoverActionButton"));
    actRow->addWidget(m_tick);
    actRow->addWidget(m_untick);
    actRow->addWidget(m_action);
    actRow->addStretch(1);
    detailLayout->addLayout(actRow);

    auto *noteRow = new QHBoxLayout;
    m_note = new QLineEdit(detailPane);
    m_note->setObjectName(QStringLiteral("cutoverNoteEdit"));
    m_note->setPlaceholderText(tr("A note on this step (N), Enter to add"));
    m_addNote = new QPushButton(tr("Add note"), detailPane);
    m_addNote->setObjectName(QStringLiteral("cutoverAddNoteButton"));
    m_reason = new QLineEdit(detailPane);
    m_reason->setObjectName(QStringLiteral("cutoverOverrideReason"));
    m_reason->setPlaceholderText(tr("Why go on although the gate fails (O)"));
    m_override = new QPushButton(tr("Override gate"), detailPane);
    m_override->setObjectName(QStringLiteral("cutoverOverrideButton"));
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_addNote);
    noteRow->addWidget(m_reason, 1);
    noteRow->addWidget(m_override);
    detailLayout->addLayout(noteRow);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    // Keyboard: the list has the focus during the night.
    auto *space = new QShortcut(QKeySequence(Qt::Key_Space), m_steps, nullptr, nullptr, Qt::WidgetShortcut);
    connect(space, &QShortcut::activated, this, &CutoverPage::tickSelected);
    auto *noteKey = new QShortcut(QKeySequence(Qt::Key_N), m_steps, nullptr, nullptr, Qt::WidgetShortcut);
    connect(noteKey, &QShortcut::activated, m_note, [this] { m_note->setFocus(Qt::ShortcutFocusReason); });
    auto *reasonKey = new QShortcut(QKeySequence(Qt::Key_O), m_steps, nullptr, nullptr, Qt::WidgetShortcut);
    connect(reasonKey, &QShortcut::activated, m_reason,
            [this] { m_reason->setFocus(Qt::ShortcutFocusReason); });

    connect(m_tick, &QPushButton::clicked, this, &CutoverPage::tickSelected);
    connect(m_untick, &QPushButton::clicked, this, &CutoverPage::untickSelected);
    connect(m_action, &QPushButton::clicked, this, &CutoverPage::runAction);
    connect(m_addNote, &QPushButton::clicked, this, &CutoverPage::addNote);
    connect(m_note, &QLineEdit::returnPressed, this, &CutoverPage::addNote);
    connect(m_override, &QPushButton::clicked, this, &CutoverPage::overrideSelected);
    connect(m_reason, &QLineEdit::returnPressed, this, &CutoverPage::overrideSelected);
    connect(m_checkGates, &QPushButton::clicked, m_controller, &CutoverController::evaluateGates);
    connect(m_operator, &QLineEdit::editingFinished, this,
            [this] { m_controller->setOperatorName(m_operator->text()); });
    connect(m_startRehearsal, &QPushButton::clicked, this, [this] {
        if (m_controller->startRehearsal().isEmpty())
            showProblem(m_controller->journalError().text());
        refreshRuns();
        m_steps->setFocus();
    });
    connect(m_adoptTimings, &QPushButton::clicked, this, [this] {
        if (!m_controller->adoptTimingsOf(m_controller->run()))
            showProblem(tr("This rehearsal has no ticked step yet."));
    });
    connect(m_runs, &QComboBox::activated, this,
            [this](int index) { m_controller->setRun(m_runs->itemData(index).toString()); });
    connect(m_steps, &QTreeWidget::currentItemChanged, this, &CutoverPage::refreshDetails);

    connect(m_controller, &CutoverController::stepsChanged, this, &CutoverPage::reloadSteps);
    connect(m_controller, &CutoverController::stateChanged, this, [this] {
        refreshRuns();
        refreshState();
    });
    connect(m_controller, &CutoverController::gatesChanged, this, &CutoverPage::refreshState);
    connect(m_controller, &CutoverController::evaluatingChanged, m_checkGates,
            [this](bool evaluating) { m_checkGates->setEnabled(!evaluating); });
    connect(m_controller, &CutoverController::journalFailed, this, &CutoverPage::showProblem);
    connect(m_controller, &CutoverController::actionFinished, this,
            [this](const QString &, bool ok, const QString &summary) {
                if (!ok)
                    showProblem(summary);
                refreshDetails();
            });
    reloadSteps();
    refreshRuns();
}

void CutoverPage::initializeStep()
{
    reloadSteps();
    refreshRuns();
}

void CutoverPage::showEvent(QShowEvent *event)
{
    StepPage::showEvent(event);
    m_controller->setLive(true);
    m_clockTimer.start(1000, this);
    if (m_steps)
        m_steps->setFocus();
}

void CutoverPage::hideEvent(QHideEvent *event)
{
    m_controller->setLive(false);
    m_clockTimer.stop();
    StepPage::hideEvent(event);
}

void CutoverPage::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_clockTimer.timerId())
        refreshClock();
    else
        StepPage::timerEvent(event);
}

void CutoverPage::reloadSteps()
{
    if (!m_steps)
        return;
    const QString selected = selectedStepId();
    m_steps->clear();
    QTreeWidgetItem *phaseItem = nullptr;
    std::optional<CutoverRunbook::Phase> phase;
    for (const CutoverRunbook::Step &step : m_controller->steps()) {
        if (!phase || *phase != step.phase) {
            phase = step.phase;
            phaseItem = new QTreeWidgetItem(m_steps, {CutoverRunbook::phaseTitle(step.phase)});
            QFont bold = phaseItem->font(StepColumn);
            bold.setBold(true);
            phaseItem->setFont(StepColumn, bold);
            phaseItem->setFlags(Qt::ItemIsEnabled);
            phaseItem->setFirstColumnSpanned(true);
        }
        auto *item = new QTreeWidgetItem(phaseItem);
        item->setData(StepColumn, kStepIdRole, step.id);
        QString title = step.title;
        if (step.pointOfNoReturn)
            title += QStringLiteral("  \u2691 ") + tr("point of no return");
        item->setText(StepColumn, title);
        item->setToolTip(StepColumn, step.why);
        item->setText(OwnerColumn, step.owner);
        item->setText(PlannedColumn, minutesText(step.plannedMinutes));
    }
    m_steps->expandAll();
    refreshState();
    selectStep(selected.isEmpty() ? m_controller->state().currentStepId : selected);
}

void CutoverPage::refreshState()
{
    if (!m_steps)
        return;
    const CutoverRunbook::RunState &state = m_controller->state();
    const QMap<QString, int> elapsed = CutoverRunbook::elapsedMinutes(m_controller->steps(), state);
    QMap<QString, CutoverRunbook::Gate> gates;
    for (const CutoverRunbook::Gate &g : m_controller->gates())
        gates.insert(g.stepId, g);
    for (int p = 0; p < m_steps->topLevelItemCount(); ++p) {
        QTreeWidgetItem *phaseItem = m_steps->topLevelItem(p);
        for (int c = 0; c < phaseItem->childCount(); ++c) {
            QTreeWidgetItem *item = phaseItem->child(c);
            const QString id = item->data(StepColumn, kStepIdRole).toString();
            const CutoverRunbook::StepState s = state.steps.value(id);
            item->setText(DoneColumn, s.done
                                          ? tr("%1 %2 (%3)")
                                                .arg(s.doneAt.toUTC().toString(QStringLiteral("HH:mm")), s.by,
                                                     s.doneAt.toLocalTime().toString(QStringLiteral("HH:mm")))
                                          : QString());
            item->setToolTip(DoneColumn, s.done ? tr("UTC, by whom, local time") : QString());
            item->setText(ElapsedColumn, elapsed.contains(id) ? minutesText(elapsed.value(id)) : QString());
            if (gates.contains(id)) {
                item->setText(GateColumn, gateMark(gates.value(id).status));
                item->setToolTip(GateColumn,
                                 gates.value(id).title + QLatin1Char('\n') + gates.value(id).evidence);
            } else {
                item->setText(GateColumn, QString());
            }
            const bool current = id == state.currentStepId;
            QFont font = item->font(StepColumn);
            font.setBold(current);
            font.setStrikeOut(false);
            for (int col = 0; col < ColumnCount; ++col) {
                item->setFont(col, font);
                item->setBackground(col, current ? QBrush(QColor(0xfff8c5)) : QBrush());
                item->setForeground(col, s.done ? QBrush(QColor(0x57606a)) : QBrush());
            }
            item->setData(StepColumn, Qt::AccessibleDescriptionRole,
                          s.done    ? tr("done")
                          : current ? tr("current step")
                                    : tr("to do"));
        }
    }
    refreshClock();
    refreshDetails();
}

void CutoverPage::refreshRuns()
{
    if (!m_runs)
        return;
    const QString current = m_controller->run();
    m_runs->clear();
    m_runs->addItem(tr("Live run"), QString::fromLatin1(CutoverController::kLiveRun));
    for (const QString &run : m_controller->rehearsals())
        m_runs->addItem(tr("Rehearsal %1").arg(run.mid(QStringLiteral("rehearsal-").size())), run);
    m_runs->setCurrentIndex(qMax(0, m_runs->findData(current)));
    m_adoptTimings->setEnabled(m_controller->isRehearsal());
    const bool open = m_controller->isJournalOpen();
    m_startRehearsal->setEnabled(open);
    m_journal->setText(
        open ? tr("Journal: %1 (every tick is on disk before it shows as done)")
                   .arg(QDir::toNativeSeparators(m_controller->journalPath()))
             : tr("No journal yet: %1. Save the plan (File \u203a Save): the night's journal is kept "
                  "beside it, and nothing can be ticked until then.")
                   .arg(m_controller->journalError().text()));
}

void CutoverPage::refreshClock()
{
    if (!m_clock)
        return;
    const CutoverRunbook::RunState &state = m_controller->state();
    int planned = 0;
    for (const CutoverRunbook::Step &s : m_controller->steps()) {
        if (s.phase != CutoverRunbook::Phase::Rollback)
            planned += s.plannedMinutes;
    }
    const qint64 elapsed =
        state.startedAt.isValid() ? state.startedAt.secsTo(QDateTime::currentDateTimeUtc()) / 60 : 0;
    m_clock->setText((m_controller->isRehearsal() ? tr("Rehearsal. ") : QString()) +
                     tr("%1 of %2 steps done; elapsed %3 of %4 planned.")
                         .arg(state.done)
                         .arg(state.total)
                         .arg(minutesText(elapsed), minutesText(planned)));
}

QString CutoverPage::selectedStepId() const
{
    const QTreeWidgetItem *item = m_steps ? m_steps->currentItem() : nullptr;
    return item ? item->data(StepColumn, kStepIdRole).toString() : QString();
}

void CutoverPage::selectStep(const QString &id)
{
    for (int p = 0; p < m_steps->topLevelItemCount(); ++p) {
        QTreeWidgetItem *phaseItem = m_steps->topLevelItem(p);
        for (int c = 0; c < phaseItem->childCount(); ++c) {
            if (phaseItem->child(c)->data(StepColumn, kStepIdRole).toString() == id) {
                m_steps->setCurrentItem(phaseItem->child(c));
                return;
            }
        }
    }
}

void CutoverPage::refreshDetails()
{
    if (!m_details)
        return;
    const QString id = selectedStepId();
    const CutoverRunbook::Step *step = m_controller->step(id);
    const bool open = m_controller->isJournalOpen();
    const CutoverRunbook::StepState state = m_controller->state().steps.value(id);
    const auto gate = m_controller->gateOf(id);
    m_tick->setEnabled(step && open && !state.done && step->phase != CutoverRunbook::Phase::Rollback);
    m_untick->setEnabled(step && open && state.done);
    m_addNote->setEnabled(step && open);
    m_override->setEnabled(step && open && gate &&
                           (gate->status == CutoverRunbook::Gate::Status::Fail ||
                            gate->status == CutoverRunbook::Gate::Status::Pending));
    m_action->setEnabled(step && open && step->action != CutoverRunbook::Action::None &&
                         !m_controller->isRunningAction());
    if (!step) {
        m_details->setText(
            tr("Select a step. Space ticks it, N adds a note, O gives the reason to override a "
               "failing gate."));
        m_commands->clear();
        return;
    }
    QStringList lines;
    lines << step->title << tr("Why: %1").arg(step->why);
    if (!step->owner.isEmpty())
        lines << tr("Owner: %1").arg(step->owner);
    if (gate)
        lines << tr("Gate: %1: %2%3")
                     .arg(gate->title, gateMark(gate->status),
                          gate->evidence.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(gate->evidence));
    if (!step->undoes.isEmpty())
        lines << tr("Undoes: %1")
                     .arg(m_controller->step(step->undoes) ? m_controller->step(step->undoes)->title
                                                           : step->undoes);
    if (!state.overrideReason.isEmpty())
        lines << tr("Overridden: %1").arg(state.overrideReason);
    if (!state.lastActionResult.isEmpty())
        lines << tr("Last action: %1").arg(state.lastActionResult);
    for (const QString &note : state.notes)
        lines << tr("Note: %1").arg(note);
    m_details->setText(lines.join(QLatin1Char('\n')));
    QStringList commands = step->commands;
    for (const QUrl &link : step->links) {
        if (link.isValid() && !link.isEmpty())
            commands << link.toString();
    }
    m_commands->setPlainText(commands.join(QLatin1Char('\n')));
}

void CutoverPage::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void CutoverPage::tickSelected()
{
    const QString id = selectedStepId();
    if (id.isEmpty())
        return;
    QString error;
    if (!m_controller->tick(id, QString(), &error)) {
        showProblem(error);
        return;
    }
    showProblem(QString());
    // On to the next step to do.
    selectStep(m_controller->state().currentStepId.isEmpty() ? id : m_controller->state().currentStepId);
}

void CutoverPage::untickSelected()
{
    QString error;
    if (!m_controller->untick(selectedStepId(), &error))
        showProblem(error);
    else
        showProblem(QString());
}

void CutoverPage::addNote()
{
    QString error;
    if (!m_controller->addNote(selectedStepId(), m_note->text(), &error)) {
        showProblem(error);
        return;
    }
    showProblem(QString());
    m_note->clear();
    m_steps->setFocus();
}

void CutoverPage::overrideSelected()
{
    QString error;
    if (!m_controller->overrideGate(selectedStepId(), m_reason->text(), &error)) {
        showProblem(error);
        return;
    }
    showProblem(QString());
    m_reason->clear();
    m_steps->setFocus();
}

void CutoverPage::runAction()
{
    const QString id = selectedStepId();
    QString whyNot;
    const QString confirmation = m_controller->actionConfirmation(id, &whyNot);
    if (confirmation.isEmpty()) {
        showProblem(whyNot);
        return;
    }
    if (!m_dialogs ||
        !m_dialogs->confirm(this, tr("Cutover action"), confirmation,
                            tr("The result is read back from the server and kept in the journal.")))
        return;
    QString error;
    if (!m_controller->runAction(id, &error))
        showProblem(error);
    else
        showProblem(QString());
    refreshDetails();
}
