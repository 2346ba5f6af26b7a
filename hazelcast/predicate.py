"""Predicates: the conditions map queries select entries with.

Each factory of this module returns a predicate the members evaluate: they
are sent as IdentifiedDataSerializable objects of the members' predicate
factory (id ``-20``), so no Java class needs registering for them.
"""

from __future__ import annotations

import typing

from hazelcast.serialization.api import IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput
from hazelcast.util import IterationType, SlotsPickleMixin, get_attr_name

__all__ = [
    "Predicate",
    "PagingPredicate",
    "sql",
    "equal",
    "not_equal",
    "like",
    "ilike",
    "regex",
    "and_",
    "or_",
    "not_",
    "between",
    "in_",
    "instance_of",
    "false",
    "true",
    "paging",
    "greater",
    "greater_or_equal",
    "less",
    "less_or_equal",
]

PREDICATE_FACTORY_ID = -20
"""Factory id of the members' built-in predicates (``PredicateDataSerializerHook``)."""


class Predicate(SlotsPickleMixin):
    """A condition on map entries, evaluated by the members.

    Attribute names may be paths: ``"address.city"`` reads ``city`` of the
    value's ``address``; ``"names[0]"`` reads the first element of a list and
    ``"names[any].first"`` every element. Two names are special: ``__key``
    (the entry's key; ``__key.x`` for a key attribute) and ``this`` (the value
    itself).

    Values compared with an attribute are converted to the attribute's type
    on the member; ``IllegalArgumentError`` is raised when no conversion
    exists. ``None`` is accepted as a value only where a factory says so;
    range predicates (:func:`greater`, :func:`less`, :func:`between`...)
    never match an entry whose attribute is ``None``.

    Your own predicates (Java classes registered on the members) subclass
    this class and a serializable type such as
    :class:`~hazelcast.serialization.api.IdentifiedDataSerializable`.
    """

    __slots__ = ()


class PagingPredicate(Predicate):
    """A predicate returning the matching entries one page at a time.

    It is made by :func:`paging` with a page size, an optional inner
    predicate and an optional comparator (a serializable object whose Java
    counterpart implements ``java.util.Comparator<Map.Entry>``). Without a
    comparator, ``values`` pages are sorted by value, ``key_set`` and
    ``entry_set`` pages by key.
    The predicate remembers where the pages it visited ended (the anchors), so
    it serves one query at a time and is not thread-safe; call :meth:`reset`
    to reuse it for another query.
    """

    __slots__ = ()

    def reset(self) -> None:
        """Resets the predicate to the first page and forgets the anchors, for reuse."""
        raise NotImplementedError("reset")

    def next_page(self) -> int:
        """Moves to the next page.

        A page past the last one gives empty query results.

        Returns:
            The new page index.
        """
        raise NotImplementedError("next_page")

    def previous_page(self) -> int:
        """Moves to the previous page; stays on the first page (index ``0``).

        Returns:
            The new page index.
        """
        raise NotImplementedError("previous_page")

    @property
    def page(self) -> int:
        """The index of the current page, from ``0``.

        Setting it jumps to that page.

        Raises:
            ValueError: If set to a negative number.
        """
        raise NotImplementedError("page")

    @page.setter
    def page(self, new_page: int) -> None:
        raise NotImplementedError("page")

    @property
    def page_size(self) -> int:
        """The number of entries on a page."""
        raise NotImplementedError("page_size")


class _IdsPredicate(IdentifiedDataSerializable, Predicate):
    """A built-in predicate: written to the members' predicate factory."""

    __slots__ = ()
    CLASS_ID = -1

    def write_data(self, object_data_output: ObjectDataOutput) -> None:
        pass

    def read_data(self, object_data_input: ObjectDataInput) -> None:
        # Never read back: the members do not send predicates to clients.
        raise NotImplementedError("built-in predicates are written, never read")

    def get_factory_id(self) -> int:
        return PREDICATE_FACTORY_ID

    def get_class_id(self) -> int:
        return self.CLASS_ID

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, name) == getattr(other, name) for name in _slots_of(type(self))
        )

    def __hash__(self) -> int:
        return hash(type(self))


def _slots_of(cls: type) -> typing.List[str]:
    names: typing.List[str] = []
    for klass in cls.__mro__:
        names.extend(klass.__dict__.get("__slots__", ()))
    return names


class _SqlPredicate(_IdsPredicate):
    __slots__ = ("sql",)
    CLASS_ID = 0

    def __init__(self, expression: str):
        self.sql = expression

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_string(self.sql)

    def __repr__(self) -> str:
        return "SqlPredicate(sql=%r)" % (self.sql,)


