#include "testplanview.h"

#include "dialogservice.h"
#include "migrationplan.h"
#include "testplancontroller.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QString statusLabel(TestPlanRow::Status status)
{
    switch (status) {
    case TestPlanRow::Status::Untested:
        return TestPlanView::tr("Untested");
    case TestPlanRow::Status::Passed:
        return TestPlanView::tr("Passed");
    case TestPlanRow::Status::Failed:
        return TestPlanView::tr("Failed");
    case TestPlanRow::Status::Skipped:
        return TestPlanView::tr("Skipped");
    }
    return {};
}

constexpr TestPlanRow::Status kStatuses[] = {TestPlanRow::Status::Untested, TestPlanRow::Status::Passed,
                                             TestPlanRow::Status::Failed, TestPlanRow::Status::Skipped};


} // namespace

TestPlanView::TestPlanView(MigrationPlan *plan, TestPlanController *controller, DialogService *dialogs,
                           QWidget *parent)
    : QWidget(parent)
    , m_plan(plan)
    , m_controller(controller)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("testPlanView"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *windowLabel = new QLabel(tr("&Usage of the last"), this);
    m_windowDays = new QSpinBox(this);
    m_windowDays->setObjectName(QStringLiteral("testPlanWindowDays"));
    m_windowDays->setRange(1, 3650);
    m_windowDays->setSuffix(tr(" days"));
    windowLabel->setBuddy(m_windowDays);
    m_generate = new QPushButton(tr("&Generate from usage"), this);
    m_generate->setObjectName(QStringLiteral("testPlanGenerateButton"));
    m_generate->setToolTip(tr("Read what the old server is used for and the counts of both servers, and "
                              "add the tests they ask for (your owners, statuses, notes and rows are kept)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("testPlanCancelButton"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("testPlanProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    top->addWidget(windowLabel);
    top->addWidget(m_windowDays);
    top->addWidget(m_generate);
    top->addWidget(m_cancel);
    top->addWidget(m_progress);
    top->addStretch(1);
    m_exportCsv = new QPushButton(tr("Export CS&V…"), this);
    m_exportCsv->setObjectName(QStringLiteral("testPlanExportCsv"));
    m_exportMd = new QPushButton(tr("Export &Markdown…"), this);
    m_exportMd->setObjectName(QStringLiteral("testPlanExportMarkdown"));
    top->addWidget(m_exportCsv);
    top->addWidget(m_exportMd);
    layout->addLayout(top);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("testPlanStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *rowsBox = new QWidget(splitter);
    auto *rowsLayout = new QVBoxLayout(rowsBox);
    rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rows = new QTableWidget(0, ColumnCount, rowsBox);
    m_rows->setObjectName(QStringLiteral("testPlanRows"));
    m_rows->setHorizontalHeaderLabels(
        {tr("#"), tr("Test"), tr("Why"), tr("Owner"), tr("Status"), tr("Notes")});
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rows->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_rows->verticalHeader()->hide();
    m_rows->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_rows->horizontalHeader()->setSectionResizeMode(NumberColumn, QHeaderView::ResizeToContents);
    m_rows->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_rows->setColumnWidth(WhyColumn, 230);
    m_rows->setColumnWidth(OwnerColumn, 90);
    m_rows->setColumnWidth(StatusColumn, 100);
    m_rows->setColumnWidth(NotesColumn, 130);
    m_rows->setWordWrap(false);
    m_rows->setAccessibleName(tr("Test plan"));
    rowsLayout->addWidget(m_rows);
    m_details = new QLabel(rowsBox);
    m_details->setObjectName(QStringLiteral("testPlanDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_details->setOpenExternalLinks(true);
    m_details->setTextFormat(Qt::RichText);
    rowsLayout->addWidget(m_details);

    auto *rowButtons = new QHBoxLayout;
    m_newTitle = new QLineEdit(rowsBox);
    m_newTitle->setObjectName(QStringLiteral("testPlanNewTitle"));
    m_newTitle->setPlaceholderText(tr("A test of your own, e.g. \"Deploy the payroll hotfix to Staging\""));
    m_add = new QPushButton(tr("&Add test"), rowsBox);
    m_add->setObjectName(QStringLiteral("testPlanAddButton"));
    m_remove = new QPushButton(tr("&Remove"), rowsBox);
    m_remove->setObjectName(QStringLiteral("testPlanRemoveButton"));
    m_up = new QPushButton(tr("Move u&p"), rowsBox);
    m_up->setObjectName(QStringLiteral("testPlanUpButton"));
    m_down = new QPushButton(tr("Move do&wn"), rowsBox);
    m_down->setObjectName(QStringLiteral("testPlanDownButton"));
    m_openEvidence = new QPushButton(tr("&Open evidence"), rowsBox);
    m_openEvidence->setObjectName(QStringLiteral("testPlanOpenEvidence"));
    rowButtons->addWidget(m_newTitle, 1);
    rowButtons->addWidget(m_add);
    rowButtons->addWidget(m_remove);
    rowButtons->addWidget(m_up);
    rowButtons->addWidget(m_down);
    rowButtons->addWidget(m_openEvidence);
    rowsLayout->addLayout(rowButtons);

    auto *bottom = new QWidget(splitter);
    auto *bottomLayout = new QHBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *countsBox = new QGroupBox(tr("Counts on both servers"), bottom);
    auto *countsLayout = new QVBoxLayout(countsBox);
    m_counts = new QTableWidget(0, 4, countsBox);
    m_counts->setObjectName(QStringLiteral("testPlanCounts"));
    m_counts->setHorizontalHeaderLabels({tr("Resource"), tr("Old"), tr("New"), tr("Difference")});
    m_counts->verticalHeader()->hide();
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_counts->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    countsLayout->addWidget(m_counts);
    bottomLayout->addWidget(countsBox, 3);

    auto *trainingBox = new QGroupBox(tr("Training"), bottom);
    auto *trainingLayout = new QVBoxLayout(trainingBox);
    m_versionGap = new QLabel(trainingBox);
    m_versionGap->setObjectName(QStringLiteral("testPlanVersionGap"));
    m_versionGap->setWordWrap(true);
    m_versionGap->setTextFormat(Qt::RichText);
    m_versionGap->setOpenExternalLinks(true);
    m_versionGap->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    trainingLayout->addWidget(m_versionGap);
    m_training = new QListWidget(trainingBox);
    m_training->setObjectName(QStringLiteral("testPlanTraining"));
    trainingLayout->addWidget(m_training, 1);
    auto *trainingAdd = new QHBoxLayout;
    m_newTraining = new QLineEdit(trainingBox);
    m_newTraining->setObjectName(QStringLiteral("testPlanNewTraining"));
    m_newTraining->setPlaceholderText(tr("What people must learn, e.g. \"The new project navigation\""));
    m_addTraining = new QPushButton(tr("Add &item"), trainingBox);
    m_addTraining->setObjectName(QStringLiteral("testPlanAddTraining"));
    trainingAdd->addWidget(m_newTraining, 1);
    trainingAdd->addWidget(m_addTraining);
    trainingLayout->addLayout(trainingAdd);
    bottomLayout->addWidget(trainingBox, 2);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_windowDays, &QSpinBox::valueChanged, this, [this](int days) {
        if (!m_loading)
            m_controller->setWindowDays(days);
    });
    connect(m_generate, &QPushButton::clicked, m_controller, &TestPlanController::generate);
    connect(m_cancel, &QPushButton::clicked, m_controller, &TestPlanController::cancel);
    connect(m_controller, &TestPlanController::readingChanged, this, &TestPlanView::refreshStatus);
    connect(m_controller, &TestPlanController::availabilityChanged, this, [this] {
        refreshStatus();
        generateFirstTime();
    });
    connect(m_controller, &TestPlanController::progress, this, [this](int done, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(done);
    });
    connect(m_controller, &TestPlanController::usageChanged, this, [this] {
        reloadUsage();
        refreshStatus();
    });
    // Reloaded once the event loop is back: a change may come from an edit of a cell of this table, whose
    // item must outlive its own signal.
    connect(m_plan, &MigrationPlan::changed, this, [this] {
        if (m_reloadPending)
            return;
        m_reloadPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_reloadPending = false;
                reloadRows();
                reloadTraining();
                refreshStatus();
            },
            Qt::QueuedConnection);
    });
    connect(m_plan, &MigrationPlan::replaced, this, [this] {
        reloadRows();
        reloadTraining();
        reloadUsage();
        refreshStatus();
    });
    connect(m_rows, &QTableWidget::cellChanged, this, &TestPlanView::onCellChanged);
    connect(m_rows, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        showDetails();
    });
    auto addRow = [this] {
        const QString title = m_newTitle->text().simplified();
        if (title.isEmpty())
            return;
        const QString id = m_controller->addRow(title, tr("Added by the migration lead"), currentId());
        m_newTitle->clear();
        selectId(id);
    };
    connect(m_add, &QPushButton::clicked, this, addRow);
    connect(m_newTitle, &QLineEdit::returnPressed, this, addRow);
    connect(m_newTitle, &QLineEdit::textChanged, this, &TestPlanView::updateButtons);
    connect(m_remove, &QPushButton::clicked, this, [this] { m_controller->removeRow(currentId()); });
    auto move = [this](int delta) {
        const QString id = currentId();
        const int row = m_rows->currentRow();
        if (id.isEmpty() || row + delta < 0 || row + delta >= m_rows->rowCount())
            return;
        m_controller->moveRow(id, row + delta);
        selectId(id);
    };
    connect(m_up, &QPushButton::clicked, this, [move] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [move] { move(1); });
    connect(m_openEvidence, &QPushButton::clicked, this, [this] {
        if (const TestPlanRow *row = m_controller->section().row(currentId());
            row && !row->evidenceUrl.isEmpty())
            QDesktopServices::openUrl(row->evidenceUrl);
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportAs(false); });
    connect(m_exportMd, &QPushButton::clicked, this, [this] { exportAs(true); });
    auto addTraining = [this] {
        const QString text = m_newTraining->text().simplified();
        if (text.isEmpty())
            return;
        m_controller->addTrainingItem(text, QString());
        m_newTraining->clear();
    };
    connect(m_addTraining, &QPushButton::clicked, this, addTraining);
    connect(m_newTraining, &QLineEdit::returnPressed, this, addTraining);
    connect(m_training, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_loading)
            m_controller->setTrainingDone(item->data(IdRole).toString(), item->checkState() == Qt::Checked);
    });

    reloadRows();
    reloadTraining();
    reloadUsage();
    refreshStatus();
}

