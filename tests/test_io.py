"""The blocking side's drain deadline: one watchdog thread shuts down the sockets whose time is up."""

from __future__ import annotations

import socket
import threading

from dust_ext._io import _SocketWatchdog


def test_a_watched_socket_is_shut_down_once_its_deadline_passes() -> None:
    watchdog = _SocketWatchdog()
    reader, writer = socket.socketpair()
    with reader, writer:
        watchdog.watch(reader, 0.05)
        # Nothing is ever sent: only the watchdog's shutdown can end this blocking read (EOF).
        assert reader.recv(1) == b""


def test_a_forgotten_socket_is_left_alone_and_later_deadlines_still_fire() -> None:
    watchdog = _SocketWatchdog()
    kept_reader, kept_writer = socket.socketpair()
    late_reader, late_writer = socket.socketpair()
    with kept_reader, kept_writer, late_reader, late_writer:
        watchdog.forget(watchdog.watch(kept_reader, 0.05))
        watchdog.watch(late_reader, 0.1)
        assert late_reader.recv(1) == b""  # the watchdog went past the forgotten socket's deadline
        kept_writer.sendall(b"x")
        assert kept_reader.recv(1) == b"x"  # still open in both directions
        kept_reader.sendall(b"y")
        assert kept_writer.recv(1) == b"y"


def test_an_earlier_deadline_wakes_a_watchdog_waiting_for_a_later_one() -> None:
    watchdog = _SocketWatchdog()
    slow_reader, slow_writer = socket.socketpair()
    quick_reader, quick_writer = socket.socketpair()
    with slow_reader, slow_writer, quick_reader, quick_writer:
        slow = watchdog.watch(slow_reader, 3600.0)
        watchdog.watch(quick_reader, 0.05)
        assert quick_reader.recv(1) == b""  # not an hour later
        watchdog.forget(slow)


def test_many_threads_draining_at_once_share_one_watchdog_thread() -> None:
    watchdog = _SocketWatchdog()
    pairs = [socket.socketpair() for _ in range(8)]
    before = {thread.ident for thread in threading.enumerate()}

    def drain(reader: socket.socket) -> None:
        watchdog.forget(watchdog.watch(reader, 60.0))

    workers = [threading.Thread(target=drain, args=(reader,)) for reader, _ in pairs]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    started = [t for t in threading.enumerate() if t.ident not in before and t.name == "dust-drain-deadlines"]
    assert len(started) == 1
    for reader, writer in pairs:
        writer.sendall(b"z")
        assert reader.recv(1) == b"z"
        reader.close()
        writer.close()
