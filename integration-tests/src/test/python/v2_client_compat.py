#!/usr/bin/env python3
"""Plays an original Event Router V2 Python agent against a running router.

Usage: v2_client_compat.py ws://HOST:PORT/

The V2 agents turn every frame they receive into dataclasses with ``Cls(**data)``, so a
single key the router adds inside ``event``, ``metadata`` or ``health`` makes them raise
TypeError. This script builds and parses frames the same way and checks, step by step, that
such an agent keeps working: welcome, subscribe, publish, delivery, ping, health, and an
error reply that leaves the connection usable.

Needs only the ``websockets`` package (Debian: python3-websockets, 10.4 or newer).
Exits 0 when every check passes, 1 when one fails, 2 when it cannot run (usage, missing package).
"""

import asyncio
import json
import sys
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

try:
    import websockets
except ImportError:
    print("FAIL cannot run: the Python package 'websockets' is missing "
          "(Debian: apt-get install python3-websockets)", file=sys.stderr)
    sys.exit(2)

RECEIVE_TIMEOUT_SECONDS = 10.0

# Priorities the V2 client's enum knows; it cannot parse any other value it receives.
V2_PRIORITIES = {1, 3, 5, 7, 9, 10}
HEALTH_STATUSES = {"healthy", "degraded", "unhealthy"}


class CheckFailed(Exception):
    """One compatibility check did not hold."""


# --- The V2 data model: exactly these fields, no more, no fewer. -------------------------


@dataclass
class EventMetadata:
    created_at: str
    correlation_id: Optional[str] = None
    causation_id: Optional[str] = None
    user_id: Optional[str] = None
    session_id: Optional[str] = None
    trace_id: Optional[str] = None
    span_id: Optional[str] = None
    tags: Dict[str, str] = field(default_factory=dict)
    headers: Dict[str, str] = field(default_factory=dict)


@dataclass
class Event:
    id: str
    topic: str
    type: str
    priority: int
    source: str
    target: Optional[str]
    payload: Dict[str, Any]
    metadata: EventMetadata
    timestamp: str
    version: str
    delivery_status: str
    delivery_attempts: int
    last_delivery_attempt: Optional[str]
    delivery_error: Optional[str]


@dataclass
class HealthStatus:
    status: str
    uptime: float
    events_processed: int
    events_failed: int
    events_in_queue: int
    active_subscriptions: int
    connected_clients: int
    last_event_at: Optional[str]
    errors: List[str]


# --- Building and parsing, the way a V2 agent does it. ------------------------------------


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat()


def new_event(topic: str, event_type: str, priority: int, payload: Dict[str, Any]) -> Dict[str, Any]:
    """A publishable event: all 14 keys, metadata with its 9 keys, V2-style timestamps."""
    created = now_iso()
    event = Event(
        id=str(uuid.uuid4()),
        topic=topic,
        type=event_type,
        priority=priority,
        source="v2-compat-agent",
        target=None,
        payload=payload,
        metadata=EventMetadata(
            created_at=created,
            correlation_id=str(uuid.uuid4()),
            tags={"suite": "compat"},
            headers={"x-origin": "python"},
        ),
        timestamp=created,
        version="1.0",
        delivery_status="pending",
        delivery_attempts=0,
        last_delivery_attempt=None,
        delivery_error=None,
    )
    return asdict(event)


def parse_event(data: Dict[str, Any]) -> Event:
    """Rebuilds an Event from a received object; extra or missing keys raise TypeError."""
    fields = dict(data)
    try:
        fields["metadata"] = EventMetadata(**fields["metadata"])
        event = Event(**fields)
    except (TypeError, KeyError) as problem:
        raise CheckFailed(f"a V2 client cannot parse the delivered event ({problem}): {data}")
    if not isinstance(event.priority, int) or isinstance(event.priority, bool):
        raise CheckFailed(f"priority must be a JSON integer, got {event.priority!r}")
    if event.priority not in V2_PRIORITIES:
        raise CheckFailed(f"priority {event.priority} is not one a V2 client can parse")
    parse_timestamp("event.timestamp", event.timestamp)
    parse_timestamp("event.metadata.created_at", event.metadata.created_at)
    return event


def parse_health(data: Dict[str, Any]) -> HealthStatus:
    try:
        health = HealthStatus(**data)
    except TypeError as problem:
        raise CheckFailed(f"a V2 client cannot parse the health object ({problem}): {data}")
    if health.status not in HEALTH_STATUSES:
        raise CheckFailed(f"unknown health status {health.status!r}")
    if health.last_event_at is not None:
        parse_timestamp("health.last_event_at", health.last_event_at)
    return health


def parse_timestamp(name: str, text: str) -> datetime:
    # Python before 3.11 rejects a trailing 'Z', so the router must write an explicit offset.
    if not isinstance(text, str) or not text.endswith("+00:00"):
        raise CheckFailed(f"{name} should end with '+00:00', got {text!r}")
    try:
        return datetime.fromisoformat(text)
    except ValueError as problem:
        raise CheckFailed(f"{name}: datetime.fromisoformat cannot parse {text!r} ({problem})")


