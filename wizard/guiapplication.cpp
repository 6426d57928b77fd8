#include "guiapplication.h"

#include <QApplication>
#include <QWizard>

int runGuiApplication(QApplication &app)
{
    QWizard wizard;
    wizard.setWindowTitle(QApplication::translate("GuiApplication", "Handover"));
    wizard.show();
    return app.exec();
}
