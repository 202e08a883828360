"""A minimal LSP client over a child process's pipes, for the random-edit
test and the latency bench (the protocol suite uses a real client library,
tests/lsp/protocol.js). Messages from the server are read on a thread, so the
server never blocks on a full pipe while we write."""
import json
import os
import queue
import subprocess
import threading
import time


class LspClient:
    def __init__(self, argv, cwd=None, env=None):
        self.proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 0
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        self.stderr = self.proc.stderr.read()

    def _read(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    self.messages.put(None)
                    return
                header += c
            n = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            self.messages.put((time.perf_counter(), json.loads(out.read(n))))

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return time.perf_counter()

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, pred, timeout=120):
        """The first message (time received, message) for which pred is true;
        earlier ones are dropped."""
        deadline = time.time() + timeout
        while True:
            item = self.messages.get(timeout=max(0.01, deadline - time.time()))
            if item is None:
                raise RuntimeError("the server closed its output: " + self.stderr.decode("utf-8", "replace"))
            if pred(item[1]):
                return item

    def response(self, rid, timeout=120):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)[1]

    def publication(self, uri, version, timeout=120):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version,
                         timeout)

    def initialize(self, init_options=None):
        rid = self.request("initialize", {"processId": None, "rootUri": None,
                                          "capabilities": {}, "initializationOptions": init_options or {}})
        r = self.response(rid)
        self.notify("initialized", {})
        return r

    def shutdown(self):
        self.response(self.request("shutdown", None))
        self.notify("exit", None)
        return self.proc.wait(timeout=60)

    def cpu_seconds(self):
        """User plus system CPU time the server has used so far."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def utf16_pos(text, index):
    """LSP (line, character in UTF-16 units) of a code-point index in text."""
    before = text[:index]
    line = before.count("\n")
    col = before[before.rfind("\n") + 1:]
    return {"line": line, "character": len(col.encode("utf-16-le")) // 2}