class _AndPredicate(_IdsPredicate):
    __slots__ = ("predicates",)
    CLASS_ID = 1
    _NAME = "AndPredicate"

    def __init__(self, predicates: typing.Sequence[Predicate]):
        self.predicates = tuple(predicates)

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_int(len(self.predicates))
        for predicate in self.predicates:
            output.write_object(predicate)

    def __repr__(self) -> str:
        return "%s(%s)" % (self._NAME, ", ".join(repr(p) for p in self.predicates))


class _BetweenPredicate(_IdsPredicate):
    __slots__ = ("attribute", "from_", "to")
    CLASS_ID = 2

    def __init__(self, attribute: str, from_: typing.Any, to: typing.Any):
        self.attribute = attribute
        self.from_ = from_
        self.to = to

    def write_data(self, output: ObjectDataOutput) -> None:
        # The member reads the upper bound first.
        output.write_string(self.attribute)
        output.write_object(self.to)
        output.write_object(self.from_)

    def __repr__(self) -> str:
        return "BetweenPredicate(attribute=%r, from=%r, to=%r)" % (self.attribute, self.from_, self.to)


class _EqualPredicate(_IdsPredicate):
    __slots__ = ("attribute", "value")
    CLASS_ID = 3
    _NAME = "EqualPredicate"

    def __init__(self, attribute: str, value: typing.Any):
        self.attribute = attribute
        self.value = value

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_string(self.attribute)
        output.write_object(self.value)

    def __repr__(self) -> str:
        return "%s(attribute=%r, value=%r)" % (self._NAME, self.attribute, self.value)


class _GreaterLessPredicate(_IdsPredicate):
    __slots__ = ("attribute", "value", "is_equal", "is_less")
    CLASS_ID = 4

    def __init__(self, attribute: str, value: typing.Any, is_equal: bool, is_less: bool):
        self.attribute = attribute
        self.value = value
        self.is_equal = is_equal
        self.is_less = is_less

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_string(self.attribute)
        output.write_object(self.value)
        output.write_boolean(self.is_equal)
        output.write_boolean(self.is_less)

    def __repr__(self) -> str:
        return "GreaterLessPredicate(attribute=%r, value=%r, is_equal=%s, is_less=%s)" % (
            self.attribute,
            self.value,
            self.is_equal,
            self.is_less,
        )


class _LikePredicate(_IdsPredicate):
    __slots__ = ("attribute", "expression")
    CLASS_ID = 5
    _NAME = "LikePredicate"

    def __init__(self, attribute: str, pattern: typing.Optional[str]):
        self.attribute = attribute
        self.expression = pattern

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_string(self.attribute)
        output.write_string(self.expression)

    def __repr__(self) -> str:
        return "%s(attribute=%r, expression=%r)" % (self._NAME, self.attribute, self.expression)


class _ILikePredicate(_LikePredicate):
    __slots__ = ()
    CLASS_ID = 6
    _NAME = "ILikePredicate"


class _InPredicate(_IdsPredicate):
    __slots__ = ("attribute", "values")
    CLASS_ID = 7

    def __init__(self, attribute: str, values: typing.Sequence[typing.Any]):
        self.attribute = attribute
        self.values = tuple(values)

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_string(self.attribute)
        output.write_int(len(self.values))
        for value in self.values:
            output.write_object(value)

    def __repr__(self) -> str:
        return "InPredicate(attribute=%r, values=%r)" % (self.attribute, self.values)


class _InstanceOfPredicate(_IdsPredicate):
    __slots__ = ("class_name",)
    CLASS_ID = 8

    def __init__(self, class_name: str):
        self.class_name = class_name

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_string(self.class_name)

    def __repr__(self) -> str:
        return "InstanceOfPredicate(class_name=%r)" % (self.class_name,)


class _NotEqualPredicate(_EqualPredicate):
    __slots__ = ()
    CLASS_ID = 9
    _NAME = "NotEqualPredicate"


class _NotPredicate(_IdsPredicate):
    __slots__ = ("predicate",)
    CLASS_ID = 10

    def __init__(self, predicate: Predicate):
        self.predicate = predicate

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_object(self.predicate)

    def __repr__(self) -> str:
        return "NotPredicate(predicate=%r)" % (self.predicate,)


class _OrPredicate(_AndPredicate):
    __slots__ = ()
    CLASS_ID = 11
    _NAME = "OrPredicate"


class _RegexPredicate(_IdsPredicate):
    __slots__ = ("attribute", "pattern")
    CLASS_ID = 12

    def __init__(self, attribute: str, pattern: typing.Optional[str]):
        self.attribute = attribute
        self.pattern = pattern

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_string(self.attribute)
        output.write_string(self.pattern)

    def __repr__(self) -> str:
        return "RegexPredicate(attribute=%r, pattern=%r)" % (self.attribute, self.pattern)