QString TestPlanView::currentId() const
{
    const int row = m_rows->currentRow();
    if (row < 0 || !m_rows->item(row, NumberColumn))
        return {};
    return m_rows->item(row, NumberColumn)->data(IdRole).toString();
}

void TestPlanView::selectId(const QString &id)
{
    for (int r = 0; r < m_rows->rowCount(); ++r) {
        if (m_rows->item(r, NumberColumn) && m_rows->item(r, NumberColumn)->data(IdRole).toString() == id) {
            m_rows->setCurrentCell(r, TitleColumn);
            return;
        }
    }
}

void TestPlanView::reloadRows()
{
    const QString selected = currentId();
    const int currentColumn = qMax(0, m_rows->currentColumn());
    m_loading = true;
    const TestPlanSection &section = m_controller->section();
    m_windowDays->setValue(section.windowDays);
    m_rows->setRowCount(int(section.rows.size()));
    // Items are updated in place, not replaced: a cell being edited keeps its editor through a reload.
    auto cell = [this](int r, int c, const QString &text, bool editable) {
        QTableWidgetItem *item = m_rows->item(r, c);
        if (!item) {
            item = new QTableWidgetItem;
            m_rows->setItem(r, c, item);
        }
        if (item->text() != text)
            item->setText(text);
        const Qt::ItemFlags flags =
            editable ? (item->flags() | Qt::ItemIsEditable) : (item->flags() & ~Qt::ItemIsEditable);
        if (item->flags() != flags)
            item->setFlags(flags);
        return item;
    };
    for (int r = 0; r < section.rows.size(); ++r) {
        const TestPlanRow &row = section.rows.at(r);
        cell(r, NumberColumn, QString::number(r + 1), false)->setData(IdRole, row.id);
        QTableWidgetItem *title = cell(r, TitleColumn, row.title, row.custom);
        QFont font = m_rows->font();
        font.setItalic(row.stale);
        title->setFont(font);
        title->setToolTip(row.stale
                              ? tr("The evidence no longer asks for this test; kept because you changed it")
                              : row.title);
        cell(r, WhyColumn, row.why, false)->setToolTip(row.why);
        cell(r, OwnerColumn, row.owner, true);
        cell(r, StatusColumn, statusLabel(row.status), false)
            ->setData(Qt::UserRole, TestPlanRow::statusName(row.status));
        cell(r, NotesColumn, row.notes, true);
        auto *combo = qobject_cast<QComboBox *>(m_rows->cellWidget(r, StatusColumn));
        if (!combo) {
            combo = new QComboBox(m_rows);
            for (TestPlanRow::Status s : kStatuses)
                combo->addItem(statusLabel(s), TestPlanRow::statusName(s));
            combo->setAccessibleName(tr("Status"));
            connect(combo, &QComboBox::activated, this, [this, combo](int index) {
                for (int rr = 0; rr < m_rows->rowCount(); ++rr) {
                    if (m_rows->cellWidget(rr, StatusColumn) == combo) {
                        const QString id = m_rows->item(rr, NumberColumn)->data(IdRole).toString();
                        if (const auto status =
                                TestPlanRow::statusFromName(combo->itemData(index).toString()))
                            m_controller->setStatus(id, *status);
                        return;
                    }
                }
            });
            m_rows->setCellWidget(r, StatusColumn, combo);
        }
        combo->setCurrentIndex(combo->findData(TestPlanRow::statusName(row.status)));
    }
    m_loading = false;
    if (!selected.isEmpty()) {
        selectId(selected);
        if (m_rows->currentRow() >= 0)
            m_rows->setCurrentCell(m_rows->currentRow(), currentColumn);
    }
    updateButtons();
    showDetails();
}

