"""The client's address behind our own reverse proxies.

Each trusted proxy appends the address it received the request from to X-Forwarded-For, so with
N proxies the client is the N-th entry from the right. Entries further left are whatever the client
chose to send, which is why we do not take the left-most one (django-ipware's default).
"""

from django.conf import settings


def client_ip(request) -> str | None:
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")
