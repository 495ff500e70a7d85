"""The picture of WordPress's own profile page that the WordPress connect form shows: where
an application password is made. Taken from the tests' real WordPress (Debian's package, see
tests/support/wordpress.py) with headless Chromium (Debian's `chromium`).

python scripts/wordpress_screenshot.py    -> composer/resources/images/wordpress-profile.png
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.support

from tests.support.wordpress import running_wordpress

OUT = Path(__file__).resolve().parents[1] / "composer" / "resources" / "images"
SIZE = (1100, 640)  # the admin menu with Users → Profile, and the Application Passwords part


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, running_wordpress(Path(folder)) as site:
        page = site.scene("signed_in_administrator") + "/wp-admin/profile.php"
        subprocess.run(
            [
                chromium,
                "--headless=new",
                "--no-sandbox",  # CI runs as root
                "--disable-gpu",
                "--hide-scrollbars",
                f"--window-size={SIZE[0]},{SIZE[1]}",
                f"--screenshot={OUT / 'wordpress-profile.png'}",
                page,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
