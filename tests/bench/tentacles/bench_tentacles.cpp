// Prints how long the Polling Tentacles table takes with N machines (default 10,000): filling the model,
// a search keystroke, sorting by name, grouping by space, and painting while scrolling through. Timings are
// printed, never asserted.
#include "pollingmachinemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    QList<TentacleMachine> machines;
    machines.reserve(count);
    const QStringList environments{QStringLiteral("Development"), QStringLiteral("Test"),
                                   QStringLiteral("Staging"), QStringLiteral("Production")};
    for (int i = 0; i < count; ++i) {
        TentacleMachine m;
        m.id = QStringLiteral("Machines-%1").arg(i + 1);
        m.name = QStringLiteral("web-%1-%2")
                     .arg(environments.at(i % 4).left(4).toLower())
                     .arg(i, 5, 10, QLatin1Char('0'));
        m.spaceId = QStringLiteral("Spaces-%1").arg(i % 40 + 1);
        m.spaceName = QStringLiteral("Space %1").arg(i % 40 + 1);
        m.kind = i % 5 == 0 ? TentacleMachine::Kind::Worker : TentacleMachine::Kind::Target;
        m.communicationStyle = QStringLiteral("TentacleActive");
        m.tentacleVersion = i % 3 ? QStringLiteral("8.1.1942") : QStringLiteral("6.3.417");
        m.operatingSystem = i % 2 ? QStringLiteral("Linux") : QStringLiteral("Microsoft Windows Server 2019");
        m.environments = {environments.at(i % 4)};
        m.roles = {QStringLiteral("web"), QStringLiteral("app")};
        m.healthStatus = QStringLiteral("Healthy");
        machines.append(m);
    }
    QTextStream out(stdout);
    PollingMachineModel model;
    PollingMachineFilter filter;
    filter.setSourceModel(&model);
    QTableView view;
    view.setModel(&filter);
    view.setSortingEnabled(true);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.resize(1000, 600);
    view.show();
    app.processEvents();

    QElapsedTimer timer;
    auto lap = [&](const char *what) {
        out << QStringLiteral("%1  %2 ms\n")
                   .arg(QString::fromLatin1(what).leftJustified(34))
                   .arg(timer.nsecsElapsed() / 1e6, 0, 'f', 1);
        timer.restart();
    };
    out << "bench-tentacles: " << count << " machines\n";
    timer.start();
    model.setMachines(machines);
    app.processEvents();
    lap("fill model + first paint");
    filter.setSearchText(QStringLiteral("prod"));
    app.processEvents();
    lap("search 'prod'");
    filter.setSearchText(QString());
    app.processEvents();
    lap("clear search");
    view.sortByColumn(PollingMachineModel::NameColumn, Qt::DescendingOrder);
    app.processEvents();
    lap("sort by name");
    model.setGroupBy(PollingMachineModel::GroupBy::Space);
    view.sortByColumn(PollingMachineModel::GroupColumn, Qt::AscendingOrder);
    app.processEvents();
    lap("group by space");
    QScrollBar *bar = view.verticalScrollBar();
    int frames = 0;
    for (int value = 0; value <= bar->maximum(); value += std::max(1, bar->maximum() / 100), ++frames) {
        bar->setValue(value);
        view.viewport()->repaint();
    }
    out << QStringLiteral("%1  %2 ms per frame (%3 frames)\n")
               .arg(QStringLiteral("scroll top to bottom").leftJustified(34))
               .arg(timer.nsecsElapsed() / 1e6 / std::max(frames, 1), 0, 'f', 2)
               .arg(frames);
    return 0;
}
