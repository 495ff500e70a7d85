"""The history of publish jobs and "delete everywhere": the website last, every removal on
record at once, a second run only tries what is still online."""

from __future__ import annotations

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.destinations.registry import PUBLISHABLE
from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.publishing.deleting import deletable, delete_everywhere
from composer.core.store.store import Store, StoreError

ACCOUNTS = {
    kind: Account(f"{kind.value}-0000000{number}", kind, Identity(kind.value))
    for number, kind in enumerate(PUBLISHABLE, 1)
}
ALL = [account.id for account in ACCOUNTS.values()]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "profile") as opened:
        for account in ACCOUNTS.values():
            opened.save_account(account)
        yield opened


def _published(store, draft=None, failed=()):
    job_id = store.create_job(draft or Draft(text="Open dag"), ALL)
    for account_id in ALL:
        if account_id in failed:
            store.set_destination_state(job_id, account_id, "failed", error_code="rejected")
        else:
            remote = f"{account_id}/1"
            store.set_destination_state(job_id, account_id, "done", remote_id=remote, url=remote)
    return job_id


class Remover:
    def __init__(self, refuse=()):
        self.refuse = set(refuse)
        self.calls: list[str] = []

    def __call__(self, row):
        self.calls.append(row.account_id)
        if row.account_id in self.refuse:
            raise CodedError("server_error", {"status": 503})


def test_the_history_lists_jobs_newest_first_with_their_rows(store):
    first = _published(store, Draft(text="Eerste"))
    second = store.create_job(Draft(text="Tweede"), ALL[:2])
    jobs = store.list_jobs()
    assert [job.id for job in jobs] == [second, first]
    assert [job.draft.text for job in jobs] == ["Tweede", "Eerste"]
    assert jobs[1] == store.job(first)
    assert [row.account_id for row in jobs[0].destinations] == ALL[:2]
    assert {row.state for row in jobs[0].destinations} == {"pending"}
    assert all(row.deleted is None for job in jobs for row in job.destinations)


def test_delete_everywhere_removes_the_website_last_and_marks_each_copy(store):
    job_id = _published(store, failed=[ACCOUNTS[AccountKind.PIXELFED].id])
    remover = Remover()
    results = delete_everywhere(store, {}, job_id, remove=remover)
    sites = {ACCOUNTS[AccountKind.WEBSITE].id, ACCOUNTS[AccountKind.WORDPRESS].id}
    assert set(remover.calls[-2:]) == sites  # the own sites last
    assert len(remover.calls) == 5  # the failed copy was never online
    assert list(results) == remover.calls
    assert all(result.ok for result in results.values())
    job = store.job(job_id)
    assert job.deleted
    for row in job.destinations:
        assert (row.deleted is not None) == (row.state == "done")
    assert store.list_jobs()[0].deleted


def test_a_post_held_for_review_is_deleted_though_never_published(store):
    held = ACCOUNTS[AccountKind.WORDPRESS].id
    job_id = store.create_job(Draft(text="Ter goedkeuring"), [held])
    store.set_destination_state(
        job_id, held, "failed", remote_id="14", error_code="held_for_review", retryable=True
    )
    remover = Remover()
    assert delete_everywhere(store, {}, job_id, remove=remover)[held].ok
    assert remover.calls == [held]
    row = store.job(job_id).destination(held)
    assert row.deleted is not None and not row.retryable  # a resume does not post it again


def test_a_copy_that_cannot_be_removed_is_tried_again_next_time_alone(store):
    job_id = _published(store)
    mastodon = ACCOUNTS[AccountKind.MASTODON].id
    results = delete_everywhere(store, {}, job_id, remove=Remover(refuse=[mastodon]))
    assert not results[mastodon].ok
    assert (results[mastodon].error.code, results[mastodon].error.details) == (
        "server_error",
        {"status": 503},
    )
    assert sum(result.ok for result in results.values()) == 5
    job = store.job(job_id)
    assert not job.deleted
    assert job.destination(mastodon).deleted is None

    again = Remover()
    results = delete_everywhere(store, {}, job_id, remove=again)
    assert again.calls == [mastodon]
    assert set(results) == set(ALL) and all(result.ok for result in results.values())
    assert store.job(job_id).deleted


def test_a_page_that_existed_before_is_not_removed(store):
    job_id = _published(store, Draft(text="Zie de site", link="https://bieb.example.org/a"))
    rows = deletable(store.job(job_id))
    assert AccountKind.WEBSITE not in {row.kind for row in rows}
    assert len(rows) == 4


def test_unknown_jobs_and_rows(store):
    with pytest.raises(StoreError) as failure:
        delete_everywhere(store, {}, 99, remove=Remover())
    assert failure.value.code == "not_found"
    job_id = store.create_job(Draft(text="Nog niet uit"), ALL[:1])
    with pytest.raises(StoreError):  # only a published copy can be deleted
        store.mark_deleted(job_id, ALL[0])
    assert not store.job(job_id).deleted  # nothing was published: nothing deleted
