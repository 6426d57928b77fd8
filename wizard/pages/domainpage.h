#pragma once

#include "domainconsequences.h"
#include "migrationplan.h"

#include "steppage.h"

#include <optional>

class DialogService;
class ServerSession;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;

// Step 2: does the new instance keep the old domain name? The decision and public URLs go into the plan.
// The page resolves both names (again on demand) and shows what the decision means, computed from both
// servers' inventories: polling targets and workers that must act, per space and environment; listening
// Tentacles unaffected; the polling port; CI integrations and scripts (filled in by those steps). The table
// exports as CSV or Markdown (DomainExportWriter), the file asked for through the DialogService.
class DomainPage : public StepPage
{
    Q_OBJECT
public:
    DomainPage(MigrationPlan *plan, ServerSession *session, DialogService *dialogs,
               QWidget *parent = nullptr);

    bool isComplete() const override;

    // Host names as resolved last: "host" -> answer text (for tests).
    QString resolvedText(bool oldName) const;

Q_SIGNALS:
    void stepLinkActivated(const QString &pageName); // a PlanStep name: "ci", "audit", "tentacles"
    void resolved();

protected:
    void build() override;
    void initializeStep() override;

private:
    void onEdited();
    void refresh();
    void refreshConsequences();
    void resolveNames();
    void onInventoryRunning(bool running);
    void exportTable(bool markdown);

    MigrationPlan *m_plan;
    ServerSession *m_session;
    DialogService *m_dialogs;
    QRadioButton *m_keep = nullptr;
    QRadioButton *m_new = nullptr;
    QLineEdit *m_oldPublicUrl = nullptr;
    QLineEdit *m_newPublicUrl = nullptr;
    QLabel *m_issues = nullptr;
    QLabel *m_oldResolve = nullptr;
    QLabel *m_newResolve = nullptr;
    QPushButton *m_resolveButton = nullptr;
    QLabel *m_consequences = nullptr;
    QTableWidget *m_groups = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportMarkdown = nullptr;
    DomainConsequences m_shown; // what the table last showed, for the exports
    QPushButton *m_inventoryButton = nullptr;
    QPushButton *m_inventoryCancel = nullptr;
    QProgressBar *m_inventoryProgress = nullptr;
    QLabel *m_inventoryStatus = nullptr;
    std::optional<ScriptAuditScanSummary> m_shownScriptAudit; // what the panel last showed
    int m_lookupGeneration = 0;
    int m_lookupsPending = 0;
    bool m_autoInventoryDone = false;
};
