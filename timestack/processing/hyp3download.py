"""``timestack:hyp3download`` — find finished HyP3 jobs and download their product zips (hyp3_sdk).

The search, filters and atomic downloads are :mod:`timestack.core.hyp3.download`'s; the Earthdata login
comes from QGIS's authentication database, as the Earthdata search gets it, and is never logged.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ..core.hyp3.download import JOB_TYPES, PROD_API, download_jobs, find_jobs
from .algorithm import TimestackAlgorithm
from .params import advanced, split_list


class Hyp3DownloadAlgorithm(TimestackAlgorithm):
    """The product zips of a user's finished HyP3 jobs, filtered by project, type, dates and path."""

    AUTHCFG = "AUTHCFG"
    API_URL = "API_URL"
    NAME = "NAME"
    JOB_TYPE = "JOB_TYPE"
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    RELATIVE_ORBIT = "RELATIVE_ORBIT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    DOWNLOADED = "DOWNLOADED"
    SKIPPED = "SKIPPED"

    def name(self) -> str:
        return "hyp3download"

    def displayName(self) -> str:
        return self.tr("Download HyP3 products")

    def shortHelpString(self) -> str:
        return self.tr(
            "Finds your succeeded ASF HyP3 jobs (hyp3_sdk) of one JOB_TYPE (RTC_GAMMA or INSAR_GAMMA) and "
            "project NAME (empty: all), keeps those whose granules were acquired between START_DATE and "
            "END_DATE and on one of the paths in RELATIVE_ORBIT (comma-separated; empty: all), and "
            "downloads their product zips into OUTPUT_FOLDER, each written whole under a temporary name "
            "first; zips already there are skipped, so a stopped download resumes. Expired jobs are "
            "reported and skipped. AUTHCFG is an Earthdata Login in QGIS's authentication database "
            "(username and password, or an empty username and a token as password). The zips are the "
            "input of timestack:hyp3stack."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                self.AUTHCFG,
                self.tr("Earthdata Login (authentication configuration: username and password, or a token)"),
            )
        )
        self.addParameter(
            advanced(QgsProcessingParameterString(self.API_URL, self.tr("HyP3 API"), defaultValue=PROD_API))
        )
        self.addParameter(
            QgsProcessingParameterString(self.NAME, self.tr("Project (job name; empty: all)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.JOB_TYPE, self.tr("Job type"), options=list(JOB_TYPES), defaultValue=0
            )
        )
        for name, label in (
            (self.START_DATE, self.tr("Acquired from")),
            (self.END_DATE, self.tr("Acquired until")),
        ):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, label, QgsProcessingParameterDateTime.Date, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterString(
                self.RELATIVE_ORBIT,
                self.tr("Paths (relative orbits, comma-separated; empty: all)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Product zips"))
        )
        self.addOutput(QgsProcessingOutputNumber(self.DOWNLOADED, self.tr("Zips downloaded")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, self.tr("Zips already there")))
        self.set_help({
            self.AUTHCFG: self.tr(
                "A QGIS authentication configuration holding your Earthdata Login (username "
                "and password, or an empty username and a token); kept in the QGIS "
                "authentication database, never in logs."
            ),
            self.API_URL: self.tr("The address of the HyP3 API; the default is ASF's."),
            self.NAME: self.tr(
                "The project (job name) whose jobs are downloaded; empty: every job of "
                "JOB_TYPE."
            ),
            self.JOB_TYPE: self.tr(
                "Which kind of jobs to download: RTC_GAMMA (backscatter) or INSAR_GAMMA "
                "(interferograms)."
            ),
            self.START_DATE: self.tr(
                "Keep jobs whose granules were acquired on this day (YYYY-MM-DD, UTC) or "
                "later."
            ),
            self.END_DATE: self.tr(
                "Keep jobs whose granules were acquired on this day (YYYY-MM-DD, UTC) or "
                "earlier."
            ),
            self.RELATIVE_ORBIT: self.tr(
                "Keep jobs on these paths (relative orbit numbers), separated by commas; "
                "empty: every path."
            ),
            self.OUTPUT_FOLDER: self.tr(
                "Where the product zips are written; zips already there are skipped, so a "
                "stopped download resumes."
            ),
        })  # fmt: skip

    def _date(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        value = self.parameterAsDateTime(parameters, name, context).date()
        if not value.isValid():
            raise self.fail(self.tr("{0} must be a date (YYYY-MM-DD).").format(name))
        return value.toPyDate()

    def _paths(self, parameters, context) -> list:
        paths = []
        for text in split_list(self.parameterAsString(parameters, self.RELATIVE_ORBIT, context)):
            if not text.isdigit() or not 1 <= int(text) <= 175:
                raise self.fail(
                    self.tr("RELATIVE_ORBIT: {0} is no Sentinel-1 path; give numbers from 1 to 175.").format(
                        text
                    )
                )
            paths.append(int(text))
        return paths

    def processAlgorithm(self, parameters, context, feedback):
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        if not authcfg:
            raise self.fail(
                self.tr("AUTHCFG: choose the authentication configuration holding your Earthdata Login.")
            )
        api_url = self.parameterAsString(parameters, self.API_URL, context).strip() or PROD_API
        if not api_url.startswith(("https://", "http://")):
            raise self.fail(self.tr("API_URL: {0} is no http(s) address of a HyP3 API.").format(api_url))
        start, end = (
            self._date(parameters, self.START_DATE, context),
            self._date(parameters, self.END_DATE, context),
        )
        if start and end and end < start:
            raise self.fail(self.tr("END_DATE: {0} is before START_DATE {1}.").format(end, start))
        paths = self._paths(parameters, context)
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        if folder.exists() and not folder.is_dir():
            raise self.fail(
                self.tr("OUTPUT_FOLDER: {0} is a file; choose a folder for the zips.").format(folder)
            )
        username, secret = self.credentials(authcfg)
        job_type = JOB_TYPES[self.parameterAsEnum(parameters, self.JOB_TYPE, context)]
        progress, is_cancelled = self.core_callbacks(feedback)
        project = self.parameterAsString(parameters, self.NAME, context).strip()
        with self.core_errors(self.tr("HyP3 download")):
            jobs = find_jobs(
                api_url, username, secret, name=project, job_type=job_type, start=start, end=end, paths=paths
            )
            expired = [job for job in jobs if job.expired]
            feedback.pushInfo(self.tr("{0} {1} jobs match.").format(len(jobs), job_type))
            if expired:
                feedback.reportError(
                    self.tr("{0} jobs have expired; their products can no longer be downloaded.").format(
                        len(expired)
                    )
                )
            written, skipped = download_jobs(jobs, folder, progress, is_cancelled)
        if skipped:
            feedback.pushInfo(self.tr("{0} zips were already there.").format(len(skipped)))
        return {self.OUTPUT_FOLDER: str(folder), self.DOWNLOADED: len(written), self.SKIPPED: len(skipped)}
