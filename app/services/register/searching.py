"""What a search finds: its words, and the condition each word puts on the cases.

SQLite has an FTS5 trigram index (`models/search.py`): three characters or more are found
through it, their matches kept in a temporary table (search_hits). One or two characters are
found through a second table of each text's characters and pairs: a page of them looks at
the newest cases' text only until the worker has found them there (`short_matches`, handed
to the window's thread by `adopt_matches`); what must be exact (the command line, an export,
a count) finds them first. PostgreSQL has no such index: it compares the columns with ILIKE.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from peewee import SQL, Expression, Field, NodeList

from app.models import Complaint, Customer, database_proxy
from app.models.search import uses_search_table
from app.models.tallies import counts_by_status
from app.services.register.search_hits import (
    adopt,
    contains,
    hits_table,
    kept_table,
    matches,
    size,
)

TRIGRAM = 3  # the FTS5 trigram index finds substrings of at least three characters


def search_terms(text: str) -> list[str]:
    """The words of a search; phone-like words lose their dashes (phones are stored as digits)."""
    terms = []
    for word in unicodedata.normalize("NFKC", text).split():
        digits = word.replace("-", "")
        terms.append(digits if digits.isdigit() else word)
    return terms




def provisional(search: str) -> bool:
    """True when a page of `query` may be missing matches until it is counted: a search of
    one or two characters whose matches are not kept yet looks at the newest cases only."""
    return uses_search_table(database_proxy.obj) and any(
        len(term) < TRIGRAM and kept_table(term) is None
        for term in search_terms(search))


def short_matches(search: str) -> dict[str, list[int]]:
    """The ids matching each term of one or two characters of `search` (all of them, for
    the worker; `adopt_matches` hands them to the thread that reads the pages)."""
    if not uses_search_table(database_proxy.obj):
        return {}
    return {term: matches(term) for term in search_terms(search)
            if len(term) < TRIGRAM}


def keep_short_matches(search: str) -> None:
    """Finds the short terms of `search` now (what must be exact: the command line, an
    export), unless their matches are kept."""
    if provisional(search):
        short_matches(search)


def adopt_matches(found: dict[str, list[int]]) -> None:
    """Keeps matches found on another thread for this thread's pages."""
    for term, ids in found.items():
        adopt(term, ids)




def term_condition(term: str, *, paging: bool) -> Expression:
    """The condition that a case's text contains `term`, or the text of a duplicate merged
    into it does: a duplicate's number or words find the case kept (see the module's
    description)."""
    own = _contains(term, Complaint, Customer, paging=paging)
    merged = (_Merged.select(_Merged.merged_into)
              .join(_MergedCustomer, on=(_Merged.customer == _MergedCustomer.id))
              .where(_Merged.merged_into.is_null(False)
                     & _contains(term, _Merged, _MergedCustomer, paging=paging)))
    return own | Complaint.id.in_(merged)


# A duplicate merged into another case, and its customer, beside the case listed: the few
# merged cases are read through their own index.
_Merged = Complaint.alias("merged_case")
_MergedCustomer = Customer.alias("merged_customer")


def _contains(term: str, case: Any, customer: Any, *, paging: bool) -> Expression:
    """The condition that the text of `case` (Complaint or an alias, with its `customer`)
    contains `term`."""
    if uses_search_table(database_proxy.obj):
        if len(term) >= TRIGRAM:
            return _among_matches(term, case.id, walk=paging)
        # Trigram MATCH silently finds nothing for one or two characters. A page looks at
        # each of the newest cases' text in the page's order and stops when the page is
        # full; counting finds them through the table of characters and pairs and keeps the
        # matches while the database is unchanged, and pages read after it use them.
        if paging and kept_table(term) is None:
            return contains(case.id, term)
        return _among_matches(term, case.id, walk=paging)
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return _any_column(lambda col: col.ilike(f"%{escaped}%"), case, customer)


def _among_matches(term: str, case_id: Any, *, walk: bool) -> Expression:
    """Cases among the trigram index's matches of `term`, kept in a temporary table. When
    they are a fiftieth of all cases or more, a page (`walk`) goes down the order's index
    and looks each case up among them (a hundred are found within a few thousand; unary plus
    keeps the database from the other way); when fewer, and for counting, the matches are
    read by id (and a page sorts them)."""
    matches = SQL(f"(SELECT id FROM temp.{hits_table(term)})")
    if walk and size(term) * 50 >= sum(counts_by_status(database_proxy.obj).values()):
        return Expression(NodeList((SQL("+"), case_id), glue=""), "IN", matches)
    return case_id.in_(matches)


def _any_column(match: Callable[[Field], Expression], case: Any, customer: Any) -> Expression:
    columns = (case.number, customer.name, customer.phone, case.description, case.wish)
    condition = match(columns[0])
    for column in columns[1:]:
        condition = condition | match(column)
    return condition
