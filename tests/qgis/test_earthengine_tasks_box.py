"""The dock's Earth Engine tasks box (LandTrendr tab): Refresh lists the tasks through
``timestack:earthenginetasks`` into a table, Cancel task cancels the selected one, against the loopback
Earth Engine stand-in."""

from __future__ import annotations

import pytest

from tests.helpers.qt import wait_until

ee = pytest.importorskip("ee")

PROJECT = "timestack-test"


@pytest.fixture()
def server(earthengine_api):
    """The stand-in whose tasks keep the states they are listed in (the box's table is compared)."""
    earthengine_api.queue_moves = False
    return earthengine_api


def _table(box) -> list:
    return [
        [box.table.item(row, column).text() for column in range(box.table.columnCount())]
        for row in range(box.table.rowCount())
    ]


def test_landtrendr_tab_lists_and_cancels_earth_engine_tasks(provider, qgis_iface, server):
    from timestack.gui.earthengine_tasks_box import EarthEngineTasksBox
    from timestack.gui.landtrendr_panel import LandTrendrPanel

    panel = LandTrendrPanel(qgis_iface)
    box = panel.findChild(EarthEngineTasksBox, "earthEngineTasks")
    assert box is panel.earthengine_tasks and box.isCollapsed()
    box.project.setText(PROJECT)
    assert box.parameters(0) == {"EE_PROJECT": PROJECT, "ACTION": 0, "OUTPUT": "memory:"}

    box.refresh_button.click()
    assert not box.refresh_button.isEnabled()
    wait_until(lambda: box.table.rowCount() == 3)
    rows = {row[0]: row for row in _table(box)}
    assert rows["RUNNINGTASK1"][1:3] == ["lt_vertices", "RUNNING"] and rows["RUNNINGTASK1"][4] == "25%"
    assert rows["RUNNINGTASK1"][3].startswith("0:04:")  # started four minutes ago
    assert rows["FAILEDTASK3"][2:4] == ["FAILED", "0:01:00"] and rows["PENDINGTASK2"][3] == ""
    assert box.status.text() == "3 tasks, 2 pending or running."
    assert box.refresh_button.isEnabled() and not box.cancel_task_button.isEnabled()

    failed = [row for row in range(3) if box.table.item(row, 0).text() == "FAILEDTASK3"][0]
    box.table.selectRow(failed)
    assert box.selected_task() == "FAILEDTASK3" and not box.cancel_task_button.isEnabled()
    assert "compatible data types" in box.table.item(failed, 2).toolTip()
    running = [row for row in range(3) if box.table.item(row, 0).text() == "RUNNINGTASK1"][0]
    box.table.selectRow(running)
    assert box.cancel_task_button.isEnabled()

    box.cancel_task_button.click()
    wait_until(
        lambda: ("POST", f"/v1alpha/projects/{PROJECT}/operations/RUNNINGTASK1:cancel") in server.requests
    )
    wait_until(lambda: box.refresh_button.isEnabled() and box.status.text().startswith("3 tasks"))
    assert {row[0]: row[2] for row in _table(box)}["RUNNINGTASK1"] == "CANCELLED"
    assert box.status.text() == "3 tasks, 1 pending or running."


def test_a_refused_project_is_told_in_the_status_line(provider, qgis_iface, server):
    from timestack.gui.earthengine_tasks_box import EarthEngineTasksBox

    box = EarthEngineTasksBox()
    box.project.setText("other")
    box.refresh()
    wait_until(lambda: box.refresh_button.isEnabled())
    assert box.status.text().startswith("Earth Engine tasks failed: EE_PROJECT: Earth Engine did not answer")
    assert box.table.rowCount() == 0
