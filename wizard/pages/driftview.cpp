#include "driftview.h"

#include "apierrortext.h"
#include "dialogservice.h"
#include "driftcontroller.h"
#include "drifttimelinechart.h"
#include "migrationplan.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

DriftView::DriftView(MigrationPlan *plan, DriftController *controller, DialogService *dialogs,
                     QWidget *parent)
    : QWidget(parent)
    , m_plan(plan)
    , m_controller(controller)
    , m_dialogs(dialogs)
    , m_state(new QLabel(this))
    , m_stateText(new QLabel(this))
    , m_advice(new QLabel(this))
    , m_cloneTime(new QLabel(this))
    , m_giveCloneTime(new QCheckBox(tr("I know the clone &time:"), this))
    , m_cloneTimeEdit(new QDateTimeEdit(this))
    , m_amberDays(new QSpinBox(this))
    , m_redDays(new QSpinBox(this))
    , m_structural(new QSpinBox(this))
    , m_summary(new QLabel(this))
    , m_chart(new DriftTimelineChart(this))
    , m_objects(new QTreeWidget(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    // The step's other mnemonics: U G V M A R P W O I (Test plan tab), T R A E (here), T D (tabs), B N
    // (wizard).
    , m_exportCsv(new QPushButton(tr("Export drift C&SV…"), this))
    , m_exportMd(new QPushButton(tr("E&xport drift Markdown…"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("driftView"));
    m_state->setObjectName(QStringLiteral("driftStateLabel"));
    m_stateText->setObjectName(QStringLiteral("driftStateText"));
    m_advice->setObjectName(QStringLiteral("driftAdvice"));
    m_cloneTime->setObjectName(QStringLiteral("driftCloneTimeLabel"));
    m_giveCloneTime->setObjectName(QStringLiteral("driftGiveCloneTime"));
    m_cloneTimeEdit->setObjectName(QStringLiteral("driftCloneTimeEdit"));
    m_amberDays->setObjectName(QStringLiteral("driftAmberDays"));
    m_redDays->setObjectName(QStringLiteral("driftRedDays"));
    m_structural->setObjectName(QStringLiteral("driftStructuralThreshold"));
    m_summary->setObjectName(QStringLiteral("driftSummary"));
    m_objects->setObjectName(QStringLiteral("driftObjectsTree"));
    m_refresh->setObjectName(QStringLiteral("driftRefreshButton"));
    m_cancel->setObjectName(QStringLiteral("driftCancelButton"));
    m_exportCsv->setObjectName(QStringLiteral("driftExportCsv"));
    m_exportMd->setObjectName(QStringLiteral("driftExportMarkdown"));
    m_progress->setObjectName(QStringLiteral("driftProgress"));
    m_status->setObjectName(QStringLiteral("driftStatusLabel"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *stateRow = new QHBoxLayout;
    m_state->setMinimumWidth(90);
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setTextFormat(Qt::PlainText);
    stateRow->addWidget(m_state, 0, Qt::AlignTop);
    auto *stateTexts = new QVBoxLayout;
    m_stateText->setWordWrap(true);
    m_stateText->setTextFormat(Qt::PlainText);
    m_advice->setWordWrap(true);
    m_advice->setTextFormat(Qt::PlainText);
    m_advice->setStyleSheet(QStringLiteral("QLabel { color: #82071e; }"));
    stateTexts->addWidget(m_stateText);
    stateTexts->addWidget(m_advice);
    stateRow->addLayout(stateTexts, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportMd);
    buttons->addStretch(1);
    stateRow->addLayout(buttons);
    layout->addLayout(stateRow);

    auto *settings = new QGroupBox(tr("Clone time and budget"), this);
    auto *form = new QFormLayout(settings);
    m_cloneTime->setWordWrap(true);
    m_cloneTime->setTextFormat(Qt::PlainText);
    form->addRow(tr("Clone time:"), m_cloneTime);
    auto *givenRow = new QHBoxLayout;
    m_cloneTimeEdit->setTimeSpec(Qt::UTC);
    m_cloneTimeEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_cloneTimeEdit->setCalendarPopup(true);
    givenRow->addWidget(m_giveCloneTime);
    givenRow->addWidget(m_cloneTimeEdit);
    givenRow->addStretch(1);
    form->addRow(QString(), givenRow);
    auto *budgetRow = new QHBoxLayout;
    m_amberDays->setRange(1, 60);
    m_redDays->setRange(1, 90);
    m_structural->setRange(1, 100000);
    m_amberDays->setSuffix(tr(" days"));
    m_redDays->setSuffix(tr(" days"));
    auto *amberLabel = new QLabel(tr("&Amber after"), settings);
    amberLabel->setBuddy(m_amberDays);
    auto *redLabel = new QLabel(tr("r&ed after"), settings);
    redLabel->setBuddy(m_redDays);
    auto *structuralLabel = new QLabel(tr("or more than"), settings);
    structuralLabel->setBuddy(m_structural);
    budgetRow->addWidget(amberLabel);
    budgetRow->addWidget(m_amberDays);
    budgetRow->addWidget(redLabel);
    budgetRow->addWidget(m_redDays);
    budgetRow->addWidget(structuralLabel);
    budgetRow->addWidget(m_structural);
    budgetRow->addWidget(new QLabel(tr("process and variable edits on the old server"), settings));
    budgetRow->addStretch(1);
    form->addRow(tr("Budget:"), budgetRow);
    layout->addWidget(settings);

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    m_objects->setColumnCount(7);
    m_objects->setHeaderLabels({tr("Object"), tr("Type"), tr("Project"), tr("Changes"),
                                tr("Last change (UTC)"), tr("By"), tr("Last event")});
    m_objects->setRootIsDecorated(true);
    m_objects->setUniformRowHeights(true);
    m_objects->setAlternatingRowColors(true);
    m_objects->header()->setStretchLastSection(true);
    splitter->addWidget(m_objects);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    auto *statusRow = new QHBoxLayout;
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_status, 1);
    layout->addLayout(statusRow);

    connect(m_refresh, &QPushButton::clicked, m_controller, &DriftController::refresh);
    connect(m_cancel, &QPushButton::clicked, m_controller, &DriftController::cancel);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportAs(false); });
    connect(m_exportMd, &QPushButton::clicked, this, [this] { exportAs(true); });
    connect(m_controller, &DriftController::refreshingChanged, this, &DriftView::refreshStatus);
    connect(m_controller, &DriftController::reportChanged, this, &DriftView::reload);
    connect(m_controller, &DriftController::refreshFailed, this, &DriftView::refreshStatus);
    for (QSpinBox *box : {m_amberDays, m_redDays, m_structural})
        connect(box, &QSpinBox::valueChanged, this, &DriftView::applyBudget);
    connect(m_giveCloneTime, &QCheckBox::toggled, this, &DriftView::applyCloneTime);
    connect(m_cloneTimeEdit, &QDateTimeEdit::editingFinished, this, &DriftView::applyCloneTime);
    connect(m_plan, &MigrationPlan::replaced, this, &DriftView::reload);
    reload();
}

void DriftView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_controller->canRefresh())
        m_controller->setLive(true); // reads now, then again every half minute while shown
    refreshStatus();
}

