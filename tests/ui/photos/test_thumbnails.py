"""The thumbnailer's worker hands over bytes, never a Qt object: under PySide a QImage made on
a worker holds the GIL while Qt's image plugins take Qt's own lock, and a GUI thread that holds
that lock and wants the GIL then waits for ever (it hung a CI run in the photo tests)."""

from PIL import Image as PILImage

from composer.core.images.probe import ImageError
from composer.ui.photos.thumbnails import Thumbnailer, _State


def test_the_worker_reports_bytes_and_the_gui_thread_makes_the_picture(qtbot, tmp_path):
    photo = tmp_path / "zaal.jpg"
    PILImage.new("RGB", (1200, 800), "teal").save(photo)
    broken = tmp_path / "kapot.jpg"
    broken.write_bytes(b"\xff\xd8 not a photo")
    started = []
    state = _State(started.append)
    keys = [state.request(photo, 128)[0], state.request(broken, 128)[0]]
    assert state.request(photo, 128) == (keys[0], None)  # queued once
    reported = []
    started[0](reported.append)  # the work, here on this thread: what crosses to the GUI
    assert [key for key, _made in reported] == keys
    assert isinstance(reported[0][1], bytes) and reported[0][1][:2] == b"\xff\xd8"
    assert isinstance(reported[1][1], ImageError)
    assert state.request(photo, 128) == (keys[0], None)  # being made: not asked twice

    thumbnailer = Thumbnailer()
    ready = []
    thumbnailer.ready.connect(lambda key, thumb: ready.append((key, thumb)))
    key, known = thumbnailer.request(photo, 128)
    assert known is None
    qtbot.waitUntil(lambda: len(ready) == 1, timeout=10_000)
    assert ready[0][0] == key and ready[0][1].width() == 128
    assert thumbnailer.request(photo, 128)[1] is ready[0][1]  # remembered
