#include "translator.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The .ts file is the translators' contract: every tr() string in the sources must be in it.
class TranslationsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tsFileListsEveryStringInTheSources();
    void germanTranslationLoadsFromResources();
};

namespace {

// "context\x1fsource" for every message that is not obsolete or vanished.
QSet<QString> liveMessages(const QString &tsPath)
{
    QSet<QString> messages;
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    bool obsolete = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                obsolete = false, source.clear();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                obsolete = type == QLatin1String("obsolete") || type == QLatin1String("vanished");
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && !obsolete) {
            messages.insert(context + QChar(0x1f) + source);
        }
    }
    return messages;
}

} // namespace

void TranslationsTest::tsFileListsEveryStringInTheSources()
{
    QFile list(QStringLiteral(HANDOVER_TR_SOURCES_LIST));
    QVERIFY2(list.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(list.fileName()));
    QStringList sources = QString::fromUtf8(list.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // A file listed at configure time may have been removed since.
    sources.removeIf([](const QString &path) { return !QFile::exists(path); });
    QVERIFY(!sources.isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    QProcess lupdate;
    lupdate.start(QStringLiteral(HANDOVER_LUPDATE),
                  QStringList{QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none")}
                      + sources + QStringList{QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    const QSet<QString> inSources = liveMessages(fresh);
    const QSet<QString> inTsFile = liveMessages(QStringLiteral(HANDOVER_TS_FILE));
    QStringList missing;
    for (const QString &message : inSources) {
        if (!inTsFile.contains(message))
            missing << QString(message).replace(QChar(0x1f), QStringLiteral(": "));
    }
    missing.sort();
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("handover_de.ts lacks %1 string(s); run `cmake --build <build> --target "
                                       "update_translations`. First: %2")
                            .arg(missing.size())
                            .arg(missing.mid(0, 5).join(QStringLiteral(" | ")))));
}

void TranslationsTest::germanTranslationLoadsFromResources()
{
    QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(QCoreApplication::translate("Cli", "List the command-line verbs"),
             QStringLiteral("Die Befehlszeilenverben auflisten"));
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
