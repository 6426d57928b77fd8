#include "editorcommand.h"

#include <QProcess>

std::optional<EditorCommand> editorCommandFor(const QString &commandTemplate, const QString &path, int line,
                                              int column,
                                              const std::function<QString(const QString &)> &findExecutable)
{
    QStringList words = QProcess::splitCommand(commandTemplate);
    if (words.isEmpty()) {
        const QString code = findExecutable(QStringLiteral("code"));
        if (code.isEmpty())
            return std::nullopt;
        words = {code, QStringLiteral("--goto"), QStringLiteral("{file}:{line}:{column}")};
    }
    const QString lineText = QString::number(qMax(1, line));
    const QString columnText = QString::number(qMax(1, column));
    bool hasFile = false;
    for (QString &word : words) {
        hasFile = hasFile || word.contains(QLatin1String("{file}"));
        word.replace(QLatin1String("{line}"), lineText).replace(QLatin1String("{column}"), columnText);
        word.replace(QLatin1String("{file}"), path); // last: a path may itself contain "{line}"
    }
    if (!hasFile)
        words.append(path);
    EditorCommand command;
    command.program = words.takeFirst();
    command.arguments = words;
    return command;
}