void DriftView::hideEvent(QHideEvent *event)
{
    m_controller->setLive(false);
    QWidget::hideEvent(event);
}

void DriftView::applyBudget()
{
    if (m_loading)
        return;
    Drift::Budget budget;
    budget.amberAfterDays = m_amberDays->value();
    budget.redAfterDays = qMax(m_redDays->value(), m_amberDays->value());
    budget.structuralThreshold = m_structural->value();
    m_controller->setBudget(budget);
}

void DriftView::applyCloneTime()
{
    if (m_loading)
        return;
    m_cloneTimeEdit->setEnabled(m_giveCloneTime->isChecked());
    m_controller->setGivenCloneTime(m_giveCloneTime->isChecked() ? m_cloneTimeEdit->dateTime().toUTC()
                                                                 : QDateTime());
}

void DriftView::reload()
{
    m_loading = true;
    const DriftSection &section = m_plan->drift();
    const Drift::Budget budget = m_controller->budget();
    m_amberDays->setValue(budget.amberAfterDays);
    m_redDays->setValue(budget.redAfterDays);
    m_structural->setValue(budget.structuralThreshold);
    m_giveCloneTime->setChecked(section.cloneTime.isValid());
    m_cloneTimeEdit->setEnabled(section.cloneTime.isValid());

    const bool has = m_controller->hasReport();
    const Drift::Report &report = m_controller->report();
    if (section.cloneTime.isValid())
        m_cloneTimeEdit->setDateTime(section.cloneTime.toUTC());
    else if (has)
        m_cloneTimeEdit->setDateTime(report.cloneTime.toUTC());
    else
        m_cloneTimeEdit->setDateTime(QDateTime::currentDateTimeUtc().addDays(-1));
    m_loading = false;

    if (!has) {
        m_state->setText(tr("not measured"));
        m_state->setProperty("state", QString());
        m_state->setStyleSheet(QStringLiteral(
            "QLabel { background: #eaeef2; color: #24292f; border-radius: 4px; padding: 6px; }"));
        m_stateText->setText(
            m_controller->cloneTimeUnknown()
                ? tr("The clone time could not be detected: the two servers share no event. Enter "
                     "the time the database was copied.")
                : tr("Drift is measured from both servers' audit events once both can be reached."));
        m_advice->hide();
        m_cloneTime->setText(m_controller->cloneTimeUnknown() ? tr("not detected") : tr("not known yet"));
        m_summary->clear();
        m_chart->setTimeline({});
        m_objects->clear();
        refreshStatus();
        return;
    }

    const QString state = Drift::stateName(report.state);
    static const QHash<QString, QString> colours = {{QStringLiteral("green"), QStringLiteral("#1a7f37")},
                                                    {QStringLiteral("amber"), QStringLiteral("#9a6700")},
                                                    {QStringLiteral("red"), QStringLiteral("#cf222e")}};
    m_state->setText(state == QLatin1String("green")   ? tr("green")
                     : state == QLatin1String("amber") ? tr("amber")
                                                       : tr("red"));
    m_state->setProperty("state", state);
    m_state->setStyleSheet(
        QStringLiteral(
            "QLabel { background: %1; color: white; font-weight: bold; border-radius: 4px; padding: 6px; }")
            .arg(colours.value(state)));
    m_stateText->setText(Drift::stateText(report));
    const QString advice = Drift::adviceText(report);
    m_advice->setText(advice);
    m_advice->setVisible(!advice.isEmpty());
    m_cloneTime->setText(
        report.cloneTimeGiven
            ? tr("%1 UTC, as given (%2 days ago)")
                  .arg(utcText(report.cloneTime), QString::number(report.ageDays, 'f', 1))
            : tr("%1 UTC, detected: the newest event both servers hold identically (%2 days ago)")
                  .arg(utcText(report.cloneTime), QString::number(report.ageDays, 'f', 1)));
    m_summary->setText(tr("Since the clone: %1 change(s) on the old server (%2 process or variable edits) "
                          "that the clone lacks, "
                          "and %3 change(s) made on the clone that a fresh clone would lose.")
                           .arg(report.oldServer.changes)
                           .arg(report.oldServer.structuralChanges)
                           .arg(report.clone.changes));
    m_chart->setTimeline(report.timeline);

    m_objects->setUpdatesEnabled(false);
    m_objects->clear();
    auto addSide = [this](const Drift::SideSummary &side, const QString &title) {
        auto *top = new QTreeWidgetItem(m_objects);
        const int listed = int(qMin<qsizetype>(side.objects.size(), MaxListedObjects));
        top->setText(
            0,
            side.objects.size() > listed
                ? tr("%1: %2 objects (the newest %3 listed)").arg(title).arg(side.objects.size()).arg(listed)
                : tr("%1: %n object(s)", nullptr, int(side.objects.size())).arg(title));
        top->setFirstColumnSpanned(true);
        QList<QTreeWidgetItem *> rows;
        rows.reserve(listed);
        for (int i = 0; i < listed; ++i) {
            const Drift::ChangedObject &object = side.objects.at(i);
            auto *row = new QTreeWidgetItem;
            row->setText(0, object.name.isEmpty() ? object.id : object.name);
            row->setToolTip(0, object.id);
            row->setText(1, object.documentType);
            row->setText(2, object.projectName.isEmpty() ? object.projectId : object.projectName);
            row->setData(3, Qt::DisplayRole, object.changes);
            row->setText(4, utcText(object.lastChanged));
            row->setText(5, object.lastBy);
            row->setText(6, object.lastMessage);
            row->setToolTip(6, object.lastMessage);
            if (object.structuralChanges > 0)
                row->setData(0, Qt::UserRole, true);
            rows.append(row);
        }
        top->addChildren(rows);
        top->setExpanded(true);
    };
    addSide(report.oldServer, tr("Changed on the old server"));
    addSide(report.clone, tr("Changed on the clone"));
    m_objects->resizeColumnToContents(0);
    m_objects->setUpdatesEnabled(true);
    refreshStatus();
}

