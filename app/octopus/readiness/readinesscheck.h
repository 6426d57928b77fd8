#pragma once

#include <QList>
#include <QString>

// One readiness check. Ids are stable strings (the CLI's JSON uses them):
//   old.reachable new.reachable old.version new.version old.health new.health old.nodes new.nodes
//   old.maintenance new.maintenance old.tasks new.tasks
//   version-match installation-id-differs certificate-thumbprint-same clone-safe
struct ReadinessCheck
{
    enum class Status
    {
        Pending,
        Pass,
        Warn,
        Fail
    };
    QString id;
    Status status = Status::Pending;
    QString message; // one line, translated
    QString detail;  // more, translated (may be empty)

    static QString statusName(Status status); // "pending", "pass", "warn", "fail"
    // The worst status in the list (Fail > Warn > Pending > Pass).
    static Status worst(const QList<ReadinessCheck> &checks);
};
