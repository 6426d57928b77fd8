#pragma once

#include "migrationplan.h"

#include <QWidget>

class QLabel;

// A thin bar above every wizard page: one light and one line of text per server. It only displays what
// it is told; MainWindow feeds it today (URL set or not, demo), a readiness model will later.
// Object names: readinessOld / readinessNew (the per-server items), readinessOldText / readinessNewText,
// readinessOldLight / readinessNewLight; the drift light after them: readinessDrift, readinessDriftText,
// readinessDriftLight (its "light" property is the drift state's name, or "unknown").
class ReadinessStrip : public QWidget
{
    Q_OBJECT
public:
    enum class Light
    {
        Unknown,
        Checking,
        Ready,
        Warning,
        Blocked
    };

    explicit ReadinessStrip(QWidget *parent = nullptr);

    void setState(ServerRole server, Light light, const QString &text, const QString &toolTip = {});
    Light light(ServerRole server) const;
    QString text(ServerRole server) const;

    // The compact drift light: the state of the last drift check kept in the plan (green, amber, red), or
    // "not measured" without one.
    void setDrift(const std::optional<DriftSection::LastCheck> &check);
    Light driftLight() const { return m_drift.state; }
    QString driftText() const;

    static QString lightName(Light light); // "unknown", "checking", "ready", "warning", "blocked"

private:
    struct Item
    {
        QWidget *container = nullptr;
        QLabel *light = nullptr;
        QLabel *text = nullptr;
        Light state = Light::Unknown;
    };
    Item makeItem(const QString &name);
    static void show(Item &item, Light light, const QString &text, const QString &toolTip,
                     const QString &lightProperty);
    Item &item(ServerRole server) { return server == ServerRole::Old ? m_old : m_new; }
    const Item &item(ServerRole server) const { return server == ServerRole::Old ? m_old : m_new; }

    Item m_old;
    Item m_new;
    Item m_drift;
};
