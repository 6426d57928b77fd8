#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The program and arguments that open a file at a line in an editor.
struct EditorCommand
{
    QString program;
    QStringList arguments;
};

// `commandTemplate` is HANDOVER_EDITOR: a command line whose arguments may hold {file}, {line} and {column},
// e.g. "code --goto {file}:{line}:{column}" or "kate --line {line} {file}". Empty: VS Code when `code` is
// found by `findExecutable`, else nothing (the caller falls back to the desktop's default application,
// which cannot be told a line). A template without {file} gets the file appended.
std::optional<EditorCommand> editorCommandFor(const QString &commandTemplate, const QString &path, int line,
                                              int column,
                                              const std::function<QString(const QString &)> &findExecutable);
