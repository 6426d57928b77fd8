#pragma once

#include "instancestate.h"

#include <QObject>
#include <QTimer>

namespace octosim {

// Keeps the old instance changing after clone time: new releases, deployments, deployment process and
// variable edits, new builds pushed by the CI service accounts of the history (each system at its own
// host, with its plug-in's user agent), each with its audit event. A CI account moved to the other
// instance (ci-move there) acts there instead. Deterministic from the seed: the n-th
// change is the same on every run, only its timestamp differs.
class DriftGenerator : public QObject
{
    Q_OBJECT
public:
    DriftGenerator(InstanceState &state, quint64 seed, QObject *parent = nullptr);

    // Starts the timer; perMinute <= 0 leaves it stopped.
    void start(double perMinute);
    // Applies count changes now; returns how many were applied.
    int apply(int count);
    int applied() const { return m_applied; }

signals:
    void changed(int total);

private:
    void applyOne();

    InstanceState &m_state;
    quint64 m_seed;
    int m_applied = 0;
    QTimer m_timer;
};

} // namespace octosim
