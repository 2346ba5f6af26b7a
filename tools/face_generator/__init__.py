"""Generator of the blocking twins and asyncio faces of the proxies (see generator.py)."""

from tools.face_generator.generator import PROXIES, generate

__all__ = ["PROXIES", "generate"]
