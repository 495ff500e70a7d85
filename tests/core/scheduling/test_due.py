"""Scheduled jobs end to end in the core: a real store, the real Publisher, destinations
that record every call (tests/support/scheduling_destination.py), a clock that is moved,
never slept on. Who holds each copy, --due before and after the time, exactly once, the
grace period, late jobs, cancelling, moving and rewriting, and the database lock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.core.accounts.account import Account, AccountKind, Identity
from composer.core.drafts.draft import Draft
from composer.core.errors import CodedError
from composer.core.publishing.claim import CLAIM_FOR
from composer.core.publishing.publisher import Publisher
from composer.core.scheduling.changes import cancel, change_text, reschedule, send_now
from composer.core.scheduling.clock import FixedClock
from composer.core.scheduling.due import GRACE, ON_TIME, send_due
from composer.core.scheduling.plan import schedule_job
from composer.core.scheduling.times import ScheduledTime
from composer.core.store.store import Store
from tests.support.scheduling_destination import RecordingDestination

NOW = datetime(2027, 3, 27, 9, 0, tzinfo=UTC)
AT = datetime(2027, 3, 28, 8, 0, tzinfo=UTC)  # Sunday 10:00 in Amsterdam, summer time
DRAFT = Draft(title="Open dag", text="Zondag open dag in de bibliotheek!", body="Welkom.")


class World:
    """A store with accounts: `site` (an own site), `masto` and `sky` (networks); which
    of them their servers can hold posts for is chosen per test."""

    def __init__(self, tmp_path, *, on_server=(), max_attempts=1):
        self.clock = FixedClock(NOW)
        self.store = Store.open(tmp_path / "profile")
        kinds = {"site": AccountKind.WORDPRESS, "masto": AccountKind.MASTODON}
        kinds["sky"] = AccountKind.BLUESKY
        kinds["web"] = AccountKind.WEBSITE
        self.accounts = {}
        self.destinations = {}
        for name, kind in kinds.items():
            account = Account(f"{kind.value}-{name}", kind, Identity(name))
            self.store.save_account(account)
            self.accounts[account.id] = account
            self.destinations[account.id] = RecordingDestination(
                self.clock,
                own_site=kind.is_own_site,
                on_server=name in on_server,
                base=f"https://{name}.example",
            )
        self.publisher = Publisher(
            self.store,
            lambda account: self.destinations[account.id],
            self.accounts,
            sleep=lambda _seconds: None,
            max_attempts=max_attempts,
        )

    def id(self, name: str) -> str:
        return next(key for key in self.accounts if key.endswith(f"-{name}"))

    def to(self, name: str) -> RecordingDestination:
        return self.destinations[self.id(name)]

    def schedule(self, *names: str, draft: Draft = DRAFT, at: datetime = AT):
        ids = [self.id(name) for name in names]
        return schedule_job(self.publisher, draft, ids, ScheduledTime(at, "Europe/Amsterdam"))

    def due(self, **options):
        return send_due(self.publisher, self.clock, **options)

    def states(self, job_id: int) -> dict[str, tuple[str, str | None]]:
        job = self.store.job(job_id)
        return {row.account_id.split("-")[1]: (row.state, row.held_by) for row in job.destinations}


@pytest.fixture
def world(tmp_path):
    made = []

    def make(**options):
        made.append(World(tmp_path / str(len(made)), **options))
        return made[-1]

    yield make
    for each in made:
        each.store.close()


def test_held_by_this_computer_nothing_before_the_time_then_exactly_once(world):
    w = world()
    job = w.schedule("web", "masto", "sky")
    assert (job.state, job.scheduled_at, job.zone) == ("scheduled", AT, "Europe/Amsterdam")
    assert w.states(job.id) == {
        "web": ("scheduled", "computer"),
        "masto": ("scheduled", "computer"),
        "sky": ("scheduled", "computer"),
    }
    # the window's resume at start-up does not send it early
    assert w.store.unfinished_jobs() == []
    assert w.due() == []
    w.clock.moment = AT - timedelta(seconds=1)
    assert w.due() == []
    assert all(not dest.calls for dest in w.destinations.values())

    w.clock.moment = AT
    (sent,) = w.due()
    assert sent.id == job.id and sent.state == "finished" and not sent.sent_late
    assert {row.state for row in sent.destinations} == {"done"}
    site = w.to("web").posts["1"]
    # the POSSE order: the site first, each network with its link back
    assert w.to("masto").posts["1"].link == w.to("sky").posts["1"].link == "https://web.example/1"
    assert site.link is None
    w.clock.advance(timedelta(minutes=5))
    assert w.due() == []
    assert [len(w.to(name).posts) for name in ("web", "masto", "sky")] == [1, 1, 1]


def test_held_by_the_servers_where_the_link_is_known_scheduled_then_settled(world):
    w = world(on_server=("site", "masto"))
    job = w.schedule("site", "masto", "sky")
    assert w.states(job.id) == {
        "site": ("scheduled", "server"),
        "masto": ("scheduled", "server"),
        "sky": ("scheduled", "computer"),
    }
    # handed over now: the site first, the network with the site's future address
    assert [call[0] for call in w.to("site").calls] == ["schedule"]
    assert [call[0] for call in w.to("masto").calls] == ["schedule"]
    assert w.to("masto").posts["1"].link == "https://site.example/1"
    assert w.to("masto").posts["1"].at == AT
    assert w.store.job(job.id).canonical_url == "https://site.example/1"
    assert w.due() == [] and w.to("sky").calls == []

    w.clock.moment = AT + timedelta(minutes=1)
    (sent,) = w.due()
    assert {row.state for row in sent.destinations} == {"done"}
    assert sent.destination(w.id("site")).url == "https://site.example/1"
    assert [call[0] for call in w.to("site").calls] == ["schedule", "settle_scheduled", "tell"]
    assert [call[0] for call in w.to("masto").calls] == ["schedule", "settle_scheduled"]
    assert [call[0] for call in w.to("sky").calls] == ["publish"]
    assert w.to("sky").posts["1"].link == "https://site.example/1"
    assert w.due() == []


def test_a_site_this_computer_sends_makes_the_network_wait_for_its_link_here(world):
    w = world(on_server=("masto",))
    job = w.schedule("web", "masto")
    assert w.states(job.id)["masto"] == ("scheduled", "computer")
    assert w.to("masto").calls == []
    w.clock.moment = AT
    w.due()
    assert w.to("masto").calls[0][0] == "publish"
    assert w.to("masto").posts["1"].link == "https://web.example/1"


def test_a_site_not_yet_published_by_its_server_keeps_the_networks_waiting(world):
    w = world(on_server=("site",))
    job = w.schedule("site", "sky")
    w.to("site").posts["1"].at = AT + timedelta(minutes=3)  # the server publishes a bit late
    w.clock.moment = AT
    (found,) = w.due()
    assert w.states(job.id) == {"site": ("scheduled", "server"), "sky": ("pending", "computer")}
    assert w.to("sky").calls == [] and found.state == "open"
    w.clock.advance(timedelta(minutes=5))
    (sent,) = w.due()
    assert sent.state == "finished"
    assert w.to("sky").posts["1"].link == "https://site.example/1"


def test_overdue_within_the_grace_period_is_sent_and_marked_late(world):
    w = world()
    job = w.schedule("web", "sky")
    w.clock.moment = AT + ON_TIME  # on time still
    assert not w.due()[0].sent_late
    job = w.schedule("web", "sky")
    w.clock.moment = AT + GRACE - timedelta(minutes=1)
    (sent,) = w.due()
    assert sent.id == job.id and sent.sent_late and sent.state == "finished"


def test_overdue_beyond_the_grace_period_waits_for_the_person_then_goes_or_is_cancelled(world):
    w = world(on_server=("masto",))
    first = w.schedule("masto", "sky")
    second = w.schedule("sky", "web")
    w.clock.moment = AT + GRACE + timedelta(minutes=1)
    found = w.due()
    assert [job.state for job in found] == ["late", "late"]
    assert w.to("sky").calls == [] and w.to("web").calls == []
    # the server published its copy at its time: it is read back, not withheld
    assert w.states(first.id) == {"masto": ("done", "server"), "sky": ("scheduled", "computer")}
    assert w.due() == []  # late jobs are not picked up again
    assert w.store.unfinished_jobs() == []

    sent = send_now(w.publisher, first.id, w.clock)
    assert sent.state == "finished" and [c[0] for c in w.to("sky").calls] == ["publish"]
    cancelled = cancel(w.publisher, second.id, w.clock)
    assert cancelled.state == "cancelled"
    assert w.states(second.id) == {
        "sky": ("cancelled", "computer"),
        "web": ("cancelled", "computer"),
    }
    assert w.to("web").calls == []
    with pytest.raises(CodedError) as failure:
        send_now(w.publisher, second.id, w.clock)
    assert failure.value.code == "not_scheduled"


def test_a_larger_grace_period_from_the_settings_sends_what_the_default_would_hold(world):
    w = world()
    w.schedule("sky")
    w.clock.moment = AT + GRACE + timedelta(hours=1)
    (sent,) = w.due(grace=timedelta(hours=4))
    assert sent.state == "finished" and sent.sent_late


def test_cancel_also_cancels_the_servers_copy_and_nothing_goes_at_its_time(world):
    w = world(on_server=("masto",))
    job = w.schedule("masto", "sky")
    remote = w.store.job(job.id).destination(w.id("masto")).remote_id
    done = cancel(w.publisher, job.id, w.clock)
    assert done.state == "cancelled"
    assert ("unschedule", remote) in w.to("masto").calls
    assert w.to("masto").posts[remote].cancelled
    w.clock.moment = AT + timedelta(minutes=1)
    assert w.due() == []
    assert w.to("masto").published == [] and w.to("sky").calls == []


def test_a_server_that_cannot_cancel_leaves_the_job_scheduled_with_the_reason(world):
    w = world(on_server=("masto",))
    job = w.schedule("masto", "sky")
    w.to("masto").refuse["unschedule"] = "unreachable"
    with pytest.raises(CodedError) as failure:
        cancel(w.publisher, job.id, w.clock)
    assert failure.value.code == "unreachable"
    assert w.store.job(job.id).state == "scheduled"
    del w.to("masto").refuse["unschedule"]
    assert cancel(w.publisher, job.id, w.clock).state == "cancelled"


def test_moving_the_time_moves_the_servers_copy_and_the_old_time_sends_nothing(world):
    w = world(on_server=("masto",))
    job = w.schedule("masto", "sky")
    later = AT + timedelta(days=1)
    moved = reschedule(w.publisher, job.id, ScheduledTime(later, "Europe/Amsterdam"), w.clock)
    assert moved.scheduled_at == later and moved.state == "scheduled"
    assert [c[0] for c in w.to("masto").calls] == ["schedule", "unschedule", "schedule"]
    (old, new) = w.to("masto").posts.values()
    assert old.cancelled and new.at == later
    w.clock.moment = AT + timedelta(minutes=1)
    assert w.due() == [] and w.to("sky").calls == []
    w.clock.moment = later
    (sent,) = w.due()
    assert sent.state == "finished" and len(w.to("sky").posts) == 1
    with pytest.raises(CodedError) as failure:
        reschedule(w.publisher, job.id, ScheduledTime(later, ""), w.clock)
    assert failure.value.code == "time_in_past"


def test_changing_the_text_sends_the_new_text_everywhere(world):
    w = world(on_server=("masto",))
    job = w.schedule("masto", "sky")
    change_text(w.publisher, job.id, Draft(title="Open dag (nieuw)", text="Nieuw!"), w.clock)
    assert w.store.job(job.id).draft.text == "Nieuw!"
    w.clock.moment = AT
    w.due()
    assert [post.text for post in w.to("masto").published] == ["Open dag (nieuw)"]
    assert [post.text for post in w.to("sky").published] == ["Open dag (nieuw)"]


def test_a_copy_that_fails_at_its_time_is_not_tried_again_by_later_runs(world):
    w = world(max_attempts=1)
    job = w.schedule("sky")
    w.to("sky").refuse["publish"] = "unreachable"  # transient: the Publisher would retry
    w.clock.moment = AT
    (found,) = w.due()
    row = found.destination(w.id("sky"))
    assert (row.state, row.error_code, row.retryable) == ("failed", "unreachable", False)
    for _ in range(3):
        w.clock.advance(timedelta(minutes=10))
        assert w.due() == []
    assert len(w.to("sky").calls) == 1
    assert w.store.unfinished_jobs() == []
    del w.to("sky").refuse["publish"]
    assert w.publisher.retry(job.id).state == "finished"  # the person's "try again"


def test_a_server_that_refuses_to_hold_the_post_leaves_it_to_this_computer(world):
    w = world(on_server=("masto",))
    w.to("masto").refuse["schedule"] = "rejected"  # e.g. less than 5 minutes ahead for it
    job = w.schedule("masto", "sky")
    row = w.store.job(job.id).destination(w.id("masto"))
    assert (row.state, row.error_code, row.held_by) == ("scheduled", "rejected", "computer")
    w.clock.moment = AT
    (sent,) = w.due()
    assert [c[0] for c in w.to("masto").calls] == ["schedule", "publish"]
    assert sent.state == "finished" and len(w.to("masto").published) == 1


def test_a_server_whose_answer_is_unclear_may_hold_it_so_it_waits_for_the_person(world):
    w = world(on_server=("masto",))
    w.to("masto").refuse["schedule"] = "timeout"
    job = w.schedule("masto", "sky")
    row = w.store.job(job.id).destination(w.id("masto"))
    assert (row.state, row.error_code, row.held_by) == ("failed", "timeout", "server")
    w.clock.moment = AT
    w.due()
    assert [c[0] for c in w.to("masto").calls] == ["schedule"]  # never sent twice
    assert len(w.to("sky").posts) == 1


def test_the_claim_is_a_database_lock_that_expires(world):
    w = world()
    job = w.schedule("sky")
    w.clock.moment = AT
    # a run that crashed holding the job
    assert w.store.claim_job(job.id, "crashed", AT, AT + CLAIM_FOR)
    assert not w.store.claim_job(job.id, "other", AT, AT + CLAIM_FOR)
    assert w.due() == [] and w.to("sky").calls == []
    w.clock.moment = AT + CLAIM_FOR
    (sent,) = w.due()
    assert sent.state == "finished" and len(w.to("sky").posts) == 1
    # released after the run
    assert w.store.claim_job(job.id, "later", AT + CLAIM_FOR, AT + 2 * CLAIM_FOR)


def test_two_runs_at_the_same_moment_on_two_connections_send_once(world, tmp_path):
    import threading

    w = world()
    jobs = [w.schedule("web", "sky") for _ in range(4)]
    w.clock.moment = AT
    second = Store.open(w.store.profile)
    other = Publisher(second, lambda account: w.destinations[account.id], w.accounts)
    barrier = threading.Barrier(2)
    handled: list[list[int]] = [[], []]

    def run(index, publisher):
        barrier.wait()
        handled[index] = [job.id for job in send_due(publisher, w.clock)]

    threads = [
        threading.Thread(target=run, args=(0, w.publisher)),
        threading.Thread(target=run, args=(1, other)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.close()
    assert sorted(handled[0] + handled[1]) == [job.id for job in jobs]
    assert len(w.to("web").posts) == len(w.to("sky").posts) == 4


def test_a_server_that_cannot_cancel_while_moving_keeps_every_copy_at_the_old_time(world):
    w = world(on_server=("site", "masto"))
    job = w.schedule("site", "masto")
    w.to("masto").refuse["unschedule"] = "unreachable"
    with pytest.raises(CodedError):
        reschedule(w.publisher, job.id, ScheduledTime(AT + timedelta(days=1), ""), w.clock)
    after = w.store.job(job.id)
    assert after.scheduled_at == AT and after.state == "scheduled"
    # the site's copy, withdrawn before Mastodon refused, is handed over again at AT
    assert all(row.remote_id and row.state == "scheduled" for row in after.destinations)
    assert [post.at for post in w.to("site").posts.values() if not post.cancelled] == [AT]


def test_a_copy_never_handed_to_its_server_waits_for_the_person_instead_of_going_twice(world):
    w = world(on_server=("masto",))
    job = w.schedule("masto")
    # as a crash between making the job and the server's answer would leave it
    w.store.set_destination_state(job.id, w.id("masto"), "scheduled")
    w.clock.moment = AT
    (found,) = w.due()
    row = found.destination(w.id("masto"))
    assert (row.state, row.error_code) == ("failed", "interrupted")
    assert [c[0] for c in w.to("masto").calls] == ["schedule"]


def test_a_job_whose_site_refused_is_not_picked_up_again_by_every_run(world):
    w = world()
    job = w.schedule("web", "sky")
    w.to("web").refuse["publish"] = "rejected"
    w.clock.moment = AT
    (found,) = w.due()
    assert w.states(job.id) == {"web": ("failed", "computer"), "sky": ("pending", "computer")}
    assert found.state == "open"  # the network waits for its link back: the person decides
    w.clock.advance(timedelta(minutes=10))
    assert w.due() == []
    assert [c[0] for c in w.to("web").calls] == ["publish"] and w.to("sky").calls == []


def test_resuming_or_retrying_a_job_that_waits_for_its_time_sends_nothing(world):
    w = world()
    draft = Draft(text="Met eigen link", link="https://bieb.example/agenda/kerst")
    waiting = w.schedule("web", "sky", draft=draft)
    late = w.schedule("sky")
    cancelled = w.schedule("sky")
    cancel(w.publisher, cancelled.id, w.clock)
    w.clock.moment = AT + GRACE + timedelta(hours=1)
    w.due()  # `late` and `waiting` are both late now
    for job in (waiting, late, cancelled):
        before = w.store.job(job.id)
        assert w.publisher.resume(job.id) == before
        assert w.publisher.retry(job.id).state == before.state
    assert w.to("web").calls == [] and w.to("sky").calls == []


def test_the_next_time_something_waits_for_is_known_until_nothing_waits(world):
    w = world(on_server=("site",))
    assert w.store.next_scheduled() is None
    later = w.schedule("sky", at=AT + timedelta(days=1))
    first = w.schedule("site", "sky")
    assert w.store.next_scheduled() == AT
    w.to("site").posts["1"].at = AT + timedelta(minutes=3)  # its server publishes late
    w.clock.moment = AT
    w.due()
    assert w.store.job(first.id).state == "open"
    assert w.store.next_scheduled() == AT  # the site's copy is still to be read back
    w.clock.advance(timedelta(minutes=5))
    w.due()
    assert w.store.next_scheduled() == AT + timedelta(days=1)
    cancel(w.publisher, later.id, w.clock)
    assert w.store.next_scheduled() is None


def test_this_computer_is_waited_for_while_a_copy_it_holds_is_still_to_send(world):
    """Store.computer_waits: what the OS task is kept for. A copy its server holds needs no
    task (the server publishes it); a late job waits for the person, never for a run."""
    w = world(on_server=("site", "masto"))
    assert not w.store.computer_waits()
    held = w.schedule("site", "masto")  # both held by their servers
    assert not w.store.computer_waits()
    job = w.schedule("site", "sky")
    assert w.store.computer_waits()
    w.clock.moment = AT + GRACE + timedelta(minutes=1)
    w.due()
    assert w.store.job(job.id).state == "late"
    assert not w.store.computer_waits()
    cancel(w.publisher, held.id, w.clock)
    moved = reschedule(
        w.publisher, job.id, ScheduledTime(w.clock.moment + timedelta(days=1), "UTC"), w.clock
    )
    assert moved.state == "scheduled" and w.store.computer_waits()
    # a run cut short after it started the job: its copy is still to send
    w.store.start_scheduled(job.id)
    assert w.store.job(job.id).state == "open" and w.store.computer_waits()
    w.clock.advance(timedelta(days=1))
    w.due()
    assert w.store.job(job.id).state == "finished"
    assert not w.store.computer_waits()


def test_a_copy_handed_to_its_server_again_gets_a_new_key_and_no_old_steps(world):
    w = world(on_server=("masto",))
    job = w.schedule("masto")
    before = w.store.job(job.id).destination(w.id("masto"))
    w.store.part_sending(job.id, w.id("masto"), 1, total=1, key="old-key", marker="marker")
    change_text(w.publisher, job.id, Draft(text="Een uur later!"), w.clock)
    after = w.store.job(job.id).destination(w.id("masto"))
    assert after.idempotency_key != before.idempotency_key
    assert (after.parts, after.attempts, after.held_by) == ((), 1, "server")
    keys = [key for method, key in w.to("masto").calls if method == "schedule"]
    assert keys == [before.idempotency_key, after.idempotency_key]