class _FalsePredicate(_IdsPredicate):
    __slots__ = ()
    CLASS_ID = 13

    def __repr__(self) -> str:
        return "FalsePredicate()"


class _TruePredicate(_IdsPredicate):
    __slots__ = ()
    CLASS_ID = 14

    def __repr__(self) -> str:
        return "TruePredicate()"


class _PagingPredicate(_IdsPredicate, PagingPredicate):
    __slots__ = ("_internal_predicate", "_page_size", "_page", "comparator", "iteration_type", "anchor_list")
    CLASS_ID = 15

    def __init__(self, predicate: typing.Optional[Predicate], page_size: int, comparator: typing.Any = None):
        if isinstance(predicate, PagingPredicate):
            raise TypeError("a paging predicate cannot wrap another paging predicate: %r" % (predicate,))
        if page_size <= 0:
            raise ValueError("invalid page_size %r: must be greater than 0" % (page_size,))
        self._internal_predicate = predicate
        self._page_size = page_size
        self._page = 0
        self.comparator: typing.Any = comparator
        # Set by the map method running the query: keys, values or entries.
        self.iteration_type: int = IterationType.ENTRY
        # (page, (anchor key, anchor value)): the last entry of each page the
        # member returned so far, so the next query starts from the nearest one.
        self.anchor_list: typing.List[typing.Tuple[int, typing.Tuple[typing.Any, typing.Any]]] = []

    def write_data(self, output: ObjectDataOutput) -> None:
        output.write_object(self._internal_predicate)
        output.write_object(self.comparator)
        output.write_int(self._page)
        output.write_int(self._page_size)
        output.write_string(get_attr_name(IterationType, self.iteration_type))
        output.write_int(len(self.anchor_list))
        for page, (key, value) in self.anchor_list:
            output.write_int(page)
            output.write_object(key)
            output.write_object(value)

    def reset(self) -> None:
        self.iteration_type = IterationType.ENTRY
        del self.anchor_list[:]
        self._page = 0

    def next_page(self) -> int:
        self._page += 1
        return self._page

    def previous_page(self) -> int:
        if self._page > 0:
            self._page -= 1
        return self._page

    @property
    def page(self) -> int:
        return self._page

    @page.setter
    def page(self, new_page: int) -> None:
        if new_page < 0:
            raise ValueError("invalid page %r: must be 0 or greater" % (new_page,))
        self._page = new_page

    @property
    def page_size(self) -> int:
        return self._page_size

    def __repr__(self) -> str:
        return "PagingPredicate(predicate=%r, page_size=%s, comparator=%r)" % (
            self._internal_predicate,
            self._page_size,
            self.comparator,
        )


def sql(expression: str) -> Predicate:
    """Creates a predicate from the condition of an SQL ``WHERE`` clause.

    The expression may use ``AND``, ``OR``, ``NOT``, ``=``, ``!=``, ``<``,
    ``<=``, ``>``, ``>=``, ``BETWEEN``, ``IN``, ``LIKE``, ``ILIKE`` and
    ``REGEX``, e.g. ``"age >= 18 AND name LIKE 'J%'"``.

    Args:
        expression: The condition.

    Returns:
        The predicate.
    """
    return _SqlPredicate(expression)


def equal(attribute: str, value: typing.Any) -> Predicate:
    """Creates a predicate matching entries whose attribute equals a value.

    Args:
        attribute: The attribute to compare.
        value: The value to compare with; may be ``None``.

    Returns:
        The predicate.
    """
    return _EqualPredicate(attribute, value)


def not_equal(attribute: str, value: typing.Any) -> Predicate:
    """Creates a predicate matching entries whose attribute differs from a value.

    Args:
        attribute: The attribute to compare.
        value: The value to compare with; may be ``None``.

    Returns:
        The predicate.
    """
    return _NotEqualPredicate(attribute, value)


def like(attribute: str, pattern: typing.Optional[str]) -> Predicate:
    """Creates a predicate matching string attributes against an SQL ``LIKE``
    pattern, case-sensitively.

    ``%`` matches any run of characters (also none), ``_`` exactly one; a
    backslash escapes them.

    Args:
        attribute: The attribute to match.
        pattern: The pattern; ``None`` matches ``None`` attributes.

    Returns:
        The predicate.
    """
    return _LikePredicate(attribute, pattern)


def ilike(attribute: str, pattern: typing.Optional[str]) -> Predicate:
    """Creates a predicate matching string attributes against an SQL ``LIKE``
    pattern, case-insensitively.

    Args:
        attribute: The attribute to match.
        pattern: The pattern (see :func:`like`); ``None`` matches ``None``
            attributes.

    Returns:
        The predicate.
    """
    return _ILikePredicate(attribute, pattern)


