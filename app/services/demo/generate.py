"""Realistic, deterministic demo data in Chinese or English: users, customers and cases in
every state, corrective actions in every state, training given and the early warnings the
cases set off.

The same seed and the same `now` give the same database. Cases spread over the past
year; older ones are mostly closed, recent ones still open, a few overdue. Rows go in
through `bulk_insert` in chunks, so 100,000 cases take well under a minute.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import ModuleType

from app.errors import RuleError
from app.i18n import EN, ZH, Text
from app.models import (
    CaseCounter,
    Category,
    CompensationOffer,
    Complaint,
    Customer,
    Department,
    FollowUp,
    RootCause,
    User,
    database_proxy,
)
from app.models.bulk import bulk_insert, reset_id_sequences
from app.services import audit, settings
from app.services.casework import merging
from app.services.casework.intake import IntakeForm, record_complaint
from app.services.deadlines import BusinessCalendar
from app.services.demo import words, words_en
from app.services.demo.case import CaseBuilder, Pools
from app.services.demo.improvement import add_demo_improvement
from app.services.users import hash_password

DEMO_PASSWORD = "demo"
DEMO_USERS = (("owner", "owner"), ("manager", "manager"), ("staff1", "staff"),
              ("staff2", "staff"))  # (username, role); their names are in the words
WORDS = {ZH: words, EN: words_en}
CHUNK = 5000
SPAN_DAYS = 365


@dataclass(frozen=True)
class DemoSummary:
    """What `fill_demo` created."""

    cases: int
    customers: int
    users: tuple[str, ...]
    password: str = DEMO_PASSWORD


@dataclass
class _Counters:
    customers: int = 0
    per_year: dict[int, int] = field(default_factory=dict)


def fill_demo(*, cases: int, seed: int, now: datetime, language: str = ZH) -> DemoSummary:
    """Fills an empty database with demo users, customers and `cases` cases, their names
    and texts in `language` (ZH or EN).

    Raises:
        RuleError: when the database already holds users or cases (real data is never mixed
            with demo data).
    """
    if User.select().exists() or Complaint.select().exists():
        raise RuleError(Text(
            "This database already has users or cases; demo data goes only into an empty one. "
            "Use --db to name a new file.",
            "该数据库已有用户或投诉记录，示范数据只能写入空数据库。请用 --db 指定一个新文件。"))
    if not 0 <= cases <= 1_000_000:
        raise RuleError(Text("Between 0 and 1,000,000 demo cases, please.",
                             "示范投诉数量应在 0 到 1,000,000 之间。"))
    rng, vocabulary = random.Random(seed), WORDS.get(language, words)
    with database_proxy.atomic():
        user_ids = _create_users(now, vocabulary.USERS)
        for key, value in vocabulary.BUSINESS.items():
            settings.store(key, value)
        pools = _pools(user_ids, vocabulary)
        counters = _Counters()
        duplicates = max(1, cases // 500) if cases >= DUPLICATES_FROM else 0
        for chunk in _received_times(rng, cases, now, leave=duplicates):
            _write_chunk(chunk, rng=rng, now=now, pools=pools, counters=counters)
        for year, last in counters.per_year.items():
            CaseCounter.insert(year=year, last_number=last).execute()
        reset_id_sequences(Customer, Complaint)
        _merge_duplicates(rng, duplicates, now, vocabulary.AGAIN)
        add_demo_improvement(now=now, english=vocabulary is words_en)
    return DemoSummary(cases, counters.customers, tuple(u[0] for u in DEMO_USERS))


DUPLICATES_FROM = 50  # a demo this size has a customer or two who called twice (1 in 500)


def _merge_duplicates(rng: random.Random, wanted: int, now: datetime,
                      texts: tuple[str, ...]) -> None:
    """Customers who called again about an open case: the second call recorded at intake,
    then merged by the manager into the first, through the services, as in the shop."""
    staff, manager = (User.get(User.username == name) for name in ("staff1", "manager"))
    candidates = list(Complaint.select().where(
        Complaint.status.in_(("new", "acknowledged", "in_progress"))
        & (Complaint.received_at < now - timedelta(hours=3))).order_by(Complaint.id))
    for case in rng.sample(candidates, min(wanted, len(candidates))):
        customer = Customer.get_by_id(case.customer_id)
        called = min(case.received_at + timedelta(hours=rng.randint(1, 48)),
                     now - timedelta(hours=2))
        again = record_complaint(IntakeForm(
            customer.name, customer.phone, rng.choice(("wechat", "phone")), case.category,
            rng.choice(texts), wish=case.wish), actor=staff, now=called)
        merging.merge(again.id, case.id, actor=manager, now=called + timedelta(hours=1),
                      merged_version=again.version, into_version=case.version)


def _create_users(now: datetime, names: dict[str, str]) -> dict[str, int]:
    # One hash per account, each with its own salt: the same password must not give the
    # same hash (whoever reads one could otherwise match them all at once).
    return {
        username: User.create(username=username, display_name=names[username], role=role,
                              password_hash=hash_password(DEMO_PASSWORD), created_at=now).id
        for username, role in DEMO_USERS
    }


def _pools(user_ids: dict[str, int], vocabulary: ModuleType) -> Pools:
    values = settings.get_all()
    return Pools(
        categories=[(c.id, c.code, c.profile) for c in Category.select()],
        departments={d.code: d.id for d in Department.select()},
        root_causes=[(r.id, r.code) for r in RootCause.select()],
        users=user_ids,
        calendar=BusinessCalendar.from_settings(values),
        resolution_days=int(values["deadline.resolution_days"]),
        words=vocabulary,
    )


def _received_times(rng: random.Random, count: int, now: datetime,
                    leave: int = 0) -> Iterator[list[datetime]]:
    """Intake times over the past year, oldest first, in chunks; the newest 1% (at least
    three) arrived in the last hours, so the register always opens on fresh complaints. The
    newest `leave` are left out (the second calls recorded through intake instead), so the
    cases before them are the same whether a demo has duplicates or not."""
    fresh = min(count, max(3, count // 100))
    times = [now - timedelta(minutes=rng.randrange(5, 6 * 60)) for _ in range(fresh)]
    for _ in range(count - fresh):
        day = now.date() - timedelta(days=int(rng.random() ** 1.3 * SPAN_DAYS))
        minute = rng.randrange(8 * 60, 21 * 60) if rng.random() < 0.95 else rng.randrange(1440)
        moment = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minute)
        times.append(min(moment, now - timedelta(minutes=rng.randrange(1, 120))))
    times.sort()
    del times[count - leave:]
    for start in range(0, count - leave, CHUNK):
        yield times[start:start + CHUNK]


def _write_chunk(times: list[datetime], *, rng: random.Random, now: datetime, pools: Pools,
                 counters: _Counters) -> None:
    builder = CaseBuilder(rng, now, pools)
    first_id = Complaint.select().count() + 1
    for offset, received in enumerate(times):
        year = received.year
        counters.per_year[year] = counters.per_year.get(year, 0) + 1
        builder.add_case(first_id + offset, received, counters.per_year[year],
                         customer_id=_customer_for(builder, rng, counters, received))
    bulk_insert(Customer, CaseBuilder.CUSTOMER_COLUMNS, builder.customers)
    bulk_insert(Complaint, CaseBuilder.CASE_COLUMNS, builder.cases)
    audit.append(builder.events)  # chained by hash, as every event is
    bulk_insert(FollowUp, CaseBuilder.FOLLOW_UP_COLUMNS, builder.follow_ups)
    bulk_insert(CompensationOffer, CaseBuilder.OFFER_COLUMNS, builder.offers)


def _customer_for(builder: CaseBuilder, rng: random.Random, counters: _Counters,
                  received: datetime) -> int:
    """A new customer four times out of five, else an earlier one (a repeat complaint)."""
    if counters.customers and rng.random() < 0.2:
        return rng.randint(1, counters.customers)
    counters.customers += 1
    builder.add_customer(counters.customers, received)
    return counters.customers
