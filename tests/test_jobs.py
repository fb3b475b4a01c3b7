"""Background jobs hand their results to the GUI thread one by one, in order, before on_done."""

import threading

from app.ui.jobs import InlineProgress, JobRunner


def test_items_reach_the_gui_thread_in_order_before_done(qtbot):
    runner = JobRunner()
    gui = threading.get_ident()
    seen: list[tuple[int, int]] = []
    done: list[object] = []

    def work(progress):
        assert threading.get_ident() != gui  # the job itself runs in a worker
        for i in range(50):
            progress.deliver(i)
        return "finished"

    runner.run(
        "job",
        work,
        on_item=lambda item: seen.append((item, threading.get_ident())),
        on_done=lambda result: done.append((result, len(seen))),
        show_dialog=False,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert [item for item, _ in seen] == list(range(50))
    assert {thread for _, thread in seen} == {gui}
    assert done == [("finished", 50)]  # every item arrived before on_done


def test_inline_progress_delivers_at_once():
    got: list[int] = []
    progress = InlineProgress(on_item=got.append)
    progress.deliver(1)
    progress.deliver(2)
    assert got == [1, 2] and not progress.cancelled
