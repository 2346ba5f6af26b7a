"""Protocol-level values: what the member's error responses and CP calls carry."""

from __future__ import annotations

from typing import Any, List, Optional, Tuple


class StackTraceElement:
    """One line of a member-side Java stack trace.

    Attributes:
        class_name: The declaring class.
        method_name: The method.
        file_name: The source file, if known.
        line_number: The line, or a negative number if unknown.
    """

    __slots__ = ("class_name", "method_name", "file_name", "line_number")

    def __init__(self, class_name: str, method_name: str, file_name: Optional[str], line_number: int):
        self.class_name = class_name
        self.method_name = method_name
        self.file_name = file_name
        self.line_number = line_number

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, StackTraceElement)
            and self.class_name == other.class_name
            and self.method_name == other.method_name
            and self.file_name == other.file_name
            and self.line_number == other.line_number
        )

    def __hash__(self) -> int:
        return hash((self.class_name, self.method_name, self.file_name, self.line_number))

    def __repr__(self) -> str:
        return "StackTraceElement(class_name=%s, method_name=%s, file_name=%s, line_number=%s)" % (
            self.class_name,
            self.method_name,
            self.file_name,
            self.line_number,
        )


class ErrorHolder:
    """A member-side error, as an error response carries it.

    Attributes:
        error_code: The protocol error code (see ``hazelcast.errors``).
        class_name: The Java class of the error.
        message: The error message, if any.
        stack_trace_elements: The member-side stack trace.
    """

    __slots__ = ("error_code", "class_name", "message", "stack_trace_elements")

    def __init__(
        self,
        error_code: int,
        class_name: str,
        message: Optional[str],
        stack_trace_elements: List[StackTraceElement],
    ):
        self.error_code = error_code
        self.class_name = class_name
        self.message = message
        self.stack_trace_elements = stack_trace_elements

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ErrorHolder)
            and self.error_code == other.error_code
            and self.class_name == other.class_name
            and self.message == other.message
            and self.stack_trace_elements == other.stack_trace_elements
        )

    def __hash__(self) -> int:
        return hash((self.error_code, self.class_name, self.message))

    def __repr__(self) -> str:
        return "ErrorHolder(error_code=%s, class_name=%s, message=%s, stack_trace_elements=%s)" % (
            self.error_code,
            self.class_name,
            self.message,
            self.stack_trace_elements,
        )


class RaftGroupId:
    """Identifies a CP group.

    Attributes:
        name: The group name.
        seed: The seed of the group's incarnation.
        id: The group id.
    """

    __slots__ = ("name", "seed", "id")

    def __init__(self, name: str, seed: int, group_id: int):
        self.name = name
        self.seed = seed
        self.id = group_id

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, RaftGroupId)
            and self.name == other.name
            and self.seed == other.seed
            and self.id == other.id
        )

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self.name, self.seed, self.id))

    def __repr__(self) -> str:
        return "RaftGroupId(name=%s, seed=%s, id=%s)" % (self.name, self.seed, self.id)


class AnchorDataListHolder:
    """The anchors of a paging predicate: the last entry of each visited page.

    Attributes:
        anchor_page_list: The page numbers.
        anchor_data_list: The serialized (key, value) anchor of each page.
    """

    __slots__ = ("anchor_page_list", "anchor_data_list")

    def __init__(self, anchor_page_list: List[int], anchor_data_list: List[Tuple[Any, Any]]):
        self.anchor_page_list = anchor_page_list
        self.anchor_data_list = anchor_data_list


class PagingPredicateHolder:
    """A paging predicate in serialized form, as the query requests send it.

    Attributes:
        anchor_data_list_holder: The anchors of the pages visited so far.
        predicate_data: The serialized inner predicate, if any.
        comparator_data: The serialized comparator, if any.
        page_size: Entries per page.
        page: The requested page.
        iteration_type_id: Whether keys, values or entries are iterated.
        partition_key_data: The serialized partition key, if any.
        partition_keys_data: Serialized partition keys, if any.
    """

    __slots__ = (
        "anchor_data_list_holder",
        "predicate_data",
        "comparator_data",
        "page_size",
        "page",
        "iteration_type_id",
        "partition_key_data",
        "partition_keys_data",
    )

    def __init__(
        self,
        anchor_data_list_holder: AnchorDataListHolder,
        predicate_data: Any,
        comparator_data: Any,
        page_size: int,
        page: int,
        iteration_type_id: int,
        partition_key_data: Any,
        partition_keys_data: Optional[List[Any]] = None,
    ):
        self.anchor_data_list_holder = anchor_data_list_holder
        self.predicate_data = predicate_data
        self.comparator_data = comparator_data
        self.page_size = page_size
        self.page = page
        self.iteration_type_id = iteration_type_id
        self.partition_key_data = partition_key_data
        self.partition_keys_data = partition_keys_data
