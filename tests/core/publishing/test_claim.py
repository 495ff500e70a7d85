"""The job's claim (core/publishing/claim.py) with real processes: a claim whose process has
ended on this computer is taken over at once, one whose process runs is not, and another
computer's is left to expire."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.publishing.claim import BUSY, CLAIM_FOR, claimed, ended, held
from composer.core.store.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "profile") as opened:
        yield opened


def _owner(pid: int, host: str = "") -> str:
    return f"{host or socket.gethostname()}:{pid}:0a1b2c3d"


def _hold(store: Store, job_id: int, owner: str) -> None:
    now = datetime.now(UTC)
    assert store.claim_job(job_id, owner, now, now + CLAIM_FOR)


def test_a_claim_left_by_a_process_that_ended_is_taken_over_at_once(store):
    job_id = store.create_job(Draft(text="Open dag"), [])
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    _hold(store, job_id, _owner(gone.pid))
    with claimed(store, job_id, datetime.now(UTC), "this run") as got:
        assert got and store.claim_holder(job_id) == "this run"
    assert store.claim_holder(job_id) is None


def test_a_claim_of_a_running_process_or_another_computer_holds(store):
    job_id = store.create_job(Draft(text="Open dag"), [])
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _hold(store, job_id, _owner(running.pid))
        with pytest.raises(CodedError) as busy, held(store, job_id):
            pytest.fail("the claim was taken from a running process")
        assert busy.value.code == BUSY and busy.value.details == {"job": job_id}
    finally:
        running.kill()
        running.wait()
    with held(store, job_id):  # its process ended: taken over
        assert store.claim_holder(job_id) != _owner(running.pid)

    store.release_job(job_id, store.claim_holder(job_id) or "")
    _hold(store, job_id, _owner(running.pid, host="another-computer.example"))
    with pytest.raises(CodedError), held(store, job_id):
        pytest.fail("another computer's claim was taken before it expired")


def test_this_process_and_unreadable_owners_are_never_taken_for_ended():
    assert not ended(_owner(os.getpid()))  # another run of this very process
    for owner in ("", "host", "x:y:z", f"{socket.gethostname()}:-4:aa", "a:b:c:d:e"):
        assert not ended(owner)


@given(st.text(max_size=80), st.text(max_size=12))
def test_any_owner_text_gives_an_answer_never_an_error(owner, pid):
    assert ended(owner) in (True, False)
    assert ended(_owner(0) if not pid else f"{socket.gethostname()}:{pid}:x") in (True, False)
