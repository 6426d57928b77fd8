#pragma once

#include "apierror.h"

#include <QObject>
#include <QStringList>

// What demo mode (`handover --demo`) can do that a real migration cannot: act on the simulated servers as
// if something had happened outside Handover. Pages reach it through ServerSession::demoControls(), which
// is null outside demo mode, so no page knows how the simulator is told.
class DemoControls : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The simulated Tentacles of these machines start polling the new server, as if their re-point
    // command had run on them. Emits repointSimulated() once per call.
    virtual void simulateRepoint(const QStringList &machineIds) = 0;
    // The CI integration that uses this service account pushes a build to the new server, as if its URL had
    // been changed to the new one. Emits ciMoveSimulated() once per call.
    virtual void simulateCiMove(const QString &serviceAccount) = 0;

Q_SIGNALS:
    void ciMoveSimulated(const QString &serviceAccount, const ApiError &error);
    // `error` is empty (isError() false) when the simulator took the re-point; a value, for
    // ApiErrorText::describe().
    void repointSimulated(const QStringList &machineIds, const ApiError &error);
};
