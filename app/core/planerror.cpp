#include "planerror.h"

#include <QCoreApplication>
#include <QDir>

PlanError PlanError::make(Kind kind, const QString &path, const QString &detail)
{
    PlanError error;
    error.kind = kind;
    error.path = path;
    error.detail = detail;
    return error;
}

QString PlanError::toDisplayString() const
{
    const QString file = QDir::toNativeSeparators(path);
    QString text;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::NotFound:
        text = QCoreApplication::translate("PlanError", "The plan file %1 does not exist.").arg(file);
        break;
    case Kind::Unreadable:
        text = QCoreApplication::translate("PlanError", "The plan file %1 could not be opened for reading.")
                   .arg(file);
        break;
    case Kind::Corrupt:
        text = QCoreApplication::translate("PlanError",
                                           "The file %1 is not a valid Handover plan. It was left unchanged.")
                   .arg(file);
        break;
    case Kind::Truncated:
        text = QCoreApplication::translate(
                   "PlanError",
                   "The plan file %1 is incomplete: it ends too early, perhaps from an interrupted copy. "
                   "It was left unchanged.")
                   .arg(file);
        break;
    case Kind::NewerVersion:
        text = QCoreApplication::translate("PlanError",
                                           "The plan file %1 was written by a newer version of Handover. "
                                           "Update Handover to open it. It was left unchanged.")
                   .arg(file);
        break;
    case Kind::WriteFailed:
        text = QCoreApplication::translate(
                   "PlanError", "The plan could not be saved to %1. Any earlier version of the file "
                                "is unchanged.")
                   .arg(file);
        break;
    }
    if (!detail.isEmpty())
        text += QLatin1Char('\n') + QCoreApplication::translate("PlanError", "Details: %1").arg(detail);
    return text;
}

QString PlanError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Unreadable:
        return QStringLiteral("unreadable");
    case Kind::Corrupt:
        return QStringLiteral("corrupt");
    case Kind::Truncated:
        return QStringLiteral("truncated");
    case Kind::NewerVersion:
        return QStringLiteral("newer-version");
    case Kind::WriteFailed:
        return QStringLiteral("write-failed");
    }
    return QStringLiteral("unknown");
}