def require(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


# --- Talking to the router. ----------------------------------------------------------------


class Connection:
    """A socket plus a holding area, since replies and deliveries may arrive in any order."""

    def __init__(self, socket):
        self.socket = socket
        self.held: List[Dict[str, Any]] = []

    async def send(self, message: Dict[str, Any]) -> None:
        await self.socket.send(json.dumps(message))

    async def expect(self, frame_type: str) -> Dict[str, Any]:
        for index, frame in enumerate(self.held):
            if frame.get("type") == frame_type:
                return self.held.pop(index)
        while True:
            try:
                text = await asyncio.wait_for(self.socket.recv(), RECEIVE_TIMEOUT_SECONDS)
            except asyncio.TimeoutError:
                raise CheckFailed(f"no '{frame_type}' frame within {RECEIVE_TIMEOUT_SECONDS:.0f} s "
                                  f"(other frames received: {self.held})")
            frame = json.loads(text)
            if frame.get("type") == frame_type:
                return frame
            self.held.append(frame)


async def run(url: str) -> None:
    async with websockets.connect(url) as socket:
        conn = Connection(socket)

        welcome = await conn.expect("welcome")
        require(isinstance(welcome.get("client_id"), str) and welcome["client_id"],
                f"welcome has no client_id: {welcome}")
        parse_timestamp("welcome.server_time", welcome.get("server_time"))
        print(f"ok   welcome as {welcome['client_id']}")

        await conn.send({"type": "subscribe",
                         "subscription": {"topics": ["task.*"], "types": [], "priorities": [], "sources": []}})
        subscribed = await conn.expect("subscribed")
        subscription_id = subscribed.get("subscription_id")
        require(isinstance(subscription_id, str) and subscription_id,
                f"subscribed has no subscription_id: {subscribed}")
        print(f"ok   subscribed to task.* as {subscription_id}")

        sent = new_event("task.created", "task.created", 7, {"task_id": "t-42", "title": "compat check"})
        await conn.send({"type": "publish", "event": sent})
        published = await conn.expect("published")
        require(published.get("status") == "queued", f"publish was not queued: {published}")
        require(published.get("event_id") == sent["id"],
                f"published.event_id {published.get('event_id')!r} is not the id sent, {sent['id']!r}")
        print(f"ok   published {sent['id']}")

        delivery = await conn.expect("event")
        require(delivery.get("subscription_id") == subscription_id,
                f"event frame names subscription {delivery.get('subscription_id')!r}, expected {subscription_id!r}")
        received = parse_event(delivery.get("event"))
        require(received.id == sent["id"], f"delivered id {received.id!r} differs from {sent['id']!r}")
        require(received.topic == "task.created" and received.type == "task.created",
                f"topic/type changed in transit: {received.topic!r}/{received.type!r}")
        require(received.priority == 7, f"priority changed in transit: {received.priority!r}")
        require(received.payload == sent["payload"], f"payload changed in transit: {received.payload!r}")
        require(received.source == sent["source"], f"source changed in transit: {received.source!r}")
        require(received.metadata.correlation_id == sent["metadata"]["correlation_id"],
                "metadata.correlation_id changed in transit")
        require(received.metadata.tags == sent["metadata"]["tags"], "metadata.tags changed in transit")
        require(received.metadata.headers == sent["metadata"]["headers"], "metadata.headers changed in transit")
        print("ok   event delivered and parsed into the V2 dataclasses")

        nonce = str(uuid.uuid4())
        await conn.send({"type": "ping", "echo": {"nonce": nonce}})
        pong = await conn.expect("pong")
        require(pong.get("echo") == {"nonce": nonce}, f"pong did not echo what was sent: {pong}")
        parse_timestamp("pong.timestamp", pong.get("timestamp"))
        print("ok   ping/pong echoed")

        await conn.send({"type": "get_health"})
        reply = await conn.expect("health")
        health = parse_health(reply.get("health"))
        require(health.connected_clients >= 1, f"health counts no connected client: {health}")
        require(health.active_subscriptions >= 1, f"health counts no subscription: {health}")
        print(f"ok   health parsed: status {health.status}, {health.events_processed} processed")

        await conn.send({"type": "no_such_message_type"})
        error = await conn.expect("error")
        require(isinstance(error.get("error"), str) and error["error"],
                f"error frame has no error text: {error}")
        print(f"ok   unknown type answered with error: {error['error']}")

        await conn.send({"type": "ping", "echo": "still-there"})
        pong = await conn.expect("pong")
        require(pong.get("echo") == "still-there", f"connection unusable after an error: {pong}")
        print("ok   connection still usable after the error")


def main(argv: List[str]) -> int:
    if len(argv) != 2:
        print("usage: v2_client_compat.py ws://HOST:PORT/", file=sys.stderr)
        return 2
    try:
        asyncio.run(run(argv[1]))
    except CheckFailed as failure:
        print(f"FAIL {failure}", file=sys.stderr)
        return 1
    except (OSError, websockets.WebSocketException) as failure:
        print(f"FAIL connection to {argv[1]}: {failure!r}", file=sys.stderr)
        return 1
    print("PASS a V2 Python client works against this router")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
