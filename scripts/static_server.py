"""A static file server for the built app, on loopback only, with the strict Content-Security-Policy
the embedding guide promises (so the page is tested the way government sites serve it)."""
import http.server
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

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    root, port = sys.argv[1], int(sys.argv[2])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=root))
    # Port 0 picks a free port; the first line of output says which (the tests read it).
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()
