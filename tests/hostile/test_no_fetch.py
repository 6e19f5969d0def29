"""Loading a web page never fetches a URL (issue 13): a local server records every hit."""

from __future__ import annotations

import http.server
import threading

import pytest

from anquanyue_parse.errors import AnquanyueError
from anquanyue_parse.loaders import load_bytes
from tests.hostile import fixtures as fx


@pytest.fixture
def server():
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server name
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<html><body>fetched</body></html>")

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_html_loading_fetches_nothing(server):
    base, hits = server
    page = f"""<!DOCTYPE html SYSTEM "{base}/dtd"><html><head><base href="{base}/base/">
<meta http-equiv="refresh" content="0; url={base}/refresh"><link rel="stylesheet" href="{base}/css">
<script src="{base}/js"></script></head><body><h1>关于开展安全生产月活动的通知</h1>
<img src="{base}/img"><iframe src="{base}/frame"></iframe><object data="{base}/obj"></object>
<p>各单位：<a href="{base}/a">附件</a></p></body></html>""".encode()
    src = load_bytes(page, "page.html")
    assert "安全生产月" in src.text and "fetched" not in src.text
    assert hits == []


def test_docx_with_external_entity_to_a_url_fetches_nothing(server):
    base, hits = server
    try:
        src = load_bytes(fx.xxe_docx(f"{base}/entity"), "x.docx")
        assert "fetched" not in src.text
    except AnquanyueError:
        pass  # refusing the document is fine too
    assert hits == []
