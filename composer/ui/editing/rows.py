"""One copy of an edit as a row, as the publish dialog shows a destination: its name, how far
the change is, then its link or why it stayed as it was, in plain words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.core.outside_url import safe_link
from composer.core.store.edits import EditCopy
from composer.i18n.publish_errors import describe_publish_error
from composer.ui.publish.rows import DestinationRow
from composer.ui.style import theme

translate = QCoreApplication.translate


def edit_reason(copy: EditCopy) -> str:
    return describe_publish_error(
        copy.error_code or "unexpected", copy.error_details, copy.kind.value
    )


class EditRow(DestinationRow):
    def show_copy(self, copy: EditCopy, *, running: bool) -> None:
        self.state = copy.state
        name = self.name
        if copy.state == "done":
            words = translate("Editing", "Changed:")
            self._show("✓", words, theme.ok_color(), busy=False, link=safe_link(copy.url))
            self._news(
                f"done {copy.attempts}", translate("Editing", "{name}: changed").format(name=name)
            )
        elif copy.state == "unchanged":
            self._show("–", edit_reason(copy), theme.warning_color(), busy=False)
            news = translate("Editing", "{name}: stays as it was").format(name=name)
            self._news("unchanged", news)
        elif copy.state == "failed" and running and copy.retryable:
            words = translate("Editing", "Trying again. {reason}").format(reason=edit_reason(copy))
            self._show("⟳", words, theme.warning_color(), busy=True)
            self._news("retrying")
        elif copy.state == "failed":
            words = translate("Editing", "Not changed. {reason}").format(reason=edit_reason(copy))
            self._show("✗", words, theme.error_color(), busy=False)
            news = translate("Editing", "{name}: not changed — {reason}")
            self._news(
                f"failed {copy.attempts}",
                news.format(name=name, reason=edit_reason(copy)),
                urgent=True,
            )
        elif copy.state == "sending" and running:
            self._show("", translate("Editing", "Changing…"), "", busy=True)
            self._news("sending")
        elif running:
            self._show("", translate("Editing", "Waiting…"), "", busy=False)
            self._news("waiting")
        else:
            self._show("", translate("Editing", "Not changed yet."), "", busy=False)
            self._news("not sent")
        self.again.hide()  # "send again" is for a publish job's unclear copy
