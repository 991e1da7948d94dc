"""Redis, when REDIS_URL is set."""

from functools import lru_cache

import redis

from influfinder.settings import get_settings


def ping_redis(url: str, timeout: float = 3.0) -> None:
    client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        client.ping()
    finally:
        client.close()


@lru_cache(maxsize=1)
def redis_client() -> redis.Redis | None:
    url = get_settings().redis_url
    return redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3) if url else None