void DriftView::refreshStatus()
{
    const bool refreshing = m_controller->isRefreshing();
    m_progress->setVisible(refreshing);
    m_cancel->setEnabled(refreshing);
    m_refresh->setEnabled(!refreshing && m_controller->canRefresh());
    m_exportCsv->setEnabled(m_dialogs && m_controller->hasReport());
    m_exportMd->setEnabled(m_dialogs && m_controller->hasReport());
    QStringList lines;
    if (refreshing) {
        lines << tr("Reading the audit events of both servers since the clone…");
    } else if (!m_controller->canRefresh()) {
        lines << tr("Connect both servers on the Connect step to measure drift.");
    } else if (m_controller->hasReport()) {
        lines << tr("Read at %1 UTC; read again every %n second(s) while this page is open.", nullptr,
                    DriftController::DefaultLiveIntervalMs / 1000)
                     .arg(m_controller->report().at.toUTC().toString(QStringLiteral("HH:mm:ss")));
    }
    for (const ApiError &error : m_controller->lastErrors())
        lines << ApiErrorText::describe(error);
    m_status->setText(lines.join(QLatin1Char('\n')));
}

void DriftView::exportAs(bool markdown)
{
    if (!m_dialogs)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = m_dialogs->askExportFile(
        this, markdown ? tr("Save the drift as Markdown") : tr("Save the drift as CSV"),
        QDir(dir).filePath(markdown ? QStringLiteral("drift.md") : QStringLiteral("drift.csv")),
        markdown ? tr("Markdown files (*.md);;All files (*)") : tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_controller->exportTo(
            path, markdown ? DriftController::ExportFormat::Markdown : DriftController::ExportFormat::Csv,
            &error))
        m_dialogs->showError(this, tr("Export"),
                             tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error));
}
