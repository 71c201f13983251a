"""What to measure each department on, and how: one formula per measure, beyond the article.

The article says who should do what — promotion brings the inquiries, customer service turns
them into leads, sales closes them, a support unit helps new and weak branches — and not how
to tell whether each does it well. These measures are ours. Each is a ratio of counts a
company already keeps: its ad accounts' spend and inquiries, its chat logs, its lead-dispatch
records, its sales pipeline. A measure is ``None`` when the count it divides by is nought.

Each department is measured on what it controls, so that no department is judged by another's
work: promotion on what its inquiries cost and how many are real; customer service on how fast
it answers and how many conversations it turns into leads that sales accepts; sales on what it
does with the leads it is given; the support unit on how fast a new branch catches up with
its pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from orgkb.errors import InputError
from orgkb.model import COUNT, Branch
from orgkb.text import Text
from orgkb.values import Limits

AMOUNT = Limits(at_least=0)
"""Money spent, and seconds or hours summed: a number of 0 or more."""


def ratio(part: float, whole: float) -> float | None:
    """*part* over *whole*; ``None`` when *whole* is nought.

    >>> ratio(3, 12), ratio(0, 0)
    (0.25, None)
    """
    return part / whole if whole else None


def _check(figures: object, counts: Sequence[str], amounts: Sequence[str] = ()) -> None:
    for name in counts:
        COUNT.check(getattr(figures, name), name)
    for name in amounts:
        value = getattr(figures, name)
        if value is not None:
            AMOUNT.check(value, name)


def _at_most(figures: object, part: str, whole: str) -> None:
    if getattr(figures, part) > getattr(figures, whole):
        raise InputError(
            Text("{part} cannot be more than {whole}", part=part, whole=whole), field=part
        )


@dataclass(frozen=True)
class Promotion:
    """A period of promotion: what the ads cost and what they brought.

    *leads* are the inquiries the ads brought; *valid_leads* those of them that are real
    prospects — a person who can be reached, in an area the company serves, asking about
    something it sells — as customer service or sales judged them.

    >>> month = Promotion(spend=180_000, leads=1_500, valid_leads=1_050)
    >>> month.cost_per_lead, month.valid_share, round(month.cost_per_valid_lead, 2)
    (120.0, 0.7, 171.43)
    """

    spend: float
    leads: int
    valid_leads: int

    def __post_init__(self) -> None:
        _check(self, ("leads", "valid_leads"), ("spend",))
        _at_most(self, "valid_leads", "leads")

    @property
    def cost_per_lead(self) -> float | None:
        """Spend over leads: what one inquiry costs."""
        return ratio(self.spend, self.leads)

    @property
    def valid_share(self) -> float | None:
        """Valid leads over leads: how much of the traffic is real."""
        return ratio(self.valid_leads, self.leads)

    @property
    def cost_per_valid_lead(self) -> float | None:
        """Spend over valid leads: what one real prospect costs, the two above in one."""
        return ratio(self.spend, self.valid_leads)


@dataclass(frozen=True)
class Service:
    """A period of customer service: the conversations, how fast they were answered, what came
    of them.

    *response_seconds* is the waiting time before the first answer, summed over the
    *conversations*; *answered_in_time* were answered within the service target's time.
    *contacts* are the conversations that left a way to reach the customer (留资: a phone
    number, a WeChat id); *handed_over* the leads customer service passed to sales, of which
    sales accepted *accepted* as valid.

    >>> month = Service(conversations=2_000, answered_in_time=1_700, response_seconds=24_000,
    ...                 contacts=900, handed_over=900, accepted=720)
    >>> month.response_time, month.service_level, month.contact_rate, month.valid_lead_rate
    (12.0, 0.85, 0.45, 0.8)
    """

    conversations: int
    answered_in_time: int
    response_seconds: float
    contacts: int
    handed_over: int
    accepted: int

    def __post_init__(self) -> None:
        counts = ("conversations", "answered_in_time", "contacts", "handed_over", "accepted")
        _check(self, counts, ("response_seconds",))
        _at_most(self, "answered_in_time", "conversations")
        _at_most(self, "contacts", "conversations")
        _at_most(self, "accepted", "handed_over")

    @property
    def response_time(self) -> float | None:
        """Response seconds over conversations: the average wait for a first answer."""
        return ratio(self.response_seconds, self.conversations)

    @property
    def service_level(self) -> float | None:
        """Answered in time over conversations: the share the target promised."""
        return ratio(self.answered_in_time, self.conversations)

    @property
    def contact_rate(self) -> float | None:
        """Contacts over conversations: the share of conversations that became a lead."""
        return ratio(self.contacts, self.conversations)

    @property
    def valid_lead_rate(self) -> float | None:
        """Accepted over handed over: the share of its leads sales found real."""
        return ratio(self.accepted, self.handed_over)


@dataclass(frozen=True)
class Sales:
    """A period of one sales department: the leads it was given and what it made of them.

    *follow_up_hours* is the time from a lead's dispatch to the branch's first call or
    message, summed over the leads, where the dispatch records give it.

    >>> hankou = Sales(leads=400, visits=120, deals=60, follow_up_hours=1_000)
    >>> hankou.time_to_first_follow_up, hankou.visit_rate, hankou.close_rate, hankou.conversion
    (2.5, 0.3, 0.5, 0.15)
    """

    leads: int
    visits: int
    deals: int
    follow_up_hours: float | None = None

    def __post_init__(self) -> None:
        _check(self, ("leads", "visits", "deals"), ("follow_up_hours",))
        _at_most(self, "visits", "leads")
        _at_most(self, "deals", "leads")

    @classmethod
    def of(cls, branch: Branch) -> Sales | None:
        """A branch's figures from its profile, ``None`` if it gives no leads, deals and visits.

        >>> from orgkb.model import Branch
        >>> Sales.of(Branch("Hankou", "Wuhan", leads=400, deals=60, visits=120)).close_rate
        0.5
        """
        if branch.leads is None or branch.deals is None or branch.visits is None:
            return None
        return cls(branch.leads, branch.visits, branch.deals)

    @property
    def time_to_first_follow_up(self) -> float | None:
        """Follow-up hours over leads: how long a lead waits for the branch to call."""
        return None if self.follow_up_hours is None else ratio(self.follow_up_hours, self.leads)

    @property
    def visit_rate(self) -> float | None:
        """Visits over leads: the share of leads the branch brings through its door."""
        return ratio(self.visits, self.leads)

    @property
    def close_rate(self) -> float | None:
        """Deals over visits: the share of visitors who sign."""
        return ratio(self.deals, self.visits)

    @property
    def conversion(self) -> float | None:
        """Deals over leads: visit rate times close rate, the figure the support unit tests."""
        return ratio(self.deals, self.leads)


def months_to_reach(monthly: Sequence[tuple[int, int]], pool_conversion: float) -> int | None:
    """The support unit's measure: the month a new branch first converts as well as its pool.

    *monthly* is the branch's leads and deals in each month from its opening, first month
    first; the answer counts from 1, and is ``None`` while the branch has not reached
    *pool_conversion* yet. One month is noisy for a small branch; give it the figures of a
    quarter rolling month by month to smooth them.

    >>> months_to_reach([(40, 1), (60, 4), (80, 9), (90, 14)], 0.14)
    4
    >>> months_to_reach([(40, 1)], 0.14) is None
    True
    """
    for month, (leads, deals) in enumerate(monthly, start=1):
        rate = ratio(deals, leads)
        if rate is not None and rate >= pool_conversion:
            return month
    return None
