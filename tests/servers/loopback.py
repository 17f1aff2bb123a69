"""What the loopback servers share: serving a handler on a free port, and the pages of a STAC API's
landing and collections that pystac-client reads before it searches."""

from __future__ import annotations

import contextlib
import json
import threading
from http.server import ThreadingHTTPServer
from typing import Iterator, Optional, Sequence

__all__ = ["CONFORMS", "collection", "landing_page", "send_json", "serving"]

#: What a STAC API of core, collections and item search conforms to.
CONFORMS = [
    "https://api.stacspec.org/v1.0.0/core",
    "https://api.stacspec.org/v1.0.0/collections",
    "https://api.stacspec.org/v1.0.0/item-search",
]


@contextlib.contextmanager
def serving(handler) -> Iterator[str]:
    """``handler`` served on 127.0.0.1 at a free port, in daemon threads, for the block; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def landing_page(
    url: str, identifier: str, conforms: Sequence[str], methods: Sequence[str] = ("POST",)
) -> dict:
    """A STAC API's landing page at ``url``: its collections and a search link per HTTP method."""
    links = [
        {"rel": "self", "href": f"{url}/", "type": "application/json"},
        {"rel": "root", "href": f"{url}/", "type": "application/json"},
        {"rel": "data", "href": f"{url}/collections", "type": "application/json"},
    ]
    links += [
        {"rel": "search", "href": f"{url}/search", "type": "application/geo+json", "method": method}
        for method in methods
    ]
    return {"type": "Catalog", "id": identifier, "description": "d", "stac_version": "1.0.0",
            "conformsTo": list(conforms), "links": links}  # fmt: skip


def collection(url: str, identifier: str, bbox: Optional[list] = None) -> dict:
    """A collection of the API at ``url`` covering ``bbox`` (the world by default) at any time."""
    return {
        "type": "Collection", "id": identifier, "stac_version": "1.0.0", "description": identifier,
        "license": "proprietary", "links": [{"rel": "self", "href": f"{url}/collections/{identifier}"}],
        "extent": {"spatial": {"bbox": [bbox or [-180, -90, 180, 90]]},
                   "temporal": {"interval": [[None, None]]}},
    }  # fmt: skip


def send_json(handler, document) -> None:
    """Answer ``handler``'s request (a BaseHTTPRequestHandler's) with ``document`` as JSON, status 200."""
    body = json.dumps(document).encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
