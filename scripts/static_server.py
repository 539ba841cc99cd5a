"""A static file server for the built app, on loopback only, with the strict Content-Security-Policy
the embedding guide promises (so the page is tested the way government sites serve it)."""
import http.server
import os
import sys
from functools import partial

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "object-src 'none'; base-uri 'none'")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"}

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        # Short-lived caching, so a page keeps working (favicon included) when the network drops.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        """A file's .br or .gz beside it (the build writes both) when the browser accepts that
        encoding, as nginx's brotli_static / gzip_static do: the tests load what a phone would."""
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        if os.path.isfile(path):
            for suffix, name in ((".br", "br"), (".gz", "gzip")):
                if name in accepted and os.path.isfile(path + suffix):
                    f = open(path + suffix, "rb")
                    self.send_response(200)
                    self.send_header("Content-Type", self.guess_type(path))
                    self.send_header("Content-Encoding", name)
                    self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
                    self.send_header("Vary", "Accept-Encoding")
                    self.end_headers()
                    return f
        return super().send_head()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    root, port = sys.argv[1], int(sys.argv[2])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=root))
    # Port 0 picks a free port; the first line of output says which (the tests read it).
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()
