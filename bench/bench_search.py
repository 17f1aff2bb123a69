"""Search speed: a 100,000-item stac-geoparquet catalog against pystac-client over pgstac, same items.

Builds the catalog from the 100 recorded Planetary Computer Sentinel-2 items (shared/fixtures/stac),
replicated 1,000 times: each copy is shifted to its own place on the globe and its own year, with a
new id, so the query below matches one copy's worth of scenes. The same items are loaded into a
throwaway pgstac (tests/servers/pgstac.py) and searched with pystac-client directly. Prints both
times, the ratio, and whether the local query stays under 1 s (the goal of issue 3).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the source folder is the ``timestack`` package
import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from shapely import wkb  # noqa: E402
from shapely.affinity import translate  # noqa: E402

from tests.helpers.shared import STAC_FIXTURES  # noqa: E402
from tests.servers.pgstac import running_pgstac  # noqa: E402
from timestack.core.search import SceneQuery, search_scenes  # noqa: E402
from timestack.core.search.local_catalog import row_to_item_dict  # noqa: E402
from timestack.core.search.query import bbox_polygon  # noqa: E402

SOURCE = STAC_FIXTURES / "pc_sentinel-2-l2a_100items_13TDE_2024.parquet"
COPIES = 1000
GRID = 40  # copies per row of the placement grid; 2° apart


def offsets(copy: int) -> tuple:
    """Longitude/latitude shift and year shift of one copy (copy 0 stays where it was recorded).

    The other copies lie on a grid at least 2° south of the original, so none overlaps it.
    """
    if copy == 0:
        return 0.0, 0.0, 0
    return (copy % GRID) * 2.0 - 40.0, (copy // GRID) * 2.0 - 50.0, copy % 30


def build_catalog(path: Path) -> pa.Table:
    base = pq.read_table(SOURCE)
    base = base.sort_by("datetime")
    shapes = [wkb.loads(g) for g in base.column("geometry").to_pylist()]
    tables = []
    for copy in range(COPIES):
        dx, dy, years = offsets(copy)
        moved = [translate(s, dx, dy) for s in shapes]
        shift = pa.scalar(dt.timedelta(days=365 * years), pa.duration("ms"))
        table = base.set_column(
            base.schema.get_field_index("id"),
            "id",
            pc.binary_join_element_wise(base.column("id"), pa.scalar(f"{copy:04d}"), "_"),
        )
        table = table.set_column(
            table.schema.get_field_index("geometry"),
            "geometry",
            pa.array([m.wkb for m in moved], pa.binary()),
        )
        bbox = pa.StructArray.from_arrays(
            [pa.array([m.bounds[i] for m in moved]) for i in range(4)], ["xmin", "ymin", "xmax", "ymax"]
        )
        table = table.set_column(table.schema.get_field_index("bbox"), "bbox", bbox)
        datetimes = pc.subtract(base.column("datetime"), shift)
        table = table.set_column(table.schema.get_field_index("datetime"), "datetime", datetimes)
        tables.append(table)
    catalog = pa.concat_tables(tables).sort_by("datetime")
    metadata = dict(pq.read_metadata(SOURCE).metadata)
    pq.write_table(catalog.replace_schema_metadata(metadata), path, row_group_size=5000, compression="zstd")
    return catalog


def timed(function, repeats: int = 3) -> tuple:
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="timestack-bench-search-") as folder:
        folder = Path(folder)
        started = time.perf_counter()
        catalog = build_catalog(folder / "items.parquet")
        print(f"built {catalog.num_rows} items in {time.perf_counter() - started:.1f} s")

        # One tile's area (copy 0, where the items were recorded), one summer, clear scenes.
        aoi = bbox_polygon((-105.6, 39.7, -105.0, 40.5))
        query = SceneQuery.create(aoi, "2024-06-01", "2024-09-30", max_cloud=20)
        local_s, local = timed(lambda: search_scenes(str(folder / "items.parquet"), query))
        print(f"stac-geoparquet (pyarrow): {len(local)} scenes in {local_s * 1000:.0f} ms (median of 3)")

        started = time.perf_counter()
        with open(folder / "items.ndjson", "w") as out:
            for batch in catalog.to_batches(max_chunksize=2000):
                for row in batch.to_pylist():
                    out.write(json.dumps(row_to_item_dict(row)) + "\n")
        collection = json.loads((STAC_FIXTURES / "pc_sentinel-2-l2a_collection.json").read_text())
        with running_pgstac([collection], folder / "items.ndjson") as (url, _dsn):
            print(f"pgstac loaded in {time.perf_counter() - started:.0f} s")
            from pystac_client import Client

            def direct():
                search = Client.open(url).search(
                    intersects=aoi,
                    datetime=query.datetime_range,
                    limit=100,
                    filter={"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20.0]},
                    filter_lang="cql2-json",
                )
                return [item.id for item in search.items()]

            remote_s, remote = timed(direct)
        print(f"pystac-client over pgstac: {len(remote)} scenes in {remote_s * 1000:.0f} ms (median of 3)")
        same = sorted(local.ids) == sorted(remote)
        print(f"same scenes: {same}")
        print(f"ratio pgstac/pystac-client time to stac-geoparquet time: {remote_s / local_s:.1f}x")
        print(f"goal (local < 1 s): {'met' if local_s < 1.0 else 'MISSED'}")
        if not same or local_s >= 1.0:
            sys.exit(1)


if __name__ == "__main__":
    main()
