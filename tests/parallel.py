"""Threads released together, each with its own connection: how race tests make requests collide."""

import threading

from django.db import connections


def in_parallel(work, count):
    """Call work(index) in `count` threads released at once; return (results by index, errors)."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def meet_before_reading_progress(monkeypatch, parties: int = 2, timeout: float = 2) -> None:
    """Hold every completion evaluation at a barrier just before it reads progress, so two of them
    overlap for sure. One that waits for the other's row lock never arrives: the barrier then
    times out and the other carries on alone (as it must, if the lock is there)."""
    import contextlib

    import courses.services

    barrier = threading.Barrier(parties, timeout=timeout)
    real = courses.services.requirements_met

    def meet_then_read(enrollment):
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return real(enrollment)

    monkeypatch.setattr(courses.services, "requirements_met", meet_then_read)
