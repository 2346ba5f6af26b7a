"""Generator of the protocol codecs under hazelcast/protocol/codec/."""

from tools.codec_generator.generator import generate

__all__ = ["generate"]
