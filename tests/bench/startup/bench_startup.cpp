// bench-startup: how long from process start until the first wizard page is painted, for the real Handover
// window and for a minimal QWizard with one page built the same way (same QApplication set-up, translations
// and show()). Each figure is a median over fresh child processes. Prints; never asserts.
//
//   bench-startup [--runs N]          parent: spawns itself N times per variant (default 5)
//   bench-startup --child real|minimal
//
// Timing: the parent reads CLOCK_MONOTONIC just before QProcess::start(); the child prints CLOCK_MONOTONIC at
// the end of the first paint event of the page. The difference covers fork/exec, dynamic loading,
// QApplication, building the window and the first paint: what a user waits for. The child also prints its own
// view (since the kernel's process start time from /proc/self/stat, 10 ms resolution) as a cross-check.

#include "firstpaintwatcher.h"
#include "handoverwizard.h"
#include "keychainstore.h"
#include "mainwindow.h"
#include "networkcontext.h"
#include "translator.h"
#include "widgetdialogservice.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <unistd.h>

namespace {

double monotonicMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1.0e6;
}

// Milliseconds since this process started, from the kernel's start time (field 22 of /proc/self/stat, in
// clock ticks since boot) and CLOCK_BOOTTIME. Coarse (one tick), used only as a cross-check.
double sinceKernelStartMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble(); // field 22 overall; 20th after "pid (comm)"
    timespec ts{};
    clock_gettime(CLOCK_BOOTTIME, &ts);
    const double nowMs = double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1.0e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

int runChild(int argc, char *argv[], const QString &variant)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Handover"));
    QCoreApplication::setApplicationName(QStringLiteral("handover-bench"));
    QApplication app(argc, argv);
    installTranslations(app);

    QTemporaryDir scratch; // settings and autosave of the real window stay out of the user's profile
    WidgetDialogService dialogs;
    QSettings settings(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    // What the application hands the real window; its network thread starts on the real run's clock only.
    std::unique_ptr<NetworkContext> network;
    std::unique_ptr<KeychainStore> keychain;
    std::unique_ptr<QWidget> window;
    QWidget *page = nullptr;
    if (variant == QLatin1String("real")) {
        network = std::make_unique<NetworkContext>();
        keychain = std::make_unique<KeychainStore>(QStringLiteral("handover-bench"));
        auto *main = new MainWindow({{&dialogs, network.get(), &settings, keychain.get()},
                                     scratch.filePath(QStringLiteral("autosave"))});
        window.reset(main);
        page = main->wizard()->currentPage();
    } else {
        auto *wizard = new QWizard;
        wizard->setWizardStyle(QWizard::ModernStyle);
        auto *only = new QWizardPage;
        only->setTitle(QStringLiteral("Connect to both servers"));
        only->setSubTitle(QStringLiteral("A minimal page."));
        auto *layout = new QVBoxLayout(only);
        layout->addWidget(new QLabel(QStringLiteral("Hello"), only));
        wizard->addPage(only);
        wizard->resize(1100, 760);
        window.reset(wizard);
        page = only;
    }

    FirstPaintWatcher watcher(page);
    double paintedAt = 0;
    double sinceStart = 0;
    // FirstPaintWatcher signals after the paint event; take the time at the paint itself via a filter too.
    struct PaintClock : QObject
    {
        double *at;
        double *since;
        bool done = false;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (!done && event->type() == QEvent::Paint) {
                done = true;
                *at = monotonicMs();
                *since = sinceKernelStartMs();
            }
            return false;
        }
    } clock;
    clock.at = &paintedAt;
    clock.since = &sinceStart;
    page->installEventFilter(&clock);
    QObject::connect(&watcher, &FirstPaintWatcher::painted, &app, [&] {
        std::printf("painted-monotonic-ms: %.3f\nsince-kernel-start-ms: %.1f\n", paintedAt, sinceStart);
        std::fflush(stdout);
        app.quit();
    });
    window->show();
    return app.exec();
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2.0;
}

bool measure(const QString &self, const QString &variant, double *fromSpawn, double *fromKernel)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.setStandardErrorFile(QProcess::nullDevice());
    const double spawnedAt = monotonicMs();
    child.start(self, {QStringLiteral("--child"), variant});
    if (!child.waitForFinished(60000) || child.exitCode() != 0)
        return false;
    double painted = -1;
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        if (line.startsWith("painted-monotonic-ms: "))
            painted = line.mid(22).toDouble();
        else if (line.startsWith("since-kernel-start-ms: "))
            *fromKernel = line.mid(23).toDouble();
    }
    if (painted < 0)
        return false;
    *fromSpawn = painted - spawnedAt;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--child") == 0)
            return runChild(argc, argv, QString::fromLocal8Bit(argv[i + 1]));
    }
    QCoreApplication app(argc, argv);
    int runs = 5;
    const QStringList arguments = app.arguments();
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--runs"));
        at >= 0 && at + 1 < arguments.size())
        runs = std::max(1, arguments.at(at + 1).toInt());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QTextStream out(stdout);
    out << "bench-startup: process start to first painted wizard page, median of " << runs
        << " fresh processes each (platform: "
        << qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("default")) << ")\n";
    QList<double> real;
    QList<double> minimal;
    QList<double> realKernel;
    QList<double> minimalKernel;
    const QString self = QCoreApplication::applicationFilePath();
    for (int i = 0; i < runs; ++i) {
        // Interleave so a slow moment of the machine hits both variants alike.
        for (const QString &variant : {QStringLiteral("minimal"), QStringLiteral("real")}) {
            double fromSpawn = 0;
            double fromKernel = 0;
            if (!measure(self, variant, &fromSpawn, &fromKernel)) {
                out << "child " << variant << " failed\n";
                return 1;
            }
            (variant == QLatin1String("real") ? real : minimal).append(fromSpawn);
            (variant == QLatin1String("real") ? realKernel : minimalKernel).append(fromKernel);
        }
    }
    const double realMs = median(real);
    const double minimalMs = median(minimal);
    out << QStringLiteral("real-kernel-ms: %1\n").arg(median(realKernel), 0, 'f', 1);
    out << QStringLiteral("minimal-kernel-ms: %1\n").arg(median(minimalKernel), 0, 'f', 1);
    out << QStringLiteral("real-ms: %1\n").arg(realMs, 0, 'f', 1);
    out << QStringLiteral("minimal-ms: %1\n").arg(minimalMs, 0, 'f', 1);
    out << QStringLiteral("ratio: %1\n").arg(minimalMs > 0 ? realMs / minimalMs : 0, 0, 'f', 2);
    return 0;
}
