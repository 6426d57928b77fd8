#include "editorcommand.h"

#include <QTest>

// Opening a script at a finding's line: HANDOVER_EDITOR's template, VS Code, or nothing (desktop default).
class EditorCommandTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsTheEditorCommandForALine_data();
    void buildsTheEditorCommandForALine();
};

void EditorCommandTest::buildsTheEditorCommandForALine_data()
{
    QTest::addColumn<QString>("commandTemplate");
    QTest::addColumn<QString>("codeOnPath");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");

    const QString path = QStringLiteral("/srv/scripts/deploy {line} me.ps1");
    QTest::newRow("template with placeholders")
        << QStringLiteral("kate --line {line} --column {column} {file}") << QString() << true
        << QStringLiteral("kate")
        << QStringList{QStringLiteral("--line"), QStringLiteral("42"), QStringLiteral("--column"),
                       QStringLiteral("1"), path};
    QTest::newRow("template without file gets it appended")
        << QStringLiteral("\"/opt/My Editor/edit\" -n") << QString() << true
        << QStringLiteral("/opt/My Editor/edit") << QStringList{QStringLiteral("-n"), path};
    QTest::newRow("vs code when on PATH")
        << QString() << QStringLiteral("/usr/bin/code") << true << QStringLiteral("/usr/bin/code")
        << QStringList{QStringLiteral("--goto"), path + QStringLiteral(":42:1")};
    QTest::newRow("template wins over vs code")
        << QStringLiteral("vim +{line}") << QStringLiteral("/usr/bin/code") << true << QStringLiteral("vim")
        << QStringList{QStringLiteral("+42"), path};
    QTest::newRow("nothing: desktop default")
        << QString() << QString() << false << QString() << QStringList{};
}

void EditorCommandTest::buildsTheEditorCommandForALine()
{
    QFETCH(QString, commandTemplate);
    QFETCH(QString, codeOnPath);
    QFETCH(bool, expected);
    const QString path = QStringLiteral("/srv/scripts/deploy {line} me.ps1");
    const auto command = editorCommandFor(commandTemplate, path, 42, 1, [&](const QString &name) {
        return name == QLatin1String("code") ? codeOnPath : QString();
    });
    QCOMPARE(command.has_value(), expected);
    if (!expected)
        return;
    QTEST(command->program, "program");
    QTEST(command->arguments, "arguments");
}

QTEST_GUILESS_MAIN(EditorCommandTest)
#include "tst_editorcommand.moc"
