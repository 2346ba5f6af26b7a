"""User classes with their serializers."""

from __future__ import annotations

from hazelcast.config import Config
from hazelcast.serialization.api import CompactReader, CompactSerializer, CompactWriter, Portable, PortableReader, PortableWriter


class Employee:
    def __init__(self, name: str, age: int) -> None:
        self.name = name
        self.age = age


class EmployeeSerializer(CompactSerializer[Employee]):
    def read(self, reader: CompactReader) -> Employee:
        return Employee(reader.read_string("name") or "", reader.read_int32("age"))

    def write(self, writer: CompactWriter, obj: Employee) -> None:
        writer.write_string("name", obj.name)
        writer.write_int32("age", obj.age)

    def get_type_name(self) -> str:
        return "employee"

    def get_class(self) -> type:
        return Employee


class Point(Portable):
    def __init__(self, x: int = 0, y: int = 0) -> None:
        self.x, self.y = x, y

    def write_portable(self, writer: PortableWriter) -> None:
        writer.write_int("x", self.x)
        writer.write_int("y", self.y)

    def read_portable(self, reader: PortableReader) -> None:
        self.x = reader.read_int("x")
        self.y = reader.read_int("y")

    def get_factory_id(self) -> int:
        return 1

    def get_class_id(self) -> int:
        return 1


config = Config()
config.compact_serializers = [EmployeeSerializer()]
config.portable_factories = {1: {1: Point}}