def regex(attribute: str, pattern: typing.Optional[str]) -> Predicate:
    """Creates a predicate matching string attributes against a regular
    expression (Java's ``java.util.regex`` syntax; the whole string must match).

    Args:
        attribute: The attribute to match.
        pattern: The regular expression; ``None`` matches ``None`` attributes.

    Returns:
        The predicate.
    """
    return _RegexPredicate(attribute, pattern)


def and_(*predicates: Predicate) -> Predicate:
    """Creates a predicate matching entries that all the given predicates match.

    With no predicates, it matches every entry.

    Args:
        *predicates: The predicates.

    Returns:
        The predicate.
    """
    return _AndPredicate(predicates)


def or_(*predicates: Predicate) -> Predicate:
    """Creates a predicate matching entries that any of the given predicates matches.

    With no predicates, it matches no entry.

    Args:
        *predicates: The predicates.

    Returns:
        The predicate.
    """
    return _OrPredicate(predicates)


def not_(predicate: Predicate) -> Predicate:
    """Creates a predicate matching the entries the given one does not match.

    Args:
        predicate: The predicate to negate.

    Returns:
        The predicate.
    """
    return _NotPredicate(predicate)


def between(attribute: str, from_: typing.Any, to: typing.Any) -> Predicate:
    """Creates a predicate matching entries whose attribute lies in a range,
    both bounds included.

    Args:
        attribute: The attribute to compare.
        from_: The lower bound.
        to: The upper bound.

    Returns:
        The predicate.
    """
    return _BetweenPredicate(attribute, from_, to)


def in_(attribute: str, *values: typing.Any) -> Predicate:
    """Creates a predicate matching entries whose attribute equals one of the
    given values.

    Args:
        attribute: The attribute to compare.
        *values: The values; may hold ``None``.

    Returns:
        The predicate.
    """
    return _InPredicate(attribute, values)


def instance_of(class_name: str) -> Predicate:
    """Creates a predicate matching entries whose value is an instance of a
    Java class (or of a subclass) on the members.

    Args:
        class_name: The fully qualified Java class name, e.g. ``"java.lang.String"``.

    Returns:
        The predicate.
    """
    return _InstanceOfPredicate(class_name)


def false() -> Predicate:
    """Creates a predicate matching no entry.

    Returns:
        The predicate.
    """
    return _FalsePredicate()


def true() -> Predicate:
    """Creates a predicate matching every entry.

    Returns:
        The predicate.
    """
    return _TruePredicate()


def paging(predicate: Predicate, page_size: int, comparator: typing.Any = None) -> PagingPredicate:
    """Creates a paging predicate: the queries given it return one page of
    the entries the inner predicate matches, sorted.

    Args:
        predicate: The inner predicate; ``None`` matches every entry.
        page_size: The number of entries on a page.
        comparator: A serializable object whose Java counterpart, registered
            on the members, implements ``java.util.Comparator<Map.Entry>``
            (optional: by default ``values`` are sorted by value, keys and
            entries by key).

    Returns:
        The paging predicate.

    Raises:
        TypeError: If ``predicate`` is a paging predicate.
        ValueError: If ``page_size`` is not positive.
    """
    return _PagingPredicate(predicate, page_size, comparator)


def greater(attribute: str, value: typing.Any) -> Predicate:
    """Creates a predicate matching entries whose attribute is greater than a value.

    Args:
        attribute: The attribute to compare.
        value: The value to compare with.

    Returns:
        The predicate.
    """
    return _GreaterLessPredicate(attribute, value, False, False)


def greater_or_equal(attribute: str, value: typing.Any) -> Predicate:
    """Creates a predicate matching entries whose attribute is greater than
    or equal to a value.

    Args:
        attribute: The attribute to compare.
        value: The value to compare with.

    Returns:
        The predicate.
    """
    return _GreaterLessPredicate(attribute, value, True, False)


def less(attribute: str, value: typing.Any) -> Predicate:
    """Creates a predicate matching entries whose attribute is less than a value.

    Args:
        attribute: The attribute to compare.
        value: The value to compare with.

    Returns:
        The predicate.
    """
    return _GreaterLessPredicate(attribute, value, False, True)


def less_or_equal(attribute: str, value: typing.Any) -> Predicate:
    """Creates a predicate matching entries whose attribute is less than or
    equal to a value.

    Args:
        attribute: The attribute to compare.
        value: The value to compare with.

    Returns:
        The predicate.
    """
    return _GreaterLessPredicate(attribute, value, True, True)
