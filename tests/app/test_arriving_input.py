"""`reader -`: standard input shows as it arrives, keys work meanwhile, and quitting while it
still arrives ends the app at once."""

from __future__ import annotations

from reader.app.app import ReaderApp
from reader.core.arriving import ArrivingInput
from tests.app.helpers import press, ready, view_of, wait_until
from tests.stdin_pipe import Pipe


def started(read: int) -> ReaderApp:
    arriving = ArrivingInput(read)
    arriving.wait_for_first_lines()
    return ReaderApp(arriving)


async def test_lines_show_as_they_arrive_and_the_end_completes_the_document(
    pipe: Pipe, data_dir: object
) -> None:
    read = pipe.read
    pipe.send(b"The first paragraph, written at once.\n\n")
    app = started(read)
    async with app.run_test(size=(80, 20)):
        screen = await ready(app)
        assert "The first paragraph" in view_of(app).document.text
        assert screen.complete is None  # still arriving: nothing is bookmarked or linked yet
        await wait_until(lambda: screen.status.message == "loading…", "the loading sign")
        pipe.send(b"A second paragraph, a while later.\n\n")
        await wait_until(lambda: "A second paragraph" in view_of(app).document.text, "the second paragraph")
        await press(app, "G")  # keys work while the input arrives
        assert view_of(app).document.complete is False
        pipe.send(b"The last one.\n")
        pipe.end()
        await wait_until(lambda: screen.complete is not None, "the complete document")
        assert view_of(app).document.text.endswith("The last one.")
        assert screen.status.message == ""
        assert screen.status.blocks == len(view_of(app).document.blocks)


async def test_quitting_while_input_still_arrives_ends_the_app(pipe: Pipe, data_dir: object) -> None:
    read = pipe.read
    pipe.send(b"Some text, and the writer never stops.\n")
    arriving = ArrivingInput(read)
    arriving.wait_for_first_lines()
    app = ReaderApp(arriving)
    async with app.run_test(size=(80, 20)):
        await ready(app)
        await wait_until(lambda: any(w.name == "follow standard input" for w in app.workers), "the follower")
        await press(app, "q")
    # The follower notices within a pause (a tenth of a second) and closes its end of the pipe.
    await wait_until(lambda: arriving.ended, "the follower to stop")