void TestPlanView::showDetails()
{
    const TestPlanRow *row = m_controller->section().row(currentId());
    if (!row) {
        m_details->setText(tr("Select a test to see its evidence."));
        return;
    }
    QString html = QStringLiteral("<b>%1</b> ").arg(tr("Evidence:"));
    html += row->evidence.isEmpty() ? tr("none recorded")
                                    : row->evidence.join(QStringLiteral("; ")).toHtmlEscaped();
    if (!row->evidenceUrl.isEmpty())
        html += QStringLiteral(" <a href=\"%1\">%2</a>")
                    .arg(row->evidenceUrl.toString().toHtmlEscaped(), tr("open on the old server"));
    if (row->changedAt.isValid())
        html += QStringLiteral(" &nbsp; ") +
                tr("Changed %1 UTC").arg(row->changedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (row->stale)
        html += QStringLiteral(" &nbsp; <i>%1</i>")
                    .arg(tr("The evidence no longer asks for this test; kept because you changed it."));
    m_details->setText(html);
}

void TestPlanView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    generateFirstTime();
}

void TestPlanView::generateFirstTime()
{
    if (m_generatedOnce || !isVisible() || !m_controller->canGenerate())
        return;
    m_generatedOnce = true;
    if (m_controller->section().rows.isEmpty() && !m_controller->isReading())
        m_controller->generate();
}

