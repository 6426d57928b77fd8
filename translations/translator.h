#pragma once

#include <QLocale>

class QCoreApplication;

// Loads Qt's own translations and Handover's embedded :/i18n/handover_<lang>.qm for `locale`
// (default: the system locale) and installs them on `app`. Returns true when Handover's own file loaded.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());
