"""Log in to Earth Engine from the dock: earthengine-api's own browser login, or a service account whose
key JSON is the password of a configuration in QGIS's authentication database.

The session is earthengine-api's, for the whole QGIS process: once signed in, Earth Engine searches,
LandTrendr's Earth Engine engine and the tasks box use it. The key is read from the authentication
database in the main thread and handed to the sign-in task in memory only. Without earthengine-api the
row offers to install it.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import QgsApplication, QgsTask
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ..dependencies import missing_backends
from ..processing.algorithm import auth_credentials, user_message


class EarthEngineLogin(QWidget):
    """Sign in with Google…, or with the chosen service account; a status line says who is signed in.
    ``project`` gives the Google Cloud project to sign in for (the box's project field)."""

    def __init__(self, project: Callable[[], str], parent=None):
        super().__init__(parent)
        self.setObjectName("earthEngineLogin")
        self.project = project
        self.task: Optional[QgsTask] = None
        self.installer = None
        self.browser_button = QPushButton(self.tr("Sign in with Google…"), self)
        self.browser_button.setObjectName("earthEngineBrowserLogin")
        self.browser_button.setToolTip(
            self.tr(
                "earthengine-api's own login: your browser opens Google's consent page; the login is kept "
                "where earthengine-api keeps it, as `earthengine authenticate` does"
            )
        )
        self.service_account = QgsAuthConfigSelect(self)
        self.service_account.setObjectName("earthEngineServiceAccount")
        self.service_account.setToolTip(
            self.tr(
                "A service account: a Basic configuration of QGIS's authentication database whose password "
                "is the account's key JSON"
            )
        )
        self.account_button = QPushButton(self.tr("Use service account"), self)
        self.account_button.setObjectName("earthEngineServiceAccountLogin")
        self.account_button.setToolTip(self.tr("Sign in to Earth Engine as the chosen service account"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.linkActivated.connect(self._install)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # one under the other: side by side, the login box and its button made the dock 100 px wider
        # than any other tab (in French, where the button's text is longer)
        layout.addWidget(self.browser_button, 0, 0)
        layout.addWidget(self.service_account, 1, 0)
        layout.addWidget(self.account_button, 2, 0)
        layout.addWidget(self.status, 3, 0)
        self.browser_button.clicked.connect(self.sign_in_with_browser)
        self.account_button.clicked.connect(self.sign_in_with_service_account)
        self.offer_install()

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("EarthEngineLogin", text)

    def offer_install(self) -> bool:
        """Without earthengine-api: say so, with a link opening the installer; True then."""
        missing = "earthengine" in missing_backends()
        if missing:
            self.status.setText(
                self.tr(
                    "Earth Engine needs the earthengine-api package, missing here: "
                    '<a href="install">install it</a>'
                )
            )
        self.browser_button.setEnabled(not missing)
        self.account_button.setEnabled(not missing)
        return missing

    def _install(self, _link: str) -> None:
        from .dependency_installer import open_installer

        self.installer = open_installer(self, ["earthengine"])
        self.installer.installed.connect(self.offer_install)
        self.installer.installed.connect(lambda: self.status.clear())

    def sign_in_with_browser(self) -> None:
        from ..core.earthengine.login import authenticate_in_browser, sign_in

        project = self.project().strip() or None

        def work(_task):
            authenticate_in_browser()
            sign_in(project)

        self._start(work, self.tr("Waiting for the browser login…"))

    def sign_in_with_service_account(self) -> None:
        from ..core.earthengine.login import service_account_credentials, sign_in

        authcfg = self.service_account.configId()
        found = auth_credentials(authcfg) if authcfg else None  # read here, in the main thread
        if found is None:
            self.status.setText(self.tr("Choose a service account configuration first."))
            return
        key, project = found[1], self.project().strip() or None

        def work(_task):
            sign_in(project, service_account_credentials(key))

        self._start(work, self.tr("Signing in to Earth Engine…"))

    def _start(self, work, busy_text: str) -> None:
        if self.offer_install():
            return
        self.browser_button.setEnabled(False)
        self.account_button.setEnabled(False)
        self.status.setText(busy_text)
        self.task = QgsTask.fromFunction(
            self.tr("Timestack: Earth Engine login"), work, on_finished=self._done
        )
        QgsApplication.taskManager().addTask(self.task)

    def _done(self, exception, _result=None) -> None:
        self.task = None  # ended: it holds this box, a cycle the collector frees on any thread
        self.browser_button.setEnabled(True)
        self.account_button.setEnabled(True)
        if exception is not None:
            self.status.setText(user_message(exception))
            return
        project = self.project().strip()
        if project:
            self.status.setText(self.tr("Signed in to Earth Engine for project {0}.").format(project))
        else:
            self.status.setText(self.tr("Signed in to Earth Engine."))