void TestPlanView::onCellChanged(int row, int column)
{
    if (m_loading || !m_rows->item(row, NumberColumn))
        return;
    const QString id = m_rows->item(row, NumberColumn)->data(IdRole).toString();
    const QString text = m_rows->item(row, column) ? m_rows->item(row, column)->text() : QString();
    if (column == OwnerColumn)
        m_controller->setOwner(id, text.simplified());
    else if (column == NotesColumn)
        m_controller->setNotes(id, text);
    else if (column == TitleColumn) {
        if (const TestPlanRow *r = m_controller->section().row(id); r && !text.simplified().isEmpty())
            m_controller->editRow(id, text.simplified(), r->why);
    }
}

void TestPlanView::reloadUsage()
{
    const QList<TestPlan::CountComparison> comparisons = m_controller->comparisons();
    m_counts->setRowCount(int(comparisons.size()));
    for (int r = 0; r < comparisons.size(); ++r) {
        const TestPlan::CountComparison &c = comparisons.at(r);
        auto count = [](qint64 n) { return n < 0 ? TestPlanView::tr("n/a") : QString::number(n); };
        QString difference = c.differs ? tr("Differs") : tr("Same");
        if (!c.explanation.isEmpty())
            difference += QStringLiteral(": ") + c.explanation;
        QStringList only;
        if (!c.onlyOld.isEmpty())
            only << tr("only on the old server: %1").arg(c.onlyOld.join(QStringLiteral(", ")));
        if (!c.onlyNew.isEmpty())
            only << tr("only on the new server: %1").arg(c.onlyNew.join(QStringLiteral(", ")));
        auto *label = new QTableWidgetItem(c.label);
        label->setData(Qt::UserRole, c.key);
        label->setData(Qt::UserRole + 1, c.differs);
        const QList<QTableWidgetItem *> items = {label, new QTableWidgetItem(count(c.oldCount)),
                                                 new QTableWidgetItem(count(c.newCount)),
                                                 new QTableWidgetItem(difference)};
        for (int col = 0; col < items.size(); ++col) {
            QTableWidgetItem *item = items.at(col);
            if (col == 1 || col == 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c.differs) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(QColor(255, 236, 179)); // amber 100: a difference to look at
                item->setForeground(QColor(33, 33, 33));
            }
            item->setToolTip(only.isEmpty() ? difference
                                            : difference + QLatin1Char('\n') + only.join(QLatin1Char('\n')));
            m_counts->setItem(r, col, item);
        }
    }
    m_counts->resizeColumnsToContents();

    if (!m_controller->hasUsage()) {
        m_versionGap->setText(
            tr("Generate the plan to see which releases lie between the two servers' versions."));
        return;
    }
    const QString oldVersion = m_controller->oldUsage().version;
    const QString newVersion = m_controller->newUsage().version;
    const QList<TestPlan::VersionChange> gap = m_controller->versionGap();
    QString html = tr("Old server %1, new server %2.")
                       .arg(oldVersion.isEmpty() ? tr("version unknown") : oldVersion.toHtmlEscaped(),
                            newVersion.isEmpty() ? tr("version unknown") : newVersion.toHtmlEscaped());
    if (gap.isEmpty()) {
        html += QLatin1Char(' ') + tr("No release in between changed behaviour people rely on.");
    } else {
        html += QStringLiteral(" ") +
                tr("New since the old version (features people have not been exposed to):") +
                QStringLiteral("<ul>");
        for (const TestPlan::VersionChange &v : gap)
            html += QStringLiteral("<li><b>%1</b>: %2</li>")
                        .arg(v.version.toHtmlEscaped(), v.change.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (const QUrl compare = TestPlan::compareVersionsUrl(oldVersion, newVersion);
        compare.isValid() && !compare.isEmpty() && TestPlan::compareVersions(oldVersion, newVersion) != 0)
        html += QStringLiteral(" <a href=\"%1\">%2</a>")
                    .arg(compare.toString().toHtmlEscaped(), tr("Compare the releases"));
    m_versionGap->setText(html);
}

void TestPlanView::reloadTraining()
{
    m_loading = true;
    m_training->clear();
    for (const TestPlanTrainingItem &t : m_controller->section().training) {
        auto *item =
            new QListWidgetItem(t.owner.isEmpty() ? t.text : tr("%1 (%2)").arg(t.text, t.owner), m_training);
        item->setData(IdRole, t.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(t.done ? Qt::Checked : Qt::Unchecked);
    }
    m_loading = false;
}

void TestPlanView::refreshStatus()
{
    const bool reading = m_controller->isReading();
    setProperty("busy", reading);
    m_generate->setEnabled(!reading && m_controller->canGenerate());
    m_cancel->setVisible(reading);
    m_progress->setVisible(reading);
    m_windowDays->setEnabled(!reading);
    QString text;
    if (reading) {
        text = tr("Reading the old server's usage and both servers' counts…");
    } else if (!m_controller->canGenerate()) {
        text =
            tr("Connect both servers on the Connect step to generate the plan from the old server's usage.");
    } else if (m_controller->hasUsage()) {
        const TestPlan::Usage &usage = m_controller->oldUsage();
        const QStringList technologies = TestPlan::technologiesInUse(usage);
        QStringList names;
        for (const QString &type : technologies)
            names << TestPlan::technologyName(type);
        text =
            tr("%n test(s).", nullptr, int(m_controller->section().rows.size())) + QLatin1Char(' ') +
            tr("From %n deployment(s) on the old server in the last %1 day(s).", nullptr, usage.deployments)
                .arg(usage.windowDays) +
            QLatin1Char(' ') +
            (names.isEmpty() ? tr("No deployment technology in use.")
                             : tr("Technologies in use: %1.").arg(names.join(QStringLiteral(", "))));
        const QStringList gaps = m_controller->gaps();
        if (!gaps.isEmpty())
            text += QLatin1Char(' ') + tr("Not read: %1").arg(gaps.join(QStringLiteral("; ")));
    } else if (m_controller->section().generatedAt.isValid()) {
        text = tr("Generated %1 UTC. Generate again to refresh the evidence and the counts.")
                   .arg(m_controller->section().generatedAt.toUTC().toString(
                       QStringLiteral("yyyy-MM-dd HH:mm")));
    } else {
        text =
            tr("Generate the plan: Handover reads what the old server is used for and proposes the tests.");
    }
    m_status->setText(text);
    updateButtons();
}

void TestPlanView::updateButtons()
{
    const QString id = currentId();
    const TestPlanRow *row = m_controller->section().row(id);
    m_add->setEnabled(!m_newTitle->text().simplified().isEmpty());
    m_remove->setEnabled(row && (row->custom || row->stale));
    m_up->setEnabled(row && m_rows->currentRow() > 0);
    m_down->setEnabled(row && m_rows->currentRow() < m_rows->rowCount() - 1);
    m_openEvidence->setEnabled(row && !row->evidenceUrl.isEmpty());
    const bool any = !m_controller->section().rows.isEmpty();
    m_exportCsv->setEnabled(any && m_dialogs);
    m_exportMd->setEnabled(any && m_dialogs);
}

void TestPlanView::exportAs(bool markdown)
{
    if (!m_dialogs)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = m_dialogs->askExportFile(
        this, markdown ? tr("Save the test plan as Markdown") : tr("Save the test plan as CSV"),
        QDir(dir).filePath(markdown ? QStringLiteral("test-plan.md") : QStringLiteral("test-plan.csv")),
        markdown ? tr("Markdown files (*.md);;All files (*)") : tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_controller->exportTo(path,
                                markdown ? TestPlanController::ExportFormat::Markdown
                                         : TestPlanController::ExportFormat::Csv,
                                &error))
        m_dialogs->showError(this, tr("Export"),
                             tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error));
}
