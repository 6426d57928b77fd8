#pragma once

#include "migrationplan.h"
#include "planerror.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

// The plan as a document: which file it belongs to, whether it has unsaved changes, and its autosave.
//
// Autosave: after each change, a debounce timer writes the plan to a side file in `autosaveDir` (the
// app's AppDataLocation in production, a temporary folder in tests) rather than beside the plan, so an
// untitled plan and a plan on a read-only share behave the same and nothing appears in the user's folders.
// The side file is removed when the plan is saved, replaced or the document is destroyed; a side file left
// behind by a process that no longer runs is a crash, and findRecoverable() offers it on the next start.
class PlanDocument : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultAutosaveDelayMs = 3000;

    struct Recovery
    {
        QString autosavePath;
        QString originalPath; // empty for a plan that was never saved
        QDateTime savedAt;
    };

    PlanDocument(MigrationPlan *plan, const QString &autosaveDir, QObject *parent = nullptr);
    ~PlanDocument() override;

    MigrationPlan *plan() const { return m_plan; }
    QString filePath() const { return m_filePath; }
    QString displayName() const; // file name, or "Untitled plan"
    bool isModified() const { return m_modified; }

    void newPlan(const PlanData &initial = {}); // an untitled, unmodified plan
    PlanError open(const QString &path);        // on failure the current plan and file are unchanged
    PlanError save();                           // needs a file path (use saveAs for an untitled plan)
    PlanError saveAs(const QString &path);

    void setAutosaveDelay(int milliseconds);
    QString autosaveFilePath() const { return m_autosavePath; }
    PlanError autosaveNow();

    // Autosaves left by processes that are no longer running, newest first.
    QList<Recovery> findRecoverable() const;
    PlanError recover(const Recovery &recovery); // loads it as a modified plan, then deletes the side file
    static void discardRecovery(const Recovery &recovery);

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    void autosaved(const QString &autosavePath);

private:
    void onPlanChanged();
    void setModified(bool modified);
    void setFilePath(const QString &path);
    void replacePlan(const PlanData &data);
    void removeAutosave();

    MigrationPlan *m_plan;
    QString m_autosaveDir;
    QString m_autosavePath;
    QString m_filePath;
    bool m_modified = false;
    bool m_replacing = false;
    QTimer m_autosaveTimer;
};
