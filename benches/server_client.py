#!/usr/bin/env python3
"""Times `wirecheck server`: an edit (didChange) to the diagnostics of that version.

Usage: server_client.py BINARY STORY [--debounce MS] [--edits N]

Starts BINARY server, opens STORY, then makes N incremental edits (a word inserted in the
middle paragraph, then taken out again), waiting after each for the publishDiagnostics of its
version. Prints the time from didOpen to the first diagnostics (the runner built, packs compiled, the
first check with its lazily read data), then the median, 90th percentile and maximum of the
edit-to-diagnostics time in milliseconds, and the same less the debounce delay (the check's own
cost).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def send(proc, message):
    body = json.dumps(message).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("the server ended")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def wait_for(proc, wanted):
    while True:
        message = receive(proc)
        if wanted(message):
            return message


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("story")
    parser.add_argument("--debounce", type=int, default=10)
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()
    text = open(args.story, encoding="utf-8").read()
    folder = os.path.dirname(os.path.abspath(args.story))
    uri = "file://" + os.path.abspath(args.story)
    env = dict(os.environ, WIRECHECK_TODAY="2026-12-01",
               WIRECHECK_CACHE_DIR=os.path.join(folder, "no-cache"))
    proc = subprocess.Popen([args.binary, "server"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, cwd=folder, env=env)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": None, "rootUri": "file://" + folder, "capabilities": {},
        "initializationOptions": {"debounceMs": args.debounce}}})
    wait_for(proc, lambda m: m.get("id") == 1)
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    opened = time.perf_counter()
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
    first = wait_for(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics")
    open_ms = (time.perf_counter() - opened) * 1000
    findings = len(first["params"]["diagnostics"])
    lines = text.split("\n")
    line = len(lines) // 2
    word = "quickly "
    times = []
    for version in range(2, args.edits + 2):
        if version % 2 == 0:
            change = {"range": {"start": {"line": line, "character": 0},
                                "end": {"line": line, "character": 0}}, "text": word}
        else:
            change = {"range": {"start": {"line": line, "character": 0},
                                "end": {"line": line, "character": utf16_len(word)}}, "text": ""}
        start = time.perf_counter()
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        wait_for(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics"
                 and m["params"].get("version") == version)
        times.append((time.perf_counter() - start) * 1000)
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    wait_for(proc, lambda m: m.get("id") == 2)
    send(proc, {"jsonrpc": "2.0", "method": "exit", "params": None})
    proc.wait(timeout=20)
    times.sort()
    p90 = times[int(len(times) * 0.9) - 1]
    median = statistics.median(times)
    print(f"{os.path.getsize(args.story):>9} {findings:>8} {args.debounce:>8} {open_ms:>8.0f} "
          f"{median:>9.1f} {p90:>9.1f} {times[-1]:>9.1f} {median - args.debounce:>12.1f} "
          f"{p90 - args.debounce:>12.1f}")


if __name__ == "__main__":
    sys.exit(main())
