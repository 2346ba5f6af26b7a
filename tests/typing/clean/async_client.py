"""The asyncio client: awaiting the same structures."""

from __future__ import annotations

from typing import Optional

from hazelcast.asyncio import HazelcastClient, Map


async def run() -> None:
    client = await HazelcastClient.create_and_start(cluster_name="dev")
    scores: Map[str, int] = await client.get_map("scores")
    await scores.put("ann", 3)
    score: Optional[int] = await scores.get("ann")
    size: int = await scores.size()
    print(score, size + 1)
    await client.shutdown()
